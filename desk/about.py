"""What Help › About says: Desk's version, its database and data folder, and the licences of the libraries
it runs on (every installed distribution Desk requires, followed recursively) and of the fonts it prints with.
"""

from __future__ import annotations

import platform
import re
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from desk import __version__, config

# the fonts Desk prints with on Linux (Debian: fonts-arphic-uming, fonts-arphic-ukai, fonts-wqy-zenhei, Liberation)
FONT_LICENCES = {
    "uming": "Arphic Public License",
    "ukai": "Arphic Public License",
    "wqy-zenhei": "GPL-2.0 with font embedding exception",
    "wqy-microhei": "Apache-2.0 or GPL-3.0 with font embedding exception",
    "liberation": "SIL Open Font License 1.1",
    "dejavu": "Bitstream Vera Fonts licence (free)",
}
SYSTEM_FONT = "licensed with the operating system"
FONT_FAMILIES = {"宋体": True, "仿宋": True, "楷体": True, "黑体": True, "Times New Roman": False}
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str


@dataclass(frozen=True)
class About:
    version: str
    database: str  # the URL with any password hidden
    data_folder: Path
    libraries: tuple[Component, ...]


def licence(dist: metadata.Distribution) -> str:
    """A distribution's licence as its metadata states it (SPDX expression, short licence field or classifier)."""
    md = dist.metadata
    text = (md.get_all("License-Expression") or [""])[0]
    if not text:
        field = (md.get_all("License") or [""])[0].strip()
        text = field if field and "\n" not in field and len(field) <= 60 else ""
    if not text:
        found = [c.rsplit("::", 1)[-1].strip() for c in md.get_all("Classifier") or [] if c.startswith("License ::")]
        text = ", ".join(found)
    return text or "see the distribution"


def _requirements(dist: metadata.Distribution, extras: tuple[str, ...]) -> list[tuple[str, tuple[str, ...]]]:
    """(name, extras asked for) of each requirement that applies with ``extras``."""
    names = []
    for req in dist.requires or []:
        spec, _, marker = req.partition(";")
        extra = re.search(r"""extra\s*==\s*["']([^"']+)["']""", marker)
        if extra and extra.group(1) not in extras:
            continue
        found = _NAME.match(spec.strip())
        if found:
            asked = re.search(r"\[([^\]]*)\]", spec)
            names.append((found.group(0), tuple(e.strip() for e in asked.group(1).split(",")) if asked else ()))
    return names


def libraries(root: str = "desk", extras: tuple[str, ...] = ("postgres",)) -> tuple[Component, ...]:
    """Python, then every installed distribution ``root`` requires, recursively, with its version and licence."""
    seen: dict[str, Component] = {}
    todo = [(root, extras)]
    while todo:
        name, asked = todo.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen[key] = Component(dist.metadata["Name"], dist.version, licence(dist))
        todo.extend(_requirements(dist, asked))
    seen.pop(root, None)
    python = Component("Python", platform.python_version(), "PSF-2.0")
    return (python, *sorted(seen.values(), key=lambda c: c.name.lower()))


def hidden_password(url: str) -> str:
    """``postgresql+psycopg://user:secret@host/db`` → ``postgresql+psycopg://user:***@host/db``."""
    return re.sub(r"(://[^:/@]+:).*@", r"\1***@", url)


def about() -> About:
    return About(__version__, hidden_password(config.database_url()), config.desk_home(), libraries())


def fonts() -> tuple[Component, ...]:
    """The font each of Desk's font families prints with on this machine (file name, licence)."""
    from desk.render.fonts import default_fonts

    found: dict[str, Component] = {}
    for family, east_asian in FONT_FAMILIES.items():
        try:
            path = default_fonts().face(family, east_asian=east_asian).info.path
        except LookupError:
            continue
        stem = path.name.lower()
        text = next((v for k, v in FONT_LICENCES.items() if stem.startswith(k)), SYSTEM_FONT)
        found.setdefault(path.name, Component(f"{family}: {path.name}", "", text))
    return tuple(found.values())

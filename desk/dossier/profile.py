"""Binding profiles: which sections each volume has, what each section takes, in which order.

A profile is a TOML file (the keys are explained in ``profiles/default.toml``): pure data, no expressions.
Desk ships ``default`` (documents.md's binding order) and ``chronological``; an agency adds or overrides
profiles by dropping ``<name>.toml`` into ``DESK_HOME/profiles/``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desk import config
from desk.casefile import limits
from desk.catalogue import STEPS, catalogue
from desk.errors import UserError

SHIPPED_DIR = Path(__file__).parent / "profiles"
VOLUMES = ("main", "sub")
ORDERS = ("listed", "catalogue", "date")
_SECTION_KEYS = {"title", "kinds", "steps", "served", "attachments", "rest", "order"}


@dataclass(frozen=True)
class Section:
    title: str
    kinds: tuple[str, ...] = ()
    steps: tuple[str, ...] = ()
    served: bool = False
    attachments: tuple[str, ...] = ()
    rest: bool = False
    order: str = "catalogue"


@dataclass(frozen=True)
class Profile:
    name: str
    title: str
    volumes: dict[str, tuple[Section, ...]]

    def rest_of(self, volume: str) -> Section:
        return next(s for s in self.volumes[volume] if s.rest)


def profile_dirs() -> list[Path]:
    """Where profiles are looked for: the agency's own first, then the shipped ones."""
    return [config.desk_home() / "profiles", SHIPPED_DIR]


def available() -> list[str]:
    names = {p.stem for d in profile_dirs() if d.is_dir() for p in d.glob("*.toml")}
    return sorted(names)


def load_profile(name: str) -> Profile:
    """The profile called ``name`` (the agency's own file wins over a shipped one of the same name)."""
    for folder in profile_dirs():
        path = folder / f"{name}.toml"
        if path.is_file():
            return parse_profile(name, path)
    raise UserError("dossier_profile_unknown", name=name, choices=available())


def parse_profile(name: str, path: Path) -> Profile:
    """Read and check one profile file; any problem is a ``UserError`` naming the file and the problem."""
    try:
        data = tomllib.loads(limits.read_settings_text(path))
    except tomllib.TOMLDecodeError as exc:
        raise _invalid(path, str(exc)) from exc
    try:
        return _profile(name, path, data)
    except (AttributeError, TypeError, ValueError):  # a value of the wrong shape (a number where a table goes …)
        raise _invalid(path, _shape()) from None


def _shape() -> str:
    from desk.i18n import gettext

    return gettext("a key holds a value of the wrong kind; compare with profiles/default.toml")


def _profile(name: str, path: Path, data: dict[str, Any]) -> Profile:
    volumes: dict[str, tuple[Section, ...]] = {}
    for raw in data.get("volumes", []):
        vid = raw.get("id")
        if vid not in VOLUMES or vid in volumes:
            raise _invalid(path, f"volume id “{vid}” must be one of {', '.join(VOLUMES)}, each once")
        sections = tuple(_section(raw_section, path) for raw_section in raw.get("sections", []))
        if sum(s.rest for s in sections) != 1:
            raise _invalid(path, f"volume “{vid}” needs exactly one section with rest = true")
        volumes[vid] = sections
    missing = [v for v in VOLUMES if v not in volumes]
    if missing:
        raise _invalid(path, f"no [[volumes]] with id = “{missing[0]}”")
    return Profile(name=name, title=str(data.get("title", name)), volumes=volumes)


def _invalid(path: Path, detail: str) -> UserError:
    return UserError("dossier_profile_invalid", path=path, detail=detail)


def _section(raw: dict[str, object], path: Path) -> Section:
    unknown = set(raw) - _SECTION_KEYS
    if unknown:
        raise _invalid(path, f"unknown key “{sorted(unknown)[0]}” in a section")
    title = raw.get("title")
    if not isinstance(title, str) or not title:
        raise _invalid(path, "every section needs a title")

    def names(key: str, known: Collection[str] = ()) -> tuple[str, ...]:
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise _invalid(path, f"{key} of section “{title}” must be a list of names")
        strange = [v for v in value if known and v not in known]
        if strange:
            raise _invalid(path, f"section “{title}” names the unknown {key[:-1]} “{strange[0]}”")
        return tuple(value)

    order = raw.get("order", "catalogue")
    if order not in ORDERS:
        raise _invalid(path, f"order of section “{title}” must be one of {', '.join(ORDERS)}")
    return Section(title=title, kinds=names("kinds", catalogue()), steps=names("steps", STEPS),
                   served=bool(raw.get("served", False)), attachments=names("attachments"),
                   rest=bool(raw.get("rest", False)), order=str(order))

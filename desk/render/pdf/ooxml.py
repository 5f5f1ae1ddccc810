"""WordprocessingML names and units, and the DOCX package (zip parts and their relationships)."""

from __future__ import annotations

import posixpath
import zipfile
from functools import cached_property
from io import BytesIO
from pathlib import Path
from typing import TypeAlias

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
NS = {"w": W, "r": R, "a": A, "wp": WP}

Element: TypeAlias = etree._Element


def w(tag: str) -> str:
    """Clark name of a ``w:`` element or attribute."""
    return f"{{{W}}}{tag}"


def local(el: Element) -> str:
    return etree.QName(el).localname


def wval(el: Element | None, attr: str = "val") -> str | None:
    return None if el is None else el.get(w(attr))


def is_on(value: str | None) -> bool:
    """An OOXML on/off value (an element without ``w:val`` is on)."""
    return value not in ("0", "false", "off", "none")


def twips(value: str | None, default: float = 0.0) -> float:
    """Twentieths of a point → points."""
    try:
        return int(float(value)) / 20.0 if value is not None else default
    except ValueError:
        return default


def emu(value: str | None) -> float:
    """English metric units → points."""
    return int(value or 0) / 12700.0


class DocxPackage:
    """The parts of a DOCX file, parsed on demand."""

    def __init__(self, docx: bytes | Path) -> None:
        data = docx.read_bytes() if isinstance(docx, Path) else docx
        self._zip = zipfile.ZipFile(BytesIO(data))
        self._names = set(self._zip.namelist())
        self._xml: dict[str, Element] = {}

    def has(self, name: str) -> bool:
        return name in self._names

    def read(self, name: str) -> bytes:
        return self._zip.read(name)

    def xml(self, name: str) -> Element | None:
        if name not in self._xml:
            if name not in self._names:
                return None
            self._xml[name] = etree.fromstring(self._zip.read(name))
        return self._xml[name]

    def rels(self, part: str) -> dict[str, str]:
        """Relationship id → target part name, for ``part``."""
        folder, base = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        out: dict[str, str] = {}
        for rel in root if root is not None else ():
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            out[rel.get("Id", "")] = path
        return out

    def rel_types(self, part: str) -> dict[str, str]:
        """Relationship type (last path segment, e.g. ``styles``) → target part name."""
        folder, base = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        targets = self.rels(part)
        return {
            rel.get("Type", "").rsplit("/", 1)[-1]: targets[rel.get("Id", "")]
            for rel in (root if root is not None else ())
            if rel.get("Id", "") in targets
        }

    @cached_property
    def main(self) -> str:
        """The main document part's name (normally ``word/document.xml``)."""
        return self.rel_types("").get("officeDocument", "word/document.xml")

    @cached_property
    def document(self) -> Element:
        root = self.xml(self.main)
        if root is None:
            raise ValueError("not a Word document: no main document part")
        return root

    def related(self, kind: str) -> Element | None:
        """A part related to the main document by type (``styles``, ``settings``, ``theme``, ``numbering``)."""
        name = self.rel_types(self.main).get(kind)
        return self.xml(name) if name else None

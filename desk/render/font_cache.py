"""Parsed TrueType fonts kept on disk, so that a fresh process does not parse a Chinese font again.

reportlab's ``TTFont`` walks a whole font file in Python (cmap, hmtx, loca: ~25 000 glyphs for a Chinese font)
before the first character can be measured: 50-80 ms per font, paid by every ``desk render`` process. What it
extracts depends on nothing but the font file, so it is kept in the user's cache folder (``DESK_CACHE``, else
the platform's user cache folder), one file per font, keyed by the font file's path, size and modification time,
the font's index in a collection and reportlab's version. A changed, moved or replaced font file, or another
reportlab, misses the cache and is parsed afresh. The font bytes themselves come from the font file every
time (mapped into memory; subsets are cut from them): only reportlab's parsed tables are cached.

The cache is read with an unpickler that builds nothing but plain data and reportlab's name strings; a cache
file that cannot be read is ignored (and rewritten), one that cannot be written is not kept.
"""

from __future__ import annotations

import gc
import hashlib
import io
import logging
import mmap
import operator
import os
import pickle
import tempfile
from array import array
from collections.abc import Sequence
from fnmatch import fnmatch
from functools import partial
from pathlib import Path
from typing import Any, overload
from weakref import WeakKeyDictionary

from reportlab import Version as REPORTLAB_VERSION
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace
from reportlab.rl_config import unShapedFontGlob

log = logging.getLogger(__name__)

FORMAT = 2
# reportlab attributes not kept: the font file's bytes (read afresh), glyph → characters (Desk drops it: it lays
# text out itself), and the em scale (a closure, rebuilt from unitsPerEm)
_NOT_KEPT = frozenset({"_ttf_data", "glyphToChar", "_pdfScale"})


def cache_dir() -> Path:
    """``DESK_CACHE``, else the platform's user cache folder for Desk."""
    env = os.environ.get("DESK_CACHE")
    if env:
        return Path(env).expanduser() / "fonts"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("Desk", appauthor=False)) / "fonts"


def _entry(path: Path, index: int) -> Path:
    stat = path.stat()
    key = f"{FORMAT}|{REPORTLAB_VERSION}|{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{index}"
    return cache_dir() / f"{hashlib.sha256(key.encode()).hexdigest()[:32]}.pickle"


class _Unpickler(pickle.Unpickler):
    """Plain data and reportlab's name strings only: a cache file cannot make this process run anything."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == (TTFNameBytes.__module__, TTFNameBytes.__name__):
            return TTFNameBytes
        raise pickle.UnpicklingError(f"{module}.{name} is not font data")


class _HMetrics(Sequence[tuple[float, int]]):
    """reportlab's ``hmetrics`` (glyph → (advance width, left side bearing)) over two arrays: read from the cache
    as two copies of bytes, not as 25 000 tuples. (reportlab keeps the advances of the glyphs after the last
    full metric scaled, as floats; subsetting takes ``int`` of each: a float array keeps both exactly.)"""

    def __init__(self, advances: array[float], bearings: array[int]) -> None:
        self._advances, self._bearings = advances, bearings

    @overload
    def __getitem__(self, index: int) -> tuple[float, int]: ...
    @overload
    def __getitem__(self, index: slice) -> list[tuple[float, int]]: ...
    def __getitem__(self, index: int | slice) -> tuple[float, int] | list[tuple[float, int]]:
        if isinstance(index, slice):
            return list(zip(self._advances[index], self._bearings[index], strict=True))
        return self._advances[index], self._bearings[index]

    def __len__(self) -> int:
        return len(self._advances)


def _packed(state: dict[str, Any]) -> dict[str, Any]:
    """The face's state with its two long lists as array bytes."""
    advances, bearings = zip(*state.pop("hmetrics"), strict=True) if state["hmetrics"] else ((), ())
    state["hmetrics"] = (array("d", advances).tobytes(), array("i", bearings).tobytes())
    state["glyphPos"] = array("q", state["glyphPos"]).tobytes()
    return state


def _unpacked(state: dict[str, Any]) -> dict[str, Any]:
    advances, bearings = array("d"), array("i")
    advances.frombytes(state["hmetrics"][0])
    bearings.frombytes(state["hmetrics"][1])
    state["hmetrics"] = _HMetrics(advances, bearings)
    positions = array("q")
    positions.frombytes(state["glyphPos"])
    state["glyphPos"] = positions
    return state


def _scale(units_per_em: int) -> Any:
    """reportlab's font-units → thousandths-of-em scale, as ``extractInfo`` makes it."""
    return (lambda x: x) if units_per_em == 1000 else partial(operator.mul, 1000 / units_per_em)


def _mapped(path: Path) -> bytes:
    """The font file's bytes, mapped rather than read: a subset takes only the glyphs a document uses out of
    the 20 MB of a Chinese font."""
    with path.open("rb") as f:
        try:
            return mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)  # type: ignore[return-value]
        except (OSError, ValueError):
            return f.read()


def _cached_face(entry: Path, path: Path) -> TTFontFace | None:
    collecting = gc.isenabled()
    gc.disable()  # ~100 000 new objects would start collections of a heap that holds only long-lived ones
    try:
        state = _unpacked(_Unpickler(io.BytesIO(entry.read_bytes())).load())
    except FileNotFoundError:
        return None
    except Exception as exc:  # a truncated or foreign file: parse the font again
        log.info("font cache %s unreadable (%s): parsing the font", entry, exc)
        return None
    finally:
        if collecting:
            gc.enable()
    face = TTFontFace.__new__(TTFontFace)
    face.__dict__.update(state)
    face._ttf_data = _mapped(path)
    face._pdfScale = _scale(face.unitsPerEm)
    return face


def _store(entry: Path, face: TTFontFace) -> None:
    state = _packed({k: v for k, v in face.__dict__.items() if k not in _NOT_KEPT})
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=entry.parent, suffix=".tmp", delete=False) as out:
            pickle.dump(state, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(out.name, entry)
    except OSError as exc:
        log.info("font cache %s not written (%s)", entry, exc)


def load_font(name: str, path: Path, index: int, *, ascii_readable: bool) -> TTFont:
    """reportlab's ``TTFont(name, path, subfontIndex=index, asciiReadable=ascii_readable)``, its parsed tables
    from the cache when there."""
    entry = _entry(path, index)
    face = _cached_face(entry, path)
    if face is None:
        font = TTFont(name, str(path), subfontIndex=index, asciiReadable=ascii_readable)
        _store(entry, font.face)
        return font
    font = TTFont.__new__(TTFont)  # what TTFont.__init__ sets, with the face from the cache
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = ascii_readable
    font.shapable = not any(fnmatch(name, glob) for glob in unShapedFontGlob)
    return font

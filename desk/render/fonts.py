"""Template font names → installed TrueType fonts that reportlab can embed (as subsets).

A DOCX names fonts the way a Chinese office names them (仿宋_GB2312, 方正小标宋简体, 宋体, Times New Roman).
When a font of exactly that family name is installed, it is used (with its real bold and italic). Otherwise the
name is an *alias* of a *family* (``fangsong``, ``xiaobiaosong``, ``song``, ``serif`` …); each family lists
candidate font files per style, best first: the Windows font, the macOS font, then the free Linux font. The
first candidate found on this machine is used. A candidate is ``file[#family name]`` (the family name picks a
font inside a ``.ttc`` collection) or an absolute path.

Fallbacks on a machine without the Chinese office fonts (Debian: fonts-arphic-uming, fonts-arphic-ukai,
fonts-wqy-zenhei):

- 宋体, 小标宋 → AR PL UMing CN (a Ming/Song face);
- 仿宋 → AR PL UMing CN too: 仿宋 is a Song skeleton drawn with even strokes; UMing keeps its upright, square
  proportions and light colour, whereas the brush forms of UKai differ in structure — and mapping 仿宋 to
  UKai would make 仿宋 and 楷体 look the same;
- 楷体 → AR PL UKai CN; 黑体, 微软雅黑 → WenQuanYi Zen Hei;
- Times New Roman → Liberation Serif (metric-compatible), Arial → Liberation Sans, Courier New → Liberation Mono.

The table is a setting: ``fonts.toml`` in ``DESK_HOME`` may add aliases and replace candidate lists, and font
files dropped into ``DESK_HOME/fonts`` are found first::

    [aliases]
    "方正仿宋_GBK" = "fangsong"
    [families.fangsong]
    regular = ["仿宋_GB2312.ttf", "simfang.ttf", "uming.ttc#AR PL UMing CN"]

reportlab embeds only TrueType (glyf) outlines; CFF-flavoured fonts (Noto CJK ``.ttc``/``.otf``, most
``.otf``) are skipped with a message in ``FontMap.problems``. Fonts are registered with reportlab once per
process; what reportlab parses out of a font file is kept on disk (desk.render.font_cache).
"""

from __future__ import annotations

import logging
import os
import struct
import sys
import tomllib
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.pdfbase import pdfdoc, pdfmetrics

from desk import config
from desk.render.font_cache import load_font

log = logging.getLogger(__name__)

_UMING, _UKAI, _ZENHEI = "uming.ttc#AR PL UMing CN", "ukai.ttc#AR PL UKai CN", "wqy-zenhei.ttc#WenQuanYi Zen Hei"
# style → file name endings on Windows (times.ttf, timesbd.ttf …), macOS, Linux (Liberation), DejaVu
_SUFFIXES = {"regular": ("", "", "Regular", ""), "bold": ("bd", " Bold", "Bold", "-Bold"),
             "italic": ("i", " Italic", "Italic", "-Italic"),
             "bold_italic": ("bi", " Bold Italic", "BoldItalic", "-BoldItalic")}  # fmt: skip


def _latin(win: str, mac: str, linux: str, dejavu: str) -> dict[str, list[str]]:
    """The four styles of a Latin family, each in the files of every platform."""
    return {style: [f"{win}{a}.ttf", f"{mac}{b}.ttf", f"{linux}-{c}.ttf", f"{dejavu}{d}.ttf"]
            for style, (a, b, c, d) in _SUFFIXES.items()}  # fmt: skip


DEFAULT_FAMILIES: dict[str, dict[str, list[str]]] = {
    "song": {"regular": ["simsun.ttc#SimSun", "Songti.ttc#Songti SC", "STSong.ttf", _UMING, "gbsn00lp.ttf"]},
    "fangsong": {"regular": ["仿宋_GB2312.ttf", "simfang.ttf", "Fangsong.ttf", "STFangsong.ttf", _UMING, _UKAI]},
    "xiaobiaosong": {
        "regular": ["FZXBSJW.TTF", "方正小标宋简体.ttf", "simsun.ttc#SimSun", "Songti.ttc#Songti SC", _UMING]
    },
    "kai": {"regular": ["楷体_GB2312.ttf", "simkai.ttf", "Kaiti.ttc#STKaiti", "STKaiti.ttf", _UKAI, "gkai00mp.ttf"]},
    "hei": {"regular": ["simhei.ttf", "STHeiti Medium.ttc#Heiti SC", _ZENHEI, "wqy-microhei.ttc#WenQuanYi Micro Hei"]},
    "yahei": {"regular": ["msyh.ttc#Microsoft YaHei", "msyh.ttf", "PingFang.ttc#PingFang SC", _ZENHEI]},
    "serif": _latin("times", "Times New Roman", "LiberationSerif", "DejaVuSerif"),
    "sans": _latin("arial", "Arial", "LiberationSans", "DejaVuSans"),
    "mono": _latin("cour", "Courier New", "LiberationMono", "DejaVuSansMono"),
    "symbols": {"regular": ["seguisym.ttf", "Apple Symbols.ttf", "DejaVuSans.ttf"]},
}

DEFAULT_ALIASES: dict[str, str] = {
    **dict.fromkeys(["宋体", "SimSun", "新宋体", "NSimSun", "华文宋体", "STSong", "Songti SC", "宋体-简"], "song"),
    **dict.fromkeys(["仿宋", "仿宋_GB2312", "FangSong", "FangSong_GB2312", "华文仿宋", "STFangsong"], "fangsong"),
    **dict.fromkeys(["方正仿宋_GBK", "方正仿宋简体", "方正仿宋_GB2312"], "fangsong"),
    **dict.fromkeys(["方正小标宋简体", "方正小标宋_GBK", "小标宋", "小标宋体", "FZXiaoBiaoSong-B05S"], "xiaobiaosong"),
    **dict.fromkeys(["楷体", "楷体_GB2312", "KaiTi", "KaiTi_GB2312", "华文楷体", "STKaiti", "方正楷体_GBK"], "kai"),
    **dict.fromkeys(["黑体", "SimHei", "华文黑体", "STHeiti", "方正黑体_GBK", "方正黑体简体"], "hei"),
    **dict.fromkeys(["微软雅黑", "Microsoft YaHei", "PingFang SC"], "yahei"),
    **dict.fromkeys(["Times New Roman", "Times", "Cambria", "Georgia", "Liberation Serif"], "serif"),
    **dict.fromkeys(["Arial", "Helvetica", "Calibri", "Verdana", "Tahoma", "Liberation Sans"], "sans"),
    **dict.fromkeys(["Courier New", "Courier", "Consolas", "Liberation Mono"], "mono"),
}

# A name not in the table still says what it is (tried in this order).
_HINTS = {"小标宋": "xiaobiaosong", "仿宋": "fangsong", "fangsong": "fangsong", "楷": "kai", "kai": "kai",
          "雅黑": "yahei", "黑": "hei", "hei": "hei", "宋": "song", "song": "song", "ming": "song"}  # fmt: skip
FALLBACK_ORDER = ("song", "hei", "kai", "serif", "sans", "symbols")


def font_dirs() -> list[Path]:
    """Where fonts are looked for: ``DESK_HOME/fonts`` first, then the platform's font folders."""
    home = Path.home()
    dirs = [config.desk_home() / "fonts"]
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", "C:/Windows"))
        dirs += [windir / "Fonts", Path(os.environ.get("LOCALAPPDATA", home)) / "Microsoft/Windows/Fonts"]
    elif sys.platform == "darwin":
        dirs += [
            Path("/System/Library/Fonts"),
            Path("/System/Library/Fonts/Supplemental"),
            Path("/Library/Fonts"),
            home / "Library/Fonts",
        ]
    else:
        dirs += [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".local/share/fonts", home / ".fonts"]
    return dirs


@cache
def _file_index(dirs: tuple[Path, ...]) -> dict[str, Path]:
    """Lower-case file name → path of every TrueType/OpenType file under ``dirs`` (first one wins)."""
    index: dict[str, Path] = {}
    for root in dirs:
        if root.is_dir():
            for path in sorted(root.rglob("*")):
                if path.suffix.lower() in (".ttf", ".ttc", ".otf") and path.is_file():
                    index.setdefault(path.name.lower(), path)
    return index


@dataclass(frozen=True)
class SfntInfo:
    """What Desk needs from one font of a file, read from its tables without loading the whole font."""

    path: Path
    index: int
    families: frozenset[str]
    cff: bool
    ascent: float  # per point of size, as LibreOffice measures it: hhea ascender + line gap (or OS/2 typo)
    descent: float
    underline_position: float
    underline_thickness: float
    style: str = "regular"  # regular, bold, italic, bold_italic (head.macStyle)


def _read(f: BinaryIO, offset: int, size: int) -> bytes:
    f.seek(offset)
    return f.read(size)


def _names(raw: bytes) -> set[str]:
    _, count, strings = struct.unpack_from(">HHH", raw, 0)
    names = set()
    for i in range(count):
        platform, _, _, name_id, length, off = struct.unpack_from(">HHHHHH", raw, 6 + 12 * i)
        if name_id in (1, 4, 16):
            text = raw[strings + off : strings + off + length]
            names.add(text.decode("utf-16-be", "replace") if platform in (0, 3) else text.decode("latin-1"))
    return names


def _font_info(f: BinaryIO, path: Path, index: int, offset: int) -> SfntInfo:
    head = _read(f, offset, 12)
    count = struct.unpack_from(">H", head, 4)[0]
    directory = _read(f, offset + 12, 16 * count)
    t: dict[bytes, bytes] = {}
    cff = head[:4] == b"OTTO"
    for i in range(count):
        tag, _, start, length = struct.unpack_from(">4sIII", directory, 16 * i)
        cff = cff or tag in (b"CFF ", b"CFF2")
        if tag in (b"head", b"hhea", b"OS/2", b"post", b"name"):
            t[tag] = _read(f, start, length)
    upem = struct.unpack_from(">H", t[b"head"], 18)[0]
    asc, desc, gap = struct.unpack_from(">hhh", t[b"hhea"], 4)
    os2 = t.get(b"OS/2", b"")
    if len(os2) >= 74 and struct.unpack_from(">H", os2, 62)[0] & 0x80:  # USE_TYPO_METRICS
        asc, desc, gap = struct.unpack_from(">hhh", os2, 68)
    post = t.get(b"post", b"")
    ul_pos, ul_thick = struct.unpack_from(">hh", post, 8) if len(post) >= 12 else (-100, 50)
    names = frozenset(_names(t[b"name"]))
    mac_style = struct.unpack_from(">H", t[b"head"], 44)[0]
    style = {0: "regular", 1: "bold", 2: "italic", 3: "bold_italic"}[mac_style & 3]
    metrics = ((asc + gap) / upem, -desc / upem, ul_pos / upem, max(ul_thick, 1) / upem)
    return SfntInfo(path, index, names, cff, *metrics, style=style)


def read_sfnt(path: Path) -> list[SfntInfo]:
    """Every font in ``path`` (one, or several for a ``.ttc`` collection); reads only the few tables needed."""
    with path.open("rb") as f:
        offsets = [0]
        if _read(f, 0, 4) == b"ttcf":
            count = struct.unpack(">I", _read(f, 8, 4))[0]
            offsets = list(struct.unpack(f">{count}I", _read(f, 12, 4 * count)))
        return [_font_info(f, path, i, offset) for i, offset in enumerate(offsets)]


@cache
def _sfnt(path: Path) -> list[SfntInfo]:
    return read_sfnt(path)


@dataclass(frozen=True, eq=False)
class Face:
    """A registered font ready for drawing (``name`` is its reportlab name) and how to fake missing styles."""

    name: str
    info: SfntInfo
    widths: Mapping[int, float] = field(repr=False)  # code point → width per 1000 units of em
    default_width: float
    fake_bold: bool = False
    fake_italic: bool = False

    def has(self, char: str) -> bool:
        return ord(char) in self.widths

    def width(self, text: str, size: float) -> float:
        w, d = self.widths, self.default_width
        return sum(w.get(ord(c), d) for c in text) * size / 1000.0

    def styled(self, *, bold: bool, italic: bool) -> Face:
        """The same font, with bold and/or italic to be faked at drawing time."""
        if (bold, italic) == (self.fake_bold, self.fake_italic):
            return self
        return _styled(self, bold, italic)


@cache
def _styled(face: Face, bold: bool, italic: bool) -> Face:
    return Face(face.name, face.info, face.widths, face.default_width, bold, italic)


class _GlyphTable:
    """The ``glyf`` table of a font, sliced without copying: reportlab's subsetter takes ``get_table("glyf")``
    for every subset it writes, a copy of ~20 MB for a Chinese font, though it only slices single glyphs out."""

    def __init__(self, data: bytes, start: int, length: int) -> None:
        self._view = memoryview(data)[start : start + length]

    def __getitem__(self, index: slice) -> bytes:
        return self._view[index].tobytes()

    def __len__(self) -> int:
        return len(self._view)


class _FastFlate(pdfdoc.PDFStreamFilterZCompress):
    """Deflate at level 1: a font subset (~100 KB for 256 Chinese glyphs) deflates in half the time of zlib's
    default level 6, for a stream about a tenth larger (LibreOffice writes its font subsets at level 6 too)."""

    def encode(self, text: str | bytes) -> bytes:
        return zlib.compress(text.encode("utf8") if isinstance(text, str) else text, 1)


_FAST_FLATE = _FastFlate()


@cache
def _register(info: SfntInfo) -> Face:
    """Parse and register one font with reportlab (once per process)."""
    name = f"Desk-{info.path.stem}-{info.index}".replace(" ", "")
    font = load_font(name, info.path, info.index, ascii_readable=False)
    font.shapable = False  # Desk lays text out itself: no harfbuzz shaping, so no use for reportlab's glyph → chars
    face = font.face  # (reportlab ≥ 5): for a Chinese font ~40 000 small lists, visited by every full collection
    face.__dict__.pop("glyphToChar", None)
    whole_table = face.get_table

    def get_table(tag: str) -> bytes | _GlyphTable:
        if tag == "glyf":
            return _GlyphTable(face._ttf_data, *face.get_table_pos(tag))
        return bytes(whole_table(tag))

    face.get_table = get_table
    whole_subset_objects = face.addSubsetObjects

    def add_subset_objects(doc: pdfdoc.PDFDocument, fontname: str, subset: list[int]) -> object:
        """reportlab's subset objects, the font file deflated at level 1 (two subsets of a document's Chinese
        font took a quarter of rendering a one-page decision at level 6)."""
        descriptor = whole_subset_objects(doc, fontname, subset)
        stream = doc.idToObject.get(f"fontFile:{face.filename}({fontname})")
        if isinstance(stream, pdfdoc.PDFStream) and stream.filters:
            stream.filters = [_FAST_FLATE]
        return descriptor

    face.addSubsetObjects = add_subset_objects
    pdfmetrics.registerFont(font)
    return Face(name, info, face.charWidths, face.defaultWidth)


@dataclass(eq=False)
class FontMap:
    """Resolves template font names to registered faces; see the module docstring."""

    aliases: Mapping[str, str]
    families: Mapping[str, Mapping[str, Sequence[str]]]
    dirs: Sequence[Path]
    problems: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._aliases = {_key(k): v for k, v in self.aliases.items()}
        self._faces: dict[tuple[str, str], Face | None] = {}

    @classmethod
    def from_settings(cls, home: Path | None = None) -> FontMap:
        """The built-in table, overridden by ``fonts.toml`` in ``DESK_HOME``."""
        home = home or config.desk_home()
        aliases: dict[str, str] = dict(DEFAULT_ALIASES)
        families: dict[str, dict[str, list[str]]] = {k: dict(v) for k, v in DEFAULT_FAMILIES.items()}
        settings = home / "fonts.toml"
        if settings.is_file():
            data = _settings(settings)
            aliases.update(data.get("aliases", {}))
            for family, styles in data.get("families", {}).items():
                families.setdefault(family, {}).update(styles)
        return cls(aliases, families, font_dirs())

    def family(self, name: str | None, *, east_asian: bool) -> str:
        """The family a font name belongs to (``仿宋_GB2312`` → ``fangsong``)."""
        if name:
            if self._lookup("=" + name, "regular") is not None:
                return "=" + name  # the very font the document names is installed
            found = self._aliases.get(_key(name))
            if found:
                return found
            lowered = name.lower()
            for hint, family in _HINTS.items():
                if hint in lowered:
                    return family
        return "song" if east_asian else "serif"

    def face(self, name: str | None, *, east_asian: bool, bold: bool = False, italic: bool = False) -> Face:
        """The face to draw text of font ``name`` with (real bold/italic when installed, else faked)."""
        family = self.family(name, east_asian=east_asian)
        style = ("bold_" if bold else "") + ("italic" if italic else "") or "regular"
        style = "bold" if style == "bold_" else style
        found = self._lookup(family, style)
        if found:
            return found
        base = self._lookup(family, "regular") or self._lookup("song" if east_asian else "serif", "regular")
        if base is None:
            base = self.fallback("中") or self.fallback("A")
        if base is None:
            raise LookupError("no usable TrueType font installed (see desk.render.fonts)")
        return base.styled(bold=bold, italic=italic)

    def fallback(self, char: str) -> Face | None:
        """The first fallback face that has ``char``."""
        for family in FALLBACK_ORDER:
            face = self._lookup(family, "regular")
            if face and face.has(char):
                return face
        return None

    def _lookup(self, family: str, style: str) -> Face | None:
        key = (family, style)
        if key not in self._faces:
            if family.startswith("="):
                specs: Sequence[str] = [f"#{family[1:]}@{style}"]
            else:
                specs = self.families.get(family, {}).get(style, [])
            self._faces[key] = self._first(specs)
        return self._faces[key]

    def _first(self, specs: Iterable[str]) -> Face | None:
        for spec in specs:
            for info in self._candidates(spec):
                if info.cff:
                    message = f"{info.path.name}: CFF (PostScript) outlines cannot be embedded by reportlab; skipped"
                    if message not in self.problems:
                        self.problems.append(message)
                        log.warning(message)
                    continue
                return _register(info)
        return None

    def _candidates(self, spec: str) -> list[SfntInfo]:
        """The fonts ``file[#family]`` names, or ``#family@style``: the installed fonts of that family and style."""
        filename, _, family = spec.partition("#")
        if not filename:
            family, _, style = family.partition("@")
            return [i for i in _family_index(tuple(self.dirs)).get(_key(family), []) if i.style == style]
        path = Path(filename) if Path(filename).is_absolute() else _file_index(tuple(self.dirs)).get(filename.lower())
        try:
            infos = _sfnt(path) if path is not None and path.is_file() else []
        except (OSError, struct.error, KeyError):
            infos = []
        return [i for i in infos if not family or _key(family) in {_key(n) for n in i.families}][:1]

    def family_name(self, family: str) -> str | None:
        """The installed font family a Desk family resolves to (for telling LibreOffice the same thing)."""
        face = self._lookup(family, "regular")
        if face is None:
            return None
        names = sorted(face.info.families, key=lambda n: (not n.isascii(), len(n)))
        return names[0]


@cache
def _family_index(dirs: tuple[Path, ...]) -> dict[str, list[SfntInfo]]:
    """Normalised family name → the installed fonts of that family (every name of a font counts: 宋体, SimSun)."""
    index: dict[str, list[SfntInfo]] = {}
    for path in _file_index(dirs).values():
        try:
            infos = _sfnt(path)
        except (OSError, struct.error, KeyError):
            continue
        for info in infos:
            for name in {_key(n) for n in info.families}:
                index.setdefault(name, []).append(info)
    return index


def _key(name: str) -> str:
    return "".join(name.split()).lower()


def _settings(path: Path) -> dict[str, Any]:
    """``fonts.toml``, checked: ``[aliases]`` name = family, ``[families.NAME]`` style = [file specs]."""
    from desk.casefile import limits
    from desk.errors import Term, UserError

    try:
        data = tomllib.loads(limits.read_settings_text(path))
    except tomllib.TOMLDecodeError as exc:
        raise UserError("fonts_invalid", path=path, detail=str(exc)) from None
    aliases, families = data.get("aliases", {}), data.get("families", {})
    good = (set(data) <= {"aliases", "families"} and isinstance(aliases, dict) and isinstance(families, dict)
            and all(isinstance(k, str) and isinstance(v, str) and limits.text_error(v, 200) is None
                    for k, v in aliases.items())
            and all(isinstance(styles, dict) and all(
                isinstance(specs, list) and len(specs) <= limits.LIST_ITEMS
                and all(isinstance(s, str) and limits.text_error(s, 1000) is None for s in specs)
                for specs in styles.values()) for styles in families.values()))
    if not good:
        raise UserError("fonts_invalid", path=path, detail=Term("compare with the layout in desk/render/fonts.py"))
    return data


@cache
def default_fonts() -> FontMap:
    """The process-wide font map (settings read once)."""
    return FontMap.from_settings()

"""Template font names → installed TrueType fonts; CFF fonts skipped; the mapping is a setting."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from desk.render.fonts import DEFAULT_ALIASES, DEFAULT_FAMILIES, FontMap, default_fonts, font_dirs, read_sfnt


@pytest.mark.parametrize(
    ("name", "family"),
    [
        ("仿宋_GB2312", "fangsong"),
        ("仿宋", "fangsong"),
        ("FangSong", "fangsong"),
        ("方正小标宋简体", "xiaobiaosong"),
        ("小标宋", "xiaobiaosong"),
        ("宋体", "song"),
        ("SimSun", "song"),
        ("黑体", "hei"),
        ("SimHei", "hei"),
        ("楷体_GB2312", "kai"),
        ("楷体", "kai"),
        ("KaiTi", "kai"),
        ("Times New Roman", "serif"),
        ("Arial", "sans"),
        ("华文中宋", "song"),
        ("方正黑体_GBK", "hei"),
    ],
)
def test_names_map_to_families(name: str, family: str) -> None:
    assert default_fonts().family(name, east_asian=True) == family


def test_unknown_names_fall_back_by_script() -> None:
    fonts = default_fonts()
    assert fonts.family("No Such Font", east_asian=True) == "song"
    assert fonts.family("No Such Font", east_asian=False) == "serif"
    assert fonts.family(None, east_asian=False) == "serif"


@pytest.mark.parametrize("name", ["仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312", "宋体"])
def test_chinese_families_resolve_to_installed_truetype_fonts_with_chinese(name: str) -> None:
    face = default_fonts().face(name, east_asian=True)
    assert not face.info.cff
    assert face.has("中") and face.has("，") and face.width("中", 16) == pytest.approx(16)


def test_families_look_different_where_templates_tell_them_apart() -> None:
    fonts = default_fonts()
    paths = {name: fonts.face(name, east_asian=True).info.path for name in ("仿宋_GB2312", "楷体_GB2312", "黑体")}
    assert len(set(paths.values())) == 3


def test_real_bold_where_installed_else_faked() -> None:
    fonts = default_fonts()
    latin = fonts.face("Times New Roman", east_asian=False, bold=True)
    assert "Bold" in latin.name and not latin.fake_bold
    chinese = fonts.face("仿宋_GB2312", east_asian=True, bold=True, italic=True)
    assert chinese.fake_bold and chinese.fake_italic
    assert chinese.name == fonts.face("仿宋_GB2312", east_asian=True).name


def test_fonts_are_registered_once() -> None:
    fonts = default_fonts()
    assert fonts.face("仿宋_GB2312", east_asian=True) is fonts.face("仿宋", east_asian=True)
    assert FontMap.from_settings().face("仿宋", east_asian=True).widths is fonts.face("仿宋", east_asian=True).widths


def test_metrics_are_libreoffices() -> None:
    face = default_fonts().face("仿宋_GB2312", east_asian=True)  # AR PL UMing: hhea 917/-155, line gap 6
    if face.info.path.name == "uming.ttc":
        assert face.info.ascent == pytest.approx((917 + 6) / 1024)
        assert face.info.descent == pytest.approx(155 / 1024)


def _fake_cff_font(path: Path, family: str) -> None:
    """The smallest OpenType font with CFF outlines that ``read_sfnt`` understands."""
    name_record = family.encode("utf-16-be")
    name = struct.pack(">HHH", 0, 1, 18) + struct.pack(">HHHHHH", 3, 1, 0x409, 1, len(name_record), 0) + name_record
    tables = {
        b"CFF ": b"\0" * 4,
        b"head": b"\0" * 18 + struct.pack(">H", 1000) + b"\0" * 34,
        b"hhea": b"\0" * 4 + struct.pack(">hhh", 800, -200, 0) + b"\0" * 26,
        b"name": name,
    }
    offset = 12 + 16 * len(tables)
    directory, data = b"", b""
    for tag, body in tables.items():
        directory += struct.pack(">4sIII", tag, 0, offset + len(data), len(body))
        data += body + b"\0" * (-len(body) % 4)
    path.write_bytes(b"OTTO" + struct.pack(">HHHH", len(tables), 0, 0, 0) + directory + data)


def test_cff_fonts_are_skipped_with_a_message(tmp_path: Path) -> None:
    _fake_cff_font(tmp_path / "NotoSerifCJK-Regular.otf", "Noto Serif CJK SC")
    assert read_sfnt(tmp_path / "NotoSerifCJK-Regular.otf")[0].cff
    fonts = FontMap(
        DEFAULT_ALIASES,
        {**DEFAULT_FAMILIES, "song": {"regular": ["NotoSerifCJK-Regular.otf", *DEFAULT_FAMILIES["song"]["regular"]]}},
        [tmp_path, *font_dirs()],
    )
    face = fonts.face("宋体", east_asian=True)
    assert not face.info.cff and face.has("中")
    assert fonts.problems == [
        "NotoSerifCJK-Regular.otf: CFF (PostScript) outlines cannot be embedded by reportlab; skipped"
    ]


def test_desk_home_settings_override_the_table(tmp_path: Path) -> None:
    (tmp_path / "fonts.toml").write_text(
        '[aliases]\n"方正仿宋_GBK" = "kai"\n[families.hei]\nregular = ["ukai.ttc#AR PL UKai CN"]\n', encoding="utf-8"
    )
    fonts = FontMap.from_settings(tmp_path)
    assert fonts.family("方正仿宋_GBK", east_asian=True) == "kai"
    if any(d.is_dir() and any(d.rglob("ukai.ttc")) for d in font_dirs()):
        assert fonts.face("黑体", east_asian=True).info.path.name == "ukai.ttc"


def test_a_font_named_by_its_installed_family_is_used_as_it_is() -> None:
    fonts = default_fonts()
    assert fonts.family("WenQuanYi Zen Hei", east_asian=True) == "=WenQuanYi Zen Hei"
    assert fonts.face("WenQuanYi Zen Hei", east_asian=True).info.path.name == "wqy-zenhei.ttc"
    bold = fonts.face("Liberation Serif", east_asian=False, bold=True)  # its real bold, found by family and style
    assert bold.info.path.name == "LiberationSerif-Bold.ttf" and not bold.fake_bold

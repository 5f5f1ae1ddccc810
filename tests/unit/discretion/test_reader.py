"""Reading a standard: the shipped demo file, every kind of bad file, and XLSX with the same columns."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from desk.discretion.demo import SHIPPED
from desk.discretion.reader import XLSX_COLUMNS, read_file
from desk.errors import UserError, ValidationError

GOOD = """
[standard]
name = "江城市城市管理行政处罚裁量基准"
version = "2026-1"
valid_from = 2026-01-01
valid_to = 2030-12-31

[[items]]
id = "31"
act = "随意倾倒、抛撒、堆放生活垃圾（单位）"
violated = ["《中华人民共和国固体废物污染环境防治法》第四十九条第二款"]
basis = ["《中华人民共和国固体废物污染环境防治法》第一百一十一条第一款第（一）项"]
subject = "organization"
statutory = { min = 50000, max = 500000, kinds = ["fine"] }
  [[items.tiers]]
  level = "轻微"
  when = "首次违法，危害后果轻微并及时改正"
  outcome = "no_penalty_minor"
  [[items.tiers]]
  level = "较轻"
  when = "倾倒量1立方米以下，责令改正后及时清理"
  fine = { min = 50000, max = 100000 }
  [[items.tiers]]
  level = "一般"
  when = "倾倒量1至5立方米"
  fine = { min = 100000, max = 300000 }
  [[items.tiers]]
  level = "严重"
  when = "倾倒量5立方米以上或者造成环境污染"
  fine = { min = 300000, max = 500000 }

[[items]]
id = "32"
act = "随意倾倒、抛撒、堆放生活垃圾（个人）"
violated = ["《中华人民共和国固体废物污染环境防治法》第四十九条第二款"]
basis = ["《中华人民共和国固体废物污染环境防治法》第一百一十一条第一款第（一）项"]
subject = "person"
statutory = { min = 100, max = 500, kinds = ["fine"] }
  [[items.tiers]]
  level = "一般"
  when = "经责令改正后未及时清理"
  fine = { min = 200, max = 400 }
"""


def write(tmp_path: Path, text: str, name: str = "standard.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        read_file(write(tmp_path, text))
    assert caught.value.exit_code == 2
    return [p.render("en") for p in caught.value.problems]


def test_a_good_file_reads_completely(tmp_path: Path) -> None:
    std = read_file(write(tmp_path, GOOD))
    assert (std.name, std.version, str(std.valid_from), str(std.valid_to)) == (
        "江城市城市管理行政处罚裁量基准", "2026-1", "2026-01-01", "2030-12-31")
    item = std.item("31")
    assert item is not None and item.subject == "organization"
    assert (item.statutory_min, item.statutory_max, item.kinds) == (Decimal(50000), Decimal(500000), ("fine",))
    assert [t.level for t in item.tiers] == ["轻微", "较轻", "一般", "严重"]
    assert item.tiers[0].outcome == "no_penalty_minor" and item.tiers[0].fine_min is None
    assert item.tier("一般") is not None and item.tier("一般").contains(Decimal(300000))  # type: ignore[union-attr]


def test_the_shipped_demo_standard_has_a_dozen_items_over_the_city_domains() -> None:
    std = read_file(SHIPPED)
    assert len(std.items) >= 12
    acts = " ".join(i.act for i in std.items)
    for word in ("生活垃圾", "建筑垃圾", "城市道路", "排水", "树木", "烧烤"):
        assert word in acts
    # littering household waste: the governing law's range (固废法 2020 Art 111), not 城市生活垃圾管理办法 Art 42
    littering = [i for i in std.items if i.act.startswith("随意倾倒、抛撒、堆放或者焚烧生活垃圾")]
    ranges = {i.subject: (i.statutory_min, i.statutory_max) for i in littering}
    assert ranges == {"organization": (50000, 500000), "person": (100, 500)}
    assert all("第一百一十一条" in " ".join(i.basis) for i in littering)
    assert not any("城市生活垃圾管理办法" in " ".join(i.basis) for i in std.items)


def test_overlapping_tiers_are_refused_naming_the_item(tmp_path: Path) -> None:
    bad = GOOD.replace("fine = { min = 100000, max = 300000 }", "fine = { min = 90000, max = 300000 }")
    assert problems(tmp_path, bad) == ["item 31: tiers “较轻” (50000–100000) and “一般” (90000–300000) overlap."]


def test_tiers_sharing_a_boundary_do_not_overlap(tmp_path: Path) -> None:
    assert read_file(write(tmp_path, GOOD)).item("31") is not None  # 100 000 ends 较轻 and starts 一般


def test_an_inverted_tier_is_refused(tmp_path: Path) -> None:
    bad = GOOD.replace("fine = { min = 300000, max = 500000 }", "fine = { min = 500000, max = 300000 }")
    assert problems(tmp_path, bad) == ["item 31, tier 严重: the minimum 500000 is above the maximum 300000."]


def test_a_tier_outside_the_statutory_range_is_refused(tmp_path: Path) -> None:
    bad = GOOD.replace("fine = { min = 300000, max = 500000 }", "fine = { min = 300000, max = 600000 }")
    assert problems(tmp_path, bad) == [
        "item 31, tier 严重: tier “严重”: 300000–600000 yuan lies outside the statutory range 50000–500000 yuan."]


def test_an_unknown_penalty_kind_is_refused(tmp_path: Path) -> None:
    bad = GOOD.replace('kinds = ["fine"] }\n  [[items.tiers]]\n  level = "轻微"', 'kinds = ["fine", "caning"] }\n'
                       '  [[items.tiers]]\n  level = "轻微"')
    (found,) = problems(tmp_path, bad)
    assert found.startswith("item 31.statutory.kinds: unknown penalty kind “caning”; use one of: warning,")


def test_a_missing_version_and_unparsable_dates_are_refused_together(tmp_path: Path) -> None:
    bad = GOOD.replace('version = "2026-1"\n', "").replace("valid_to = 2030-12-31", 'valid_to = "2030-02-30"')
    assert problems(tmp_path, bad) == [
        "standard.version: “version” is required.",
        "standard.valid_to: “2030-02-30” is not a real date (YYYY-MM-DD).",
    ]


def test_a_date_toml_cannot_parse_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(UserError) as caught:
        read_file(write(tmp_path, GOOD.replace("valid_from = 2026-01-01", "valid_from = 2026-13-01")))
    assert caught.value.render("en").startswith("standard.toml is not valid TOML (")


def test_other_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"\.toml or \.xlsx"):
        read_file(write(tmp_path, GOOD, "standard.csv"))


def _xlsx(tmp_path: Path) -> Path:
    """The same content as GOOD, written with openpyxl in the documented columns."""
    book = Workbook()
    head = book.active
    assert head is not None
    head.title = "standard"
    for row in (("name", "江城市城市管理行政处罚裁量基准"), ("version", "2026-1"), ("valid_from", "2026-01-01"),
                ("valid_to", "2030-12-31")):
        head.append(row)
    items = book.create_sheet("items")
    items.append(XLSX_COLUMNS)
    fw = "《中华人民共和国固体废物污染环境防治法》第四十九条第二款"
    fb = "《中华人民共和国固体废物污染环境防治法》第一百一十一条第一款第（一）项"
    items.append(("31", "随意倾倒、抛撒、堆放生活垃圾（单位）", fw, fb, "organization", 50000, 500000, "fine",
                  "轻微", "首次违法，危害后果轻微并及时改正", None, None, "no_penalty_minor"))
    items.append((None,) * 8 + ("较轻", "倾倒量1立方米以下，责令改正后及时清理", 50000, 100000, None))
    items.append((None,) * 8 + ("一般", "倾倒量1至5立方米", 100000, 300000, None))
    items.append((None,) * 8 + ("严重", "倾倒量5立方米以上或者造成环境污染", 300000, 500000, None))
    items.append(("32", "随意倾倒、抛撒、堆放生活垃圾（个人）", fw, fb, "person", 100, 500, "fine",
                  "一般", "经责令改正后未及时清理", 200, 400, None))
    path = tmp_path / "standard.xlsx"
    book.save(path)
    return path


def test_an_xlsx_with_the_same_content_reads_to_the_same_standard(tmp_path: Path) -> None:
    assert read_file(_xlsx(tmp_path)) == read_file(write(tmp_path, GOOD))


def test_a_bad_xlsx_names_the_item_too(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = _xlsx(tmp_path)
    book = load_workbook(path)
    book["items"]["K4"] = 90000  # 一般 now starts inside 较轻
    book.save(path)
    with pytest.raises(ValidationError) as caught:
        read_file(path)
    assert [p.render("en") for p in caught.value.problems] == [
        "item 31: tiers “较轻” (50000–100000) and “一般” (90000–300000) overlap."]

"""Line breaking with the Chinese rules, tabs, alignment and line heights."""

from __future__ import annotations

import random

import pytest

from desk.render.fonts import default_fonts
from desk.render.pdf import model
from desk.render.pdf.atoms import AUTO_SPACE, Shaper
from desk.render.pdf.formats import ParaFormat, RunFormat, TabStop
from desk.render.pdf.lines import Line, Measure, align, break_lines, set_heights
from desk.render.pdf.text import CANNOT_END, CANNOT_START, can_break, script

FMT = RunFormat(ascii_font="Times New Roman", east_asia_font="仿宋_GB2312", h_ansi_font="Times New Roman", size=16)


def lay_out(text: str | list[model.Inline], width: float = 442.0, **para: object) -> list[Line]:
    items = [model.Text(text, FMT)] if isinstance(text, str) else text
    fmt = ParaFormat(**para)  # type: ignore[arg-type]
    shaper = Shaper(default_fonts())
    measure = Measure(width, fmt, 36.0)
    lines = break_lines(shaper.atoms(items, fmt.auto_space), measure)
    set_heights(lines, fmt, shaper.metrics(FMT))
    align(lines, measure)
    return lines


def text(line: Line) -> str:
    return "".join(a.char for a in line.atoms)


@pytest.mark.parametrize(
    ("before", "after", "allowed"),
    [
        ("中", "文", True),
        ("中", "，", False),
        ("中", "。", False),
        ("中", "）", False),
        ("中", "》", False),
        ("（", "中", False),
        ("《", "中", False),
        ("“", "中", False),
        ("a", "b", False),
        ("a", " ", False),
        (" ", "b", True),
        ("中", "a", True),
        ("〕", "7", False),
        ("、", "4", True),
        ("7", "号", True),
    ],
)
def test_break_opportunities(before: str, after: str, allowed: bool) -> None:
    assert can_break(before, after) is allowed


def test_scripts() -> None:
    assert [script(c) for c in "中A，“ ①℃×"] == ["ea", "latin", "ea", "weak", "weak", "ea", "ea", "latin"]


def test_no_line_starts_or_ends_with_forbidden_punctuation() -> None:
    rng = random.Random(7)
    marks = "，。、；：？！）》」』】〕（《「『【〔“”"
    for _ in range(30):
        chars = [rng.choice("执法局当事人处罚决定书") if rng.random() > 0.3 else rng.choice(marks) for _ in range(200)]
        lines = lay_out("".join(chars), width=rng.uniform(100, 442))
        for line in lines[1:]:
            assert text(line)[0] not in CANNOT_START
        for line in lines[:-1]:
            assert text(line).rstrip()[-1] not in CANNOT_END


def test_the_character_before_a_closing_mark_moves_down_with_it() -> None:
    lines = lay_out("测" * 27 + "。后")  # 27 characters fill the line; 。 may not start the next
    assert [text(line) for line in lines] == ["测" * 26, "测。后"]


def test_lines_fill_the_measure_and_no_more() -> None:
    lines = lay_out("测" * 100, width=160)
    assert [len(text(line)) for line in lines] == [10] * 10


def test_western_words_are_not_broken_and_spaces_hang() -> None:
    lines = lay_out("Administrative penalty decision of the enforcement bureau", width=150)
    assert all(not text(line).startswith(" ") for line in lines)
    words = {w for line in lines for w in text(line).split()}
    assert words == set(["Administrative", "penalty", "decision", "of", "the", "enforcement", "bureau"])


def test_automatic_space_between_han_and_figures() -> None:
    (line,) = lay_out("测试2026年")
    assert line.xs[2] - line.xs[1] == pytest.approx(16 + 16 * AUTO_SPACE)
    (plain,) = lay_out("测试2026年", auto_space=False)
    assert plain.xs[2] - plain.xs[1] == pytest.approx(16)


def test_first_line_indent_and_hanging_indent() -> None:
    lines = lay_out("测" * 40, first_line=32.0)
    assert lines[0].xs[0] == 32 and lines[1].xs[0] == 0
    lines = lay_out("测" * 40, left=32.0, first_line=-32.0)
    assert lines[0].xs[0] == 0 and lines[1].xs[0] == 32


@pytest.mark.parametrize(("mode", "start"), [("left", 0.0), ("center", (442 - 64) / 2), ("right", 442 - 64)])
def test_alignment(mode: str, start: float) -> None:
    (line,) = lay_out("测试测试", align=mode)
    assert line.xs[0] == pytest.approx(start)


def test_justified_lines_reach_the_margin_except_the_last() -> None:
    lines = lay_out("测" * 60, width=450, align="both")
    for line in lines[:-1]:
        assert line.xs[-1] + line.widths[-1] == pytest.approx(450)
    assert lines[-1].xs[1] - lines[-1].xs[0] == pytest.approx(16)
    (distributed,) = lay_out("测试", width=100, align="distribute")
    assert distributed.xs[1] + 16 == pytest.approx(100)


def test_tab_stops() -> None:
    items: list[model.Inline] = [model.Text("承办人：", FMT), model.Tab(FMT), model.Text("日期", FMT)]
    (line,) = lay_out(items, tabs=(TabStop(400.0, "right", None),))
    assert line.xs[-1] + line.widths[-1] == pytest.approx(400)
    (line,) = lay_out(items)  # default stops every 36 pt
    assert line.xs[5] == pytest.approx(72)


def test_line_break_and_trailing_break() -> None:
    items: list[model.Inline] = [
        model.Text("时间", FMT),
        model.LineBreak(FMT),
        model.Text("地点", FMT),
        model.LineBreak(FMT),
    ]
    assert [text(line) for line in lay_out(items)] == ["时间\n", "地点\n", ""]


def test_line_heights() -> None:
    (exact,) = lay_out("测", line_rule="exact", line=28.0)
    assert (exact.height, exact.baseline) == (28.0, pytest.approx(22.4))
    (single,) = lay_out("测")
    natural = single.height
    (double,) = lay_out("测", line=2.0)
    assert double.height == pytest.approx(2 * natural) and double.baseline == pytest.approx(single.baseline)
    (least,) = lay_out("测", line_rule="atLeast", line=40.0)
    assert least.height == 40 and least.baseline == pytest.approx(single.baseline + 40 - natural)
    (small,) = lay_out("测", line_rule="atLeast", line=5.0)
    assert small.height == pytest.approx(natural)

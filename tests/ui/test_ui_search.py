"""Finding a case from the search box: brackets typed any way (〔〕 [] () ［］ （）) find the number written
with 〔〕, and every document number of a case finds it."""

from __future__ import annotations

import re

import pytest
from pytestqt.qtbot import QtBot

from desk.ui.main_window import MainWindow
from tests.conftest import DeskEnv
from tests.ui.conftest import WAIT_MS, case_rows, casefile


def shown(window: MainWindow) -> list[int]:
    model = window.cases.model
    return [model.row(i).id for i in range(model.rowCount())]


def search(qtbot: QtBot, window: MainWindow, text: str) -> list[int]:
    with qtbot.waitSignal(window.cases.model.page_loaded, timeout=WAIT_MS):
        window.cases.search.setText(text)
    return shown(window)


def a_numbered_case(demo: DeskEnv) -> tuple[int, str, str, str]:
    """A case with a number like 东综执立字〔2026〕8号: its id, the code, the year and the sequence."""
    for row in case_rows(demo):
        found = re.search(r"(\w+字)〔(\d{4})〕(\d+)号", row.number or "")
        if found:
            return row.id, found[1], found[2], found[3]
    raise AssertionError("no numbered case in the demo")


@pytest.mark.parametrize("brackets", ["()", "[]", "（）", "［］", "〔〕"])
def test_any_brackets_find_the_case_number(window: MainWindow, qtbot: QtBot, demo: DeskEnv, brackets: str) -> None:
    case_id, code, year, seq = a_numbered_case(demo)
    opening, closing = brackets
    assert case_id in search(qtbot, window, f"{code}{opening}{year}{closing}{seq}号")


def test_a_bracketed_year_and_number_alone_find_the_case(window: MainWindow, qtbot: QtBot, demo: DeskEnv) -> None:
    case_id, _code, year, seq = a_numbered_case(demo)
    found = search(qtbot, window, f"[{year}]{seq}")
    assert case_id in found
    expected = [r.id for r in case_rows(demo) if f"〔{year}〕{seq}" in (r.number or "")]
    assert all(i in expected or any(f"〔{year}〕{seq}" in (d.number or "") for d in casefile(demo, i).documents)
               for i in found)


def test_a_decision_number_finds_its_case(window: MainWindow, qtbot: QtBot, demo: DeskEnv) -> None:
    with_decision = [(r.id, d.number) for r in case_rows(demo) for d in casefile(demo, r.id).documents
                     if d.kind == "penalty_decision" and d.number]
    assert with_decision
    case_id, number = with_decision[0]
    assert number not in {r.number for r in case_rows(demo)}
    assert search(qtbot, window, number.replace("〔", "(").replace("〕", ")")) == [case_id]


def test_full_width_digits_and_typed_wildcards(window: MainWindow, qtbot: QtBot, demo: DeskEnv) -> None:
    case_id, code, year, seq = a_numbered_case(demo)
    wide = str.maketrans("0123456789", "０１２３４５６７８９")
    assert case_id in search(qtbot, window, f"{code}（{year.translate(wide)}）{seq.translate(wide)}号")
    assert search(qtbot, window, "%") == [] and search(qtbot, window, "立字_2026") == []  # % and _ are plain

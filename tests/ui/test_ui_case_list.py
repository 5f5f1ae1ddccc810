"""The case list: lazy pages, search as you type (debounced), filters, opening a case."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from pytestqt.qtbot import QtBot

from desk.ui.main_window import MainWindow
from desk.ui.signals import emit
from desk.ui.workspace import CaseWorkspace
from tests.ui.conftest import WAIT_MS


def shown(window: MainWindow, field: str = "number") -> list[str]:
    model = window.cases.model
    return [getattr(model.row(i), field) for i in range(model.rowCount())]


def choose(qtbot: QtBot, window: MainWindow, combo_name: str, value: str) -> None:
    combo = getattr(window.cases, combo_name)
    with qtbot.waitSignal(window.cases.model.page_loaded, timeout=WAIT_MS):
        combo.setCurrentIndex(combo.findData(value))


def test_rows_load_a_page_at_a_time(window: MainWindow, qtbot: QtBot) -> None:
    model = window.cases.model
    assert model.rowCount() == 12 and not model.canFetchMore(QModelIndex())
    model.page_size = 5
    with qtbot.waitSignal(model.page_loaded, timeout=WAIT_MS):
        window.cases.refresh()
    assert model.rowCount() == 5 and model.canFetchMore(QModelIndex())
    with qtbot.waitSignal(model.page_loaded, timeout=WAIT_MS):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 10
    model.fetchMore(QModelIndex())  # scrolling on while a page is on its way asks nothing more
    model.fetchMore(QModelIndex())
    qtbot.waitUntil(lambda: not model.loading, timeout=WAIT_MS)
    assert model.rowCount() == 12 and not model.canFetchMore(QModelIndex())


def test_typing_searches_once_the_typing_pauses(window: MainWindow, qtbot: QtBot) -> None:
    model = window.cases.model
    queries: list[str] = []
    model.modelReset.connect(lambda: queries.append(model.query.search))
    with qtbot.waitSignal(model.page_loaded, timeout=WAIT_MS):
        for character in "建筑垃圾":
            window.cases.search.insert(character)
    assert queries == ["建筑垃圾"]
    assert shown(window, "cause") == ["随意倾倒建筑垃圾", "随意倾倒建筑垃圾"]


def test_search_finds_case_numbers_and_parties(window: MainWindow, qtbot: QtBot) -> None:
    with qtbot.waitSignal(window.cases.model.page_loaded, timeout=WAIT_MS):
        window.cases.search.setText("简罚决")
    assert shown(window) == ["东综执简罚决字〔2026〕1号", "东综执简罚决字〔2026〕2号"]
    with qtbot.waitSignal(window.cases.model.page_loaded, timeout=WAIT_MS):
        window.cases.search.setText("福满楼")
    assert len(shown(window)) == 2 and all("福满楼" in p for p in shown(window, "party"))


def test_status_and_procedure_filters(window: MainWindow, qtbot: QtBot) -> None:
    choose(qtbot, window, "status", "open")
    assert shown(window, "status") == ["open"] * 3
    choose(qtbot, window, "status", "")
    choose(qtbot, window, "procedure", "summary")
    assert shown(window, "procedure") == ["summary"] * 2


def test_squad_filter_lists_the_agencys_squads(window: MainWindow, qtbot: QtBot) -> None:
    squads = [window.cases.squad.itemData(i) for i in range(1, window.cases.squad.count())]
    assert squads == ["东湖街道中队", "水果湖街道中队", "珞南街道中队", "关山街道中队"]
    choose(qtbot, window, "squad", "珞南街道中队")
    assert shown(window, "squad") == ["珞南街道中队"] * 3


def test_due_this_week_keeps_the_cases_the_deadlines_panel_names(window: MainWindow, qtbot: QtBot) -> None:
    cases = window.cases
    cases.set_due(frozenset({11}))
    assert cases.due_week.isEnabled()
    with qtbot.waitSignal(cases.model.page_loaded, timeout=WAIT_MS):
        cases.due_week.setChecked(True)
    assert shown(window, "id") == [11]


def test_the_deadlines_panel_lists_open_cases_deadlines(window: MainWindow, qtbot: QtBot) -> None:
    panel = window.deadlines
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() > 0, timeout=WAIT_MS)
    ids = {item.case_id for item in panel.items}
    assert ids <= {10, 11, 12} and ids
    emit(panel.tree.itemActivated, panel.tree.topLevelItem(0), 0)
    current = window.tabs.currentWidget()
    assert isinstance(current, CaseWorkspace) and current.case_id == panel.items[0].case_id


def test_activating_a_row_opens_the_case_once(window: MainWindow, qtbot: QtBot) -> None:
    table = window.cases.table
    emit(table.activated, window.cases.model.index(3, 0))
    emit(table.doubleClicked, window.cases.model.index(3, 2))
    assert window.tabs.count() == 2
    workspace = window.tabs.currentWidget()
    assert isinstance(workspace, CaseWorkspace) and workspace.case_id == window.cases.model.row(3).id
    qtbot.waitUntil(lambda: workspace.view is not None, timeout=WAIT_MS)
    assert window.tabs.tabText(1) == window.cases.model.row(3).number

"""The case list: lazy pages, search as you type (debounced), filters, opening a case."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from desk.procedure.deadlines import Deadline
from desk.ui.dates import short_date
from desk.ui.deadlines import DAYS_AHEAD, OVERDUE, SOON, DeadlinesPanel
from desk.ui.main_window import MainWindow
from desk.ui.signals import emit
from desk.ui.workspace import CaseWorkspace
from tests.conftest import DeskEnv
from tests.ui.conftest import WAIT_MS, case_rows, open_deadlines, settle


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


def test_search_finds_case_numbers_and_parties(window: MainWindow, qtbot: QtBot, demo: DeskEnv) -> None:
    rows = case_rows(demo)
    # part of the summary decisions' numbers; part of two shops' names
    for text, field in (("简罚决", "number"), ("福满楼", "party")):
        expected = [r.number for r in rows if text in f"{r.number} {r.party} {r.cause}"]
        assert 0 < len(expected) < len(rows)
        with qtbot.waitSignal(window.cases.model.page_loaded, timeout=WAIT_MS):
            window.cases.search.setText(text)
        assert shown(window) == expected and all(text in value for value in shown(window, field))


def test_status_and_procedure_filters(window: MainWindow, qtbot: QtBot, demo: DeskEnv) -> None:
    rows = case_rows(demo)
    opened = [r.id for r in rows if r.status == "open"]
    summary = [r.id for r in rows if r.procedure == "summary"]
    assert 0 < len(opened) < len(rows) and 0 < len(summary) < len(rows)
    choose(qtbot, window, "status", "open")
    assert shown(window, "id") == opened and set(shown(window, "status")) == {"open"}
    choose(qtbot, window, "status", "")
    assert len(shown(window)) == len(rows)
    choose(qtbot, window, "procedure", "summary")
    assert shown(window, "id") == summary and set(shown(window, "procedure")) == {"summary"}


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


def listed(panel: DeadlinesPanel) -> set[tuple[int, str, date | None]]:
    return {(i.case_id, i.deadline.rule, i.deadline.due) for i in panel.items}


def due_within(deadlines: dict[int, list[Deadline]], today: date) -> set[tuple[int, str, date | None]]:
    """What the panel should list: the deadlines falling due by ``DAYS_AHEAD`` days on (passed ones too)
    and those that cannot be counted."""
    end = today + timedelta(days=DAYS_AHEAD)
    return {(case, d.rule, d.due) for case, ds in deadlines.items() for d in ds if d.due is None or d.due <= end}


def the_one(deadlines: dict[int, list[Deadline]], rule: str) -> tuple[int, Deadline]:
    found = [(case, d) for case, ds in deadlines.items() for d in ds if d.rule == rule]
    assert len(found) == 1, found
    return found[0]


def row_of(panel: DeadlinesPanel, case_id: int, rule: str) -> QTreeWidgetItem:
    index = next(i for i, item in enumerate(panel.items) if (item.case_id, item.deadline.rule) == (case_id, rule))
    row = panel.tree.topLevelItem(index)
    assert row is not None
    return row


def color(row: QTreeWidgetItem) -> QColor:
    return row.foreground(0).color()


def test_the_deadlines_panel_lists_open_cases_deadlines(window: MainWindow, qtbot: QtBot, demo: DeskEnv) -> None:
    panel = window.deadlines
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() > 0, timeout=WAIT_MS)
    today = date.today()
    deadlines = open_deadlines(demo, today)
    numbers = {r.id: r.number for r in case_rows(demo)}
    assert listed(panel) == due_within(deadlines, today)
    assert {i.case_id for i in panel.items} <= {r.id for r in case_rows(demo, status="open")}

    # a real due date: the end of the statement period of the case whose prior notice was served
    notified, statement = the_one(deadlines, "R-NOTICE-WAIT")
    assert statement.due is not None and statement.document
    row = row_of(panel, notified, "R-NOTICE-WAIT")
    assert [row.text(c) for c in range(3)] == [short_date(statement.due), numbers[notified], statement.what]
    assert statement.what == "End of the period to state and defend"

    emit(panel.tree.itemActivated, panel.tree.topLevelItem(0), 0)
    current = window.tabs.currentWidget()
    assert isinstance(current, CaseWorkspace) and current.case_id == panel.items[0].case_id

    # the decided case's fine falls due later: on that day the panel lists it (due today: amber), and the
    # statement period, over by then, shows red
    decided, payment = the_one(deadlines, "R-PAYMENT")
    assert payment.due is not None and statement.due < payment.due
    assert window.session is not None
    settle(qtbot, window.runner)  # the case opened above has loaded: nothing else refreshes the panel
    with qtbot.waitSignal(panel.due_this_week, timeout=WAIT_MS):
        panel.refresh(window.session, today=payment.due)
    later = open_deadlines(demo, payment.due)
    assert listed(panel) == due_within(later, payment.due)
    row = row_of(panel, decided, "R-PAYMENT")
    assert [row.text(c) for c in range(3)] == [short_date(payment.due), numbers[decided], "Last day to pay the fine"]
    assert color(row) == SOON
    assert color(row_of(panel, notified, "R-NOTICE-WAIT")) == OVERDUE
    overdue = sum(1 for i in panel.items if i.deadline.overdue)
    assert overdue >= 1 and f"{overdue} overdue" in panel.summary.text()


def test_activating_a_row_opens_the_case_once(window: MainWindow, qtbot: QtBot) -> None:
    table = window.cases.table
    emit(table.activated, window.cases.model.index(3, 0))
    emit(table.doubleClicked, window.cases.model.index(3, 2))
    assert window.tabs.count() == 2
    workspace = window.tabs.currentWidget()
    assert isinstance(workspace, CaseWorkspace) and workspace.case_id == window.cases.model.row(3).id
    qtbot.waitUntil(lambda: workspace.view is not None, timeout=WAIT_MS)
    assert window.tabs.tabText(1) == window.cases.model.row(3).number

"""The live case in the window: File › New case, the case facts, recording an event, and the issue
confirmation with the issue guard's verdict (the very number; a refusal names rule and first lawful date)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from desk.services.demo_fields import fields_for
from desk.ui.case_dialogs import FactsDialog, NewCaseDialog, RecordEventDialog
from desk.ui.document_dialogs import IssueDialog
from desk.ui.main_window import MainWindow
from tests.conftest import DeskEnv
from tests.ui.conftest import WAIT_MS, casefile, open_workspace, settle


def _new_case(window: MainWindow, qtbot: QtBot, procedure: str = "general", discovered: date | None = None) -> int:
    before = {r.id for r in case_rows_of(window)}
    window.new_case_action.trigger()
    qtbot.waitUntil(lambda: isinstance(window.new_case_dialog, NewCaseDialog), timeout=WAIT_MS)
    dialog = window.new_case_dialog
    assert isinstance(dialog, NewCaseDialog)
    dialog.cause.setText("随意倾倒建筑垃圾")
    dialog.party_kind.setCurrentIndex(dialog.party_kind.findData("person"))
    dialog.party.setText("王建华")
    dialog.address.setText("江城市东湖区珞喻路1号")
    dialog.place.setText("珞喻路1号路口")
    dialog.procedure.setCurrentIndex(dialog.procedure.findData(procedure))
    if discovered is not None:
        dialog.discovered.set_value(discovered)
        dialog.violation.set_value(discovered)
    for row in range(2):
        dialog.officers.item(row).setSelected(True)
    dialog.accept()
    qtbot.waitUntil(lambda: len(case_rows_of(window)) == len(before) + 1, timeout=WAIT_MS)
    settle(qtbot, window.runner)
    return next(r.id for r in case_rows_of(window) if r.id not in before)


def case_rows_of(window: MainWindow):  # type: ignore[no-untyped-def]
    from desk.services.cases import list_cases

    assert window.session is not None
    with window.session.uow(write=False) as uow:
        return list_cases(uow)


def test_new_case_dialog_registers_and_opens_the_case(window: MainWindow, qtbot: QtBot, demo: DeskEnv) -> None:
    case_id = _new_case(window, qtbot)
    cf = casefile(demo, case_id)
    assert (cf.case.cause, cf.case.place, cf.case.outcome, cf.case.number) == ("随意倾倒建筑垃圾", "珞喻路1号路口",
                                                                             "pending", None)
    assert len(cf.case.officers) == 2 and all(o.certificate for o in cf.case.officers)
    workspace = open_workspace(qtbot, window, case_id)
    assert "filing approval" in workspace.next_steps.text()
    assert workspace.documents.suggested[-1] == "filing_approval"


def test_facts_and_events_from_the_case_header(window: MainWindow, qtbot: QtBot, demo: DeskEnv) -> None:
    case_id = _new_case(window, qtbot)
    workspace = open_workspace(qtbot, window, case_id)
    workspace.edit_facts.click()
    dialog = workspace.case_dialog
    assert isinstance(dialog, FactsDialog)
    dialog.facts.setPlainText("当事人在珞喻路1号路口随意倾倒建筑垃圾约5立方米。")
    dialog.kinds.setText("fine")
    dialog.fine.setText("800")
    dialog.accept()
    qtbot.waitUntil(lambda: casefile(demo, case_id).case.penalty.fine == 800, timeout=WAIT_MS)
    settle(qtbot, window.runner)
    workspace.record.click()
    recorder = workspace.case_dialog
    assert isinstance(recorder, RecordEventDialog)
    recorder.choose("closed")  # an undecided case cannot be closed: refused, nothing recorded
    recorder.accept()
    settle(qtbot, window.runner)
    assert not casefile(demo, case_id).events_of("closed")


def test_issue_dialog_shows_the_number_and_the_guard(window: MainWindow, qtbot: QtBot, demo: DeskEnv) -> None:
    case_id = _new_case(window, qtbot, procedure="summary")
    from desk.services import documents, lifecycle

    today = date.today()
    with demo.uow() as uow:
        lifecycle.update_case(uow, case_id, {"penalty.kinds": "fine", "penalty.fine": "500", "facts": "违法停车。",
                                              "violated": "《江城市市容环境卫生管理条例》第二十条",
                                              "basis": "《江城市市容环境卫生管理条例》第四十六条"})
        from desk.services.cases import load_casefile

        cf = load_casefile(uow, case_id)
        values = {**fields_for("summary_penalty_decision", cf), "fine": 500, "penalty_kinds": ["fine"],
                  "violation_at": f"{today.isoformat()}T08:30",
                  "violated": ["《城市市容和环境卫生管理条例》第十四条"],
                  "basis": ["《城市市容和环境卫生管理条例》第三十六条第（二）项"]}
        doc_id = documents.draft(uow, case_id, "summary_penalty_decision", values).id
    workspace = open_workspace(qtbot, window, case_id)
    with qtbot.waitSignal(workspace.loaded, timeout=WAIT_MS):
        workspace.reload()  # the tab the new-case dialog opened may have loaded before the draft was written
    panel = workspace.documents
    qtbot.waitUntil(lambda: any(d.id == doc_id for d in panel.model.docs), timeout=WAIT_MS)
    index = next(i for i, d in enumerate(panel.model.docs) if d.id == doc_id)
    panel.table.selectRow(index)
    panel.issue()
    qtbot.waitUntil(lambda: isinstance(panel.dialog, IssueDialog) and bool(panel.dialog.guard.text()),
                    timeout=WAIT_MS)
    dialog = panel.dialog
    assert isinstance(dialog, IssueDialog)
    year = today.year
    assert f"东综执简罚决字〔{year}〕" in dialog.message.text()
    assert "R-SUMMARY-LIMIT" in dialog.guard.text()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.reject()

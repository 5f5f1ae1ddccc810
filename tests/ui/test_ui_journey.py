"""The general penalty case carried through the window alone: New case dialog → facts → documents drafted in
the editor and issued through the confirmation (the issue guard on each) → service → statement waived →
decision → payment → closing → archive (issue #11, done when)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot

from desk.procedure.calendar import shipped_calendar
from desk.ui.case_dialogs import FactsDialog, RecordEventDialog
from desk.ui.document_dialogs import DraftDialog, IssueDialog, ServeDialog
from desk.ui.editor.view import EditorView
from desk.ui.main_window import MainWindow
from desk.ui.workspace import CaseWorkspace
from tests.conftest import DeskEnv
from tests.ui.conftest import WAIT_MS, OpenWindow, casefile, open_workspace, settle
from tests.ui.test_ui_lifecycle import _new_case


def _back(n: int) -> date:
    cal, day = shipped_calendar(), date.today()
    while n:
        day -= timedelta(days=1)
        n -= cal.is_working_day(day)
    return day


def _wd(day: date, n: int) -> date:
    return shipped_calendar().add_working_days(day, n)


class Clerk:
    def __init__(self, window: MainWindow, qtbot: QtBot, workspace: CaseWorkspace, env: DeskEnv) -> None:
        self.window, self.qtbot, self.ws, self.env = window, qtbot, workspace, env

    def _reload(self) -> None:
        self.ws.reload()
        settle(self.qtbot, self.window.runner)

    def issue(self, kind: str, on: date, serve: bool = False, **values: object) -> int:
        from desk.services.demo_fields import fields_for

        panel = self.ws.documents
        panel.draft()
        dialog = panel.dialog
        assert isinstance(dialog, DraftDialog)
        dialog.choose(kind)
        dialog.accept()
        editor = self.window.tabs.currentWidget()
        assert isinstance(editor, EditorView)
        self.qtbot.waitUntil(lambda: editor.form is not None, timeout=WAIT_MS)
        assert editor.form is not None
        typed = {**fields_for(kind, casefile(self.env, self.ws.case_id)), **values}
        editor.form.set_values({**editor.form.values(), **typed})
        assert editor.save()
        self.qtbot.waitUntil(lambda: editor.doc_id is not None, timeout=WAIT_MS)
        doc_id = editor.doc_id
        assert doc_id is not None
        settle(self.qtbot, self.window.runner)  # its preview has drawn: the tab may close
        self.window.close_tab(editor)
        self._reload()
        rows = [i for i, d in enumerate(panel.model.docs) if d.id == doc_id]
        panel.table.selectRow(rows[0])
        panel.issue()
        self.qtbot.waitUntil(lambda: isinstance(panel.dialog, IssueDialog), timeout=WAIT_MS)
        confirm = panel.dialog
        assert isinstance(confirm, IssueDialog)
        confirm.on.set_value(on)
        settle(self.qtbot, self.window.runner)
        assert "Refused" not in confirm.guard.text(), confirm.guard.text()
        confirm.accept()
        settle(self.qtbot, self.window.runner)
        self._reload()
        issued = next(d for d in casefile(self.env, self.ws.case_id).documents if d.id == doc_id)
        assert issued.status == "issued" and issued.issued_on == on, (kind, issued.status)
        if serve:
            panel.table.selectRow(rows[0])
            panel.serve()
            served = panel.dialog
            assert isinstance(served, ServeDialog)
            served.on.set_value(on)
            served.accept()
            settle(self.qtbot, self.window.runner)
            self._reload()
        return doc_id

    def record(self, event_type: str, on: date, note: str = "") -> None:
        self.ws.record.click()
        dialog = self.ws.case_dialog
        assert isinstance(dialog, RecordEventDialog)
        dialog.choose(event_type)
        dialog.on.set_value(on)
        dialog.note.setText(note)
        dialog.accept()
        settle(self.qtbot, self.window.runner)
        self._reload()


def test_general_case_through_the_window(open_window: OpenWindow, qtbot: QtBot, demo: DeskEnv,
                                        tmp_path: Path) -> None:
    window = open_window("chenjg")  # 陈建国, clerk
    start = _back(25)
    case_id = _new_case(window, qtbot, discovered=start)
    workspace = window.open_case(case_id)
    qtbot.waitUntil(lambda: workspace.view is not None, timeout=WAIT_MS)
    workspace.edit_facts.click()
    facts = workspace.case_dialog
    assert isinstance(facts, FactsDialog)
    facts.facts.setPlainText("当事人在珞喻路1号路口随意倾倒建筑垃圾约5立方米。")
    facts.evidence.setText("现场检查笔录；询问笔录；现场照片4张")
    facts.violated.setText("《城市建筑垃圾管理规定》第十五条")
    facts.basis.setText("《城市建筑垃圾管理规定》第二十六条")
    facts.level.setText("一般")
    facts.standard.setText("江城市城市管理行政处罚裁量基准 第12项")
    facts.kinds.setText("fine")
    facts.fine.setText("150")
    facts.accept()
    settle(qtbot, window.runner)
    clerk = Clerk(window, qtbot, workspace, demo)
    clerk.issue("onsite_inspection_record", start, started_at=f"{start.isoformat()}T09:30")
    filed = _wd(start, 1)
    clerk.issue("filing_approval", filed)
    day = _wd(filed, 2)
    clerk.issue("inquiry_record", day, started_at=f"{day.isoformat()}T10:00", ended_at=f"{day.isoformat()}T10:40")
    day = _wd(day, 3)
    clerk.issue("investigation_report", day)
    notice_day = _wd(day, 1)
    clerk.issue("penalty_prior_notice", notice_day, serve=True, fine=150, penalty_kinds=["fine"])
    clerk.record("statement_waived", _wd(notice_day, 1), "当事人书面放弃陈述申辩")
    decided = _wd(notice_day, 1)
    decision = clerk.issue("penalty_decision", decided, serve=True, fine=150, penalty_kinds=["fine"])
    clerk.record("published", _wd(decided, 1), "门户网站公示")
    paid = _wd(decided, 2)
    number = next(d.number for d in casefile(demo, case_id).documents if d.id == decision)
    clerk.issue("payment_record", paid, paid_on=paid.isoformat(), amount=150, decision_number=number)
    clerk.issue("closing_approval", _wd(paid, 1))
    result = demo.run("check", str(case_id), "--json")
    assert result.code == 0, json.loads(result.out)["findings"]
    assert casefile(demo, case_id).status == "closed"
    archivist = open_window("qianxy")  # 钱秀英 receives the file and archives it in her window
    workspace = open_workspace(qtbot, archivist, case_id)
    assert workspace.check.archive.isEnabled()
    workspace.check.archive.click()
    wizard = workspace.wizard
    assert wizard is not None
    package = tmp_path / "journey.zip"
    wizard.destination.setText(str(package))
    with qtbot.waitSignal(wizard.archived, timeout=WAIT_MS):
        wizard.next()
        wizard.accept()
    assert package.is_file()
    assert demo.run("verify", str(package)).code == 0

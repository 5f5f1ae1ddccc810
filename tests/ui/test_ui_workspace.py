"""The case workspace: header, timeline, the documents' actions (void, open in Word/WPS, print) and the check."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QUrl
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from desk.procedure.checker import Finding, Report
from desk.ui import documents_panel, printing
from desk.ui.document_dialogs import VoidDialog
from desk.ui.main_window import MainWindow
from desk.ui.signals import emit
from tests.conftest import DeskEnv
from tests.ui.conftest import CLEAN_CLOSED_CASE, OPEN_CASE, WAIT_MS, case_rows, open_workspace, report, settle

GROUPS = {"blocker": "Blockers", "major": "Major defects", "minor": "Minor defects"}  # the check's groups, in order


def open_case_number(demo: DeskEnv) -> str:
    """The open case's number: its filing approval's."""
    number = next(r.number for r in case_rows(demo) if r.id == OPEN_CASE)
    assert number
    return number


def test_the_header_names_the_case_and_its_score(window: MainWindow, qtbot: QtBot, demo: DeskEnv) -> None:
    row = next(r for r in case_rows(demo) if r.id == OPEN_CASE)
    workspace = open_workspace(qtbot, window, OPEN_CASE)
    assert workspace.number.text() == row.number
    assert row.cause in workspace.cause.text()
    assert row.party in workspace.party.text()
    assert workspace.facts.text() == "General · Open"
    score = report(demo, OPEN_CASE).score
    assert score < 100 and workspace.score.text() == f"Score {score}"


def test_the_timeline_lists_steps_then_what_falls_due(window: MainWindow, qtbot: QtBot) -> None:
    workspace = open_workspace(qtbot, window, OPEN_CASE)
    view = workspace.view
    assert view is not None
    steps = [workspace.timeline.topLevelItem(i).text(1) for i in range(workspace.timeline.topLevelItemCount())]  # type: ignore[union-attr]
    assert steps[:2] == ["Inspected on site", "Filed"]  # implied by the issued 现场检查笔录 and 立案审批表
    assert len(steps) == len(view.cf.timeline) + len(view.deadlines)
    assert workspace.timeline.select_event(f"filed {view.cf.events_of('filed')[0].on.isoformat()}")
    assert workspace.timeline.currentItem().text(1) == "Filed"  # type: ignore[union-attr]


def test_the_check_groups_findings_and_a_finding_shows_what_it_names(window: MainWindow, qtbot: QtBot,
                                                                     demo: DeskEnv) -> None:
    workspace = open_workspace(qtbot, window, OPEN_CASE)
    check, view = workspace.check, workspace.view
    assert view is not None and not view.report.archivable
    assert check.score.text() == f"Score {view.report.score}"
    findings = report(demo, OPEN_CASE).findings
    assert view.report.findings == findings
    assert any(f.severity == "blocker" for f in findings)  # open: not closed, so not archivable
    by_severity = [(label, [f for f in findings if f.severity == severity]) for severity, label in GROUPS.items()]
    groups = [check.tree.topLevelItem(i) for i in range(check.tree.topLevelItemCount())]
    assert [g.text(0) for g in groups] == [f"{label} ({len(found)})" for label, found in by_severity if found]  # type: ignore[union-attr]
    assert [g.child(j).text(1) for g in groups for j in range(g.childCount())] == [  # type: ignore[union-attr]
        f.rule for _label, found in by_severity for f in found]

    number = view.cf.case.number
    assert number
    filed = view.cf.events_of("filed")[0]
    named = (Finding("R-X", "major", "文书", "a document", documents=(number,)),
             Finding("R-Y", "minor", "事件", "an event", events=(f"filed {filed.on.isoformat()}",)))
    check.show_case(replace(view, report=Report(False, 94, named)))
    assert [check.tree.topLevelItem(i).text(0) for i in range(2)] == ["Major defects (1)", "Minor defects (1)"]  # type: ignore[union-attr]
    emit(check.tree.itemClicked, check.tree.topLevelItem(0).child(0), 0)  # type: ignore[union-attr]
    assert workspace.tabs.currentWidget() is workspace.documents
    assert [d.number for d in workspace.documents.selected()] == [number]
    emit(check.tree.itemClicked, check.tree.topLevelItem(1).child(0), 0)  # type: ignore[union-attr]
    assert workspace.timeline.currentItem().text(1) == "Filed"  # type: ignore[union-attr]


def test_a_clean_closed_case_has_no_findings(window: MainWindow, qtbot: QtBot) -> None:
    workspace = open_workspace(qtbot, window, CLEAN_CLOSED_CASE)
    assert workspace.check.tree.topLevelItem(0).text(0) == "No findings: every rule holds."  # type: ignore[union-attr]
    assert workspace.score.text() == "Score 100"


def test_voiding_asks_a_reason_and_keeps_the_number(window: MainWindow, qtbot: QtBot, demo: DeskEnv) -> None:
    number = open_case_number(demo)
    workspace = open_workspace(qtbot, window, OPEN_CASE)
    panel = workspace.documents
    assert panel.select(number)
    assert [(d.kind, d.status) for d in panel.selected()] == [("filing_approval", "issued")]
    panel.actions_by_name["void"].trigger()
    dialog = panel.dialog
    assert isinstance(dialog, VoidDialog)
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.reason.setPlainText("立案审批表填写错误")
    with qtbot.waitSignal(workspace.loaded, timeout=WAIT_MS):
        dialog.accept()
    voided = next(d for d in workspace.view.cf.documents if d.number == number)  # type: ignore[union-attr]
    assert (voided.status, voided.void_reason) == ("void", "立案审批表填写错误")


def test_open_in_word_writes_the_docx_and_hands_it_to_the_desktop(window: MainWindow, qtbot: QtBot, demo: DeskEnv,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(documents_panel.QDesktopServices, "openUrl", opened.append)
    number = open_case_number(demo)
    workspace = open_workspace(qtbot, window, OPEN_CASE)
    assert workspace.documents.select(number)
    workspace.documents.actions_by_name["open"].trigger()
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)
    path = Path(opened[0].toLocalFile())
    assert path.name == f"{number}.docx"
    assert path.read_bytes()[:2] == b"PK"


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_printing_a_selection_prints_every_page(window: MainWindow, qtbot: QtBot, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "printed.pdf"
    monkeypatch.setattr(printing, "choose_printer", lambda _parent: pdf_printer(out))
    workspace = open_workspace(qtbot, window, CLEAN_CLOSED_CASE)
    panel = workspace.documents
    panel.table.selectAll()
    docs = panel.selected()
    assert len(docs) > 3
    panel.actions_by_name["print"].trigger()
    qtbot.waitUntil(lambda: out.exists() and not window.runner.busy, timeout=WAIT_MS)
    settle(qtbot, window.runner)
    printed = len(pypdf.PdfReader(out).pages)
    rendered = sum(len(pypdf.PdfReader(io.BytesIO(p)).pages)
                   for p in _pdfs(window, [d.id for d in docs if d.id is not None]))
    assert printed == rendered


def _pdfs(window: MainWindow, ids: list[int]) -> tuple[bytes, ...]:
    from desk.ui.ops.documents import pdfs

    assert window.session is not None
    return pdfs(window.session, tuple(ids))

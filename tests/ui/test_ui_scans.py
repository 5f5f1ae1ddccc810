"""The archivist's day: the signed and sealed scan of an issued document bound in its place (the index says
签章扫描件), evidence removed, reordered by dragging and re-captioned, the volume saved as a named file, a
package verified from the window."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pikepdf
import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from reportlab.pdfgen.canvas import Canvas

from desk.errors import UserError
from desk.ui import window_actions
from desk.ui.evidence_dialog import EvidenceDialog
from desk.ui.main_window import MainWindow
from desk.ui.printing import open_pdf
from desk.ui.workspace import CaseWorkspace
from tests.conftest import DeskEnv
from tests.ui.conftest import CLEAN_CLOSED_CASE, OPEN_CASE, WAIT_MS, answer, casefile, open_workspace, settle
from tests.ui.test_ui_dossier import photo

MARK = "SIGNED AND SEALED PAPER 0427"


def signed_scan(path: Path) -> Path:
    """A one-page PDF standing for the scan of the signed paper (a mark the test finds again)."""
    canvas = Canvas(str(path), pagesize=(595, 842))
    canvas.drawString(72, 760, MARK)
    canvas.save()
    return path


def issued_row(workspace: CaseWorkspace, kind_id: str) -> int:
    docs = workspace.documents.model.docs
    return next(i for i, d in enumerate(docs) if d.kind == kind_id and d.status == "issued")


def pdf_text(path: Path) -> list[str]:
    document, _buffer = open_pdf(path.read_bytes())
    return [document.getAllText(page).text() for page in range(document.pageCount())]


def test_a_signed_scan_is_bound_in_the_documents_place(window: MainWindow, qtbot: QtBot, demo: DeskEnv,
                                                       tmp_path: Path) -> None:
    workspace = open_workspace(qtbot, window, CLEAN_CLOSED_CASE)
    panel = workspace.documents
    panel.table.selectRow(issued_row(workspace, "penalty_decision"))
    assert panel.actions_by_name["scan"].isEnabled()
    with qtbot.waitSignal(workspace.loaded, timeout=WAIT_MS):
        panel.attach_scan(signed_scan(tmp_path / "决定书签章.pdf"))
    decision = next(d for d in casefile(demo, CLEAN_CLOSED_CASE).documents if d.kind == "penalty_decision")
    assert decision.scan is not None and decision.scan.endswith("/决定书签章.pdf")

    dossier = workspace.dossier
    dossier.volume.setCurrentIndex(dossier.volume.findData("main"))
    with qtbot.waitSignal(dossier.built, timeout=WAIT_MS):
        dossier.build_button.click()
    pages = pdf_text(dossier.results[0].path)
    assert sum(MARK in text for text in pages) == 1  # the scan's page, once
    index = next(text for text in pages if "卷内文件目录" in text.replace(" ", ""))
    assert "签章扫描件" in index
    assert index.count("据案件数据生成") < sum(t.count("据案件数据生成") for t in pages) + 1


def test_only_an_issued_document_takes_a_scan(window: MainWindow, qtbot: QtBot, demo: DeskEnv,
                                              tmp_path: Path) -> None:
    from desk.services.scans import attach_scan

    workspace = open_workspace(qtbot, window, OPEN_CASE)
    panel = workspace.documents
    drafts = [i for i, d in enumerate(panel.model.docs) if d.status == "draft"]
    if drafts:
        panel.table.selectRow(drafts[0])
        action = panel.actions_by_name["scan"]
        assert not action.isEnabled() and "Only an issued document" in action.toolTip()
    with demo.uow() as uow:
        from desk.services import documents

        draft = documents.draft(uow, OPEN_CASE, "stop_order", {}).id
    with pytest.raises(UserError) as refused, demo.uow() as uow:
        attach_scan(uow, draft, signed_scan(tmp_path / "s.pdf"))
    assert refused.value.key == "scan_not_issued"
    text_file = tmp_path / "s.pdf.txt"
    text_file.write_text("not a scan")
    with pytest.raises(UserError) as wrong, demo.uow() as uow:
        issued = next(d.id for d in casefile(demo, OPEN_CASE).documents if d.status == "issued")
        attach_scan(uow, issued or 0, text_file)
    assert wrong.value.key == "scan_type"


def with_evidence(qtbot: QtBot, window: MainWindow, demo: DeskEnv, tmp_path: Path) -> CaseWorkspace:
    from desk.services.evidence import add_attachment

    with demo.uow() as uow:
        for title in ("甲照片", "乙照片", "丙照片"):
            add_attachment(uow, OPEN_CASE, photo(tmp_path / f"{title}.png"), title=title, kind="photo",
                           made_on=date(2026, 3, 2))
    return open_workspace(qtbot, window, OPEN_CASE)


def titles(demo: DeskEnv) -> list[str]:
    return [a.title for a in casefile(demo, OPEN_CASE).attachments]


def test_evidence_reordered_by_dragging_a_row(window: MainWindow, qtbot: QtBot, demo: DeskEnv,
                                              tmp_path: Path) -> None:
    workspace = with_evidence(qtbot, window, demo, tmp_path)
    evidence = workspace.dossier.evidence
    assert evidence.list.count() == len(titles(demo)) >= 3
    last = evidence.list.count() - 1
    moved = evidence.list.item(last).text().split("（")[0]
    with qtbot.waitSignal(workspace.loaded, timeout=WAIT_MS):
        assert evidence.list.model().moveRow(QModelIndex(), last, QModelIndex(), 0)  # what a drop does
    assert titles(demo)[0] == moved == "丙照片"
    assert evidence.list.item(0).text().startswith("丙照片")


def test_evidence_removed_after_confirming(window: MainWindow, qtbot: QtBot, demo: DeskEnv, tmp_path: Path) -> None:
    workspace = with_evidence(qtbot, window, demo, tmp_path)
    evidence = workspace.dossier.evidence
    assert not evidence.remove_button.isEnabled() and evidence.remove_button.toolTip()
    evidence.list.setCurrentRow(evidence.list.count() - 2)
    assert evidence.remove_button.isEnabled()
    answer("No")
    evidence.remove_button.click()
    assert "乙照片" in titles(demo)
    answer("Yes")
    with qtbot.waitSignal(workspace.loaded, timeout=WAIT_MS):
        evidence.remove_button.click()
    assert "乙照片" not in titles(demo) and titles(demo)[-2:] == ["甲照片", "丙照片"]


def test_evidence_recaptioned(window: MainWindow, qtbot: QtBot, demo: DeskEnv, tmp_path: Path) -> None:
    workspace = with_evidence(qtbot, window, demo, tmp_path)
    evidence = workspace.dossier.evidence
    evidence.list.setCurrentRow(evidence.list.count() - 1)
    evidence.caption_button.click()
    dialog = evidence.dialog
    assert isinstance(dialog, EvidenceDialog) and dialog.title.text() == "丙照片"
    dialog.title.setText("丙照片（店门口）")
    dialog.proves.setPlainText("占道经营的位置")
    with qtbot.waitSignal(workspace.loaded, timeout=WAIT_MS):
        dialog.accept()
    last = casefile(demo, OPEN_CASE).attachments[-1]
    assert (last.title, last.proves, last.made_on) == ("丙照片（店门口）", "占道经营的位置", date(2026, 3, 2))


def test_the_volume_is_saved_as_a_named_file_replacing_only_when_confirmed(
        window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    workspace = open_workspace(qtbot, window, CLEAN_CLOSED_CASE)
    dossier = workspace.dossier
    assert not dossier.save_button.isEnabled() and dossier.save_button.toolTip() == "Build the volume first."
    dossier.volume.setCurrentIndex(dossier.volume.findData("sub"))
    with qtbot.waitSignal(dossier.built, timeout=WAIT_MS):
        dossier.build_button.click()
    target = tmp_path / "卷宗.pdf"
    target.write_bytes(b"an older file")
    seen: list[str] = []
    answer("No", seen)
    assert dossier.save_as(target) is None
    assert target.read_bytes() == b"an older file" and "exists already" in seen[0]
    answer("Yes")
    assert dossier.save_as(target) == target
    assert len(pikepdf.open(target).pages) == dossier.results[0].pages


def test_the_preview_is_not_left_stale_after_adding_evidence(window: MainWindow, qtbot: QtBot, demo: DeskEnv,
                                                             tmp_path: Path) -> None:
    from desk.services.evidence import add_attachment

    workspace = open_workspace(qtbot, window, CLEAN_CLOSED_CASE)
    dossier = workspace.dossier
    dossier.volume.setCurrentIndex(dossier.volume.findData("sub"))
    with qtbot.waitSignal(dossier.built, timeout=WAIT_MS):
        dossier.build_button.click()
    assert not dossier.preview.isHidden()
    with demo.uow() as uow:
        add_attachment(uow, CLEAN_CLOSED_CASE, photo(tmp_path / "补充照片.png"), title="补充照片", kind="photo")
    with qtbot.waitSignal(workspace.loaded, timeout=WAIT_MS):
        workspace.reload()
    assert dossier.preview.isHidden() and not dossier.print_button.isEnabled()
    assert "build it again" in dossier.result.text()


def test_verify_package_from_the_window(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    package = tmp_path / "broken.zip"
    with zipfile.ZipFile(package, "w") as zf:
        zf.writestr("bagit.txt", "BagIt-Version: 1.0\n")
    assert any(a.objectName() == "verify_package" for a in window.menuBar().actions()[0].menu().actions())
    window_actions.verify_package(window, package)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "verify_result") is not None, timeout=WAIT_MS)
    settle(qtbot, window.runner)
    box = window.findChild(QMessageBox, "verify_result")
    assert box is not None and "broken.zip is damaged" in box.text()
    assert window.statusBar().currentMessage().startswith("broken.zip is damaged")
    box.close()




def test_printing_to_a_pdf_sends_vector_pages_and_says_so(window: MainWindow, qtbot: QtBot, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from desk.ui import printing
    from tests.ui.test_ui_workspace import pdf_printer

    out = tmp_path / "printed.pdf"
    monkeypatch.setattr(printing, "choose_printer", lambda _parent: pdf_printer(out))
    workspace = open_workspace(qtbot, window, CLEAN_CLOSED_CASE)
    workspace.documents.table.selectRow(issued_row(workspace, "penalty_decision"))
    workspace.documents.print_selected()
    qtbot.waitUntil(lambda: out.exists() and not window.runner.busy, timeout=WAIT_MS)
    pdf = pikepdf.open(out)
    assert not any(name for page in pdf.pages for name in page.images)  # no picture of the page: its text
    assert any("/Font" in page.Resources for page in pdf.pages)
    assert "决定" in "".join(pdf_text(out))
    assert window.statusBar().currentMessage() == f"{len(pdf.pages)} page(s) sent to {out}."


def test_open_in_word_says_so_when_no_application_is_found(window: MainWindow, qtbot: QtBot,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtGui import QDesktopServices

    opened: list[str] = []

    def nothing_to_open_with(url: object) -> bool:
        opened.append(str(url))
        return False

    monkeypatch.setattr(QDesktopServices, "openUrl", nothing_to_open_with)
    workspace = open_workspace(qtbot, window, CLEAN_CLOSED_CASE)
    panel = workspace.documents
    panel.table.selectRow(issued_row(workspace, "penalty_decision"))
    panel.actions_by_name["open"].trigger()
    qtbot.waitUntil(lambda: panel.no_application is not None, timeout=WAIT_MS)
    assert panel.no_application is not None and "No application to open DOCX" in panel.no_application.text()
    saved = Path(panel.no_application.text().rsplit("saved as ", 1)[1].rstrip("."))
    assert saved.suffix == ".docx" and saved.stat().st_size > 0 and opened
    panel.no_application.close()

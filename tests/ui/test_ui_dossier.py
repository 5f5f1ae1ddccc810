"""The dossier view: the plan of both volumes, evidence dropped in with its caption, building with progress
and Cancel, printing a volume; and the evidence service behind it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pikepdf
import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from desk.errors import FrozenError, UserError
from desk.ui import printing
from desk.ui.evidence_dialog import EvidenceDialog
from desk.ui.main_window import MainWindow
from desk.ui.session import Session, User
from tests.conftest import DeskEnv
from tests.ui.conftest import CLEAN_CLOSED_CASE, OPEN_CASE, WAIT_MS, open_workspace, settle
from tests.ui.test_ui_workspace import pdf_printer


def photo(path: Path) -> Path:
    image = QImage(400, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("steelblue"))
    assert image.save(str(path))
    return path


def scan(path: Path, pages: int = 2) -> Path:
    pdf = pikepdf.new()
    for _ in range(pages):
        pdf.add_blank_page(page_size=(595, 842))
    pdf.save(path)
    return path


def plan_titles(window: MainWindow) -> list[str]:
    tree = window.workspace(OPEN_CASE).dossier.tree  # type: ignore[union-attr]
    out = []
    for i in range(tree.topLevelItemCount()):
        volume = tree.topLevelItem(i)
        for j in range(volume.childCount()):  # type: ignore[union-attr]
            section = volume.child(j)  # type: ignore[union-attr]
            out += [section.child(k).text(0) for k in range(section.childCount())]  # type: ignore[union-attr]
    return out


def test_the_plan_lists_both_volumes(window: MainWindow, qtbot: QtBot) -> None:
    workspace = open_workspace(qtbot, window, OPEN_CASE)
    tree = workspace.dossier.tree
    assert [tree.topLevelItem(i).text(0)[:2] for i in range(tree.topLevelItemCount())] == ["正卷", "副卷"]  # type: ignore[union-attr]
    assert "立案审批表" in plan_titles(window)


def test_dropped_files_become_captioned_evidence(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    workspace = open_workspace(qtbot, window, OPEN_CASE)
    dossier = workspace.dossier
    files = [photo(tmp_path / "现场照片.png"), scan(tmp_path / "营业执照.pdf")]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    enter = QDragEnterEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    dossier.dragEnterEvent(enter)
    assert enter.isAccepted()
    dossier.dropEvent(QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                 Qt.KeyboardModifier.NoModifier))
    first = dossier.dialog
    assert isinstance(first, EvidenceDialog) and first.title.text() == "现场照片"
    assert first.kind.currentData() == "photo" and first.made_by.text() == "陈建国"
    first.proves.setPlainText("当事人在人行道堆放建筑材料")
    first.accept()
    second = dossier.dialog
    assert isinstance(second, EvidenceDialog) and second is not first
    second.title.setText("当事人营业执照复印件")
    with qtbot.waitSignal(workspace.loaded, timeout=WAIT_MS):
        second.accept()
    attachments = workspace.view.cf.attachments  # type: ignore[union-attr]
    assert [(a.title, a.kind, a.made_by, a.pages) for a in attachments] == [
        ("现场照片", "photo", "陈建国", 1), ("当事人营业执照复印件", "other", "陈建国", 2)]
    assert attachments[0].proves == "当事人在人行道堆放建筑材料" and attachments[0].made_on == date.today()
    qtbot.waitUntil(lambda: "当事人营业执照复印件" in plan_titles(window), timeout=WAIT_MS)


def test_cancelling_a_build_leaves_no_file(window: MainWindow, qtbot: QtBot, demo: DeskEnv) -> None:
    workspace = open_workspace(qtbot, window, CLEAN_CLOSED_CASE)
    dossier = workspace.dossier
    dossier.volume.setCurrentIndex(dossier.volume.findData("all"))
    dossier.build_button.click()
    assert dossier.progress_dialog is not None and dossier.task is not None
    cancel = dossier.progress_dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Cancel"
    with qtbot.waitSignal(dossier.task.cancelled, timeout=WAIT_MS):
        cancel.click()
    settle(qtbot, window.runner)
    assert not list((demo.home / "dossiers").glob("*.pdf"))
    assert not dossier.results and not dossier.print_button.isEnabled()


def test_a_built_volume_is_previewed_and_printed(window: MainWindow, qtbot: QtBot, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "volume.pdf"
    monkeypatch.setattr(printing, "choose_printer", lambda _parent: pdf_printer(out))
    workspace = open_workspace(qtbot, window, CLEAN_CLOSED_CASE)
    dossier = workspace.dossier
    dossier.volume.setCurrentIndex(dossier.volume.findData("sub"))
    with qtbot.waitSignal(dossier.built, timeout=WAIT_MS):
        dossier.build_button.click()
    result = dossier.results[0]
    assert result.path.name.endswith("-副卷.pdf")
    assert dossier.preview.document is not None and dossier.preview.document.pageCount() == result.pages
    dossier.print_button.click()
    qtbot.waitUntil(lambda: out.exists() and not window.runner.busy, timeout=WAIT_MS)
    assert len(pikepdf.open(out).pages) == result.pages


def test_adding_evidence_needs_the_dossier_right_and_a_writable_case(demo: DeskEnv, tmp_path: Path) -> None:
    from desk.services.evidence import add_attachment

    picture = photo(tmp_path / "照片.png")
    leader = Session(User("leader", "领导", frozenset({"leader"})))
    with pytest.raises(UserError) as refused, leader.uow() as uow:
        add_attachment(uow, OPEN_CASE, picture, title="照片")
    assert refused.value.key == "not_permitted"
    with demo.uow() as uow:
        from desk.models import Case

        case = uow.session.get(Case, CLEAN_CLOSED_CASE)
        assert case is not None
        case.status = "archived"
    with pytest.raises(FrozenError), demo.uow() as uow:
        add_attachment(uow, CLEAN_CLOSED_CASE, picture, title="照片")
    with pytest.raises(UserError), demo.uow() as uow:
        add_attachment(uow, OPEN_CASE, tmp_path / "missing.png", title="照片")

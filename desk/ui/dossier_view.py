"""The dossier view: the planned order of both volumes; evidence added by dropping files (each with its
caption); a volume built behind a progress dialog with Cancel, then previewed and printable."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk import config
from desk.archive.names import portable
from desk.ui import printing
from desk.ui.dates import short_date
from desk.ui.editor.preview import PreviewPane
from desk.ui.evidence_dialog import EvidenceDialog
from desk.ui.evidence_list import EvidenceList
from desk.ui.ops.dossier import Caption, add_evidence, build, plans
from desk.ui.runner import Latest, Runner, Task
from desk.ui.session import Session
from desk.ui.signals import emit
from desk.ui.text import N_, _, titles_in_ui_script

if TYPE_CHECKING:
    from desk.dossier.plan import VolumePlan
    from desk.services.dossier import DossierResult
    from desk.ui.ops.cases import CaseView

VOLUME_CHOICES = {"main": N_("Main volume (正卷)"), "sub": N_("Secondary volume (副卷)"), "all": N_("Both volumes")}


class DossierView(QWidget):
    changed = Signal()
    planned = Signal()
    built = Signal(object)  # the DossierResults

    def __init__(self, runner: Runner, session: Session, case_id: int) -> None:
        super().__init__()
        self.setObjectName("dossier")
        self.runner, self.session, self.case_id = runner, session, case_id
        self.view: CaseView | None = None
        self.dialog: EvidenceDialog | None = None
        self._pending: list[Path] = []
        self._captions: list[Caption] = []
        self._latest = Latest(runner)
        self.results: tuple[DossierResult, ...] = ()
        self.task: Task | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.setAcceptDrops(True)

        self.tree = QTreeWidget()
        self.tree.setObjectName("plan")
        self.tree.setHeaderLabels([_("Item"), _("Number"), _("Date"), _("Responsible")])
        self.tree.setColumnWidth(0, 250)
        self.tree.setColumnWidth(1, 180)
        self.tree.setColumnWidth(2, 85)
        self.remarks = QLabel()
        self.remarks.setWordWrap(True)
        hint = QLabel(_("Drop evidence files (PDF, JPEG, PNG) here to add them to the case."))
        hint.setWordWrap(True)
        self.add_button = QPushButton(_("Add evidence…"))
        self.add_button.setObjectName("add_evidence")
        self.add_button.clicked.connect(self._choose_files)
        buttons = QHBoxLayout()
        buttons.addWidget(hint, 1)
        buttons.addWidget(self.add_button)
        self.evidence = EvidenceList(runner, session, case_id)
        self.evidence.changed.connect(self.changed)
        self.volume = QComboBox()
        self.volume.setObjectName("volume")
        for code, text in VOLUME_CHOICES.items():
            self.volume.addItem(_(text), code)
        self.duplex = QCheckBox(_("Double-sided"))
        self.duplex.setToolTip(_("Each item starts on a front page (a blank back is added where needed)"))
        self.build_button = QPushButton(_("Build…"))
        self.build_button.setObjectName("build")
        self.build_button.clicked.connect(self.build)
        self.print_button = QPushButton(_("Print volume…"))
        self.print_button.setObjectName("print_volume")
        self.print_button.setEnabled(False)
        self.print_button.clicked.connect(self.print_volume)
        self.save_button = QPushButton(_("Save as…"))
        self.save_button.setObjectName("save_as")
        self.save_button.setEnabled(False)
        self.save_button.setToolTip(_("Build the volume first."))
        self.save_button.clicked.connect(lambda: self.save_as())
        self.print_button.setToolTip(_("Build the volume first."))
        binding = QHBoxLayout()
        for w in (self.volume, self.duplex, self.build_button, self.print_button, self.save_button):
            binding.addWidget(w)
        binding.addStretch(1)
        self.result = QLabel()
        self.result.setObjectName("result")
        self.result.setWordWrap(True)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(buttons)
        column.addWidget(self.evidence)
        column.addWidget(self.tree, 1)
        column.addWidget(self.remarks)
        column.addLayout(binding)
        column.addWidget(self.result)
        self.preview = PreviewPane(runner)
        self.preview.hide()  # until a volume is built
        self.split = QSplitter()
        self.split.addWidget(left)
        self.split.addWidget(self.preview)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.split)

    def show_case(self, view: CaseView) -> None:
        if self.results and self.view is not None and view.cf != self.view.cf:
            self._stale()  # the case changed since the volume was built: its preview would mislead
        self.view = view
        self.evidence.show_evidence(view.cf.attachments, view.cf.status != "archived" and self.session.may("dossier"))
        self.update_actions()
        cf = view.cf
        self._latest.submit(lambda _p: plans(cf), self._show_plans)

    def update_actions(self) -> None:
        writable = self.view is not None and self.view.cf.status != "archived"
        self.add_button.setEnabled(writable and self.session.may("dossier"))
        self.build_button.setEnabled(self.view is not None and self.session.may("dossier"))

    def _show_plans(self, volumes: tuple[VolumePlan, ...]) -> None:
        self.tree.clear()
        remarks: list[str] = []
        for volume in volumes:
            top = QTreeWidgetItem([f"{volume.title}（{len(volume.items)}）"])
            top.setFirstColumnSpanned(True)
            self.tree.addTopLevelItem(top)
            for section in volume.sections:
                branch = QTreeWidgetItem([f"{section.title}（{len(section.items)}）"])
                top.addChild(branch)
                for item in section.items:
                    title = titles_in_ui_script(item.title) if item.document is not None else item.title
                    branch.addChild(QTreeWidgetItem([title, item.number or "",
                                                     short_date(item.on) if item.on else "", item.author]))
                branch.setExpanded(True)
            top.setExpanded(True)
            remarks += [f"{volume.title}：{r.text}" for r in volume.remarks]
        self.remarks.setText("\n".join(remarks))
        emit(self.planned)

    # -- evidence
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.add_button.isEnabled() and any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        event.acceptProposedAction()
        self.add_files([p for p in paths if p.is_file()])

    def _choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(self, _("Add evidence"), "",
                                                      _("Evidence (*.pdf *.jpg *.jpeg *.png);;All files (*)"))
        self.add_files([Path(n) for n in names])

    def add_files(self, paths: list[Path]) -> None:
        """Ask the caption of each file in turn, then store them all."""
        self._pending, self._captions = list(paths), []
        self._next_caption()

    def _next_caption(self) -> None:
        if not self._pending:
            if self._captions:
                session, case_id, captions = self.session, self.case_id, tuple(self._captions)
                self.runner.submit(lambda _p: add_evidence(session, case_id, captions),
                                   done=lambda _n: emit(self.changed))
            return
        self.dialog = EvidenceDialog(self._pending.pop(0), self.session.user.name, self)
        self.dialog.accepted.connect(self._captioned)
        self.dialog.rejected.connect(self._next_caption)
        self.dialog.open()

    def _captioned(self) -> None:
        assert self.dialog is not None
        self._captions.append(self.dialog.caption())
        self._next_caption()

    # -- binding
    def build(self) -> None:
        if self.view is None:
            return
        session, case_id, volume, duplex = (self.session, self.case_id, str(self.volume.currentData()),
                                            self.duplex.isChecked())
        name = portable(self.view.cf.case.number or f"case-{case_id}")
        out = config.desk_home() / "dossiers" / f"{name}.pdf"
        self.task, self.progress_dialog = self.runner.with_dialog(
            lambda p: build(session, case_id, volume, duplex, out, p), title=_("Building the dossier…"),
            done=self._built)

    def _built(self, results: tuple[DossierResult, ...]) -> None:
        self.results = results
        self.result.setText("\n".join(_("{path}: {pages} pages").format(path=r.path, pages=r.pages) for r in results))
        self.preview.show_pdf(results[0].path.read_bytes())
        self.preview.show()
        self.split.setSizes([520, 480])
        for button in (self.print_button, self.save_button):
            button.setEnabled(True)
            button.setToolTip("")
        emit(self.built, results)

    def _stale(self) -> None:
        self.results = ()
        self.preview.hide()
        self.result.setText(_("The case changed since the volume was built: build it again to see it."))
        for button in (self.print_button, self.save_button):
            button.setEnabled(False)
            button.setToolTip(_("Build the volume first."))

    def save_as(self, target: Path | None = None) -> Path | None:
        """Copy the volume built to a file the user names; an existing file is replaced only when confirmed."""
        if not self.results:
            return None
        if target is None:
            name, _filter = QFileDialog.getSaveFileName(
                self, _("Save the dossier as"), str(self.results[0].path.name), _("PDF (*.pdf)"),
                options=QFileDialog.Option.DontConfirmOverwrite)  # asked below, in the same words everywhere
            if not name:
                return None
            target = Path(name)
        if target.exists() and not self._confirm_overwrite(target):
            return None
        targets = [target] if len(self.results) == 1 else [
            target.with_name(f"{target.stem}-{r.path.stem.rsplit('-', 1)[-1]}{target.suffix}") for r in self.results]
        for result, out in zip(self.results, targets, strict=True):
            shutil.copyfile(result.path, out)
        self.result.setText(_("Saved as {path}").format(path=", ".join(str(t) for t in targets)))
        return target

    def _confirm_overwrite(self, target: Path) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, _("Save the dossier as"),
                          _("{name} exists already. Replace it?").format(name=target.name),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("confirm_overwrite")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def print_volume(self) -> None:
        if self.results:
            printing.print_with_dialog(self, self.runner, [r.path.read_bytes() for r in self.results])

"""One case's workspace: its header (number, cause, party, procedure, status, score), the procedure timeline,
and tabs for its documents, its dossier and its check."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk.ui.archive_wizard import ArchiveWizard
from desk.ui.case_dialogs import FactsDialog, RecordEventDialog
from desk.ui.check_panel import CheckPanel
from desk.ui.discretion import DiscretionPicker
from desk.ui.documents_panel import DocumentsPanel
from desk.ui.dossier_view import DossierView
from desk.ui.editor.view import EditorView
from desk.ui.ops.cases import CaseView, open_case
from desk.ui.ops.lifecycle import plan, record_event, update_case
from desk.ui.runner import Latest, Runner
from desk.ui.session import Session
from desk.ui.signals import emit
from desk.ui.text import CASE_STATUSES, PROCEDURES, _, word
from desk.ui.timeline import Timeline

if TYPE_CHECKING:
    from desk.services.archiving import ArchiveResult
    from desk.ui.main_window import MainWindow


class CaseWorkspace(QWidget):
    title_changed = Signal(str)
    changed = Signal()  # something of the case was written
    loaded = Signal()  # a fresh snapshot is shown

    def __init__(self, runner: Runner, session: Session, case_id: int, window: MainWindow) -> None:
        super().__init__()
        self.setObjectName("workspace")
        self.runner, self.session, self.case_id, self.main = runner, session, case_id, window
        self.view: CaseView | None = None
        self.wizard: ArchiveWizard | None = None
        self._latest = Latest(runner)

        self.number = QLabel(_("Loading…"))
        self.number.setObjectName("number")
        self.number.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.cause, self.party, self.facts = QLabel(), QLabel(), QLabel()
        self.cause.setObjectName("cause")
        self.party.setObjectName("party")
        self.score = QLabel()
        self.score.setObjectName("header_score")
        self.score.setStyleSheet("font-size: 14pt; font-weight: bold;")
        header = QGridLayout()
        header.addWidget(self.number, 0, 0)
        header.addWidget(self.score, 0, 1, Qt.AlignmentFlag.AlignRight)
        header.addWidget(self.cause, 1, 0, 1, 2)
        header.addWidget(self.party, 2, 0)
        header.addWidget(self.facts, 2, 1, Qt.AlignmentFlag.AlignRight)
        self.next_steps = QLabel()
        self.next_steps.setObjectName("next_steps")
        self.next_steps.setWordWrap(True)
        self.edit_facts = QPushButton(_("Facts…"))
        self.edit_facts.setObjectName("edit_facts")
        self.edit_facts.clicked.connect(self.change_facts)
        self.record = QPushButton(_("Record event…"))
        self.record.setObjectName("record_event")
        self.record.clicked.connect(self.record_event)
        actions = QHBoxLayout()
        actions.addWidget(self.next_steps, 1)
        actions.addWidget(self.edit_facts)
        actions.addWidget(self.record)
        header.addLayout(actions, 3, 0, 1, 2)
        self.case_dialog: FactsDialog | RecordEventDialog | None = None
        self._plan = Latest(runner)

        self.timeline = Timeline()
        self.documents = DocumentsPanel(runner, session)
        self.documents.changed.connect(self._written)
        self.documents.edit_requested.connect(self.open_editor)
        self.check = CheckPanel(session)
        self.check.document_requested.connect(self.show_document)
        self.check.event_requested.connect(self.timeline.select_event)
        self.check.archive_requested.connect(self.archive)
        self.dossier = DossierView(runner, session, case_id)
        self.dossier.changed.connect(self._written)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("case_tabs")
        self.tabs.addTab(self.documents, _("Documents"))
        self.tabs.addTab(self.dossier, _("Dossier"))
        self.tabs.addTab(self.check, _("Check"))
        self.discretion = DiscretionPicker(runner, session, case_id)  # item, tier, circumstances (#17)
        self.discretion.applied.connect(self._written)
        self.tabs.addTab(self.discretion, _("Discretion"))
        split = QSplitter()
        split.addWidget(self.timeline)
        split.addWidget(self.tabs)
        split.setSizes([420, 900])
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(split, 1)
        self.reload()

    def reload(self) -> None:
        session, case_id = self.session, self.case_id
        self._latest.submit(lambda _p: open_case(session, case_id), self._show)

    def _written(self) -> None:
        self.reload()
        self.discretion.load()
        emit(self.changed)

    def _show(self, view: CaseView) -> None:
        self.view = view
        c, party = view.cf.case, view.cf.main_party
        self.number.setText(c.number or _("(not yet filed)"))
        self.cause.setText(_("Cause: {cause}").format(cause=c.cause))
        self.party.setText(_("Party: {party}").format(party=party.name if party else "—"))
        self.facts.setText(f"{word(PROCEDURES, c.procedure)} · {word(CASE_STATUSES, view.cf.status)}")
        self.score.setText(_("Score {score}").format(score=view.report.score))
        self.timeline.show_case(view)
        open_ = view.cf.status == "open"
        self.edit_facts.setEnabled(open_)
        self.record.setEnabled(view.cf.status != "archived")
        session, case_id = self.session, self.case_id
        self._plan.submit(lambda _p: plan(session, case_id), self._show_plan)
        self.documents.show_case(view)
        self.check.show_case(view)
        self.dossier.show_case(view)
        emit(self.title_changed, c.number or (party.name if party else str(self.case_id)))
        emit(self.loaded)

    def _show_plan(self, found: tuple[tuple[str, ...], tuple[str, ...]]) -> None:
        steps, kinds = found
        self.next_steps.setText(_("Next: {steps}").format(steps=" ".join(steps)) if steps else "")
        self.documents.suggested = kinds

    def change_facts(self) -> None:
        if self.view is None:
            return
        dialog = FactsDialog(self.view.cf, self)
        session, case_id = self.session, self.case_id
        dialog.accepted.connect(lambda: self.runner.submit(
            lambda _p: update_case(session, case_id, dialog.values()), done=lambda _r: self._written()))
        self.case_dialog = dialog
        dialog.open()

    def record_event(self) -> None:
        dialog = RecordEventDialog(self)
        session, case_id = self.session, self.case_id
        dialog.accepted.connect(lambda: self.runner.submit(
            lambda _p: record_event(session, case_id, *dialog.recorded()), done=lambda _r: self._written()))
        self.case_dialog = dialog
        dialog.open()

    def show_document(self, reference: str) -> None:
        self.tabs.setCurrentWidget(self.documents)
        self.documents.select(reference)

    def open_editor(self, kind_id: str, doc_id: int | None) -> None:
        editor = EditorView(self.runner, self.session, self.case_id, kind_id, doc_id)
        editor.saved.connect(self._written)
        editor.closed.connect(lambda: self.main.close_tab(editor))
        self.main.add_tab(editor, editor.title())

    def archive(self) -> None:
        if self.view is not None:
            self.wizard = ArchiveWizard(self.runner, self.session, self.view, self)
            self.wizard.archived.connect(self._archived)
            self.wizard.open()

    def _archived(self, result: ArchiveResult) -> None:
        self._written()
        box = QMessageBox(QMessageBox.Icon.Information, _("Archived"),
                          _("Archived as {number}; the package is {path}.").format(number=result.archive_number,
                                                                                  path=result.path), parent=self)
        box.open()

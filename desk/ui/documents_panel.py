"""A case's documents: kind, number, status, issue and service dates, and what can be done to them —
draft, edit, issue, void, record service, print, open the DOCX in Word/WPS. What the signed-in role may
not do is disabled here and refused by the services too."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desk.archive.names import portable
from desk.ui import printing
from desk.ui.dates import short_date
from desk.ui.doc_actions import why_disabled
from desk.ui.document_dialogs import DraftDialog, IssueDialog, ServeDialog, VoidDialog
from desk.ui.ops import documents as ops
from desk.ui.ops.dossier import attach_scan
from desk.ui.runner import Latest, Op, Runner
from desk.ui.signals import emit
from desk.ui.text import DOCUMENT_STATUSES, N_, SERVICE_METHODS, _, kind_title, word

if TYPE_CHECKING:
    from desk.casefile.facts import Document
    from desk.ui.ops.cases import CaseView
    from desk.ui.session import Session

Index = QModelIndex | QPersistentModelIndex
HEADERS = (N_("Document"), N_("Number"), N_("Status"), N_("Issued"), N_("Served"))


class DocumentsModel(QAbstractTableModel):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.docs: tuple[Document, ...] = ()

    def show(self, docs: tuple[Document, ...]) -> None:
        self.beginResetModel()
        self.docs = tuple(d for d in docs if d.id is not None)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.docs)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        d = self.docs[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(d, index.column())
        return (kind_title(d.kind), d.number or "", word(DOCUMENT_STATUSES, d.status),
                short_date(d.issued_on) if d.issued_on else "",
                short_date(d.served_on) if d.served_on else "")[index.column()]

    @staticmethod
    def _tip(d: Document, column: int) -> str | None:
        if column == 2 and d.status == "void":
            return d.void_reason
        if column == 4 and d.served_on:
            return " · ".join(t for t in (word(SERVICE_METHODS, d.service), d.receiver or "") if t)
        if column == 0:
            return f"{kind_title(d.kind)} → {d.serves}" if d.serves else kind_title(d.kind)
        return None


class DocumentsPanel(QWidget):
    edit_requested = Signal(str, object)  # kind id, document id (None: a new draft)
    changed = Signal()

    def __init__(self, runner: Runner, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.previews = Latest(runner)
        self.suggested: tuple[str, ...] = ()  # the kinds that fit the case's stage, offered first
        self.runner, self.session = runner, session
        self.view: CaseView | None = None
        self.dialog: DraftDialog | IssueDialog | VoidDialog | ServeDialog | None = None
        self.no_application: QMessageBox | None = None  # "Open in Word/WPS" found nothing to open with
        self.model = DocumentsModel(self)
        self.table = QTableView()
        self.table.setObjectName("documents")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 200), (2, 70), (3, 100), (4, 100)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(self.update_actions)
        self.table.doubleClicked.connect(lambda _i: self.edit())

        bar = QToolBar()
        self.actions_by_name: dict[str, QAction] = {}
        for name, text, slot in (
            ("draft", N_("Draft…"), self.draft), ("edit", N_("Edit"), self.edit), ("issue", N_("Issue…"), self.issue),
            ("void", N_("Void…"), self.void), ("serve", N_("Record service…"), self.serve),
            ("print", N_("Print…"), self.print_selected), ("open", N_("Open in Word/WPS"), self.open_docx),
            ("scan", N_("Attach signed scan…"), lambda: self.attach_scan()),
        ):
            action = bar.addAction(_(text), slot)
            action.setObjectName(name)
            self.actions_by_name[name] = action
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(bar)
        layout.addWidget(self.table)

    def show_case(self, view: CaseView) -> None:
        self.view = view
        self.model.show(view.cf.documents)
        self.update_actions()

    def selected(self) -> list[Document]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.docs[r] for r in rows]

    def select(self, reference: str) -> bool:
        """Select the document a finding names (its number, or its kind when unnumbered)."""
        for row, d in enumerate(self.model.docs):
            if d.reference == reference:
                self.table.selectRow(row)
                return True
        return False

    def _one(self) -> Document | None:
        chosen = self.selected()
        return chosen[0] if len(chosen) == 1 else None

    def update_actions(self) -> None:
        from desk.catalogue import kind

        one, writable = self._one(), self.view is not None and self.view.cf.status != "archived"
        may = self.session.may
        state = {
            "draft": writable and may("draft"),
            "edit": writable and may("edit") and one is not None and one.status == "draft",
            "issue": writable and may("issue") and one is not None and one.status == "draft",
            "void": writable and may("void") and one is not None and one.status == "issued",
            "serve": writable and may("serve") and one is not None and one.status == "issued"
            and one.served_on is None and kind(one.kind).served,
            "print": bool(self.selected()),
            "open": one is not None,
            "scan": writable and may("dossier") and one is not None and one.status == "issued",
        }
        needs = {"draft": "draft", "edit": "edit", "issue": "issue", "void": "void", "serve": "serve",
                 "scan": "dossier"}
        for name, enabled in state.items():
            action = self.actions_by_name[name]
            action.setEnabled(enabled)
            allowed = name not in needs or may(needs[name])
            action.setToolTip(action.text().rstrip("…") if enabled else why_disabled(
                name, one, writable=writable, allowed=allowed, selected=len(self.selected())))

    # -- actions
    def draft(self) -> None:
        from desk.catalogue import catalogue

        dialog = DraftDialog(list(catalogue()), self, suggested=self.suggested)
        dialog.accepted.connect(lambda: emit(self.edit_requested, dialog.chosen(), None))
        self.dialog = dialog
        dialog.open()

    def edit(self) -> None:
        one = self._one()
        if one is not None and self.actions_by_name["edit"].isEnabled():
            emit(self.edit_requested, one.kind, one.id)

    def issue(self) -> None:
        one = self._one()
        if one is None or one.id is None:
            return
        doc_id, session, title = one.id, self.session, kind_title(one.kind)

        def confirm(proposal: tuple[str | None, bool]) -> None:
            dialog = IssueDialog(title, proposal[0], self, form=proposal[1])
            dialog.accepted.connect(lambda: self._run(
                lambda _p: ops.issue(session, doc_id, dialog.day(), dialog.printed_number())))
            dialog.on.date_changed.connect(lambda d: self._preview(dialog, doc_id) if d else None)
            self.dialog = dialog
            self._preview(dialog, doc_id)
            dialog.open()

        self.runner.submit(lambda _p: ops.issue_proposal(session, doc_id), done=confirm)

    def _preview(self, dialog: IssueDialog, doc_id: int) -> None:
        """The number and the issue guard's verdict for the date chosen in ``dialog``."""
        from desk.ui.ops.lifecycle import preview_issue

        session, day = self.session, dialog.day()
        self.previews.submit(lambda _p: preview_issue(session, doc_id, day), dialog.show_preview)

    def void(self) -> None:
        one = self._one()
        if one is None or one.id is None:
            return
        doc_id, session = one.id, self.session
        dialog = VoidDialog(kind_title(one.kind), self)
        dialog.accepted.connect(lambda: self._run(lambda _p: ops.void(session, doc_id, dialog.text())))
        self.dialog = dialog
        dialog.open()

    def serve(self) -> None:
        one = self._one()
        if one is None or one.id is None or self.view is None:
            return
        doc_id, session = one.id, self.session
        party = self.view.cf.main_party
        receiver = (party.legal_representative or party.name) if party else ""
        dialog = ServeDialog(kind_title(one.kind), receiver, one.issued_on, self)
        dialog.accepted.connect(lambda: self._run(lambda _p: ops.serve(
            session, doc_id, dialog.day(), str(dialog.method.currentData()), dialog.receiver.text().strip() or None)))
        self.dialog = dialog
        dialog.open()

    def _run(self, op: Op) -> None:
        self.runner.submit(op, done=lambda _r: emit(self.changed))

    def print_selected(self) -> None:
        ids = tuple(d.id for d in self.selected() if d.id is not None)
        if not ids:
            return
        session, runner = self.session, self.runner
        runner.submit(lambda _p: ops.pdfs(session, ids),
                      done=lambda pdfs: printing.print_with_dialog(self, runner, pdfs))

    def attach_scan(self, path: Path | None = None) -> None:
        """Attach the scan (PDF/JPEG) of the selected issued document's signed and sealed paper."""
        one = self._one()
        if one is None or one.id is None or not self.actions_by_name["scan"].isEnabled():
            return
        if path is None:
            name, _filter = QFileDialog.getOpenFileName(self, _("Signed scan"), "",
                                                        _("Scans (*.pdf *.jpg *.jpeg);;All files (*)"))
            if not name:
                return
            path = Path(name)
        session, doc_id, chosen = self.session, one.id, path
        self.runner.submit(lambda _p: attach_scan(session, doc_id, chosen), done=lambda _r: emit(self.changed))

    def open_docx(self) -> None:
        one = self._one()
        if one is None or one.id is None:
            return
        doc_id, session, name = one.id, self.session, (one.number or kind_title(one.kind))

        def write(data: bytes) -> None:
            path = Path(tempfile.mkdtemp(prefix="desk-")) / f"{portable(name)}.docx"
            path.write_bytes(data)
            if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
                self.no_application = QMessageBox(
                    QMessageBox.Icon.Warning, _("Open in Word/WPS"),
                    _("No application to open DOCX files was found (install WPS Office or Microsoft Word). "
                      "The document was saved as {path}.").format(path=path), QMessageBox.StandardButton.Ok, self)
                self.no_application.setObjectName("no_application")
                self.no_application.open()

        self.runner.submit(lambda _p: ops.docx(session, doc_id), done=write)



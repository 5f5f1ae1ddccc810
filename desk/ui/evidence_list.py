"""The case's evidence in the dossier view, in binding order: drag a row to reorder, remove one, change its
caption. Each change is written at once (``desk.services.evidence``) and the plan is shown again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.ui.evidence_dialog import EvidenceDialog
from desk.ui.ops import dossier as ops
from desk.ui.runner import Runner
from desk.ui.session import Session
from desk.ui.signals import emit
from desk.ui.text import _

if TYPE_CHECKING:
    from desk.casefile.facts import Attachment

ModelIndex = QModelIndex | QPersistentModelIndex


class EvidenceList(QWidget):
    changed = Signal()

    def __init__(self, runner: Runner, session: Session, case_id: int) -> None:
        super().__init__()
        self.runner, self.session, self.case_id = runner, session, case_id
        self.dialog: EvidenceDialog | None = None
        self.list = QListWidget()
        self.list.setObjectName("evidence")
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setMaximumHeight(130)
        self.list.model().rowsMoved.connect(self._moved)
        self.list.itemSelectionChanged.connect(self.update_actions)
        self.remove_button = QPushButton(_("Remove"))
        self.remove_button.setObjectName("remove_evidence")
        self.remove_button.clicked.connect(self.remove)
        self.caption_button = QPushButton(_("Caption…"))
        self.caption_button.setObjectName("caption_evidence")
        self.caption_button.clicked.connect(self.recaption)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.caption_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.list)
        column.addLayout(buttons)
        self.writable = False
        self.update_actions()

    def show_evidence(self, attachments: tuple[Attachment, ...], writable: bool) -> None:
        self.writable = writable
        self.list.blockSignals(True)
        self.list.model().blockSignals(True)
        self.list.clear()
        for a in attachments:
            item = QListWidgetItem(f"{a.title}（{a.file.rsplit('/', 1)[-1] if a.file else _('no file')}）")
            item.setData(Qt.ItemDataRole.UserRole, a)
            self.list.addItem(item)
        self.list.model().blockSignals(False)
        self.list.blockSignals(False)
        self.list.setDragEnabled(writable)
        self.update_actions()

    def update_actions(self) -> None:
        chosen = self.selected()
        why = ("" if chosen is not None and self.writable else
               _("The case is archived: its evidence cannot change.") if not self.writable else
               _("Select a piece of evidence first."))
        for button in (self.remove_button, self.caption_button):
            button.setEnabled(not why)
            button.setToolTip(why)

    def selected(self) -> Attachment | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None and item.isSelected() else None

    def _run(self, op: ops.EvidenceOp) -> None:
        self.runner.submit(op, done=lambda _r: emit(self.changed))

    def _moved(self, _parent: ModelIndex, start: int, _end: int, _dest: ModelIndex, row: int) -> None:
        """A row dragged from ``start`` to before ``row``: store the new order."""
        position = row - 1 if row > start else row
        attachment = self.list.item(position).data(Qt.ItemDataRole.UserRole)
        session, case_id = self.session, self.case_id
        self._run(lambda _p: ops.move_evidence(session, case_id, attachment.id, position))

    def remove(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, _("Remove evidence"),
                          _("Remove “{title}” from the case? It is no longer bound in the dossier.").format(
                              title=chosen.title),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("confirm_remove")
        if box.exec() == QMessageBox.StandardButton.Yes:
            session, case_id, attachment_id = self.session, self.case_id, chosen.id
            self._run(lambda _p: ops.remove_evidence(session, case_id, attachment_id))

    def recaption(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        self.dialog = EvidenceDialog.for_attachment(chosen, self)
        self.dialog.accepted.connect(self._recaptioned)
        self.dialog.open()

    def _recaptioned(self) -> None:
        assert self.dialog is not None
        chosen, caption = self.selected(), self.dialog.caption()
        if chosen is None:
            return
        session, case_id, attachment_id = self.session, self.case_id, chosen.id
        self._run(lambda _p: ops.recaption_evidence(session, case_id, attachment_id, caption))

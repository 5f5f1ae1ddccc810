"""The caption of a piece of evidence being added: title, kind, 制作人, 制作时间, 证明对象."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from desk.ui.dates import date_edit
from desk.ui.document_dialogs import FormDialog
from desk.ui.ops.dossier import Caption
from desk.ui.text import N_, _

if TYPE_CHECKING:
    from desk.casefile.facts import Attachment

EVIDENCE_KINDS = {
    "photo": N_("Photograph"),
    "documentary": N_("Documentary evidence"),
    "identity": N_("Identity of the party"),
    "electronic": N_("Electronic data"),
    "audio_video": N_("Audio or video"),
    "object": N_("Physical object"),
    "other": N_("Other"),
}
PICTURE_SUFFIXES = (".jpg", ".jpeg", ".png")


class EvidenceDialog(FormDialog):
    def __init__(self, path: Path, made_by: str, parent: QWidget | None = None) -> None:
        super().__init__(_("Add evidence"), parent)
        self.path = path
        self.title = QLineEdit(path.stem)
        self.title.setObjectName("title")
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for code, text in EVIDENCE_KINDS.items():
            self.kind.addItem(_(text), code)
        self.kind.setCurrentIndex(self.kind.findData("photo" if path.suffix.lower() in PICTURE_SUFFIXES else "other"))
        self.made_by = QLineEdit(made_by)
        self.made_by.setObjectName("made_by")
        self.made_on = date_edit(date.today())
        self.proves = QPlainTextEdit()
        self.proves.setObjectName("proves")
        self.proves.setMaximumHeight(80)
        self.form.addRow(_("File"), QLabel(path.name))
        self.form.addRow(_("Title"), self.title)
        self.form.addRow(_("Kind"), self.kind)
        self.form.addRow(_("Made by (制作人)"), self.made_by)
        self.form.addRow(_("Made on (制作时间)"), self.made_on)
        self.form.addRow(_("Proves (证明对象)"), self.proves)
        self.finish()

    @classmethod
    def for_attachment(cls, a: Attachment, parent: QWidget | None = None) -> EvidenceDialog:
        """The caption of evidence already in the case, to change."""
        dialog = cls(Path((a.file or a.title).rsplit("/", 1)[-1]), a.made_by or "", parent)
        dialog.setWindowTitle(_("Evidence caption"))
        dialog.title.setText(a.title)
        dialog.kind.setCurrentIndex(max(dialog.kind.findData(a.kind), 0))
        dialog.made_on.set_value(a.made_on)
        dialog.proves.setPlainText(a.proves or "")
        return dialog

    def caption(self) -> Caption:
        return Caption(self.path, self.title.text().strip(), str(self.kind.currentData()),
                       self.made_on.day(), self.made_by.text().strip(), self.proves.toPlainText().strip())

"""Settings › Agency settings… (admin): what the documents print — contact, payment, receiving bodies — and
the limits the law leaves to the province, one line each; saved through ``desk.services.agency_settings``."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QLineEdit, QWidget

from desk.services.agency_settings import SETTINGS
from desk.ui.document_dialogs import FormDialog
from desk.ui.text import _


def _shown(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


class SettingsDialog(FormDialog):
    """One line edit per setting, labelled as the documents and the command line name it."""

    def __init__(self, values: Mapping[str, object], parent: QWidget | None = None) -> None:
        super().__init__(_("Agency settings"), parent)
        self.setObjectName("agency_settings")
        self.before = {key: _shown(value) for key, value in values.items()}
        self.edits: dict[str, QLineEdit] = {}
        for key, setting in SETTINGS.items():
            edit = QLineEdit(self.before.get(key, ""))
            edit.setObjectName(key)
            edit.setToolTip(key)
            self.edits[key] = edit
            self.form.addRow(setting.label, edit)
        self.finish()
        self.setMinimumWidth(640)

    def changed(self) -> dict[str, str]:
        """The settings the user changed, as typed (the service reads and checks them)."""
        return {key: edit.text() for key, edit in self.edits.items() if edit.text() != self.before.get(key, "")}

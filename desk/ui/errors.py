"""The one place every failure is shown: ``show_error``.

A ``UserError`` or a ``Refusal`` (archiving refused on blockers) shows its translated message (what is
wrong, what to do). Anything else is a fault in
Desk: it is logged with its traceback and shown as a short apology with the details folded away.
The box is window-modal but does not block the caller (``open``), so background results keep flowing.
"""

from __future__ import annotations

import logging
import traceback

from PySide6.QtWidgets import QMessageBox, QWidget

from desk.errors import Refusal, UserError
from desk.ui.text import _

log = logging.getLogger("desk.ui")


def show_error(parent: QWidget | None, error: BaseException) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("error")
    box.setWindowTitle(_("Desk"))
    if isinstance(error, UserError | Refusal):
        box.setIcon(QMessageBox.Icon.Warning)
        box.setText(error.render())
    else:
        log.error("unexpected error", exc_info=error)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setText(_("Sorry, something went wrong in Desk. Nothing was saved by the step that failed."))
        box.setInformativeText(_("If it happens again, send the details below to your administrator."))
        box.setDetailedText("".join(traceback.format_exception(error)))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.open()
    return box

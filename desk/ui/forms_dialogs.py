"""The small dialogs of the 票据/表单 view: register a block, hand it over, spoil a form. Values go to the
services as typed: the services check them and name the field that is wrong."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from desk.ui.document_dialogs import FormDialog
from desk.ui.text import _


def _choice(name: str, items: tuple[str, ...]) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    box.addItem("—", None)
    for item in items:
        box.addItem(item, item)
    return box


def _line(name: str, text: str = "") -> QLineEdit:
    edit = QLineEdit(text)
    edit.setObjectName(name)
    return edit


class HolderFields:
    """A squad and an officer to pick (either may stay empty)."""

    squad: QComboBox
    officer: QComboBox

    def holder(self) -> tuple[str | None, str | None]:
        return self.squad.currentData(), self.officer.currentData()


class RegisterDialog(FormDialog, HolderFields):
    def __init__(self, squads: tuple[str, ...], officers: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(_("Register a block of forms"), parent)
        self.code = _line("code", "简罚决")
        self.year = _line("year", str(date.today().year))
        self.first, self.last = _line("first"), _line("last")
        self.squad, self.officer = _choice("squad", squads), _choice("officer", officers)
        self.form.addRow(QLabel(_("The numbers printed on the first and the last form of the block.")))
        self.form.addRow(_("Number code (--code)"), self.code)
        self.form.addRow(_("Year (--year)"), self.year)
        self.form.addRow(_("From (--from)"), self.first)
        self.form.addRow(_("To (--to)"), self.last)
        self.form.addRow(_("Squad"), self.squad)
        self.form.addRow(_("Officer"), self.officer)
        self.finish()


class HandDialog(FormDialog, HolderFields):
    def __init__(self, title: str, squads: tuple[str, ...], officers: tuple[str, ...],
                 parent: QWidget | None = None) -> None:
        super().__init__(_("Hand over a block"), parent)
        self.squad, self.officer = _choice("squad", squads), _choice("officer", officers)
        self.form.addRow(QLabel(_("Hand block {block} to:").format(block=title)))
        self.form.addRow(_("Squad"), self.squad)
        self.form.addRow(_("Officer"), self.officer)
        self.finish()


class SpoilDialog(FormDialog):
    def __init__(self, number: str, parent: QWidget | None = None) -> None:
        super().__init__(_("Void a spoiled or lost form"), parent)
        self.number = _line("number", number)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(_("Spoiled how, or lost where? (the number stays spent)"))
        self.form.addRow(_("Form number"), self.number)
        self.form.addRow(_("Reason"), self.reason)
        self.finish()

    def text(self) -> str:
        return self.reason.toPlainText().strip()

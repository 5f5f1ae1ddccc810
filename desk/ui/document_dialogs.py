"""The small dialogs of the documents table: choose a kind to draft, confirm an issue (showing the number it
will take), give a reason to void, record service. Each opens window-modal without blocking (``open``)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desk.ui.dates import DateField, date_edit
from desk.ui.kind_chooser import KindChooser
from desk.ui.text import SERVICE_METHODS, _

if TYPE_CHECKING:
    from desk.ui.ops.lifecycle import IssuePreview

class FormDialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def finish(self) -> None:
        self.form.addRow(self.buttons)
        self.setMinimumWidth(460)

    def accept(self) -> None:
        """Close only when every date reads; else the first wrong one keeps the focus, its error shown."""
        wrong = DateField.first_error(self)
        if wrong is not None:
            wrong.setFocus()
            return
        super().accept()


class DraftDialog(FormDialog):
    def __init__(self, kinds: list[str], parent: QWidget | None = None, suggested: tuple[str, ...] = ()) -> None:
        super().__init__(_("Draft a document"), parent)
        self.kind = KindChooser(kinds, suggested)
        self.kind.tree.itemDoubleClicked.connect(lambda item, _c: self.accept() if self.kind.chosen() else None)
        self.form.addRow(self.kind)
        self.finish()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.kind.chosen() is not None)
        self.kind.tree.currentItemChanged.connect(lambda *_a: ok.setEnabled(self.kind.chosen() is not None))

    def choose(self, kind_id: str) -> None:
        self.kind.choose(kind_id)

    def chosen(self) -> str:
        return self.kind.chosen() or ""


class IssueDialog(FormDialog):
    """Confirm an issue: the very number it will take (its year from the issue date) and what the issue guard
    says on that date — a refusal names the rule, the reason and the first lawful date; warnings are confirmed.

    ``form``: the kind is issued on pre-printed forms; the clerk types the printed number of the form used
    (the next unused form of the case's officer or squad is proposed)."""

    def __init__(self, title: str, number: str | None, parent: QWidget | None = None, *, form: bool = False
                 ) -> None:
        super().__init__(_("Issue"), parent)
        self.title = title
        self.pre_printed = form
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.guard = QLabel()
        self.guard.setObjectName("guard")
        self.guard.setWordWrap(True)
        self.form_number = QLineEdit(number or "", self)
        self.form_number.setObjectName("form")
        self.on = date_edit(date.today())
        self.on.setMaximumDate(date.today())  # nothing is issued on a day still to come
        self.first_lawful: date | None = None
        self.form.addRow(self.message)
        self.form.addRow(_("Issue date"), self.on)
        if form:
            self.form.addRow(_("Form number"), self.form_number)
        else:
            self.form_number.hide()
        self.form.addRow(self.guard)
        self.finish()
        self.show_number(number)

    def show_number(self, number: str | None) -> None:
        if self.pre_printed:
            text = _("Enter “{title}” filled in on a pre-printed form: give the number printed on it.").format(
                title=self.title)
            if number:
                text += " " + _("The next unused form is {number}.").format(number=number)
        elif number:
            text = _("Issue “{title}”? It will take the number {number}.").format(title=self.title, number=number)
        else:
            text = _("Issue “{title}”? This kind carries no number.").format(title=self.title)
        self.message.setText(text + "\n" + _("An issued document is frozen: to change it, void it and draft anew."))

    def show_preview(self, preview: IssuePreview) -> None:
        """The number for the chosen date and the guard's verdict; a refusal disables OK."""
        self.show_number(preview.number)
        self.first_lawful = preview.first_lawful
        lines = []
        if preview.refused:
            lines.append(preview.refused)
        for rule, reason in preview.blockers:
            lines.append(_("Refused by {rule}: {reason}").format(rule=rule, reason=reason).rstrip(": "))
        if preview.first_lawful:
            lines.append(_("The first lawful date is {date}.").format(date=preview.first_lawful.isoformat()))
        for rule, reason in preview.warnings:
            lines.append(_("Warning {rule}: {reason}").format(rule=rule, reason=reason))
        if preview.warnings and not (preview.blockers or preview.refused):
            lines.append(_("Issue all the same? The warnings stay in the check."))
        self.guard.setText("\n".join(lines))
        blocked = bool(preview.blockers or preview.refused)
        self.guard.setStyleSheet("color: #b00020;" if blocked else "color: #8a6d00;" if preview.warnings else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not blocked)

    def day(self) -> date:
        return self.on.day()

    def printed_number(self) -> str | None:
        """The form number typed (None when the kind takes the next number of its counter)."""
        return (self.form_number.text().strip() or None) if self.pre_printed else None


class VoidDialog(FormDialog):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(_("Void"), parent)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(_("Why is it voided? (kept in the record; the number stays used)"))
        self.form.addRow(QLabel(_("Void “{title}”").format(title=title)))
        self.form.addRow(_("Reason"), self.reason)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        self.reason.textChanged.connect(lambda: ok.setEnabled(bool(self.text())))
        self.finish()

    def text(self) -> str:
        return self.reason.toPlainText().strip()


class ServeDialog(FormDialog):
    def __init__(self, title: str, receiver: str, issued_on: date | None, parent: QWidget | None = None) -> None:
        super().__init__(_("Record service"), parent)
        self.on = date_edit(max(date.today(), issued_on or date.today()))
        self.on.setMaximumDate(date.today())  # service is recorded once it happened
        if issued_on:
            self.on.setMinimumDate(issued_on)
        self.method = QComboBox()
        self.method.setObjectName("method")
        for code, text in SERVICE_METHODS.items():
            self.method.addItem(_(text), code)
        self.receiver = QLineEdit(receiver)
        self.receiver.setObjectName("receiver")
        self.form.addRow(QLabel(_("Service of “{title}”").format(title=title)))
        self.form.addRow(_("Served on"), self.on)
        self.form.addRow(_("Method"), self.method)
        self.form.addRow(_("Received by"), self.receiver)
        self.finish()

    def day(self) -> date:
        return self.on.day()

"""The form of one document kind, generated from its manifest: a labelled input per field (required ones
starred) and, next to each, what is wrong with its value (``desk.render.fields.validate_fields``)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from desk import config
from desk.errors import Problem, UserError
from desk.ui.editor.inputs import DateInput, Input, PartyInput, make_input
from desk.ui.signals import emit
from desk.ui.text import _, field_label

if TYPE_CHECKING:
    from desk.casefile.facts import Party
    from desk.catalogue import Kind
    from desk.services.directory import OfficerRow

ERROR_STYLE = "color: #b3261e;"


class FieldForm(QScrollArea):
    changed = Signal()

    def __init__(self, kind: Kind, parties: tuple[Party, ...], officers: tuple[OfficerRow, ...]) -> None:
        super().__init__()
        self.setObjectName("form")
        self.kind = kind
        self.issued_on: date | None = date.today()  # the issue date the dates are checked against (a draft: today)
        self.inputs: dict[str, Input] = {}
        self.errors: dict[str, QLabel] = {}
        body = QWidget()
        form = QFormLayout(body)
        # English labels are long ("Specific provision ordering correction"): above their fields, which keep the width
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows if config.language() == "en"
                              else QFormLayout.RowWrapPolicy.WrapLongRows)
        for field in kind.fields:
            widget = make_input(field, parties, officers)
            widget.setObjectName(field.name)
            widget.changed.connect(self.changed)
            if isinstance(widget, PartyInput):
                widget.picked.connect(self.fill_party)
            error = QLabel()
            error.setObjectName(f"{field.name}_error")
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            cell = QWidget()
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(widget)
            column.addWidget(error)
            label = field_label(field.label, field.label_en) + (" *" if field.required else "")
            form.addRow(label, cell)
            self.inputs[field.name], self.errors[field.name] = widget, error
        self.setWidget(body)
        self.setWidgetResizable(True)

    def values(self) -> dict[str, object]:
        return {name: widget.value() for name, widget in self.inputs.items()}

    def set_values(self, values: dict[str, object]) -> None:
        for name, widget in self.inputs.items():
            widget.blockSignals(True)
            widget.set_value(values.get(name))
            widget.blockSignals(False)
        emit(self.changed)

    def fill_party(self, party: Party) -> None:
        """Fill the fields the manifest draws from the party (``default = "party.address"`` …) with ``party``'s."""
        for field in self.kind.fields:
            source = (field.default or "").split("|")[0]
            if field.type != "party" and source.startswith("party."):
                self.inputs[field.name].set_value(getattr(party, source.removeprefix("party."), None))

    def check(self) -> list[Problem]:
        """Show each field's problem beside it; returns them all."""
        from desk.casefile.field_checks import check_values
        from desk.render.docx_fill import validate_fields

        values = self.values()
        problems = validate_fields(self.kind, values)
        failed = {p.where for p in problems}
        problems += [p for p in check_values(self.kind, values, self.issued_on) if p.where not in failed]
        by_field = {p.where: UserError.render(p) for p in problems}
        for field in self.kind.fields:  # a date it cannot read: its own message, under the field
            widget = self.inputs[field.name]
            if isinstance(widget, DateInput) and widget.edit.text().strip() and widget.edit.error():
                problems.append(Problem(field.name, "field_type", label=field.label, expected=_("a date"),
                                        value=widget.edit.text()))
                by_field[field.name] = widget.edit.error()
        for name, label in self.errors.items():
            label.setText(by_field.get(name, ""))
            label.setVisible(name in by_field)
        return problems

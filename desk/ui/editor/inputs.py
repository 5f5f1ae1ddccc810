"""One input widget per manifest field type. Each gives its value as the JSON a document's fields store
(``"2026-03-24"``, ``"5000"``, a list, ``{"name", "certificate"}`` officers) and tells when it changed;
``desk.render.fields`` reads and checks the values, so the form never second-guesses the services."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.i18n import rmb_capitals
from desk.ui.dates import DateField
from desk.ui.signals import emit
from desk.ui.text import _, choice_text

if TYPE_CHECKING:
    from desk.casefile.facts import Party
    from desk.catalogue import Field
    from desk.services.directory import OfficerRow

class Input(QWidget):
    """A field's input: ``value()`` as stored JSON, ``set_value`` from it, ``changed`` on every edit."""

    changed = Signal()
    value: Callable[[], object]
    set_value: Callable[[object], None]

    def __init__(self) -> None:
        super().__init__()
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)


class TextInput(Input):
    def __init__(self, max_length: int | None) -> None:
        super().__init__()
        self.edit = QLineEdit()
        if max_length:
            self.edit.setMaxLength(max_length)
        self.edit.textChanged.connect(self.changed)
        self.box.addWidget(self.edit)

    def value(self) -> object:
        return self.edit.text().strip() or None

    def set_value(self, value: object) -> None:
        self.edit.setText("" if value is None else str(value))


class MoneyInput(TextInput):
    """An amount in yuan, with its RMB capitals shown as it is typed."""

    def __init__(self) -> None:
        super().__init__(None)
        self.capitals = QLabel()
        self.capitals.setObjectName("capitals")
        self.box.addWidget(self.capitals)
        self.edit.textChanged.connect(self._capitals)

    def _capitals(self, text: str) -> None:
        try:
            amount = Decimal(text.strip().replace(",", ""))
            self.capitals.setText(rmb_capitals(amount) if amount.is_finite() else "")
        except (InvalidOperation, ValueError):
            self.capitals.setText("")

    def value(self) -> object:
        return self.edit.text().strip().replace(",", "") or None


class MultilineInput(Input):
    def __init__(self) -> None:
        super().__init__()
        self.edit = QPlainTextEdit()
        self.edit.setMinimumHeight(70)
        self.edit.setMaximumHeight(140)
        self.edit.textChanged.connect(self.changed)
        self.box.addWidget(self.edit)

    def value(self) -> object:
        return self.edit.toPlainText().strip() or None

    def set_value(self, value: object) -> None:
        self.edit.setPlainText("" if value is None else str(value))


class DateInput(Input):
    """A date, or with time (``desk.ui.dates.DateField``): empty means "not given"; a text it cannot read
    stays as typed, shows its error and gives no value (the form's check then names the field)."""

    def __init__(self, with_time: bool) -> None:
        super().__init__()
        self.with_time = with_time
        self.edit = DateField(None, with_time=with_time, required=False)
        self.edit.changed.connect(self.changed)
        self.box.addWidget(self.edit)

    def value(self) -> object:
        moment = self.edit.moment()
        if moment is None:
            return None
        day, clock = moment
        if self.with_time:
            return f"{day.isoformat()}T{(clock or time(0, 0)):%H:%M}"
        return day.isoformat()

    def set_value(self, value: object) -> None:
        text = str(value or "")
        try:
            self.edit.set_value(datetime.fromisoformat(text[:16]) if self.with_time and len(text) > 10
                                else date.fromisoformat(text[:10]) if text else None)
        except ValueError:
            self.edit.line.setText(text)


class BoolInput(Input):
    def __init__(self) -> None:
        super().__init__()
        self.check = QCheckBox()
        self.check.toggled.connect(self.changed)
        self.box.addWidget(self.check)

    def value(self) -> object:
        return self.check.isChecked()

    def set_value(self, value: object) -> None:
        self.check.setChecked(value is True or str(value).lower() in ("true", "1", "是"))


class ChoiceInput(Input):
    def __init__(self, choices: tuple[str, ...], editable: bool = False) -> None:
        super().__init__()
        self.combo = QComboBox()
        self.combo.setEditable(editable)
        self.combo.addItem("", None)
        for code in choices:
            self.combo.addItem(choice_text(code), code)
        self.combo.currentIndexChanged.connect(self.changed)
        self.box.addWidget(self.combo)

    def value(self) -> object:
        return self.combo.currentData()

    def set_value(self, value: object) -> None:
        self.combo.setCurrentIndex(max(self.combo.findData(value), 0))


class PartyInput(Input):
    """The party's name: typed, or picked among the case's parties (``picked`` then fills their particulars)."""

    picked = Signal(object)

    def __init__(self, parties: tuple[Party, ...], max_length: int | None) -> None:
        super().__init__()
        self.parties = parties
        self.combo = QComboBox()
        self.combo.setEditable(True)
        for party in parties:
            self.combo.addItem(party.name)
        line = self.combo.lineEdit()
        assert line is not None
        if max_length:
            line.setMaxLength(max_length)
        line.textChanged.connect(self.changed)
        self.combo.activated.connect(lambda i: emit(self.picked, self.parties[i]))
        self.box.addWidget(self.combo)

    def value(self) -> object:
        return self.combo.currentText().strip() or None

    def set_value(self, value: object) -> None:
        self.combo.setEditText("" if value is None else str(value))


class ItemsInput(Input):
    """A list of texts (evidence, provisions): one per row, edited in place, added and removed."""

    def __init__(self) -> None:
        super().__init__()
        self.list = QListWidget()
        self.list.setMaximumHeight(120)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.list.itemChanged.connect(self.changed)
        add, remove = QPushButton(_("Add")), QPushButton(_("Remove"))
        add.clicked.connect(self._add)
        remove.clicked.connect(self._remove)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        self.box.addWidget(self.list)
        self.box.addLayout(buttons)

    def _item(self, text: str) -> None:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.list.addItem(item)

    def _add(self) -> None:
        self._item("")
        self.list.editItem(self.list.item(self.list.count() - 1))

    def _remove(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))
        emit(self.changed)

    def value(self) -> object:
        return [t for t in (self.list.item(i).text().strip() for i in range(self.list.count())) if t]

    def set_value(self, value: object) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for text in value if isinstance(value, list | tuple) else ([str(value)] if value else []):
            self._item(str(text))
        self.list.blockSignals(False)


class ChecklistInput(Input):
    """Items to tick: a list field's choices, or the agency's officers (stored as name and certificate)."""

    def __init__(self, options: list[tuple[str, object]]) -> None:
        super().__init__()
        self.list = QListWidget()
        self.list.setMaximumHeight(130)
        for text, data in options:
            self._add(text, data, checked=False)
        self.list.itemChanged.connect(self.changed)
        self.box.addWidget(self.list)

    def _add(self, text: str, data: object, *, checked: bool) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, data)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.list.addItem(item)

    def _items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def value(self) -> object:
        return [i.data(Qt.ItemDataRole.UserRole) for i in self._items() if i.checkState() == Qt.CheckState.Checked]

    def set_value(self, value: object) -> None:
        wanted = list(value) if isinstance(value, list | tuple) else []
        self.list.blockSignals(True)
        for item in self._items():
            data = item.data(Qt.ItemDataRole.UserRole)
            hit = any(_same(data, w) for w in wanted)
            item.setCheckState(Qt.CheckState.Checked if hit else Qt.CheckState.Unchecked)
        for extra in (w for w in wanted if not any(_same(i.data(Qt.ItemDataRole.UserRole), w) for i in self._items())):
            self._add(_officer_text(extra) if isinstance(extra, dict) else str(extra), extra, checked=True)
        self.list.blockSignals(False)


def _same(option: object, stored: object) -> bool:
    if isinstance(option, dict) and isinstance(stored, dict):
        return bool(option.get("name") == stored.get("name"))
    return option == stored


def _officer_text(officer: Mapping[str, object]) -> str:
    certificate = officer.get("certificate")
    return f"{officer.get('name')}（{certificate}）" if certificate else str(officer.get("name"))


def make_input(field: Field, parties: tuple[Party, ...], officers: tuple[OfficerRow, ...]) -> Input:
    """The input for ``field``'s type."""
    t = field.type
    if t in ("date", "datetime"):
        return DateInput(with_time=t == "datetime")
    if t == "money":
        return MoneyInput()
    if t == "multiline":
        return MultilineInput()
    if t == "bool":
        return BoolInput()
    if t == "choice":
        return ChoiceInput(field.choices)
    if t == "party":
        return PartyInput(parties, field.max_length)
    if t == "officers":
        people = [{"name": o.name, "certificate": o.certificate} for o in officers if o.certificate]
        return ChecklistInput([(_officer_text(p), p) for p in people])
    if t in ("list", "provisions"):
        return ChecklistInput([(choice_text(c), c) for c in field.choices]) if field.choices else ItemsInput()
    return TextInput(field.max_length)

"""Dates between Python and Qt, and the one date input of the window.

``DateField`` reads what a clerk types — 2026-12-05, 2026/12/5, 2026.12.5, 20261205, 2026年12月5日 (full-width
digits too), with a time after it where the field has one — and nothing else: a text it cannot read, or a day
the calendar does not have (2026-02-30), is shown as an error under the field and gives no date. It never
substitutes another date. Its calendar popup opens at the date typed, or at today when the field is empty.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time

from PySide6.QtCore import QDate, QLocale, QPoint, Qt, Signal
from PySide6.QtWidgets import QCalendarWidget, QHBoxLayout, QLabel, QLineEdit, QToolButton, QVBoxLayout, QWidget

from desk import config
from desk.ui.signals import emit
from desk.ui.text import _

ERROR_STYLE = "color: #b3261e;"
_SEPARATED = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_TIME = re.compile(r"(?:[ T]|\s+)?(\d{1,2})\s*[:时点]\s*(\d{2})\s*分?")


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def short_date(day: date | str | None) -> str:
    """A date (or an ISO date) in the user's language (English: ISO, as the date fields and the next steps write
    it — 09/12/2026 beside 2026-12-10 on one screen reads both ways); empty for none."""
    if not day:
        return ""
    value = date.fromisoformat(day) if isinstance(day, str) else day
    if config.language() == "en":
        return value.isoformat()
    return QLocale().toString(qdate(value), QLocale.FormatType.ShortFormat)


class DateError(ValueError):
    """What is wrong with a typed date, in the user's language."""


def read_moment(text: str, *, with_time: bool = False) -> tuple[date, time | None] | None:
    """The date (and time, where allowed) ``text`` writes; None for an empty text; DateError otherwise."""
    plain = unicodedata.normalize("NFKC", text).strip()
    if not plain:
        return None
    found = _SEPARATED.match(plain) or _COMPACT.match(plain)
    if found is None:
        raise DateError(_("“{text}” is not a date: type it as 2026-12-05, 2026/12/5, 20261205 or 2026年12月5日.")
                        .format(text=text.strip()))
    rest = plain[found.end():].strip()
    clock: time | None = None
    if rest:
        hour_minute = _TIME.fullmatch(rest) if with_time else None
        if hour_minute is None:
            raise DateError(_("“{text}” is not a date: type it as 2026-12-05, 2026/12/5, 20261205 or 2026年12月5日.")
                            .format(text=text.strip()))
        try:
            clock = time(int(hour_minute[1]), int(hour_minute[2]))
        except ValueError:
            raise DateError(_("“{text}” is not a time of day (00:00 to 23:59).").format(text=rest)) from None
    year, month, day = (int(g) for g in found.groups())
    try:
        return date(year, month, day), clock
    except ValueError:
        raise DateError(_("{year}-{month:02d}-{day:02d} is not a day of the calendar.").format(
            year=year, month=month, day=day)) from None


def read_date(text: str) -> date | None:
    """The date ``text`` writes (None for an empty text); DateError for anything else."""
    moment = read_moment(text)
    return moment[0] if moment else None


class DateField(QWidget):
    """A date typed or picked. ``value()`` is the date (None when empty or unreadable), ``error()`` what is
    wrong with the text ("" when nothing is); ``changed`` on every edit, ``date_changed`` with each new date."""

    changed = Signal()
    date_changed = Signal(object)  # date | None

    def __init__(self, day: date | None = None, *, with_time: bool = False, required: bool = True) -> None:
        super().__init__()
        self.with_time, self.required = with_time, required
        self.minimum: date | None = None
        self.maximum: date | None = None
        self.line = QLineEdit()
        self.line.setObjectName("date_text")
        self.line.setPlaceholderText("2026-12-05 14:30" if with_time else "2026-12-05")
        self.line.setToolTip(_("Type 2026-12-05, 2026/12/5, 20261205 or 2026年12月5日, or pick from the calendar."))
        self.button = QToolButton()
        self.button.setObjectName("calendar_button")
        self.button.setText("▾")
        self.button.setToolTip(_("Pick from the calendar"))
        self.button.clicked.connect(self.open_calendar)
        self.calendar: QCalendarWidget | None = None
        self.message = QLabel()
        self.message.setObjectName("date_error")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.line, 1)
        row.addWidget(self.button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addLayout(row)
        column.addWidget(self.message)
        self.setFocusProxy(self.line)
        self._last: date | None = None
        self.line.textChanged.connect(self._typed)
        self.line.editingFinished.connect(self._tidy)
        self.set_value(day)

    # -- the value
    def moment(self) -> tuple[date, time | None] | None:
        try:
            return read_moment(self.line.text(), with_time=self.with_time)
        except DateError:
            return None

    def value(self) -> date | None:
        moment = self.moment()
        return moment[0] if moment and not self._bounds_error(moment[0]) else None

    def day(self) -> date:
        """The date given (a dialog accepts only when every date field reads: ``DateField.first_error``)."""
        found = self.value()
        if found is None:
            raise DateError(self.error())
        return found

    @staticmethod
    def first_error(parent: QWidget) -> DateField | None:
        """The first date field under ``parent`` whose text is no date it accepts (its error shown)."""
        for field in parent.findChildren(DateField):
            problem = field.error()
            if problem:
                field.show_error(problem)
                return field
        return None

    def set_value(self, day: date | datetime | None) -> None:
        if day is None:
            self.line.setText("")
        elif isinstance(day, datetime):
            self.line.setText(day.strftime("%Y-%m-%d %H:%M" if self.with_time else "%Y-%m-%d"))
        else:
            self.line.setText(day.isoformat())

    def text(self) -> str:
        return self.line.text()

    def error(self) -> str:
        """What is wrong with the text typed; "" when it is a date within bounds (or empty and optional)."""
        try:
            moment = read_moment(self.line.text(), with_time=self.with_time)
        except DateError as e:
            return str(e)
        if moment is None:
            return _("Give a date.") if self.required else ""
        return self._bounds_error(moment[0])

    def _bounds_error(self, day: date) -> str:
        if self.minimum and day < self.minimum:
            return _("The date cannot be before {date}.").format(date=self.minimum.isoformat())
        if self.maximum and day > self.maximum:
            return _("The date cannot be after {date}.").format(date=self.maximum.isoformat())
        return ""

    def setMinimumDate(self, day: date) -> None:
        self.minimum = day
        self._typed()

    def setMaximumDate(self, day: date) -> None:
        self.maximum = day
        self._typed()

    def show_error(self, text: str) -> None:
        """Show a problem under the field (its own, or one a validator found); "" hides it."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # -- typing and picking
    def _typed(self, _text: str = "") -> None:
        problem = self.error() if self.line.text().strip() or self.required else ""
        self.show_error(problem if self.line.text().strip() else "")
        day = self.value()
        emit(self.changed)
        if day != self._last:
            self._last = day
            emit(self.date_changed, day)

    def _tidy(self) -> None:
        """On leaving the field, write a date read as ISO (2026/12/5 → 2026-12-05): the same date, never another."""
        moment = self.moment()
        if moment is not None:
            day, clock = moment
            text = day.isoformat() + (f" {clock:%H:%M}" if clock else "")
            if text != self.line.text():
                self.line.setText(text)

    def open_calendar(self) -> QCalendarWidget:
        """The calendar popup, at the date typed or today."""
        if self.calendar is None:
            self.calendar = QCalendarWidget(self)
            self.calendar.setObjectName("calendar")
            self.calendar.setWindowFlags(Qt.WindowType.Popup)
            self.calendar.clicked.connect(self._picked)
            self.calendar.activated.connect(self._picked)
        moment = self.moment()
        shown = moment[0] if moment else date.today()
        self.calendar.setSelectedDate(qdate(shown))
        self.calendar.setCurrentPage(shown.year, shown.month)
        self.calendar.move(self.line.mapToGlobal(QPoint(0, self.line.height())))
        self.calendar.show()
        return self.calendar

    def _picked(self, value: QDate) -> None:
        moment = self.moment()
        clock = moment[1] if moment else None
        self.line.setText(to_date(value).isoformat() + (f" {clock:%H:%M}" if clock else ""))
        if self.calendar is not None:
            self.calendar.hide()


def date_edit(day: date | None) -> DateField:
    """A date input (typed or picked from a calendar) starting at ``day``."""
    return DateField(day)

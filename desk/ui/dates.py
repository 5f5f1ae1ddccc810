"""Dates between Python and Qt, shown the way the user's language writes them (``QLocale``)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QDateEdit


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def short_date(day: date | str | None) -> str:
    """A date (or an ISO date) in the user's language; empty for none."""
    if not day:
        return ""
    value = date.fromisoformat(day) if isinstance(day, str) else day
    return QLocale().toString(qdate(value), QLocale.FormatType.ShortFormat)


def date_edit(day: date) -> QDateEdit:
    """A date input with a calendar to pick from."""
    edit = QDateEdit(qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit

"""Report periods: a month (``2026-03``), a year (``2026``) or a range of dates."""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date

from desk.errors import UserError


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    label: str

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise UserError("report_range_reversed", start=self.start.isoformat(), end=self.end.isoformat())


def month(text: str) -> Period:
    """``YYYY-MM`` → the month."""
    found = re.fullmatch(r"(\d{4})-(\d{1,2})", text.strip())
    if not found or not 1 <= int(found[2]) <= 12 or int(found[1]) < 1900:
        raise UserError("report_bad_month", value=text)
    y, m = int(found[1]), int(found[2])
    return Period(date(y, m, 1), date(y, m, monthrange(y, m)[1]), f"{y:04d}-{m:02d}")


def year(text: str) -> Period:
    """``YYYY`` → the calendar year."""
    if not re.fullmatch(r"\d{4}", text.strip()) or int(text) < 1900:
        raise UserError("report_bad_year", value=text)
    y = int(text)
    return Period(date(y, 1, 1), date(y, 12, 31), f"{y:04d}")


def day(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UserError("report_bad_date", option=option, value=text) from None


def between(start: str, end: str) -> Period:
    """``--from`` … ``--to`` (both days included)."""
    first, last = day(start, "--from"), day(end, "--to")
    return Period(first, last, f"{first.isoformat()}—{last.isoformat()}")

"""Working days and periods as 行政处罚法 Art 85 counts them.

Every "N 日" of the penalty law is N working days: no weekends, no statutory holidays, and the State
Council's make-up working days (调休上班, e.g. Saturday 2026-10-10) count as working days. Every other
period is in calendar days; its start day is not counted and a period whose last day is a rest day ends
on the next working day.

The holidays and make-up days come from data (``holidays.toml`` beside this module, plus the agency's
own additions from the database), never from a guess: a date in a year with no data raises
``CalendarMissing``, which the checker reports as a finding.
"""

from __future__ import annotations

import csv
import io
import tomllib
from calendar import monthrange
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from desk.casefile import limits
from desk.errors import CalendarMissing, Term, UserError

SHIPPED = Path(__file__).parent / "holidays.toml"
_TRUE = ("1", "true", "yes", "y", "work", "working", "班", "上班", "是")
_FALSE = ("0", "false", "no", "n", "rest", "holiday", "休", "休息", "否")


@dataclass(frozen=True)
class Day:
    """A date that is not what its weekday says: a holiday (working False) or a make-up working day."""

    day: date
    working: bool
    note: str = ""


class Calendar:
    """Which days are working days, for the years it has data for."""

    def __init__(self, days: Iterable[Day], years: Iterable[int] = ()) -> None:
        self._days = {d.day: d for d in days}
        self._years = frozenset(years) | {d.year for d in self._days}

    def with_overrides(self, days: Iterable[Day]) -> Calendar:
        """This calendar with ``days`` added or replacing its own (the agency's corrections, new years)."""
        return Calendar([*self._days.values(), *days], self._years)

    @property
    def years(self) -> frozenset[int]:
        return self._years

    def special_days(self, year: int) -> list[Day]:
        """The holidays and make-up working days of ``year``, by date."""
        self._require(year)
        return sorted((d for d in self._days.values() if d.day.year == year), key=lambda d: d.day)

    def is_working_day(self, day: date) -> bool:
        if day.year not in self._years:
            return self._provisional(day)
        special = self._days.get(day)
        return special.working if special else day.weekday() < 5

    def is_provisional(self, day: date) -> bool:
        """Whether ``day`` lies in a year counted on the provisional calendar (its notice not loaded)."""
        return day.year not in self._years

    def _provisional(self, day: date) -> bool:
        """A working day of a year without its notice: weekends and statutory holidays off (``provisional``)."""
        from desk.procedure.provisional import LUNAR, provisional_rest

        if day.year not in LUNAR:
            raise CalendarMissing(day.year)
        return day.weekday() < 5 and day not in provisional_rest(day.year)

    def next_working_day(self, day: date) -> date:
        """``day`` itself when it is a working day, else the first working day after it."""
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def add_working_days(self, start: date, n: int) -> date:
        """The ``n``-th working day after ``start`` (``start`` itself never counts)."""
        if n < 1:
            raise ValueError(f"n must be at least 1, not {n}")
        day = start
        for _ in range(n):
            day = self.next_working_day(day + timedelta(days=1))
        return day

    def period_end(self, start: date, *, days: int = 0, months: int = 0) -> date:
        """The last day of a calendar-day (or month) period counted from ``start``.

        The start day is not counted; a period whose last day is a rest day ends on the next working day.
        """
        return self.next_working_day(add_months(start, months) + timedelta(days=days))

    def _require(self, year: int) -> None:
        if year not in self._years:
            raise CalendarMissing(year)


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later; the month's last day when it is shorter (31 Jan + 1 month = 28/29 Feb)."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


@cache
def shipped_calendar() -> Calendar:
    """The calendar Desk ships (``holidays.toml``), without the agency's additions."""
    return Calendar(parse_toml(SHIPPED.read_text(encoding="utf-8"), SHIPPED.name))


def _invalid(name: str, where: str, detail: str, **values: object) -> UserError:
    """The file's problem; ``detail`` (and a ``line N`` place) in the user's language, filled with ``values``."""
    place = Term("line {n}", n=where[5:]) if where.startswith("line ") else where
    return UserError("calendar_file_invalid", path=name, where=place, detail=Term(detail, **values))


def parse_toml(text: str, name: str) -> list[Day]:
    """Days from the layout of ``holidays.toml``: ``[YEAR]`` tables of ``festival = {rest = [...], work = [...]}``."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _invalid(name, "TOML", "not valid TOML ({reason})", reason=exc) from exc
    return list(_toml_days(data, name))


def _toml_days(data: dict[str, Any], name: str) -> Iterator[Day]:
    for year, festivals in data.items():
        if not year.isdigit() or not isinstance(festivals, dict):
            raise _invalid(name, year, "expected a [YEAR] table")
        for festival, spec in festivals.items():
            where = f"{year}.{festival}"
            if not isinstance(spec, dict) or set(spec) - {"rest", "work"}:
                raise _invalid(name, where, "expected {{rest = [...], work = [...]}}")
            for key, working in (("rest", False), ("work", True)):
                if not isinstance(spec.get(key, []), list):
                    raise _invalid(name, where, "expected {{rest = [...], work = [...]}}")
                for day in spec.get(key, []):
                    if not isinstance(day, date) or day.year != int(year):
                        raise _invalid(name, where, "{day} is no date of {year}", day=day, year=year)
                    yield Day(day, working, festival)


def parse_csv(text: str, name: str) -> list[Day]:
    """Days from CSV lines ``date,working,note`` (a header line naming ``date`` is skipped)."""
    days = []
    for line_no, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        if not row or not "".join(row).strip() or (line_no == 1 and row[0].strip().lower() == "date"):
            continue
        where = f"line {line_no}"
        if len(row) < 2:
            raise _invalid(name, where, "expected date,working,note")
        try:
            day = date.fromisoformat(row[0].strip())
        except ValueError:
            raise _invalid(name, where, "{value} is no date", value=row[0]) from None
        flag = row[1].strip().lower()
        if flag not in _TRUE + _FALSE:
            raise _invalid(name, where, "working must be true or false, not {value}", value=row[1])
        days.append(Day(day, flag in _TRUE, ",".join(row[2:]).strip()))
    return days


def read_calendar_file(path: Path) -> list[Day]:
    """The days of a ``.toml`` or ``.csv`` calendar file."""
    if path.suffix.lower() not in (".toml", ".csv"):
        raise UserError("calendar_file_kind", path=path.name)
    text = limits.read_settings_text(path)
    days = parse_toml(text, path.name) if path.suffix.lower() == ".toml" else parse_csv(text, path.name)
    for day in days:  # the input boundary's limits: a sane date, a note its column holds
        limits.require(limits.date_error(day.day, past=False), f"{path.name}, {day.day.isoformat()}")
        limits.require(limits.text_error(day.note, limits.CALENDAR_NOTE), f"{path.name}, {day.day.isoformat()}")
    return days

"""The agency's holiday calendar: the shipped data plus the days an administrator imported."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.models.calendar import CalendarDay
from desk.procedure.calendar import Calendar, Day, read_calendar_file, shipped_calendar


def overrides(session: Session) -> list[Day]:
    """The imported days, by date."""
    rows = session.scalars(select(CalendarDay).order_by(CalendarDay.day))
    return [Day(r.day, r.working, r.note or "") for r in rows]


def calendar(session: Session) -> Calendar:
    """The calendar deadlines are counted on: shipped data, with imported days added or replacing."""
    return shipped_calendar().with_overrides(overrides(session))


def import_file(session: Session, path: Path) -> int:
    """Store every day of a ``.toml`` (holidays.toml layout) or ``.csv`` (date,working,note) file; the count."""
    days = read_calendar_file(path)
    for day in days:
        session.merge(CalendarDay(day=day.day, working=day.working, note=day.note))
    session.flush()
    return len(days)


def year_days(session: Session, year: int) -> list[Day]:
    """The holidays and make-up working days of ``year`` (raises ``CalendarMissing`` without data)."""
    return calendar(session).special_days(year)

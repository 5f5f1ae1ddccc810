"""Publication deadlines in working days on the checker's calendar (make-up Saturdays count as working).

"Within N working days after X" ends on the N-th working day after X (X never counts). When a year of the
holiday calendar is not loaded yet, the calendar counts it provisionally (weekends and the statutory holidays,
rules.md "Counting days") and the deadline is marked provisional (推定), to be recounted once the State
Council's notice is imported.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from desk.errors import CalendarMissing
from desk.procedure.calendar import Calendar


class Deadlines:
    """The N-th working day after a date, cached per date (a year of decisions has at most 366 dates)."""

    def __init__(self, calendar: Calendar) -> None:
        self.calendar = calendar
        self.after = lru_cache(maxsize=4096)(self._after)

    def _working(self, day: date) -> tuple[bool, bool]:
        """(is a working day, counted provisionally)."""
        try:
            return self.calendar.is_working_day(day), self.calendar.is_provisional(day)
        except CalendarMissing:  # a year not even the provisional calendar can count
            return day.weekday() < 5, True

    def _after(self, start: date, n: int) -> tuple[date, bool]:
        """The ``n``-th working day after ``start`` and whether a provisional day was counted."""
        day, provisional, left = start, False, n
        while left > 0:
            day += timedelta(days=1)
            working, guessed = self._working(day)
            provisional |= guessed
            left -= working
        return day, provisional

"""Publication deadlines: the N-th working day after the decision on the shipped 2026 calendar."""

from __future__ import annotations

from datetime import date

import pytest

from desk.errors import UserError
from desk.procedure.calendar import shipped_calendar
from desk.reports import periods
from desk.reports.deadlines import Deadlines


@pytest.mark.parametrize(("decided", "days", "due"), [
    (date(2026, 2, 12), 7, date(2026, 2, 28)),  # 春节: Sat 02-14 and Sat 02-28 are make-up working days
    (date(2026, 2, 13), 7, date(2026, 3, 2)),
    (date(2026, 9, 30), 7, date(2026, 10, 15)),  # 国庆: 10-01..10-07 rest, Sat 10-10 a working day
    (date(2026, 9, 30), 3, date(2026, 10, 10)),  # withdrawal: 3 working days, the third the make-up Saturday
    (date(2026, 10, 9), 1, date(2026, 10, 10)),
    (date(2026, 3, 19), 7, date(2026, 3, 30)),
])
def test_working_days_after(decided: date, days: int, due: date) -> None:
    assert Deadlines(shipped_calendar()).after(decided, days) == (due, False)


def test_a_year_without_calendar_counts_weekdays_provisionally() -> None:
    missing = max(shipped_calendar().years) + 1
    friday = next(date(missing, 3, d) for d in range(1, 8) if date(missing, 3, d).weekday() == 4)
    due, provisional = Deadlines(shipped_calendar()).after(friday, 7)
    assert provisional and (due - friday).days == 11  # Mon–Fri, Mon, Tue


@pytest.mark.parametrize(("parse", "text"), [
    (periods.month, "2026-13"), (periods.month, "2026-3x"), (periods.month, "03-2026"), (periods.year, "26"),
    (periods.year, "two"),
])
def test_malformed_periods(parse: object, text: str) -> None:
    with pytest.raises(UserError):
        parse(text)  # type: ignore[operator]


def test_periods() -> None:
    assert periods.month("2026-02") == periods.Period(date(2026, 2, 1), date(2026, 2, 28), "2026-02")
    assert periods.year("2026").end == date(2026, 12, 31)
    with pytest.raises(UserError, match="swap"):
        periods.between("2026-10-31", "2026-10-01")

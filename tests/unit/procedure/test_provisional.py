"""The provisional calendar of a year without its State Council notice (rules.md "Counting days")."""

from __future__ import annotations

from datetime import date

import pytest

from desk.procedure.calendar import Day, shipped_calendar
from desk.procedure.checker import check
from desk.procedure.deadlines import upcoming
from desk.procedure.provisional import LUNAR, provisional_days, statutory_holidays

from .cases import change_doc, change_event, d, decided_on, drop_docs, drop_proven, drop_receipt, sample


def test_lunar_table_agrees_with_the_shipped_notice() -> None:
    shipped = {day.day for day in shipped_calendar().special_days(2026) if not day.working}
    assert all(day in shipped for day, _ in statutory_holidays(2026))
    assert LUNAR[2026][0] == date(2026, 2, 17)


def test_2027_weekend_holidays_give_the_next_weekday() -> None:
    rest = {x.day for x in provisional_days(2027)}
    # 春节 2027: 除夕 Fri 02-05, 初一 Sat, 初二 Sun, 初三 Mon 02-08 → Sat and Sun give Tue 02-09 and Wed 02-10
    assert {date(2027, 2, 5), date(2027, 2, 8), date(2027, 2, 9), date(2027, 2, 10)} <= rest
    assert date(2027, 1, 1) in rest and date(2027, 5, 3) in rest  # 劳动节 Sat 05-01, Sun 05-02 → Mon, Tue
    assert date(2027, 5, 4) in rest
    cal = shipped_calendar()
    assert not cal.is_working_day(date(2027, 1, 1)) and cal.is_provisional(date(2027, 1, 4))
    assert cal.add_working_days(date(2026, 12, 31), 1) == date(2027, 1, 4)


def _hearing_window(served: str):  # type: ignore[no-untyped-def]
    cf = sample("hearing_right_missing")
    decision = next(x.number for x in cf.documents if x.kind == "penalty_decision")
    cf = drop_proven(drop_docs(drop_receipt(cf, decision or ""), "penalty_decision"), "decided", "published",
                     "paid", "closed")
    return change_doc(cf, "penalty_prior_notice", hearing_right=True, served_on=d(served), issued_on=d(served))


def test_deadline_into_2027_is_provisional_then_recomputed_with_the_notice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESK_LANG", "en")
    cf = _hearing_window("2026-12-28")
    due = {x.rule: x for x in upcoming(cf, shipped_calendar(), d("2026-12-29"))}["R-HEARING-HELD"]
    assert (due.due, due.provisional) == (d("2027-01-05"), True)  # 12-29, 12-30, 12-31, 01-04, 01-05
    notice = shipped_calendar().with_overrides([Day(d("2027-01-01"), False, "元旦"), Day(d("2027-01-04"), False, "x")])
    again = {x.rule: x for x in upcoming(cf, notice, d("2026-12-29"))}["R-HEARING-HELD"]
    assert (again.due, again.provisional) == (d("2027-01-06"), False)


def test_check_marks_findings_counted_on_the_provisional_calendar() -> None:
    late = change_event(decided_on(sample("general_clean"), "2027-02-19"), "filed", on=d("2026-11-20"))
    [found] = [f for f in check(late, today=d("2027-03-01")).findings if f.rule == "R-DECISION-90D"]
    assert found.to_json()["provisional"] is True and found.due == d("2027-02-18")
    clean = check(sample("general_clean"), today=d("2026-11-21"))
    assert all(f.to_json()["provisional"] is False for f in clean.findings)

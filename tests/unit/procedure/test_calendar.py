"""Working days per 行政处罚法 Art 85, on the shipped holiday data (checked against two independent sources)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import chinese_calendar
import holidays
import pytest

from desk.errors import CalendarMissing, UserError
from desk.procedure.calendar import (
    Calendar,
    Day,
    add_months,
    parse_csv,
    parse_toml,
    read_calendar_file,
    shipped_calendar,
)

from .cases import d

YEARS = range(2020, 2027)


@pytest.fixture(scope="module")
def cal() -> Calendar:
    return shipped_calendar()


def _days(year: int) -> list[date]:
    first = date(year, 1, 1)
    return [first + timedelta(days=i) for i in range((date(year + 1, 1, 1) - first).days)]


@pytest.mark.parametrize("year", YEARS)
def test_shipped_data_agrees_with_chinese_calendar(cal: Calendar, year: int) -> None:
    wrong = [day for day in _days(year) if cal.is_working_day(day) != chinese_calendar.is_workday(day)]
    assert wrong == []


@pytest.mark.parametrize("year", YEARS)
def test_shipped_data_agrees_with_holidays_package(cal: Calendar, year: int) -> None:
    china = holidays.China(years=year)
    makeup = china.weekend_workdays

    def working(day: date) -> bool:
        return day in makeup or (day.weekday() < 5 and day not in china)

    wrong = [day for day in _days(year) if cal.is_working_day(day) != working(day)]
    assert wrong == []
    assert {x for x in makeup if x.year == year} == {x.day for x in cal.special_days(year) if x.working}


def test_shipped_years(cal: Calendar) -> None:
    assert set(YEARS) <= cal.years


def test_five_working_days_after_national_day_eve(cal: Calendar) -> None:
    # 10-01..10-07 off, Saturday 10-10 a make-up working day: 10-08, 10-09, 10-10, 10-12, 10-13
    assert cal.add_working_days(d("2026-09-30"), 5) == d("2026-10-13")


def test_make_up_saturday_counts(cal: Calendar) -> None:
    assert cal.is_working_day(d("2026-10-10"))
    assert not cal.is_working_day(d("2026-10-11"))
    assert cal.add_working_days(d("2026-10-09"), 1) == d("2026-10-10")


def test_spring_festival_2026(cal: Calendar) -> None:
    # 春节 2026: off 02-15 (Sun) to 02-23 (Mon); Saturdays 02-14 and 02-28 are make-up working days
    assert cal.is_working_day(d("2026-02-14"))
    assert cal.is_working_day(d("2026-02-28"))
    assert not any(cal.is_working_day(d("2026-02-15") + timedelta(days=i)) for i in range(9))
    assert cal.is_working_day(d("2026-02-24"))
    assert cal.add_working_days(d("2026-02-12"), 3) == d("2026-02-24")
    assert cal.add_working_days(d("2026-02-13"), 1) == d("2026-02-14")
    assert cal.add_working_days(d("2026-02-24"), 4) == d("2026-02-28")  # 25, 26, 27, Sat 28


def test_start_day_never_counts(cal: Calendar) -> None:
    assert cal.add_working_days(d("2026-03-16"), 1) == d("2026-03-17")
    with pytest.raises(ValueError):
        cal.add_working_days(d("2026-03-16"), 0)


def test_calendar_period_ending_on_rest_day_moves_to_next_working_day(cal: Calendar) -> None:
    assert cal.period_end(d("2026-03-02"), days=5) == d("2026-03-09")  # Sat 03-07 → Mon 03-09
    assert cal.period_end(d("2026-02-10"), days=5) == d("2026-02-24")  # inside 春节
    assert cal.period_end(d("2026-03-02"), days=3) == d("2026-03-05")  # a working day stays
    assert cal.period_end(d("2026-01-28"), months=1) == d("2026-02-28")  # make-up Saturday is a working day


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(d("2026-01-31"), 1) == d("2026-02-28")
    assert add_months(d("2024-01-31"), 1) == d("2024-02-29")
    assert add_months(d("2026-11-30"), 3) == d("2027-02-28")
    assert add_months(d("2024-02-29"), 24) == d("2026-02-28")


def test_year_without_data_is_missing_not_guessed(cal: Calendar) -> None:
    # a year without its notice is counted provisionally (test_provisional.py) where the lunar table reaches
    with pytest.raises(CalendarMissing) as raised:
        cal.is_working_day(d("2040-03-01"))
    assert raised.value.year == 2040
    assert cal.is_provisional(d("2027-03-01")) and not cal.is_provisional(d("2026-03-02"))


def test_overrides_add_a_year_and_correct_a_day(cal: Calendar) -> None:
    extended = cal.with_overrides([Day(d("2027-01-01"), False, "元旦"), Day(d("2026-03-02"), False, "test")])
    assert 2027 in extended.years and 2027 not in cal.years
    assert not extended.is_working_day(d("2027-01-01"))
    assert extended.is_working_day(d("2027-01-04"))
    assert not extended.is_working_day(d("2026-03-02"))
    assert cal.is_working_day(d("2026-03-02"))


def test_special_days_list_holidays_and_make_up_days(cal: Calendar) -> None:
    spring = [x for x in cal.special_days(2026) if x.note == "春节"]
    assert [x.day for x in spring if x.working] == [d("2026-02-14"), d("2026-02-28")]
    assert len([x for x in spring if not x.working]) == 9


def test_parse_toml_layout() -> None:
    days = parse_toml('[2027]\n"元旦" = { rest = [2027-01-01], work = [2027-01-04] }\n', "x.toml")
    assert days == [Day(d("2027-01-01"), False, "元旦"), Day(d("2027-01-04"), True, "元旦")]


@pytest.mark.parametrize(
    "text",
    ['[2027]\n"元旦" = { rest = [2028-01-01] }\n', '[2027]\n"元旦" = { off = [2027-01-01] }\n', "[x]\n", "= broken"],
)
def test_parse_toml_refuses_bad_files(text: str) -> None:
    with pytest.raises(UserError):
        parse_toml(text, "bad.toml")


def test_parse_csv() -> None:
    text = "date,working,note\n2027-01-01,false,元旦\n2027-01-04,true,元旦调休\n\n2027-02-06,班,\n"
    assert parse_csv(text, "x.csv") == [
        Day(d("2027-01-01"), False, "元旦"),
        Day(d("2027-01-04"), True, "元旦调休"),
        Day(d("2027-02-06"), True, ""),
    ]


@pytest.mark.parametrize("text", ["2027-13-01,false,x\n", "2027-01-01,maybe,x\n", "2027-01-01\n"])
def test_parse_csv_refuses_bad_lines(text: str) -> None:
    with pytest.raises(UserError) as raised:
        parse_csv(text, "bad.csv")
    assert "line 1" in raised.value.render("en")


def test_read_calendar_file_by_suffix(tmp_path: Path) -> None:
    csv_file = tmp_path / "2027.csv"
    csv_file.write_text("2027-01-01,false,元旦\n", encoding="utf-8")
    assert read_calendar_file(csv_file) == [Day(d("2027-01-01"), False, "元旦")]
    other = tmp_path / "2027.txt"
    other.write_text("", encoding="utf-8")
    with pytest.raises(UserError):
        read_calendar_file(other)

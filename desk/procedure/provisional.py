"""The provisional calendar of a year whose State Council notice is not loaded (rules.md "Counting days").

Weekends plus the statutory holidays of 全国年节及纪念日放假办法 (2024 revision, Art 2): 元旦 1 day; 春节 4 days,
除夕 to 正月初三; 清明 1 day; 劳动节 May 1–2; 端午 1 day; 中秋 1 day; 国庆 Oct 1–3. A holiday that falls on a
Saturday or Sunday gives the next weekday off (Art 6). No make-up working days: those only the notice sets.
Every date computed from such a year is marked provisional (推定) and recomputed once the notice is imported.

清明 is a solar term (chinesecalendar computes it); the lunar festivals come from the table below — 正月初一,
五月初五 and 八月十五 in the Gregorian calendar (2026 agrees with the State Council's notice shipped in
holidays.toml; a test holds it).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

from desk.procedure.calendar import Day

# year → (正月初一, 端午 五月初五, 中秋 八月十五)
LUNAR: dict[int, tuple[date, date, date]] = {
    2026: (date(2026, 2, 17), date(2026, 6, 19), date(2026, 9, 25)),
    2027: (date(2027, 2, 6), date(2027, 6, 9), date(2027, 9, 15)),
    2028: (date(2028, 1, 26), date(2028, 5, 28), date(2028, 10, 3)),
    2029: (date(2029, 2, 13), date(2029, 6, 16), date(2029, 9, 22)),
    2030: (date(2030, 2, 3), date(2030, 6, 5), date(2030, 9, 12)),
    2031: (date(2031, 1, 23), date(2031, 6, 24), date(2031, 10, 1)),
    2032: (date(2032, 2, 11), date(2032, 6, 12), date(2032, 9, 19)),
    2033: (date(2033, 1, 31), date(2033, 6, 1), date(2033, 9, 8)),
    2034: (date(2034, 2, 19), date(2034, 6, 20), date(2034, 9, 27)),
    2035: (date(2035, 2, 8), date(2035, 6, 10), date(2035, 9, 16)),
}


def _qingming(year: int) -> date:
    import chinese_calendar

    terms = chinese_calendar.get_solar_terms(date(year, 4, 1), date(year, 4, 10))
    return next(day for day, name in terms if name == "清明")


def statutory_holidays(year: int) -> list[tuple[date, str]]:
    """The statutory holiday days of ``year`` (Art 2), before the weekend rule; empty without lunar data."""
    if year not in LUNAR:
        return []
    new_year, dragon_boat, mid_autumn = LUNAR[year]
    days = [(date(year, 1, 1), "元旦")]
    days += [(new_year + timedelta(days=i), "春节") for i in range(-1, 3)]
    days += [(_qingming(year), "清明节"), (date(year, 5, 1), "劳动节"), (date(year, 5, 2), "劳动节"),
             (dragon_boat, "端午节"), (mid_autumn, "中秋节")]
    days += [(date(year, 10, i), "国庆节") for i in (1, 2, 3)]
    return sorted(days)


@cache
def provisional_rest(year: int) -> frozenset[date]:
    return frozenset(d.day for d in provisional_days(year))


@cache
def provisional_days(year: int) -> tuple[Day, ...]:
    """The rest days of ``year`` besides weekends: the holidays, and for one on a weekend the next weekday."""
    rest: dict[date, str] = {}
    for day, name in statutory_holidays(year):
        if day.weekday() < 5:
            rest[day] = name
    for day, name in statutory_holidays(year):
        if day.weekday() >= 5:  # Art 6: the next weekday not already off
            nxt = day + timedelta(days=1)
            while nxt.weekday() >= 5 or nxt in rest:
                nxt += timedelta(days=1)
            rest[nxt] = f"{name}（补休）"
    return tuple(Day(d, False, f"{n}（推定）") for d, n in sorted(rest.items()))

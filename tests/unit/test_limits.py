"""The input boundary's limits (desk.casefile.limits) and the words inside messages (errors.Term)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from desk.casefile import limits
from desk.casefile.numbers import format_number
from desk.errors import Term, UserError
from desk.models import Case, Document, Party


def test_text_limits_are_the_columns() -> None:
    assert limits.CASE["cause"] == Case.__table__.c.cause.type.length == 300
    assert limits.PARTY["name"] == Party.__table__.c.name.type.length == 200
    assert limits.DOCUMENT["receiver"] == Document.__table__.c.receiver.type.length == 100
    assert limits.CASE["facts"] == limits.LONG_TEXT  # a Text column: the prose limit
    assert limits.text_error("因" * 300, limits.CASE["cause"]) is None
    assert limits.text_error("因" * 301, limits.CASE["cause"]) == ("text_too_long", {"length": 301, "limit": 300})


@pytest.mark.parametrize("text", ["a\x00b", "\x07", "\x1b[2J", "\ud800", "\x7f"])
def test_control_characters_are_refused(text: str) -> None:
    failure = limits.text_error(text)
    assert failure is not None and failure[0] == "text_control"


def test_line_breaks_and_tabs_are_text() -> None:
    assert limits.text_error("第一行\n第二行\r\n\t缩进") is None


@pytest.mark.parametrize(("value", "key"), [
    (float("inf"), "bad_amount"), (float("nan"), "bad_amount"), (10**30, "amount_too_large"),
    (Decimal("10000000000.01"), "amount_too_large"), (1.234, "amount_decimals"), (-1, "negative"), (True, "bad_amount"),
])
def test_bad_amounts(value: object, key: str) -> None:
    failure = limits.amount_error(value)
    assert failure is not None and failure[0] == key


@pytest.mark.parametrize("value", [0, 5000, 20000.5, 0.01, Decimal("10000000000"), 10**10])
def test_good_amounts(value: object) -> None:
    assert limits.amount_error(value) is None


def test_dates_between_1990_and_today() -> None:
    today = date(2026, 12, 7)
    assert limits.date_error(date(1990, 1, 1), today=today) is None
    assert limits.date_error(today, today=today) is None
    assert limits.date_error(date(1989, 12, 31), today=today) is not None
    assert limits.date_error(date(2026, 12, 8), today=today) == (
        "date_in_future", {"value": "2026-12-08", "latest": "2026-12-07"})
    assert limits.date_error(date(2030, 1, 1), past=False, today=today) is None  # a deadline may lie ahead
    assert limits.date_error(date(9999, 12, 31), past=False) is not None


@pytest.mark.parametrize("pattern", [
    "{agency}{code}字〔{year}〕{seq:999999999}号", "{agency}{code}字〔{year}〕{seq!r}号",
    "{agency}{code}字〔{year.real}〕{seq}号", "{agency}{code}字〔{year}〕号", "{agency}{code}{seq}字〔{year}〕{seq}号",
    "{agency}{code}字〔{year}〕{seq}号{x}", "{",
])
def test_number_patterns_only_with_documented_placeholders(pattern: str) -> None:
    assert limits.pattern_error(pattern) is not None
    with pytest.raises(ValueError):
        format_number(pattern, agency="东综执", code="罚决", year=2026, seq=1)


def test_a_padded_pattern_is_allowed() -> None:
    assert limits.pattern_error("{agency}{code}字〔{year}〕第{seq:03}号") is None
    assert format_number("{agency}{code}字〔{year}〕第{seq:03}号", agency="东", code="罚", year=2026, seq=7) == \
        "东罚字〔2026〕第007号"


def test_sequence_and_year_bounds() -> None:
    assert limits.seq_error(limits.SEQ_MAX) is None and limits.seq_error(2**31) is not None
    assert limits.year_error(1, today=date(2026, 1, 1)) is not None
    assert limits.year_error(9999, today=date(2026, 1, 1)) is not None
    assert limits.year_error(2026, today=date(2026, 1, 1)) is None


def test_depth_is_walked_without_recursion() -> None:
    deep: object = "x"
    for _ in range(100_000):
        deep = [deep]
    assert limits.json_depth_error(deep) == ("json_too_deep", {"limit": limits.JSON_DEPTH})


def test_words_inside_messages_are_translated() -> None:
    zh = UserError("bad_type", key="agency", expected=Term("an object")).render("zh_CN")
    assert zh == "“agency”应为对象。"
    frozen = UserError("document_frozen", ref="X", status=Term("issued")).render("zh_CN")
    assert "issued" not in frozen and "已签发" in frozen
    assert "an object" in UserError("bad_type", key="agency", expected=Term("an object")).render("en")

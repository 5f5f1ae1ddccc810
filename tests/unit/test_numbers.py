from __future__ import annotations

import pytest

from desk.casefile.numbers import DEFAULT_PATTERN, format_number, parse_number


def test_default_pattern_round_trips() -> None:
    n = format_number(DEFAULT_PATTERN, agency="东综执", code="罚决", year=2026, seq=12)
    assert n == "东综执罚决字〔2026〕12号"
    parsed = parse_number(DEFAULT_PATTERN, "东综执", n)
    assert parsed is not None and (parsed.code, parsed.year, parsed.seq) == ("罚决", 2026, 12)


@pytest.mark.parametrize("bad", ["东综执罚决字[2026]12号", "东综执罚决字〔26〕12号", "西综执罚决字〔2026〕12号",
                                 "东综执罚决字〔2026〕012号", "东综执罚决字〔2026〕12", "东综执罚决字〔2026〕0号"])
def test_default_pattern_refuses(bad: str) -> None:
    assert parse_number(DEFAULT_PATTERN, "东综执", bad) is None


def test_padded_pattern_with_di() -> None:
    pattern = "{agency}{code}字〔{year}〕第{seq:03}号"
    n = format_number(pattern, agency="东综执", code="立", year=2026, seq=7)
    assert n == "东综执立字〔2026〕第007号"
    assert parse_number(pattern, "东综执", n) is not None
    assert parse_number(pattern, "东综执", "东综执立字〔2026〕第7号") is None


def test_pattern_must_name_every_part() -> None:
    with pytest.raises(ValueError):
        format_number("{agency}{code}〔{year}〕", agency="a", code="b", year=2026, seq=1)

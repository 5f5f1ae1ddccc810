"""The archive number pattern."""

from __future__ import annotations

import pytest

from desk.archive.number import format_archive_number
from desk.errors import UserError


def test_default_pattern() -> None:
    assert format_archive_number("{year}{seq:04}", year=2026, seq=15) == "20260015"


def test_agency_and_other_layouts() -> None:
    assert format_archive_number("{agency}-{year}-{seq:03}", year=2026, seq=7, agency="东综执") == "东综执-2026-007"


@pytest.mark.parametrize("pattern", ["{year}", "{year}{seq:04", "{year}{seq}{unknown}", "{year}{seq:x.y}"])
def test_unusable_patterns_are_user_errors(pattern: str) -> None:
    with pytest.raises(UserError) as err:
        format_archive_number(pattern, year=2026, seq=1)
    # one message naming the setting (the agency's archive number pattern), not the document-number wording
    assert err.value.key == "archive_pattern_invalid"
    shown = err.value.render("zh_CN")
    assert "档号格式" in shown and pattern in shown and "文号" not in shown and "\n" not in shown

"""The archive number (档号) of a case: the agency's pattern over the year and the serial of its archived cases.

The default pattern ``{year}{seq:04}`` gives ``20260015`` for the 15th case an agency archives in 2026.
The caller holds the agency's lock (see ``desk.services.archiving``), so two archivists never draw the same
serial; a number already taken (a pattern without ``{year}``, say) is refused rather than reused.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select

from desk.casefile import limits
from desk.db.uow import UnitOfWork
from desk.errors import MESSAGES, Term, UserError
from desk.models import Agency, Case


def format_archive_number(pattern: str, *, year: int, seq: int, agency: str = "") -> str:
    """``pattern`` filled with ``{year}``, ``{seq}`` (format specs allowed: ``{seq:04}``) and ``{agency}``."""
    if "{seq" not in pattern:
        raise UserError("archive_pattern_invalid", pattern=pattern, detail="{seq}")
    failure = limits.pattern_error(pattern, limits.ARCHIVE_PLACEHOLDERS)
    if failure is not None:  # only {year} {seq:0N} {agency}: a width of 999999999 would fill the memory
        raise UserError("archive_pattern_invalid", pattern=pattern, detail=_detail(*failure))
    try:
        return pattern.format(year=year, seq=seq, agency=agency)
    except (KeyError, IndexError, ValueError) as exc:
        raise UserError("archive_pattern_invalid", pattern=pattern, detail=exc) from None


def _detail(key: str, params: dict[str, object]) -> object:
    """What is wrong with the pattern, shown inside the one message that names the setting (档号格式): the
    offending placeholder or width as written, Python's word on malformed braces, else the limit's own text."""
    if key == "pattern_placeholder":
        return "、".join(f"{{{name}}}" for name in str(params["name"]).split(", "))
    if key == "pattern_width":
        return f"{{seq:{params['spec']}}}"
    if key == "pattern_invalid":
        return params["detail"]
    return Term(MESSAGES[key], **params)


def _year_span(year: int) -> tuple[datetime, datetime]:
    """The local calendar year as UTC instants (archived_at is stored in UTC)."""
    return (datetime(year, 1, 1).astimezone().astimezone(UTC), datetime(year + 1, 1, 1).astimezone().astimezone(UTC))


def next_archive_number(uow: UnitOfWork, agency: Agency, year: int) -> str:
    """The number the next case ``agency`` archives in ``year`` takes."""
    start, end = _year_span(year)
    archived = uow.session.scalar(
        select(func.count(Case.id)).where(Case.agency_id == agency.id, Case.status == "archived",
                                          Case.archived_at >= start, Case.archived_at < end)
    ) or 0
    number = format_archive_number(agency.archive_pattern, year=year, seq=archived + 1, agency=agency.code)
    taken = uow.session.scalar(select(Case.id).where(Case.agency_id == agency.id, Case.archive_number == number))
    if taken is not None:
        raise UserError("archive_number_taken", number=number, pattern=agency.archive_pattern)
    return number

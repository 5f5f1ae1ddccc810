"""Gapless document numbers: a counter row per (agency, code, year), locked in the issuing transaction.

On SQLite the writing unit of work already holds the database's write lock (``BEGIN IMMEDIATE``);
on PostgreSQL the counter row moves only inside ``desk_allocate_number`` (the issuing function, which
locks it; see ``desk.db.pg_security``). Either way the number is
spent in the same transaction that issues the document: a crash rolls both back, so no number is
ever skipped or repeated. Every spent number is written to the number log.
"""

from __future__ import annotations

from datetime import UTC, datetime
from importlib import import_module

from sqlalchemy import select, text

from desk.casefile.numbers import ParsedNumber, around_seq, format_number
from desk.db.uow import UnitOfWork
from desk.models import Agency, NumberCounter, NumberLog


def _locked_counter(uow: UnitOfWork, agency_id: int, code: str, year: int) -> NumberCounter:
    s = uow.session
    # the dialect's own INSERT … ON CONFLICT, imported for the dialect in use only (PostgreSQL's brings asyncio)
    insert = import_module(f"sqlalchemy.dialects.{'sqlite' if uow.sqlite else 'postgresql'}").insert
    s.execute(
        insert(NumberCounter)
        .values(agency_id=agency_id, code=code, year=year, last_seq=0)
        .on_conflict_do_nothing()
    )
    stmt = (
        select(NumberCounter)
        .where(NumberCounter.agency_id == agency_id, NumberCounter.code == code, NumberCounter.year == year)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return s.scalars(stmt).one()


def allocate(uow: UnitOfWork, agency: Agency, code: str, year: int, *, document_id: int | None) -> tuple[str, int]:
    """Spend the next number of (agency, code, year); returns (number, seq)."""
    if not uow.sqlite:
        return _allocate_logged(uow, agency, code, year, document_id)
    counter = _locked_counter(uow, agency.id, code, year)
    counter.last_seq += 1
    seq = counter.last_seq
    number = format_number(agency.number_pattern, agency=agency.code, code=code, year=year, seq=seq)
    log(uow, agency.id, ParsedNumber(agency.code, code, year, seq), number, "issued", document_id=document_id)
    return number, seq


# The counter row stays locked from the allocation to the commit, so desktops issuing at once queue on it:
# the number is spent and logged in one statement, and the lock is held for that statement and the commit only
# (not for another round trip to insert the log row at the flush).
_ALLOCATE_LOGGED = text("""
WITH s AS (SELECT desk_allocate_number(:a, :c, :y) AS seq)
INSERT INTO number_log (agency_id, code, year, seq, number, document_id, action, "by", at)
SELECT :a, :c, :y, s.seq,
       CAST(:head AS text) || repeat('0', greatest(CAST(:width AS integer) - length(s.seq::text), 0))
         || s.seq::text || CAST(:tail AS text),
       :doc, 'issued', :by, :at FROM s
RETURNING seq, number""")


def _allocate_logged(uow: UnitOfWork, agency: Agency, code: str, year: int, document_id: int | None
                     ) -> tuple[str, int]:
    """PostgreSQL: ``desk_allocate_number`` and the number log's row in one statement (see ``format_number``)."""
    head, width, tail = around_seq(agency.number_pattern, agency=agency.code, code=code, year=year)
    uow.session.flush()  # the document row the log names exists first
    seq, number = uow.session.execute(_ALLOCATE_LOGGED, {
        "a": agency.id, "c": code, "y": year, "head": head, "width": width, "tail": tail, "doc": document_id,
        "by": uow.actor or None, "at": datetime.now(UTC)}).one()
    assert number == format_number(agency.number_pattern, agency=agency.code, code=code, year=year, seq=seq)
    return number, int(seq)


def peek(uow: UnitOfWork, agency: Agency, code: str, year: int) -> str:
    """The number the next issue would take (for a confirmation dialog; not reserved)."""
    last = uow.session.scalar(
        select(NumberCounter.last_seq).where(
            NumberCounter.agency_id == agency.id, NumberCounter.code == code, NumberCounter.year == year
        )
    )
    return format_number(agency.number_pattern, agency=agency.code, code=code, year=year, seq=(last or 0) + 1)


def record_imported(uow: UnitOfWork, agency: Agency, parsed: ParsedNumber, number: str, document_id: int) -> None:
    """An imported number is spent: log it and move the counter past it."""
    if uow.sqlite:
        counter = _locked_counter(uow, agency.id, parsed.code, parsed.year)
        counter.last_seq = max(counter.last_seq, parsed.seq)
    else:
        uow.session.execute(text("SELECT desk_spend_number(:a, :c, :y, :s)"),
                            {"a": agency.id, "c": parsed.code, "y": parsed.year, "s": parsed.seq})
    log(uow, agency.id, parsed, number, "imported", document_id=document_id)


def log(uow: UnitOfWork, agency_id: int, parsed: ParsedNumber, number: str, action: str, *,
        document_id: int | None, note: str | None = None) -> None:
    uow.session.add(
        NumberLog(agency_id=agency_id, code=parsed.code, year=parsed.year, seq=parsed.seq, number=number,
                  document_id=document_id, action=action, by=uow.actor or None, at=datetime.now(UTC), note=note)
    )

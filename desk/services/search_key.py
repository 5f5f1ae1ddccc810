"""The search box's key of a case: its number, party, cause and every document number, normalized, stored in
``case_file.search_key`` and kept on every flush that changes one of them.

Normalized: NFKC (full-width digits and letters typed by an input method become ASCII), every opening bracket
〔 [ ( ［ （ 【 one 〔 and every closing one 〕, lower case. A search is the same normalization of what was typed,
found anywhere in the key: 立字(2026)8号, [2026]8 and 罚决字［2026］7 find 立字〔2026〕8号 and the case whose
decision is 罚决字〔2026〕7号. One column searched in one narrow index (SQLite) instead of three LIKEs and a
look into the documents of every case: 100 000 cases in well under 100 ms (bench/startup.py).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Iterable
from typing import Any

from sqlalchemy import ColumnElement, Connection, event, func, inspect, select, update
from sqlalchemy.orm import Session

from desk.models import Case, Document

OPENING, CLOSING = "〔[(［（【", "〕])］）】"
_FOLD = str.maketrans({**dict.fromkeys(OPENING, "〔"), **dict.fromkeys(CLOSING, "〕")})
_SEPARATOR = "\n"  # never typed in the search box: a search does not run from one field into the next


def normalized(text: str) -> str:
    """``text`` as the key holds it: NFKC, one kind of bracket, lower case."""
    return unicodedata.normalize("NFKC", text).translate(_FOLD).lower().strip()


def key_of(number: str | None, party: str, cause: str, document_numbers: Iterable[str | None]) -> str:
    """The search key of a case (each text once, in order)."""
    parts = (normalized(t) for t in (number or "", party, cause, *(n or "" for n in document_numbers)))
    return _SEPARATOR.join(dict.fromkeys(p for p in parts if p))


def matches(text: str, dialect: str) -> ColumnElement[bool]:
    """The case's key holds what the user typed (normalized): a plain substring test, no LIKE pattern to escape."""
    needle = normalized(text)
    found = func.strpos(Case.search_key, needle) if dialect == "postgresql" else func.instr(Case.search_key, needle)
    return found > 0


def rekey(connection: Connection, case_ids: Collection[int]) -> None:
    """Recompute the stored key of these cases from what the database holds now."""
    numbers: dict[int, list[str | None]] = {i: [] for i in case_ids}
    for case_id, number in connection.execute(
            select(Document.case_id, Document.number)
            .where(Document.case_id.in_(case_ids), Document.number.is_not(None)).order_by(Document.id)):
        numbers[case_id].append(number)
    rows = connection.execute(select(Case.id, Case.number, Case.party_name, Case.cause, Case.search_key)
                              .where(Case.id.in_(case_ids)))
    for case_id, number, party, cause, stored in rows.all():
        key = key_of(number, party, cause, numbers[case_id])
        if key != stored:  # an unchanged row is not written (nor seen by PostgreSQL's archived-case trigger)
            connection.execute(update(Case).where(Case.id == case_id).values(search_key=key))


def _changed(obj: Any, session: Session, names: tuple[str, ...]) -> bool:
    if obj in session.new or obj in session.deleted:
        return True
    attrs = inspect(obj).attrs
    return any(attrs[name].history.has_changes() for name in names)


@event.listens_for(Session, "after_flush")
def keep_search_keys(session: Session, _context: Any) -> None:
    """After a flush: the keys of the cases whose number, party or cause changed, or whose documents were
    numbered, renumbered, added or removed (issuing and voiding included)."""
    ids: set[int] = set()
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Case) and obj not in session.deleted and _changed(obj, session, (
                "number", "party_name", "cause")):
            ids.add(obj.id)
        elif isinstance(obj, Document) and (_changed(obj, session, ("number",)) if obj in session.dirty
                                            else bool(obj.number)):
            ids.add(obj.case_id)
    if ids:
        rekey(session.connection(), ids)

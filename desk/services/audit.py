"""The audit log: append-only and hash-chained (each entry hashes its content with the previous hash).

The chain shows an edited entry (its own hash no longer fits) and a deleted or reordered one (the next
entry no longer links to the one before it). Entries cut off the end leave no trace in the chain itself,
so each archive package carries an anchor — the id and hash of its ``case_archived`` entry — and
``verify`` checks the anchors it is given are still in the log, unchanged. Every entry records the
Desk version that wrote it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, text

from desk import __version__
from desk.db.uow import UnitOfWork, on_refusal
from desk.models import AuditEntry

GENESIS = "0" * 64
AUDIT_LOCK = 0x4445534B  # "DESK"


def _digest(prev: str, at: datetime, actor: str, action: str, case_id: int | None,
            document_id: int | None, detail: dict[str, Any]) -> str:
    body = json.dumps(
        [prev, at.astimezone(UTC).isoformat(timespec="microseconds"), actor, action, case_id, document_id, detail],
        ensure_ascii=False,
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def record(uow: UnitOfWork, action: str, /, *, case_id: int | None = None, document_id: int | None = None,
           **detail: Any) -> AuditEntry:
    """Append one entry in the caller's transaction (so it commits or rolls back with the change)."""
    s = uow.session
    if not uow.sqlite:
        # one writer at a time extends the chain (SQLite already holds its write lock: BEGIN IMMEDIATE)
        s.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": AUDIT_LOCK})
    prev = s.scalar(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)) or GENESIS
    at = datetime.now(UTC)
    clean = json.loads(json.dumps({**detail, "desk_version": __version__}, ensure_ascii=False, default=str))
    digest = _digest(prev, at, uow.actor, action, case_id, document_id, clean)
    if uow.sqlite:
        entry = AuditEntry(at=at, actor=uow.actor, action=action, case_id=case_id, document_id=document_id,
                           detail=clean, prev_hash=prev, hash=digest)
        s.add(entry)
        s.flush()
        return entry
    # PostgreSQL: nobody may INSERT into the log; the append function links and stamps the entry
    s.flush()
    new_id = s.scalar(text("SELECT desk_audit_append(:at, :actor, :action, :case_id, :document_id, "
                           "CAST(:detail AS json), :prev, :hash)"),
                      {"at": at, "actor": uow.actor, "action": action, "case_id": case_id,
                       "document_id": document_id, "detail": json.dumps(clean, ensure_ascii=False),
                       "prev": prev, "hash": digest})
    found = s.get(AuditEntry, new_id)
    assert found is not None
    return found


@on_refusal
def record_apart(uow: UnitOfWork, reason: str, detail: dict[str, Any]) -> None:
    """A refusal, in the log on its own (the refused work rolled back): who, what and why."""
    import logging

    from sqlalchemy.orm import Session

    bind = uow.engine.execution_options(desk_sqlite_begin="IMMEDIATE")
    try:
        with Session(bind=bind, expire_on_commit=False) as session:
            record(UnitOfWork(session, uow.engine, uow.actor, uow.roles, uow.squad), "refused", reason=reason,
                   **detail)
            session.commit()
    except Exception:  # the refusal itself must reach the user, whatever happens to its record
        logging.getLogger("desk").warning("the refusal could not be recorded in the audit log", exc_info=True)


def recorded_at(entry: AuditEntry) -> datetime:
    """When the entry was written, in UTC (SQLite hands back naive UTC times)."""
    return entry.at if entry.at.tzinfo else entry.at.replace(tzinfo=UTC)


def anchor(entry: AuditEntry) -> str:
    """``id:hash`` of an entry: kept outside the database (in an archive package) to prove the log later."""
    return f"{entry.id}:{entry.hash}"


def parse_anchor(text: str) -> tuple[int, str] | None:
    entry_id, sep, digest = text.strip().partition(":")
    return (int(entry_id), digest) if sep and entry_id.isdigit() and digest else None


@dataclass(frozen=True)
class AuditBreak:
    entry_id: int
    problem: str  # edited | chain (an entry before it was deleted, or the order changed) | anchor (gone or changed)


def verify(uow: UnitOfWork, anchors: Iterable[tuple[int, str]] = ()) -> list[AuditBreak]:
    """Every place where the log does not hold: an edited, deleted or reordered entry, or a broken anchor."""
    breaks: list[AuditBreak] = []
    wanted = dict(anchors)
    prev = GENESIS
    for e in uow.session.scalars(select(AuditEntry).order_by(AuditEntry.id)).yield_per(1000):
        if _digest(e.prev_hash, recorded_at(e), e.actor, e.action, e.case_id, e.document_id, e.detail) != e.hash:
            breaks.append(AuditBreak(e.id, "edited"))
        if e.prev_hash != prev:
            breaks.append(AuditBreak(e.id, "chain"))
        if wanted.pop(e.id, e.hash) != e.hash:
            breaks.append(AuditBreak(e.id, "anchor"))
        prev = e.hash
    breaks += [AuditBreak(entry_id, "anchor") for entry_id in wanted]
    return breaks

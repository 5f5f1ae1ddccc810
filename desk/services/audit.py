"""The audit log: append-only and hash-chained (each entry hashes its content with the previous hash)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, text

from desk.db.uow import UnitOfWork
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


def record(uow: UnitOfWork, action: str, *, case_id: int | None = None, document_id: int | None = None,
           **detail: Any) -> AuditEntry:
    """Append one entry in the caller's transaction (so it commits or rolls back with the change)."""
    s = uow.session
    if not uow.sqlite:
        # one writer at a time extends the chain (SQLite already holds its write lock: BEGIN IMMEDIATE)
        s.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": AUDIT_LOCK})
    last = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).first()
    prev = last.hash if last else GENESIS
    at = datetime.now(UTC)
    clean = json.loads(json.dumps(detail, ensure_ascii=False, default=str))
    entry = AuditEntry(at=at, actor=uow.actor, action=action, case_id=case_id, document_id=document_id,
                       detail=clean, prev_hash=prev,
                       hash=_digest(prev, at, uow.actor, action, case_id, document_id, clean))
    s.add(entry)
    s.flush()
    return entry


@dataclass(frozen=True)
class AuditBreak:
    entry_id: int
    problem: str


def verify(uow: UnitOfWork) -> list[AuditBreak]:
    """Every place where the chain does not hold: an edited, deleted or reordered entry."""
    breaks: list[AuditBreak] = []
    prev = GENESIS
    for e in uow.session.scalars(select(AuditEntry).order_by(AuditEntry.id)):
        at = e.at if e.at.tzinfo else e.at.replace(tzinfo=UTC)
        if e.prev_hash != prev:
            breaks.append(AuditBreak(e.id, "chain"))
        elif _digest(prev, at, e.actor, e.action, e.case_id, e.document_id, e.detail) != e.hash:
            breaks.append(AuditBreak(e.id, "content"))
        prev = e.hash
    return breaks

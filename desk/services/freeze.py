"""The last line of defence for archived cases: a flush that would change one is refused.

Every write service already calls ``ensure_writable``; this guard makes a future write path that
forgets it fail too. A case counts as archived when its *stored* status is ``archived`` (so the
archiving transaction itself, which sets the status, goes through).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from desk.errors import FrozenError
from desk.models import Attachment, Case, Document, Event, Party


def _stored_status(case: Case) -> str | None:
    history = inspect(case).attrs.status.history
    if history.deleted:
        return str(history.deleted[0])
    return case.status if inspect(case).persistent else None


def _case_of(obj: Any) -> Case | None:
    if isinstance(obj, Case):
        return obj
    if isinstance(obj, Party | Event | Document | Attachment):
        return obj.case
    return None


@event.listens_for(Session, "before_flush")
def refuse_changes_to_archived_cases(session: Session, _context: Any, _instances: Any) -> None:
    for obj in (*session.new, *session.dirty, *session.deleted):
        if obj in session.dirty and not session.is_modified(obj, include_collections=False):
            continue
        case = _case_of(obj)
        if case is not None and _stored_status(case) == "archived":
            raise FrozenError("case_frozen", ref=case.number or case.id)

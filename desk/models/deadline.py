"""The deadlines of open cases, kept so that the window lists the soonest of 10 000 cases with one query.

Derived data: ``desk.services.due_index`` writes them from each case's snapshot (``procedure.deadlines``) and
writes a case's again whenever the case, its documents or its events, the holiday calendar or Desk changed
(``DeadlineMark``). Nothing else reads or writes them.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from desk.models.base import Base


class CaseDeadline(Base):
    __tablename__ = "case_deadline"

    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), primary_key=True)
    rule: Mapped[str] = mapped_column(String(40), primary_key=True)
    due: Mapped[date | None] = mapped_column(index=True)
    document: Mapped[str | None] = mapped_column(String(200))
    provisional: Mapped[bool] = mapped_column(default=False)
    missing_year: Mapped[int | None]  # the deadline runs into a year without holiday data: not countable


class DeadlineMark(Base):
    """Which state of a case its deadlines were written from (compared in SQL with the case's state now)."""

    __tablename__ = "deadline_mark"

    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), primary_key=True)
    case_updated: Mapped[datetime | None]  # the case's updated_at
    documents_changed: Mapped[datetime | None]  # its documents' last updated_at
    documents: Mapped[int]
    events_last: Mapped[int | None]  # its events' last id
    events: Mapped[int]
    context: Mapped[str] = mapped_column(String(64))  # the holiday days, the agencies' settings, Desk's version

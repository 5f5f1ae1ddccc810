"""Number counters per (agency, code, year), the number log, and pre-printed blocks of summary forms."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desk.models.agency import Officer
from desk.models.base import Base


class NumberCounter(Base):
    """The last sequence number spent for (agency, code, year); locked while a number is allocated."""

    __tablename__ = "number_counter"

    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"), primary_key=True)
    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    year: Mapped[int] = mapped_column(primary_key=True)
    last_seq: Mapped[int] = mapped_column(default=0)


class NumberLog(Base):
    """Every number ever spent: issued, imported or voided — never reused."""

    __tablename__ = "number_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"), index=True)
    code: Mapped[str] = mapped_column(String(20))
    year: Mapped[int]
    seq: Mapped[int]
    number: Mapped[str] = mapped_column(String(80))
    document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(20))  # issued, imported, voided, spoiled
    by: Mapped[str | None] = mapped_column(String(60))
    at: Mapped[datetime]
    note: Mapped[str | None] = mapped_column(String(300))


class FormBlock(Base):
    """A registered block of pre-printed, pre-numbered forms (当场行政处罚决定书), held by a squad or an officer.

    Which of its numbers are used is read from the documents carrying them, which are spoiled from
    ``FormSpoiled``; the rest are unused. A leader signs the block off (核销) once none is left unused.
    """

    __tablename__ = "form_block"

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"), index=True)
    code: Mapped[str] = mapped_column(String(20))
    year: Mapped[int]
    first_seq: Mapped[int]
    last_seq: Mapped[int]
    squad: Mapped[str | None] = mapped_column(String(100))
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("officer.id"))
    registered_at: Mapped[datetime]
    registered_by: Mapped[str | None] = mapped_column(String(60))
    signed_off_by: Mapped[str | None] = mapped_column(String(60))
    signed_off_at: Mapped[datetime | None]

    officer: Mapped[Officer | None] = relationship()
    spoiled: Mapped[list[FormSpoiled]] = relationship(
        order_by="FormSpoiled.seq", cascade="all, delete-orphan", back_populates="block"
    )


class FormSpoiled(Base):
    """A form voided because it was spoiled or lost: its number stays spent, never reused."""

    __tablename__ = "form_spoiled"
    __table_args__ = (UniqueConstraint("block_id", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    block_id: Mapped[int] = mapped_column(ForeignKey("form_block.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int]
    reason: Mapped[str] = mapped_column(String(300))
    by: Mapped[str | None] = mapped_column(String(60))
    at: Mapped[datetime]

    block: Mapped[FormBlock] = relationship(back_populates="spoiled")

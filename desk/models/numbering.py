"""Number counters per (agency, code, year), the number log, and pre-printed blocks of summary forms."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

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
    """A registered block of pre-printed, pre-numbered forms (当场行政处罚决定书)."""

    __tablename__ = "form_block"

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"), index=True)
    code: Mapped[str] = mapped_column(String(20))
    year: Mapped[int]
    first_seq: Mapped[int]
    last_seq: Mapped[int]
    next_seq: Mapped[int]
    holder: Mapped[str | None] = mapped_column(String(60))
    registered_at: Mapped[datetime]

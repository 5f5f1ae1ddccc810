"""The case (案件) aggregate: the case with its parties, events, documents and attachments."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desk.models.base import Base

CASE_STATUSES = ("open", "closed", "archived")


class Case(Base):
    __tablename__ = "case_file"
    __table_args__ = (
        UniqueConstraint("agency_id", "number"),
        Index("ix_case_file_status_filed", "status", "filed_on"),
        # the search box scans this narrow index, not the wide rows (desk.services.search_key, #15); SQLite only:
        # a PostgreSQL B-tree entry is limited to 2.7 kB, and there a scan of the one column is as quick
        Index("ix_case_file_search", "search_key").ddl_if(dialect="sqlite"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"), index=True)
    number: Mapped[str | None] = mapped_column(String(80))
    cause: Mapped[str] = mapped_column(String(300))
    domain: Mapped[str] = mapped_column(String(100), default="")
    source: Mapped[str] = mapped_column(String(20), default="other")
    procedure: Mapped[str] = mapped_column(String(20))
    outcome: Mapped[str] = mapped_column(String(30), default="pending")
    squad: Mapped[str] = mapped_column(String(100), default="")
    discovered_on: Mapped[date | None]
    violation_on: Mapped[date | None]
    # where and when (HH:MM) the act took place: a 当场处罚决定书 and a 现场检查笔录 state them
    place: Mapped[str] = mapped_column(String(300), default="", server_default="")
    violation_at: Mapped[str | None] = mapped_column(String(5))
    filed_on: Mapped[date | None]
    facts: Mapped[str] = mapped_column(Text, default="")
    evidence: Mapped[list[str]] = mapped_column(default=list)
    violated: Mapped[list[str]] = mapped_column(default=list)
    basis: Mapped[list[str]] = mapped_column(default=list)
    discretion: Mapped[dict[str, Any]] = mapped_column(default=dict)
    penalty_kinds: Mapped[list[str]] = mapped_column(default=list)
    fine: Mapped[Decimal | None]
    confiscated: Mapped[Decimal | None]
    major: Mapped[bool] = mapped_column(default=False)
    complex: Mapped[bool] = mapped_column(default=False)
    endangers_safety: Mapped[bool] = mapped_column(default=False)
    # [{"name": ..., "certificate": ...}] as the case file records them
    officers: Mapped[list[Any]] = mapped_column(default=list)
    retention: Mapped[str | None] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    # denormalised for the case list and its search: the first party's name
    party_name: Mapped[str] = mapped_column(String(200), default="", index=True)
    archive_number: Mapped[str | None] = mapped_column(String(40))
    # what the search box looks in: number, party, cause and every document number, normalized
    # (desk.services.search_key keeps it on every flush that changes one of them)
    search_key: Mapped[str] = mapped_column(Text, default="", server_default="")
    # the SHA-256 of the archive package file, committed before the package gets its name: a package whose
    # digest no archived case holds is no valid package (an interrupted archive, or an altered file)
    package_sha256: Mapped[str | None] = mapped_column(String(64), unique=True)
    archived_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    parties: Mapped[list[Party]] = relationship(
        order_by="Party.position", cascade="all, delete-orphan", back_populates="case"
    )
    events: Mapped[list[Event]] = relationship(
        order_by="Event.position", cascade="all, delete-orphan", back_populates="case"
    )
    documents: Mapped[list[Document]] = relationship(
        order_by="Document.position", cascade="all, delete-orphan", back_populates="case"
    )
    attachments: Mapped[list[Attachment]] = relationship(
        order_by="Attachment.position", cascade="all, delete-orphan", back_populates="case"
    )


class Party(Base):
    """当事人: a person, an individual business (个体工商户) or an organisation."""

    __tablename__ = "party"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    kind: Mapped[str] = mapped_column(String(30))
    name: Mapped[str] = mapped_column(String(200))
    id_type: Mapped[str | None] = mapped_column(String(40))
    id_number: Mapped[str | None] = mapped_column(String(40))
    uscc: Mapped[str | None] = mapped_column(String(18))
    legal_representative: Mapped[str | None] = mapped_column(String(60))
    address: Mapped[str | None] = mapped_column(String(300))
    phone: Mapped[str | None] = mapped_column(String(40))

    case: Mapped[Case] = relationship(back_populates="parties")


class Event(Base):
    """A dated step of the procedure (filed, notified, hearing held, paid, closed …)."""

    __tablename__ = "event"
    __table_args__ = (Index("ix_event_type_on", "type", "on", "case_id"),)  # reports (#16)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    type: Mapped[str] = mapped_column(String(40))
    on: Mapped[date]
    at: Mapped[str | None] = mapped_column(String(5))
    by: Mapped[str | None] = mapped_column(String(60))
    note: Mapped[str | None] = mapped_column(Text)
    amount: Mapped[Decimal | None]
    kinds: Mapped[list[str] | None]
    days: Mapped[int | None]
    leaders: Mapped[list[str] | None]

    case: Mapped[Case] = relationship(back_populates="events")


class Document(Base):
    """A document of a case: drafted, then issued (numbered, frozen), possibly voided; served or not."""

    __tablename__ = "document"
    __table_args__ = (UniqueConstraint("agency_id", "number"),
                      Index("ix_document_kind_issued", "kind", "issued_on", "case_id"))  # reports (#16)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), index=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    position: Mapped[int] = mapped_column(default=0)
    kind: Mapped[str] = mapped_column(String(60))
    status: Mapped[str] = mapped_column(String(10), default="draft")
    number: Mapped[str | None] = mapped_column(String(80))
    code: Mapped[str | None] = mapped_column(String(20))
    year: Mapped[int | None]
    seq: Mapped[int | None]
    fields: Mapped[dict[str, Any] | None]
    issued_on: Mapped[date | None]
    served_on: Mapped[date | None]
    service: Mapped[str | None] = mapped_column(String(20))
    receiver: Mapped[str | None] = mapped_column(String(100))
    # for a 送达回证: the number (or, unnumbered, the kind) of the document it serves, and its id
    serves: Mapped[str | None] = mapped_column(String(80))
    serves_id: Mapped[int | None] = mapped_column(ForeignKey("document.id", ondelete="SET NULL"))
    hearing_right: Mapped[bool | None]
    pages: Mapped[int | None]
    # the stored file (content-addressed) and the DOCX hash frozen at issue
    file_sha256: Mapped[str | None] = mapped_column(String(64))
    file_name: Mapped[str | None] = mapped_column(String(200))
    scan_sha256: Mapped[str | None] = mapped_column(String(64))  # the signed and sealed paper, scanned (#15)
    scan_name: Mapped[str | None] = mapped_column(String(200))
    docx_sha256: Mapped[str | None] = mapped_column(String(64))
    void_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    case: Mapped[Case] = relationship(back_populates="documents")


class Attachment(Base):
    """Evidence stored by checksum (photos, scans, PDFs) with its caption fields."""

    __tablename__ = "attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40), default="other")
    made_on: Mapped[date | None]
    made_by: Mapped[str | None] = mapped_column(String(60))
    proves: Mapped[str | None] = mapped_column(Text)
    pages: Mapped[int | None]
    sha256: Mapped[str | None] = mapped_column(String(64))
    file_name: Mapped[str | None] = mapped_column(String(200))
    media_type: Mapped[str | None] = mapped_column(String(60))

    case: Mapped[Case] = relationship(back_populates="attachments")

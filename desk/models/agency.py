"""The agency (执法机关) aggregate: its identity, squads, officers and settings."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desk.models.base import Base


class Agency(Base):
    __tablename__ = "agency"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    code: Mapped[str] = mapped_column(String(40), unique=True)
    squads: Mapped[list[str]] = mapped_column(default=list)
    reconsideration_body: Mapped[str] = mapped_column(String(200), default="")
    court: Mapped[str] = mapped_column(String(200), default="")
    number_pattern: Mapped[str] = mapped_column(String(100), default="{agency}{code}字〔{year}〕{seq}号")
    archive_pattern: Mapped[str] = mapped_column(String(100), default="{year}{seq:04}")
    # what the documents print (case-format.md additions): contact, payment, receiving bodies
    contact_person: Mapped[str] = mapped_column(String(60), default="", server_default="")
    contact_phone: Mapped[str] = mapped_column(String(40), default="", server_default="")
    contact_address: Mapped[str] = mapped_column(String(200), default="", server_default="")
    payment_bank: Mapped[str] = mapped_column(String(100), default="", server_default="")
    payment_account_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    payment_account: Mapped[str] = mapped_column(String(60), default="", server_default="")
    payment_channel: Mapped[str] = mapped_column(String(200), default="", server_default="")
    public_security: Mapped[str] = mapped_column(String(200), default="", server_default="")
    transfer_to: Mapped[str] = mapped_column(String(200), default="", server_default="")
    # per-agency settings (desk.casefile.facts.AgencySettings field names → values) and the retention table
    settings: Mapped[dict[str, Any]] = mapped_column(default=dict)

    officers: Mapped[list[Officer]] = relationship(back_populates="agency", order_by="Officer.id")


class Officer(Base):
    """An officer (执法人员) who may also sign in as a user with roles."""

    __tablename__ = "officer"

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"), index=True)
    name: Mapped[str] = mapped_column(String(60))
    certificate: Mapped[str] = mapped_column(String(40), default="")
    squad: Mapped[str] = mapped_column(String(100), default="")
    login: Mapped[str | None] = mapped_column(String(60), unique=True)
    # clerk, reviewer, leader, archivist, admin
    roles: Mapped[list[str]] = mapped_column(default=list)
    active: Mapped[bool] = mapped_column(default=True)

    agency: Mapped[Agency] = relationship(back_populates="officers")

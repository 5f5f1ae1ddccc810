"""Loaded versions of discretion standards (裁量基准): one row per version, its items as stored JSON."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desk.models.base import Base


class DiscretionStandard(Base):
    __tablename__ = "discretion_standard"
    __table_args__ = (UniqueConstraint("name", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    version: Mapped[str] = mapped_column(String(40))
    valid_from: Mapped[date]
    valid_to: Mapped[date | None]
    # the items exactly as the file gave them, amounts as decimal strings (desk.discretion.store)
    items: Mapped[list[Any]] = mapped_column(default=list)
    # of the stored content (name, version, validity, items): parsed versions are cached by it
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    loaded_at: Mapped[datetime]
    loaded_by: Mapped[str] = mapped_column(String(60), default="")

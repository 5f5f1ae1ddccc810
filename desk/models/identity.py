"""Who may sign in, and what vouches for Desk's archive: local passwords, the agency's SM2 key, package seals."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desk.models.base import Base


class Credential(Base):
    """A local account's password (scrypt, salted) for an officer's login; SQLite desktops sign in with it."""

    __tablename__ = "credential"

    login: Mapped[str] = mapped_column(String(60), primary_key=True)
    password_hash: Mapped[str] = mapped_column(String(300))
    changed_at: Mapped[datetime]


class SigningKey(Base):
    """The agency's SM2 key pair: the public key in the clear, the private key sealed with a passphrase."""

    __tablename__ = "signing_key"

    id: Mapped[int] = mapped_column(primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    public_key: Mapped[str] = mapped_column(String(130))
    private_sealed: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(60), default="")


class PackageSeal(Base):
    """One archive package as it left Desk: its digest, the audit anchor it carries, and the SM2 signature over
    both (the anchor is signed, so an audit log re-chained after it cannot be re-anchored)."""

    __tablename__ = "package_seal"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(index=True)
    archive_number: Mapped[str] = mapped_column(String(40))
    package_name: Mapped[str] = mapped_column(String(200))
    package_sha256: Mapped[str] = mapped_column(String(64))
    anchor_id: Mapped[int]
    anchor_hash: Mapped[str] = mapped_column(String(64))
    fingerprint: Mapped[str] = mapped_column(String(64))
    signature: Mapped[str] = mapped_column(String(200))
    signed_at: Mapped[datetime]

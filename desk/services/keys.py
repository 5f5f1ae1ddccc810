"""The agency's signing key, and the signed record of every archive package (its digest and audit anchor).

The key pair is made at set-up (``desk keys init``, or the first archive when none exists yet), its private key
sealed with a passphrase (``DESK_PASSPHRASE`` for a command without a terminal). Archiving unlocks it to sign
the package and the package's record here; ``desk audit verify`` checks every record's signature and that its
anchor entry still stands, ``desk verify --db`` a package's digest against its record.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from desk.archive import signature
from desk.archive.checksums import CHUNK
from desk.db.uow import UnitOfWork
from desk.errors import UserError
from desk.models import AuditEntry, Case, PackageSeal, SigningKey
from desk.services import access, audit


def current_key(uow: UnitOfWork) -> SigningKey | None:
    return uow.session.scalars(select(SigningKey).order_by(SigningKey.id.desc()).limit(1)).first()


def known_fingerprints(uow: UnitOfWork) -> dict[str, str]:
    """Every key the agency ever signed with: fingerprint → public key."""
    return {k.fingerprint: k.public_key for k in uow.session.scalars(select(SigningKey))}


def create_key(uow: UnitOfWork, passphrase: str) -> SigningKey:
    """A new key pair for the agency (an administrator's or archivist's act), sealed with ``passphrase``."""
    access.require(uow, "archive")
    if len(passphrase) < 8:
        raise UserError("password_too_short", minimum=8)
    pair = signature.generate()
    key = SigningKey(fingerprint=pair.fingerprint, public_key=pair.public_key,
                     private_sealed=signature.seal_private(pair, passphrase), created_at=datetime.now(UTC),
                     created_by=uow.actor)
    uow.session.add(key)
    uow.session.flush()
    audit.record(uow, "signing_key_created", fingerprint=pair.fingerprint)
    return key


def unlock(uow: UnitOfWork, passphrase: str | None) -> signature.KeyPair:
    """The agency's key pair, opened with ``passphrase`` (made with it when the agency has none yet)."""
    if not passphrase:
        raise UserError("passphrase_missing")
    key = current_key(uow) or create_key(uow, passphrase)
    try:
        return signature.open_private(key.private_sealed, key.public_key, passphrase)
    except signature.BadPassphrase:
        raise UserError("passphrase_wrong", fingerprint=key.fingerprint[:16]) from None


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(CHUNK), b""):
            h.update(chunk)
    return h.hexdigest()


def record_package(uow: UnitOfWork, pair: signature.KeyPair, *, case_id: int, archive_number: str, path: Path,
                   anchor: AuditEntry, name: str | None = None) -> PackageSeal:
    """The package as it left Desk: its digest and audit anchor, signed. ``path`` holds its bytes (still under a
    temporary name while the archiving transaction runs); ``name`` is the name it takes (default: ``path``'s)."""
    digest = file_sha256(path)
    statement = signature.anchor_statement(archive_number, audit.anchor(anchor), digest)
    seal = PackageSeal(case_id=case_id, archive_number=archive_number, package_name=name or path.name,
                       package_sha256=digest, anchor_id=anchor.id, anchor_hash=anchor.hash,
                       fingerprint=pair.fingerprint, signature=signature.sign(pair, statement),
                       signed_at=datetime.now(UTC))
    uow.session.add(seal)
    uow.session.flush()
    return seal


@dataclass(frozen=True)
class SealProblem:
    archive_number: str
    problem: str  # signature (the record was changed) | key (a key the agency does not have) | missing (no record)


def seal_problems(uow: UnitOfWork) -> list[SealProblem]:
    """Every package record whose signature no longer holds."""
    keys = known_fingerprints(uow)
    problems = []
    for s in uow.session.scalars(select(PackageSeal).order_by(PackageSeal.id)):
        public = keys.get(s.fingerprint)
        statement = signature.anchor_statement(s.archive_number, f"{s.anchor_id}:{s.anchor_hash}", s.package_sha256)
        if public is None:
            problems.append(SealProblem(s.archive_number, "key"))
        elif not signature.valid(public, s.signature, statement):
            problems.append(SealProblem(s.archive_number, "signature"))
    recorded = select(PackageSeal.case_id)
    unrecorded = select(Case.archive_number).where(Case.status == "archived", Case.id.not_in(recorded))
    problems += [SealProblem(number or "-", "missing") for number in uow.session.scalars(unrecorded.order_by(Case.id))]
    return problems


def signed_anchors(uow: UnitOfWork) -> list[tuple[int, str]]:
    """The audit anchors the package records hold (checked by ``audit.verify`` like a package's own)."""
    return [(s.anchor_id, s.anchor_hash) for s in uow.session.scalars(select(PackageSeal).order_by(PackageSeal.id))]


def package_record(uow: UnitOfWork, archive_number: str) -> PackageSeal | None:
    return uow.session.scalars(select(PackageSeal).where(PackageSeal.archive_number == archive_number)
                               .order_by(PackageSeal.id.desc()).limit(1)).first()

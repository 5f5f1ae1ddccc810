"""What ``desk verify`` says about a package's signature: whose key, and whether the database knows it."""

from __future__ import annotations

import os
from pathlib import Path

from desk.archive.verify import VerifyReport


def _database_known() -> bool:
    """A database to consult: one is configured, or the home's SQLite file exists (verify never creates one)."""
    from desk import config

    url = os.environ.get("DESK_DATABASE_URL")
    return bool(url) or Path(config.database_url().removeprefix("sqlite:///")).is_file()


def signature_lines(report: VerifyReport, *, pinned: str | None, with_db: bool) -> list[tuple[str, dict[str, object]]]:
    """(message key, parameters) for each signature finding; ``verify_signed`` alone when all holds."""
    sig = report.signature
    if sig.problem is not None:
        return [(f"verify_signature_{sig.problem}", {"path": report.path.name})]
    out: list[tuple[str, dict[str, object]]] = []
    if pinned and not sig.fingerprint.startswith(pinned.lower()):
        out.append(("verify_signature_foreign", {"fingerprint": sig.fingerprint[:16]}))
    if with_db or _database_known():
        out += _against_database(report, with_db)
    return out or [("verify_signed", {"fingerprint": sig.fingerprint[:16]})]


def _against_database(report: VerifyReport, with_db: bool) -> list[tuple[str, dict[str, object]]]:
    from desk.archive.verify import bag_info
    from desk.db.uow import unit_of_work
    from desk.services import keys

    out: list[tuple[str, dict[str, object]]] = []
    with unit_of_work(write=False) as uow:
        known = keys.known_fingerprints(uow)
        if known and report.signature.fingerprint not in known:
            out.append(("verify_signature_foreign", {"fingerprint": report.signature.fingerprint[:16]}))
        if not with_db:
            return out
        number = bag_info(report.path).get("Archive-Number", "")
        record = keys.package_record(uow, number)
    if record is None:
        out.append(("verify_db_missing", {"number": number or "-"}))
    elif record.package_sha256 != keys.file_sha256(report.path):
        out.append(("verify_db_digest", {"number": number}))
    return out

"""What ``desk verify`` says about a package's signature: whose key, and — asked with ``--key`` or ``--db`` —
whether that is the agency's (plain ``verify`` opens no database: a package proves itself anywhere)."""

from __future__ import annotations

from desk.archive.verify import VerifyReport


def signature_lines(report: VerifyReport, *, pinned: str | None, with_db: bool) -> list[tuple[str, dict[str, object]]]:
    """(message key, parameters) for each signature finding; ``verify_signed`` alone when all holds."""
    sig = report.signature
    if sig.problem is not None:
        return [(f"verify_signature_{sig.problem}", {"path": report.path.name})]
    out: list[tuple[str, dict[str, object]]] = []
    if pinned and not sig.fingerprint.startswith(pinned.lower()):
        out.append(("verify_signature_foreign", {"fingerprint": sig.fingerprint[:16]}))
    if with_db:
        out += _against_database(report)
    return out or [("verify_signed", {"fingerprint": sig.fingerprint[:16]})]


def _against_database(report: VerifyReport) -> list[tuple[str, dict[str, object]]]:
    from desk.archive.verify import bag_info
    from desk.db.uow import unit_of_work
    from desk.services import keys

    out: list[tuple[str, dict[str, object]]] = []
    with unit_of_work(write=False) as uow:
        known = keys.known_fingerprints(uow)
        if report.signature.fingerprint not in known:
            out.append(("verify_signature_foreign", {"fingerprint": report.signature.fingerprint[:16]}))
        number = bag_info(report.path).get("Archive-Number", "")
        record = keys.package_record(uow, number)
        recorded = record.package_sha256 if record is not None else None
    if recorded is None:
        out.append(("verify_db_missing", {"number": number or "-"}))
    elif recorded != keys.file_sha256(report.path):
        out.append(("verify_db_digest", {"number": number}))
    return out

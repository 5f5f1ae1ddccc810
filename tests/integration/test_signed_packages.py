"""Authenticity: the agency's SM2 key signs every package (over its tag manifests) and the package's record in
the database (its digest and audit anchor). A package edited and fully re-sealed fails ``desk verify``; an
audit log re-chained before a signed anchor fails ``desk audit verify``."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from desk.archive import bagfiles, signature
from desk.archive.checksums import ALGORITHMS, Digests
from desk.models import AuditEntry, PackageSeal, SigningKey
from desk.services.audit import GENESIS, _digest, recorded_at
from tests.conftest import DeskEnv
from tests.integration.archive_cases import archived, execute
from tests.unit.archive.package_samples import Entries, rezip

EDITED = "data/metadata.json"


def _digests(data: bytes) -> dict[str, str]:
    d = Digests()
    d.update(data)
    return d.hexdigests()


def reseal(e: Entries) -> None:
    """Edit the metadata and recompute everything a BagIt tool would: the manifests, the payload size in bag-info,
    the tag manifests."""
    meta = json.loads(e[EDITED])
    meta["case"]["party"] = "某某（已改）"
    e[EDITED] = json.dumps(meta, ensure_ascii=False).encode()
    for alg in ALGORITHMS:
        name = bagfiles.manifest_name(alg)
        entries = bagfiles.parse_manifest(e[name].decode())
        entries[EDITED] = _digests(e[EDITED])[alg]
        e[name] = bagfiles.format_manifest(entries).encode()
    info = bagfiles.parse_bag_info(e[bagfiles.BAG_INFO].decode())
    info["Payload-Oxum"] = bagfiles.payload_oxum(len(v) for n, v in e.items() if n.startswith("data/"))
    e[bagfiles.BAG_INFO] = bagfiles.format_bag_info(list(info.items())).encode()
    tags = [n for n in e if "/" not in n and not n.startswith("tagmanifest-") and n != signature.SIGNATURE_FILE]
    for alg in ALGORITHMS:
        e[bagfiles.manifest_name(alg, tag=True)] = bagfiles.format_manifest(
            {n: _digests(e[n])[alg] for n in tags}).encode()


@pytest.fixture
def package(desk_env: DeskEnv, tmp_path: Path) -> Path:
    out = tmp_path / "p.zip"
    archived(desk_env, "general_clean", out)
    return out


def agency_fingerprint(env: DeskEnv) -> str:
    with env.uow(write=False) as uow:
        return str(uow.session.scalars(select(SigningKey.fingerprint)).one())


def test_a_package_is_signed_with_the_agencys_key(desk_env: DeskEnv, package: Path) -> None:
    fingerprint = agency_fingerprint(desk_env)
    result = desk_env.run("verify", str(package), "--db", "--key", fingerprint[:16])
    assert result.code == 0, result.out
    assert result.out.splitlines()[0] == f"signed with the agency key {fingerprint[:16]}… (SM2 over the tag manifests)"
    with desk_env.uow(write=False) as uow:
        seal = uow.session.scalars(select(PackageSeal)).one()
        assert seal.package_sha256 == hashlib.sha256(package.read_bytes()).hexdigest()
        archived_entry = uow.session.get(AuditEntry, seal.anchor_id)
        assert archived_entry is not None and archived_entry.action == "case_archived"
        assert archived_entry.detail["key"] == fingerprint


def test_a_resealed_package_fails_verify(desk_env: DeskEnv, package: Path, tmp_path: Path) -> None:
    resealed = rezip(package, tmp_path / "resealed.zip", reseal)
    from desk.archive.verify import verify_package

    assert verify_package(resealed).intact  # every checksum holds: only the signature tells
    result = desk_env.run("verify", str(resealed))
    assert result.code == 1
    assert result.out.splitlines() == [
        "signature: the SM2 signature of resealed.zip does not match its tag manifests (changed after signing)",
        f"{resealed}: 1 problem(s); the package is not what was archived."]

    stripped = rezip(resealed, tmp_path / "stripped.zip", lambda e: e.pop(signature.SIGNATURE_FILE))
    result = desk_env.run("verify", str(stripped))
    assert (result.code, result.out.splitlines()[0]) == (
        1, "unsigned: stripped.zip carries no signature (signature-sm2.txt), so its origin cannot be proved")


def test_a_package_resigned_with_another_key_is_not_the_agencys(desk_env: DeskEnv, package: Path,
                                                                tmp_path: Path) -> None:
    forger = signature.generate()

    def resign(e: Entries) -> None:
        reseal(e)
        e[signature.SIGNATURE_FILE] = signature.signature_file(forger, e)

    forged = rezip(package, tmp_path / "forged.zip", resign)
    fingerprint = agency_fingerprint(desk_env)
    alone = desk_env.run("verify", str(forged))  # on its own the package names the forger's key: shown
    assert alone.code == 0 and forger.fingerprint[:16] in alone.out and fingerprint[:16] not in alone.out
    pinned = desk_env.run("verify", str(forged), "--key", fingerprint[:16])
    assert pinned.code == 1 and f"signed with key {forger.fingerprint[:16]}…, which is not the agency's" in pinned.out
    checked = desk_env.run("verify", str(forged), "--db")
    assert checked.code == 1
    assert "which is not the agency's" in checked.out
    assert "database: the package differs from the one archived as" in checked.out


def test_verify_db_finds_a_package_that_is_not_the_one_archived(desk_env: DeskEnv, package: Path,
                                                                 tmp_path: Path) -> None:
    # the same files, zipped anew: every checksum and the signature hold, but it is not the file archived
    copy = rezip(package, tmp_path / "copy.zip", lambda e: None)
    assert desk_env.run("verify", str(copy)).code == 0
    result = desk_env.run("verify", str(copy), "--db")
    assert result.code == 1 and "database: the package differs from the one archived as" in result.out


def test_a_rechained_audit_log_fails_against_the_signed_anchor(desk_env: DeskEnv, package: Path) -> None:
    """An entry slipped in before the archive entry, every later hash recomputed (the chain holds again), even
    the package record's anchor hash updated: the record's signature no longer holds."""
    assert desk_env.run("audit", "verify").code == 0
    with desk_env.uow(write=False) as uow:
        entries = [(e.id, recorded_at(e), e.actor, e.action, e.case_id, e.document_id, e.detail)
                   for e in uow.session.scalars(select(AuditEntry).order_by(AuditEntry.id))]
    # the forger rewrites history from entry 2 on: a fabricated entry in place of entry 2, then the rest re-linked
    forged = [*entries[:1], (entries[1][0], entries[1][1], "forger", "document_served", entries[1][4], None, {}),
              *entries[2:]]
    prev = GENESIS
    statements = []
    for entry_id, at, actor, action, case_id, document_id, detail in forged:
        digest = _digest(prev, at, actor, action, case_id, document_id, detail)
        statements.append(f"UPDATE audit_log SET actor = '{actor}', action = '{action}', detail = "
                          f"'{json.dumps(detail, ensure_ascii=False)}', document_id = "
                          f"{'NULL' if document_id is None else document_id}, prev_hash = '{prev}', "
                          f"hash = '{digest}' WHERE id = {entry_id}")
        prev = digest
    for statement in statements:
        execute(desk_env, statement)
    result = desk_env.run("audit", "verify")  # the chain holds; the signed anchor does not
    assert result.code == 1 and "missing or changed since an archive package recorded it" in result.out
    with desk_env.uow(write=False) as uow:
        seal_id, anchor_id = uow.session.execute(select(PackageSeal.id, PackageSeal.anchor_id)).one()
        new_hash = uow.session.scalar(select(AuditEntry.hash).where(AuditEntry.id == anchor_id))
    execute(desk_env, f"UPDATE package_seal SET anchor_hash = '{new_hash}' WHERE id = {seal_id}")
    result = desk_env.run("audit", "verify")
    assert result.code == 1
    number = desk_env.run("cases", "--json").out
    assert "changed (its signature no longer holds)" in result.out, (result.out, number)
    assert desk_env.run("audit", "verify", "--anchor", str(package)).code == 1  # the package still has the old one


def test_archiving_needs_the_passphrase(desk_env: DeskEnv, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    archived(desk_env, "general_clean", tmp_path / "first.zip")  # the first archive made the key (conftest)
    monkeypatch.setenv("DESK_PASSPHRASE", "not-the-passphrase")
    from tests.integration.archive_cases import imported

    case_id = imported(desk_env, "hearing_clean")
    result = desk_env.run("archive", case_id, "-o", str(tmp_path / "second.zip"))
    assert result.code == 2 and "The passphrase does not open the agency's signing key" in result.err
    assert not (tmp_path / "second.zip").exists()
    monkeypatch.delenv("DESK_PASSPHRASE")
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("\n"))
    result = desk_env.run("archive", case_id, "-o", str(tmp_path / "second.zip"))
    assert result.code == 2 and "give the passphrase" in result.err

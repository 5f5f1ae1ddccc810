"""desk verify on a real package (every payload file damaged in turn, deleted, added, bag-info edited) and
desk audit verify (edited, deleted, reordered entries; a cut-off end found through a package's anchor)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from desk.models import AuditEntry
from tests.conftest import DeskEnv
from tests.integration.archive_cases import archived, execute
from tests.unit.archive.package_samples import Entries, payload, rezip


@pytest.fixture
def package(desk_env: DeskEnv, tmp_path: Path) -> Path:
    out = tmp_path / "p.zip"
    archived(desk_env, "general_clean", out)
    return out


def test_every_flipped_byte_deletion_addition_and_bag_info_edit_is_caught(
        desk_env: DeskEnv, package: Path, tmp_path: Path) -> None:
    assert desk_env.run("verify", str(package)).code == 0
    names = payload(package)
    assert len(names) == 2 + 2 * 11 + 2
    damaged = tmp_path / "damaged.zip"
    for name in names:
        def flip(e: Entries, name: str = name) -> None:
            data = bytearray(e[name])
            data[len(data) // 2] ^= 0x01
            e[name] = bytes(data)

        result = desk_env.run("verify", str(rezip(package, damaged, flip)))
        assert result.code == 1
        assert result.out.splitlines()[:-1] == [f"damaged: {name} (sha256, sm3)"]
    result = desk_env.run("verify", str(rezip(package, damaged, lambda e: e.pop(names[5]))))
    assert (result.code, f"missing: {names[5]}" in result.out) == (1, True)
    result = desk_env.run("verify", str(rezip(package, damaged, lambda e: e.update({"data/添加.txt": b"x"}))))
    assert (result.code, "extra: data/添加.txt" in result.out) == (1, True)
    result = desk_env.run("verify", str(rezip(package, damaged, lambda e: e.update(
        {"bag-info.txt": e["bag-info.txt"].replace(b"Retention: 30y", b"Retention: 10y")}))))
    assert (result.code, "damaged: bag-info.txt" in result.out) == (1, True)


def test_verify_opens_no_database(package: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                  desk_env: DeskEnv) -> None:
    elsewhere = tmp_path / "no-home"
    monkeypatch.setenv("DESK_HOME", str(elsewhere))
    monkeypatch.setenv("DESK_DATABASE_URL", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert desk_env.run("verify", str(package)).code == 0
    assert not elsewhere.exists()


def _last_id(env: DeskEnv) -> int:
    with env.uow(write=False) as uow:
        return int(uow.session.scalar(select(func.max(AuditEntry.id))) or 0)


def test_audit_verify_finds_edited_deleted_and_reordered_entries(desk_env: DeskEnv, package: Path) -> None:
    intact = desk_env.run("audit", "verify")
    assert (intact.code, intact.out) == (0, "The audit log is intact.\n")
    execute(desk_env, "UPDATE audit_log SET actor = 'someone else' WHERE id = 2")
    result = desk_env.run("audit", "verify")
    assert result.code == 1
    assert result.out.splitlines() == ["audit entry 2: edited (its content no longer matches its hash)",
                                       "The audit log has 1 problem(s)."]
    execute(desk_env, "DELETE FROM audit_log WHERE id = 3")
    assert "audit entry 4: the chain breaks before it" in desk_env.run("audit", "verify").out


def test_audit_verify_finds_a_reordered_entry(desk_env: DeskEnv, package: Path) -> None:
    last = _last_id(desk_env)
    execute(desk_env, f"UPDATE audit_log SET id = {last + 1} WHERE id = 2")  # entry 2 moved to the end
    result = desk_env.run("audit", "verify")
    assert result.code == 1
    assert "audit entry 3: the chain breaks before it" in result.out
    assert f"audit entry {last + 1}: the chain breaks before it" in result.out


def test_a_cut_off_end_is_found_through_the_package_anchor(desk_env: DeskEnv, package: Path) -> None:
    assert desk_env.run("audit", "verify", "--anchor", str(package)).code == 0
    last = _last_id(desk_env)
    execute(desk_env, f"DELETE FROM audit_log WHERE id = {last}")  # the case_archived entry
    result = desk_env.run("audit", "verify")  # the package's signed record in the database holds its anchor
    assert result.code == 1 and f"audit entry {last}: missing or changed" in result.out
    execute(desk_env, "DELETE FROM package_seal")  # and with the record gone, that the record is gone
    result = desk_env.run("audit", "verify")
    assert result.code == 1 and "has no signed package record" in result.out
    result = desk_env.run("audit", "verify", "--anchor", str(package))
    assert result.code == 1
    assert f"audit entry {last}: missing or changed since an archive package recorded it" in result.out

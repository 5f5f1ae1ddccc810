"""desk archive: the gate, the archive number, the package, on every backend."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import bagit
import pytest
from sqlalchemy import select

from desk.db.uow import unit_of_work
from desk.models import Agency, Case
from desk.services import evidence, store
from desk.services.archiving import archive
from tests.conftest import DeskEnv
from tests.integration.archive_cases import archived, imported, snapshot
from tests.integration.fit_to_serve import SETTINGS

YEAR = date.today().year


def test_clean_case_archives_into_a_valid_package(desk_env: DeskEnv, tmp_path: Path) -> None:
    out = tmp_path / "packages" / "案卷.zip"
    case_id, number = archived(desk_env, "general_clean", out)
    assert number == f"{YEAR}0001"
    assert desk_env.run("verify", str(out)).code == 0
    bag_dir = tmp_path / "unzipped"
    zipfile.ZipFile(out).extractall(bag_dir)
    bag = bagit.Bag(str(bag_dir))
    bag.validate()
    assert bag.info["Archive-Number"] == number
    assert bag.info["Case-Number"] == "东综执立字〔2026〕21号"
    assert bag.info["Retention"] == "30y"
    assert bag.info["Source-Organization"] == "江城市东湖区综合行政执法局"
    with desk_env.uow(write=False) as uow:
        case = uow.session.get(Case, int(case_id))
        assert case is not None
        assert (case.status, case.archive_number, case.retention) == ("archived", number, "30y")
        assert case.archived_at is not None
    assert list(out.parent.iterdir()) == [out]  # no temporary file left beside it


def test_package_holds_volumes_documents_evidence_metadata_and_events(desk_env: DeskEnv, tmp_path: Path) -> None:
    case_id = imported(desk_env, "general_clean")
    photo = tmp_path / "现场照片.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 64)
    with unit_of_work(desk_env.url, actor="陈建国") as uow:
        evidence.add_attachment(uow, case_id, photo, title="现场照片", kind="photo", made_on=date(2026, 3, 2),
                                made_by="陈建国")
    out = tmp_path / "p.zip"
    assert desk_env.run("archive", case_id, "-o", str(out)).code == 0
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        meta = json.loads(zf.read("data/metadata.json"))
        assert zf.read("data/evidence/14-现场照片.jpg") == photo.read_bytes()  # byte for byte
    assert [n for n in names if n.startswith("data/dossier/")] == ["data/dossier/01-正卷.pdf",
                                                                  "data/dossier/02-副卷.pdf"]
    docs = [n for n in names if n.startswith("data/documents/")]
    assert len(docs) == 2 * 11  # 11 issued documents, each as DOCX and PDF
    assert "data/documents/10-行政处罚决定书-东综执罚决字〔2026〕21号.pdf" in docs
    assert {"data/metadata.xml", "data/metadata.json", "manifest-sm3.txt", "tagmanifest-sha256.txt"} <= set(names)
    case = meta["case"]
    assert case["archive_number"] == f"{YEAR}0001" and case["retention"] == "30年"
    assert case["decision_number"] == "东综执罚决字〔2026〕21号"
    described = {f["path"] for f in meta["files"]}
    assert described == {n for n in names if n.startswith("data/") and not n.startswith("data/metadata.")}
    decision = next(f for f in meta["files"] if f["number"] == "东综执罚决字〔2026〕21号")
    assert decision["date"] == "20260324" and decision["pages"] >= 1 and decision["responsible"]
    assert set(decision["checksums"]) == {"sha256", "sm3"}
    codes = [e["code"] for e in meta["events"]]
    assert codes == ["case_imported", "evidence_added", "case_checked", "dossier_bound", "case_archived"]
    assert all(e["desk_version"] and e["actor"] and e["at"] for e in meta["events"])


def test_issued_and_served_documents_are_in_the_event_log(desk_env: DeskEnv, tmp_path: Path) -> None:
    case_id = imported(desk_env, "general_clean")
    assert desk_env.run("settings", "set", *SETTINGS).code == 0  # the contact a notice prints
    doc = desk_env.run("draft", case_id, "inquiry_notice", "--set", "inquiry_at=2026-03-05T09:00",
                       "--set", "inquiry_place=东湖街道中队").out.strip()
    assert desk_env.run("issue", doc, "--on", "2026-03-04").code == 0
    assert desk_env.run("serve", doc, "--on", "2026-03-04", "--method", "direct", "--receiver", "周海涛").code == 0
    out = tmp_path / "p.zip"
    assert desk_env.run("archive", case_id, "-o", str(out)).code == 0
    events = json.loads(zipfile.ZipFile(out).read("data/metadata.json"))["events"]
    issued = [e for e in events if e["code"] == "document_issued"]
    assert [e["document"] for e in issued] == ["东综执询字〔2026〕1号", "送达回证"]
    assert any(e["code"] == "document_served" and e["document"] == "东综执询字〔2026〕1号" for e in events)
    assert events[-1]["code"] == "case_archived"


def test_case_with_a_blocker_is_refused_and_nothing_changes(desk_env: DeskEnv, tmp_path: Path) -> None:
    case_id = imported(desk_env, "hearing_right_missing")
    before = snapshot(desk_env)
    out = tmp_path / "packages" / "p.zip"
    result = desk_env.run("archive", case_id, "-o", str(out))
    assert result.code == 1
    assert "R-HEARING-RIGHT" in result.err and "R-NOTICE-WAIT" in result.err
    assert not out.parent.exists()
    assert snapshot(desk_env) == before


def test_serial_counts_archived_cases_and_retention_can_be_chosen(desk_env: DeskEnv, tmp_path: Path) -> None:
    _, first = archived(desk_env, "general_clean", tmp_path / "1.zip")
    _, second = archived(desk_env, "hearing_clean", tmp_path / "2.zip", "--retention", "permanent")
    assert (first, second) == (f"{YEAR}0001", f"{YEAR}0002")
    info = zipfile.ZipFile(tmp_path / "2.zip").read("bag-info.txt").decode()
    assert "Retention: permanent" in info


def test_archive_pattern_is_the_agency_setting(desk_env: DeskEnv, tmp_path: Path) -> None:
    case_id = imported(desk_env, "general_clean")
    with desk_env.uow() as uow:
        case = uow.session.scalars(select(Case).where(Case.id == int(case_id))).one()
        agency = uow.session.get(Agency, case.agency_id)
        assert agency is not None
        agency.archive_pattern = "{agency}-{year}-{seq:03}"
    result = desk_env.run("archive", case_id, "-o", str(tmp_path / "p.zip"))
    assert (result.code, result.out.strip()) == (0, f"东综执-{YEAR}-001")


def test_existing_output_is_never_overwritten(desk_env: DeskEnv, tmp_path: Path) -> None:
    case_id = imported(desk_env, "general_clean")
    out = tmp_path / "p.zip"
    out.write_bytes(b"someone else's file")
    result = desk_env.run("archive", case_id, "-o", str(out))
    assert result.code == 2
    assert out.read_bytes() == b"someone else's file"


def test_two_desktops_archiving_at_once_draw_different_numbers(desk_env: DeskEnv, tmp_path: Path) -> None:
    cases = [imported(desk_env, "general_clean"), imported(desk_env, "hearing_clean")]
    env = {**os.environ, "DESK_DATABASE_URL": desk_env.url, "DESK_HOME": str(desk_env.home), "DESK_LANG": "en"}
    procs = [subprocess.Popen([sys.executable, "-m", "desk", "archive", case, "-o", str(tmp_path / f"{case}.zip")],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for case in cases]
    results = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err for _, err in results]
    assert sorted(out.strip() for out, _ in results) == [f"{YEAR}0001", f"{YEAR}0002"]


def test_a_damaged_evidence_store_refuses_and_changes_nothing(desk_env: DeskEnv, tmp_path: Path) -> None:
    case_id = imported(desk_env, "general_clean")
    photo = tmp_path / "照片.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 the photo as taken")
    with unit_of_work(desk_env.url, actor="陈建国") as uow:
        evidence.add_attachment(uow, case_id, photo, title="现场照片", kind="photo")
    stored = store.path_of(hashlib.sha256(photo.read_bytes()).hexdigest())
    stored.chmod(0o644)
    stored.write_bytes(b"\xff\xd8\xff\xe0 rotted on disk")
    before = snapshot(desk_env)
    out = tmp_path / "p.zip"
    result = desk_env.run("archive", case_id, "-o", str(out))
    assert result.code == 1
    assert "no longer matches its checksum" in result.err
    assert snapshot(desk_env) == before
    assert list(tmp_path.glob("*.zip")) == [] and list(tmp_path.glob(".p.zip.*")) == []


def test_the_package_is_named_only_after_the_commit_and_goes_on_rollback(desk_env: DeskEnv, tmp_path: Path) -> None:
    case_id = imported(desk_env, "general_clean")
    before = snapshot(desk_env)
    out = tmp_path / "p.zip"
    with pytest.raises(RuntimeError), unit_of_work(desk_env.url, actor="cli") as uow:
        archive(uow, case_id, out=out)
        assert not out.exists() and len(list(tmp_path.glob(".p.zip.*.part"))) == 1  # written, not yet named
        raise RuntimeError("the commit never comes")
    assert not out.exists() and list(tmp_path.glob("*p.zip*")) == []
    assert snapshot(desk_env) == before
    with unit_of_work(desk_env.url, actor="cli") as uow:
        archive(uow, case_id, out=out)
    with unit_of_work(desk_env.url, write=False) as uow:
        case = uow.session.get(Case, int(case_id))
        assert case is not None and case.package_sha256 == hashlib.sha256(out.read_bytes()).hexdigest()

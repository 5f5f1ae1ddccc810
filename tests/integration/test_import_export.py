"""desk import / export against the shared samples and our own bad inputs, on every backend."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.conftest import SAMPLES, DeskEnv

CASES = sorted(p for p in (SAMPLES / "cases").glob("*.json") if not p.name.endswith(".expect.json"))
BAD = sorted(p for p in (SAMPLES / "bad").glob("*.json"))


def count(env: DeskEnv) -> int:
    result = env.run("cases", "--json")
    assert result.code == 0, result.err
    return len(json.loads(result.out))


@pytest.mark.parametrize("sample", CASES, ids=lambda p: p.stem)
def test_sample_imports_and_round_trips_byte_identical(desk_env: DeskEnv, sample: Path, tmp_path: Path) -> None:
    first = desk_env.run("import", str(sample))
    assert first.code == 0, first.err
    case_id = first.out.strip()
    exported = desk_env.run("export", case_id)
    assert exported.code == 0
    # the export says what the sample says, key for key
    assert json.loads(exported.out) == json.loads(sample.read_text(encoding="utf-8"))
    # export → import (into a fresh database) → export is byte-identical
    again = tmp_path / "again.json"
    again.write_text(exported.out, encoding="utf-8")
    desk_env.run("export", case_id, "-o", str(tmp_path / "first.json"))
    from desk.db.uow import unit_of_work
    from desk.models import Case

    with unit_of_work(desk_env.url) as uow:  # free the numbers: delete the case, then re-import the export
        uow.session.delete(uow.session.get(Case, int(case_id)))
        from desk.models import NumberLog

        for row in uow.session.scalars(select(NumberLog)):
            uow.session.delete(row)
    second = desk_env.run("import", str(again))
    assert second.code == 0, second.err
    assert desk_env.run("export", second.out.strip()).out == exported.out


@pytest.mark.parametrize("bad", BAD, ids=lambda p: p.stem)
def test_shared_bad_input_refused(desk_env: DeskEnv, bad: Path) -> None:
    if bad.stem == "duplicate_number":
        assert desk_env.run("import", str(SAMPLES / "cases" / "general_clean.json")).code == 0
    before = count(desk_env)
    result = desk_env.run("import", str(bad))
    assert result.code == 2
    assert (SAMPLES / "bad" / f"{bad.stem}.expect.txt").read_text(encoding="utf-8").strip() in result.err
    assert "Traceback" not in result.err
    assert count(desk_env) == before


def test_counters_move_past_imported_numbers(desk_env: DeskEnv) -> None:
    from desk.models import Agency
    from desk.services import numbering

    assert desk_env.run("import", str(SAMPLES / "cases" / "general_clean.json")).code == 0
    with desk_env.uow() as uow:
        agency = uow.session.scalars(select(Agency)).one()
        assert numbering.peek(uow, agency, "罚决", 2026) == "东综执罚决字〔2026〕22号"
        assert numbering.allocate(uow, agency, "立", 2026, document_id=None) == ("东综执立字〔2026〕22号", 22)
        assert numbering.peek(uow, agency, "罚决", 2027) == "东综执罚决字〔2027〕1号"


def test_duplicate_against_database_refused_and_nothing_changed(desk_env: DeskEnv) -> None:
    sample = SAMPLES / "cases" / "general_clean.json"
    assert desk_env.run("import", str(sample)).code == 0
    result = desk_env.run("import", str(sample))
    assert result.code == 2
    assert "东综执罚决字〔2026〕21号" in result.err
    assert count(desk_env) == 1


def test_evidence_files_are_stored_by_checksum_and_exported(desk_env: DeskEnv, tmp_path: Path) -> None:
    import hashlib

    raw = json.loads((SAMPLES / "cases" / "general_clean.json").read_text(encoding="utf-8"))
    (tmp_path / "files").mkdir()
    photo = b"%PDF-1.4 fake evidence bytes"
    (tmp_path / "files" / "photos.pdf").write_bytes(photo)
    raw["attachments"] = [{"title": "现场照片", "kind": "photo", "made_on": "2026-03-02", "made_by": "陈建国",
                           "pages": 2, "file": "files/photos.pdf"}]
    src = tmp_path / "case.json"
    src.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    case_id = desk_env.run("import", str(src)).out.strip()
    digest = hashlib.sha256(photo).hexdigest()
    assert (desk_env.home / "store" / digest[:2] / digest).read_bytes() == photo
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    assert desk_env.run("export", case_id, "-o", str(out_dir / "case.json")).code == 0
    exported = json.loads((out_dir / "case.json").read_text(encoding="utf-8"))
    rel = exported["attachments"][0]["file"]
    assert (out_dir / rel).read_bytes() == photo


def test_cases_json_shape(desk_env: DeskEnv) -> None:
    desk_env.run("import", str(SAMPLES / "cases" / "summary_over_limit.json"))
    rows = json.loads(desk_env.run("cases", "--json").out)
    assert {"id", "number", "cause", "party", "procedure", "outcome", "status"} <= set(rows[0])
    assert rows[0]["party"] == "郑小军" and rows[0]["procedure"] == "summary"
    assert json.loads(desk_env.run("cases", "--json", "--search", "郑小").out)[0]["id"] == rows[0]["id"]
    assert json.loads(desk_env.run("cases", "--json", "--search", "nobody").out) == []

"""Pre-numbered forms: blocks registered and handed to squads, forms entered in any order, spoiled forms,
the reconciliation of a block (every number once) and its sign-off (核销)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from desk.models import Document, FormBlock, FormSpoiled, NumberLog
from tests.conftest import DeskEnv
from tests.integration.forms_setup import EAST, ON, SOUTH, agency_with_two_squads, draft_summary

N = "东综执简罚决字〔2026〕{}号"
ROOT = Path(__file__).resolve().parents[2]


def _blocks(env: DeskEnv) -> dict[int, dict[str, object]]:
    result = env.run("forms", "list", "--json")
    assert result.code == 0, result.err
    return {row["id"]: row for row in json.loads(result.out)}


def _snapshot(env: DeskEnv) -> tuple[object, ...]:
    with env.uow(write=False) as uow:
        s = uow.session
        return (
            [(b.id, b.first_seq, b.last_seq, b.squad, b.officer_id, b.signed_off_at) for b in s.scalars(
                select(FormBlock).order_by(FormBlock.id))],
            [(x.block_id, x.seq) for x in s.scalars(select(FormSpoiled))],
            [(d.id, d.status, d.number) for d in s.scalars(select(Document).order_by(Document.id))],
            len(list(s.scalars(select(NumberLog)))),
        )


def _refused(env: DeskEnv, *args: str, says: str) -> None:
    before = _snapshot(env)
    result = env.run(*args)
    assert result.code == 2, (result.code, result.out, result.err)
    assert says in result.err and len(result.err.strip().splitlines()) == 1 and "Traceback" not in result.err
    assert _snapshot(env) == before


def test_blocks_forms_in_any_order_spoiled_and_reconciled(desk_env: DeskEnv, tmp_path: Path) -> None:
    east_case, south_case = agency_with_two_squads(desk_env, tmp_path)
    east = desk_env.run("forms", "add", "--code", "简罚决", "--year", "2026", "--from", "501", "--to", "506",
                        "--squad", EAST)
    south = desk_env.run("forms", "add", "--code", "简罚决", "--year", "2026", "--from", "601", "--to", "610",
                         "--officer", "王磊")
    assert east.code == 0 and south.code == 0, (east.err, south.err)
    east_id, south_id = int(east.out), int(south.out)
    blocks = _blocks(desk_env)
    assert (blocks[east_id]["squad"], blocks[east_id]["officer"]) == (EAST, None)
    assert (blocks[south_id]["squad"], blocks[south_id]["officer"]) == (SOUTH, "王磊")
    assert blocks[east_id]["next"] == N.format(501) and blocks[east_id]["unused"] == list(range(501, 507))

    # out of order within the block: 503, then the printed number of 501, then the proposed next (502)
    first = draft_summary(desk_env, east_case)
    assert desk_env.run("issue", first, "--on", ON, "--form", "503").out.strip() == N.format(503)
    second = draft_summary(desk_env, east_case)
    assert desk_env.run("issue", second, "--on", ON, "--form", N.format(501)).out.strip() == N.format(501)
    assert _blocks(desk_env)[east_id]["next"] == N.format(502)
    third = draft_summary(desk_env, east_case)
    assert desk_env.run("issue", third, "--on", ON).out.strip() == N.format(502)

    # refused: another squad's block, a used number, a number outside any block, malformed
    fourth = draft_summary(desk_env, east_case)
    _refused(desk_env, "issue", fourth, "--on", ON, "--form", "605", says="held by 珞南街道中队 / 王磊")
    _refused(desk_env, "issue", fourth, "--on", ON, "--form", "503", says=f"{N.format(503)} is used already")
    _refused(desk_env, "issue", fourth, "--on", ON, "--form", "777", says="belongs to no registered block")
    _refused(desk_env, "issue", fourth, "--on", ON, "--form", "五〇四", says="--form: “五〇四” is not a form number")
    _refused(desk_env, "issue", fourth, "--on", ON, "--form", "东综执罚决字〔2026〕504号",
             says="is not a form of this kind and year")

    # spoil 504 (its number stays spent: never proposed, refused when entered); a used form cannot be spoiled
    _refused(desk_env, "forms", "spoil", "503", "--reason", "污损", says=f"{N.format(503)} is used already")
    assert desk_env.run("forms", "spoil", N.format(504), "--reason", "填写错误，当场作废").code == 0
    _refused(desk_env, "forms", "spoil", "504", "--reason", "又丢了", says="was voided as spoiled")
    _refused(desk_env, "issue", fourth, "--on", ON, "--form", "504", says="was voided as spoiled (填写错误，当场作废)")
    assert desk_env.run("issue", fourth, "--on", ON).out.strip() == N.format(505)

    # the other squad's case takes its officer's block
    south_doc = draft_summary(desk_env, south_case)
    assert desk_env.run("issue", south_doc, "--on", ON, "--form", "608").out.strip() == N.format(608)

    row = _blocks(desk_env)[east_id]
    assert (row["used"], row["spoiled"], row["unused"]) == ([501, 502, 503, 505], [504], [506])
    with desk_env.uow(write=False) as uow:
        log = {(r.seq, r.action) for r in uow.session.scalars(select(NumberLog).where(NumberLog.code == "简罚决"))}
    assert log == {(503, "issued"), (501, "issued"), (502, "issued"), (504, "spoiled"), (505, "issued"),
                   (608, "issued")}

    report = json.loads(desk_env.run("forms", "report", str(east_id), "--json").out)
    states = [(x["seq"], x["state"]) for x in report["lines"]]
    assert states == [(501, "used"), (502, "used"), (503, "used"), (504, "spoiled"), (505, "used"), (506, "unused")]
    assert (report["lines"][0]["case"], report["lines"][0]["party"]) == ("东综执立字〔2026〕91号", "郑小军")
    assert report["lines"][3]["note"] == "填写错误，当场作废"

    # sign-off refused while 506 is unused (exit 1, nothing changed), accepted once it is spoiled
    refused = desk_env.run("forms", "signoff", str(east_id), "--by", "李局长")
    assert refused.code == 1 and "1 number(s) are unused (506)" in refused.err
    assert _blocks(desk_env)[east_id]["signed_off_at"] is None
    assert desk_env.run("forms", "spoil", "506", "--reason", "遗失").code == 0
    assert desk_env.run("forms", "signoff", str(east_id), "--by", "李局长").code == 0
    row = _blocks(desk_env)[east_id]
    assert row["signed_off_by"] == "李局长" and row["next"] is None
    _refused(desk_env, "forms", "hand", str(east_id), "--squad", SOUTH, says="was signed off (核销) by 李局长")

    xlsx, pdf = tmp_path / "block.xlsx", tmp_path / "block.pdf"
    assert desk_env.run("forms", "report", str(east_id), "--xlsx", str(xlsx), "--pdf", str(pdf)).code == 0
    text = "".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
    assert [text.count(N.format(seq)) for seq in range(501, 507)] == [1] * 6
    assert "李局长" in text and "填写错误" in text and "Used 4, spoiled 2, unused 0" in text
    ws = load_workbook(xlsx).active
    assert ws is not None
    rows = [r for r in ws.iter_rows(min_row=4, values_only=True)]
    assert [(r[0], r[1], r[2]) for r in rows] == [
        (501, N.format(501), "used"), (502, N.format(502), "used"), (503, N.format(503), "used"),
        (504, N.format(504), "spoiled"), (505, N.format(505), "used"), (506, N.format(506), "spoiled")]


def test_pre_numbered_kind_needs_a_held_block(desk_env: DeskEnv, tmp_path: Path) -> None:
    east_case, _ = agency_with_two_squads(desk_env, tmp_path)
    doc = draft_summary(desk_env, east_case)
    _refused(desk_env, "issue", doc, "--on", ON, says="No unused 简罚决 form of 2026 is held")
    # a block held by the other squad is no help; handed to the case's officer, it is
    block = desk_env.run("forms", "add", "--code", "简罚决", "--year", "2026", "--from", "1", "--to", "2",
                         "--squad", SOUTH).out.strip()
    _refused(desk_env, "issue", doc, "--on", ON, says="No unused 简罚决 form of 2026 is held")
    assert desk_env.run("forms", "hand", block, "--officer", "刘晓燕").code == 0
    assert _blocks(desk_env)[int(block)]["squad"] == EAST
    assert desk_env.run("issue", doc, "--on", ON).out.strip() == N.format(1)
    # once a block's numbers are all spent, nothing is left to propose
    assert desk_env.run("forms", "spoil", "2", "--reason", "污损").code == 0
    _refused(desk_env, "issue", draft_summary(desk_env, east_case), "--on", ON, says="No unused 简罚决 form")


def test_bad_block_input_names_the_field(desk_env: DeskEnv, tmp_path: Path) -> None:
    east_case, _ = agency_with_two_squads(desk_env, tmp_path)
    add = ("forms", "add", "--code", "简罚决", "--year", "2026")
    assert desk_env.run(*add, "--from", "101", "--to", "150", "--squad", EAST).code == 0
    _refused(desk_env, *add, "--from", "150", "--to", "101", says="--from 150 is after --to 101")
    _refused(desk_env, *add, "--from", "140", "--to", "160", says="--from/--to: 140–160 overlaps block")
    _refused(desk_env, *add, "--from", "1x", "--to", "20", says="--from: “1x” is not a whole number")
    _refused(desk_env, *add, "--from", "200", "--to", "10200", says="--from/--to: 10001 forms in one block")
    _refused(desk_env, *add, "--from", "1", "--to", "20", "--squad", "汉口中队", says="--squad: no squad “汉口中队”")
    _refused(desk_env, *add, "--from", "1", "--to", "20", "--officer", "张三", says="--officer: no officer “张三”")
    _refused(desk_env, "forms", "add", "--code", "罚款", "--year", "2026", "--from", "1", "--to", "2",
             says="--code: “罚款” is no document number code")
    _refused(desk_env, "forms", "add", "--code", "简罚决", "--year", "26", "--from", "1", "--to", "2",
             says="--year: “26” is not a whole number from 2000 to 2099")
    _refused(desk_env, "forms", "spoil", "102", "--reason", " ", says="Say why the form is voided")
    _refused(desk_env, "forms", "hand", "99", "--squad", EAST, says="No form block “99”")
    _refused(desk_env, "forms", "hand", "1", says="Say whom the block goes to")
    _refused(desk_env, "forms", "spoil", "999", "--reason", "遗失", says="NUMBER: 999 belongs to no registered block")
    _refused(desk_env, "forms", "spoil", "第102号", "--reason", "遗失", says="NUMBER: “第102号” is not a form number")
    consent = desk_env.run("draft", east_case, "service_address_confirmation").out.strip()
    _refused(desk_env, "issue", consent, "--form", "102", says="--form: a 送达地址确认书 carries no number")


def test_counter_numbers_are_not_registered_as_forms(desk_env: DeskEnv, tmp_path: Path) -> None:
    """A kind the agency does not mark pre-numbered takes the counter while no block of its code is registered;
    a block over spent numbers is refused."""
    from desk.models import Agency

    east_case, _ = agency_with_two_squads(desk_env, tmp_path)
    with desk_env.uow() as uow:
        agency = uow.session.scalars(select(Agency)).one()
        agency.settings = {**agency.settings, "pre_numbered_kinds": []}
    doc = draft_summary(desk_env, east_case)
    assert desk_env.run("issue", doc, "--on", ON).out.strip() == N.format(1)
    _refused(desk_env, "forms", "add", "--code", "简罚决", "--year", "2026", "--from", "1", "--to", "50",
             "--squad", EAST, says="includes numbers already spent (up to 1)")
    # once a block of the code and year is registered, the counter stops: it could run into the block
    assert desk_env.run("forms", "add", "--code", "简罚决", "--year", "2026", "--from", "2", "--to", "3",
                        "--squad", EAST).code == 0
    assert desk_env.run("issue", draft_summary(desk_env, east_case), "--on", ON).out.strip() == N.format(2)


@pytest.mark.parametrize("mode", ["next", "race"])
def test_concurrent_desktops_never_share_a_form(desk_env: DeskEnv, tmp_path: Path, mode: str) -> None:
    """Desktops taking the next form, or racing for the same printed numbers, each spend a form once; the block
    ends with every number used or spoiled, none twice (the block row is locked in the issuing transaction)."""
    east_case, _ = agency_with_two_squads(desk_env, tmp_path)
    procs, each = (2, 6) if desk_env.backend == "sqlite" else (4, 4)
    first, last = 101, 100 + procs * each + 1  # one more number than the desktops issue: it is spoiled first
    assert desk_env.run("forms", "add", "--code", "简罚决", "--year", "2026", "--from", str(first), "--to",
                        str(last), "--squad", EAST).code == 0
    assert desk_env.run("forms", "spoil", str(first + 2), "--reason", "污损").code == 0
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    workers = [subprocess.Popen([sys.executable, "-m", "tests.integration.forms_worker", desk_env.url, east_case, mode,
                                 str(first), str(last), str(each)], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True) for _ in range(procs)]
    outputs = [w.communicate(timeout=600) for w in workers]
    assert all(w.returncode == 0 for w in workers), [err for _out, err in outputs]
    issued = [line for out, _err in outputs for line in out.split()]
    expected = [N.format(seq) for seq in range(first, last + 1) if seq != first + 2]
    assert sorted(issued) == sorted(expected) and len(issued) == len(set(issued))
    row = _blocks(desk_env)[1]
    assert (row["spoiled"], row["unused"]) == ([first + 2], [])
    with desk_env.uow(write=False) as uow:
        rows = uow.session.scalars(select(NumberLog).where(NumberLog.code == "简罚决"))
        log = sorted((r.seq, r.action) for r in rows)
    assert log == sorted([(seq, "issued") for seq in range(first, last + 1) if seq != first + 2]
                         + [(first + 2, "spoiled")])

"""Gapless numbering: many desktops on one database never skip or repeat a number."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from desk.models import Document, NumberLog
from desk.services import documents
from tests.conftest import FIXTURES, DeskEnv
from tests.integration.fit_to_serve import SETTINGS

ROOT = Path(__file__).resolve().parents[2]
RECTIFY = ("--set", "correction=立即清除倾倒的垃圾，恢复绿化带原状", "--set", "deadline=2026-11-27")
INQUIRY = ("--set", "inquiry_at=2026-11-25T09:30", "--set", "inquiry_place=东湖街道中队办公室",
           "--set", "contact_phone=027-87654321", "--set", "contact_address=江城市东湖区中北路88号")


def _case(env: DeskEnv) -> str:
    result = env.run("import", str(FIXTURES / "cases" / "general_clean.json"))
    assert result.code == 0, result.err
    assert env.run("settings", "set", *SETTINGS).code == 0  # the contact and payment the documents print
    return result.out.strip()


@pytest.mark.slow
def test_concurrent_desktops_get_gapless_unique_numbers(desk_env: DeskEnv) -> None:
    case_id = _case(desk_env)
    # every issue now runs the issue guard and renders its DOCX (a real desktop's issue): 400 and 800 concurrent
    # issues still race on the counter row thousands of times, in minutes rather than a quarter of an hour
    procs, each = (2, 200) if desk_env.backend == "sqlite" else (8, 100)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    workers = [
        subprocess.Popen([sys.executable, "-m", "tests.integration.numbering_worker", desk_env.url, case_id,
                          str(each), "inquiry_notice"], cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
        for _ in range(procs)
    ]
    errors = [w.communicate(timeout=900)[1] for w in workers]
    assert all(w.returncode == 0 for w in workers), errors
    with desk_env.uow(write=False) as uow:
        seqs = sorted(uow.session.scalars(select(Document.seq).where(Document.code == "询")))
        logged = sorted(uow.session.scalars(select(NumberLog.seq).where(NumberLog.code == "询")))
    assert seqs == list(range(1, procs * each + 1))
    assert logged == seqs


def test_voided_number_stays_spent_and_listed(desk_env: DeskEnv) -> None:
    case_id = _case(desk_env)
    first = desk_env.run("draft", case_id, "inquiry_notice", *INQUIRY).out.strip()
    assert desk_env.run("issue", first, "--on", "2026-11-20").out.strip() == "东综执询字〔2026〕1号"
    assert desk_env.run("void", "东综执询字〔2026〕1号", "--reason", "当事人姓名有误").code == 0
    second = desk_env.run("draft", case_id, "inquiry_notice", *INQUIRY).out.strip()
    assert desk_env.run("issue", second, "--on", "2026-11-20").out.strip() == "东综执询字〔2026〕2号"
    with desk_env.uow(write=False) as uow:
        log = [(r.seq, r.action) for r in uow.session.scalars(select(NumberLog).where(NumberLog.code == "询")
                                                               .order_by(NumberLog.id))]
        voided = documents.get(uow, "东综执询字〔2026〕1号")
        assert voided.status == "void" and voided.void_reason == "当事人姓名有误"
    assert log == [(1, "issued"), (1, "voided"), (2, "issued")]


def test_issue_needs_a_draft_and_serve_needs_issue(desk_env: DeskEnv) -> None:
    case_id = _case(desk_env)
    doc = desk_env.run("draft", case_id, "rectification_order", *RECTIFY).out.strip()
    served = desk_env.run("serve", doc, "--on", "2026-11-20", "--method", "direct")
    assert served.code == 2
    number = desk_env.run("issue", doc, "--on", "2026-11-20").out.strip()
    assert number == "东综执责改字〔2026〕1号"
    again = desk_env.run("issue", doc)
    assert again.code == 2 and "Traceback" not in again.err


def test_service_creates_a_receipt_naming_the_document(desk_env: DeskEnv) -> None:
    case_id = _case(desk_env)
    doc = desk_env.run("draft", case_id, "rectification_order", *RECTIFY).out.strip()
    number = desk_env.run("issue", doc, "--on", "2026-11-20").out.strip()
    assert desk_env.run("serve", number, "--on", "2026-11-20", "--method", "direct", "--receiver", "周海涛").code == 0
    with desk_env.uow(write=False) as uow:
        receipts = [d for d in documents.get(uow, number).case.documents
                    if d.kind == "service_receipt" and d.serves == number]
        assert len(receipts) == 1 and receipts[0].status == "issued" and receipts[0].receiver == "周海涛"
        served = documents.get(uow, number)
        assert (served.served_on, served.service) == (date(2026, 11, 20), "direct")


def test_electronic_service_needs_consent(desk_env: DeskEnv) -> None:
    case_id = _case(desk_env)
    doc = desk_env.run("draft", case_id, "rectification_order", *RECTIFY).out.strip()
    desk_env.run("issue", doc, "--on", "2026-11-20")
    refused = desk_env.run("serve", doc, "--on", "2026-11-20", "--method", "electronic")
    assert refused.code == 2 and "送达地址确认书" in refused.err
    consent = desk_env.run("draft", case_id, "service_address_confirmation").out.strip()
    assert desk_env.run("issue", consent, "--on", "2026-11-19").code == 0
    assert desk_env.run("serve", doc, "--on", "2026-11-20", "--method", "electronic").code == 0


def test_summary_forms_come_from_a_registered_block(desk_env: DeskEnv) -> None:
    case_id = _case(desk_env)
    block = desk_env.run("forms", "add", "--code", "简罚决", "--year", "2026", "--from", "501", "--to", "550",
                         "--squad", "东湖街道中队")
    assert block.code == 0, block.err
    doc = desk_env.run("draft", case_id, "summary_penalty_decision", "--set", "place=珞喻路128号门前").out.strip()
    assert desk_env.run("issue", doc, "--on", "2026-11-20").out.strip() == "东综执简罚决字〔2026〕501号"

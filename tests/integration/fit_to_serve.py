"""Shared by the fit-to-serve tests: a complete case, every kind issued for it, and the hole scan."""

from __future__ import annotations

import io
import re
from datetime import date

import docx
import pytest

from desk.catalogue import catalogue
from desk.services import documents
from desk.services.cases import load_casefile, resolve
from desk.services.demo_fields import fields_for
from tests.conftest import DeskEnv

ON = date(2026, 11, 20)
KINDS = sorted(catalogue())
# issuing a transfer or a no-penalty decision sets the case's outcome (and clears its penalty), a closing approval
# closes it (desk.services.lifecycle.after_issue): issued last, so every kind before them sees the case's penalty
LAST = ("no_penalty_decision", "case_transfer_letter", "criminal_transfer", "closing_approval")
ISSUE_ORDER = [k for k in KINDS if k not in LAST] + list(LAST)
SETTINGS = (
    "contact.person=陈建国", "contact.phone=027-87654321", "contact.address=江城市东湖区中北路88号",
    "payment.bank=中国农业银行江城东湖支行", "payment.account_name=江城市东湖区财政局非税收入汇缴结算户",
    "payment.account=17052101040012345", "payment.channel=湖北省非税收入电子缴款平台",
    "public_security=江城市公安局东湖分局", "transfer_to=江城市东湖区市场监督管理局",
)
HOLES = {
    "empty addressee or value": re.compile(r"^：|：[；。，、）]|：$"),
    "涉嫌构成 without a crime": re.compile(r"涉嫌构成[，。；]"),
    "empty brackets": re.compile(r"（）|《》|“”"),
    "〔〕 without a year": re.compile(r"〔〕"),
    "blank time": re.compile(r"(?<![0-9])时[　 ]+分"),
    "本机关认为 with nothing": re.compile(r"本机关认为[：，]\s*(。|$)"),
    "doubled words": re.compile(r"(涉嫌|依据|违反|规定|本机关|当事人|行政处罚)\1"),
    "a template tag left": re.compile(r"\{\{|\{%"),
}
# lines ending in "：" that lead a list or a hand-written signature
LEADS = re.compile(r"(附件|请携带|如下|下列[^：]*|签名|（签名）|签字|抄送|此致|证据证[明实]|：)$")


def docx_text(data: bytes) -> str:
    d = docx.Document(io.BytesIO(data))
    parts = [p.text for p in d.paragraphs]
    parts += [c.text for t in d.tables for row in t.rows for c in row.cells]
    return "\n".join(parts)


def holes(text: str) -> list[str]:
    found = []
    for line in text.splitlines():
        line = line.strip()
        for name, pattern in HOLES.items():
            if pattern.search(line) and not (name == "empty addressee or value" and line.endswith("：")
                                             and LEADS.search(line[:-1] + "：") and len(line) > 1):
                found.append(f"{name}: {line[:80]}")
    return found


def guard_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every kind issued on one day is no lawful procedure: these tests are about what a document states, so the
    issue guard's order rules are switched off (as in test_every_kind.py); completeness is still checked."""
    monkeypatch.setattr("desk.procedure.guard.guarded_rules", lambda kind_id: [])


def prepare(env: DeskEnv, sample: str = "hearing_clean") -> str:
    from tests.conftest import FIXTURES

    result = env.run("import", str(FIXTURES / "cases" / f"{sample}.json"))
    assert result.code == 0, result.err
    assert env.run("settings", "set", *SETTINGS).code == 0
    case_ref = result.out.strip()
    with env.uow(write=False) as uow:
        squad = resolve(uow, case_ref).squad
    # the 当场处罚决定书 is entered on a pre-printed form of a block the case's squad holds (forms, #20)
    added = env.run("forms", "add", "--code", "简罚决", "--year", "2026", "--from", "9001", "--to", "9050",
                    "--squad", squad)
    assert added.code == 0, added.err
    return case_ref


def complete_draft(env: DeskEnv, case_ref: str, kind_id: str) -> int:
    """A draft of ``kind_id`` with every required field filled as a clerk would (demo_fields)."""
    with env.uow() as uow:
        cf = load_casefile(uow, case_ref)
        doc = documents.draft(uow, case_ref, kind_id, today=ON)
        values = {k: v for k, v in fields_for(kind_id, cf, on=ON).items()
                  if (doc.fields or {}).get(k) in (None, "", [])}
        if values:
            documents.edit(uow, doc.id, values)
        return doc.id


def issue_text(env: DeskEnv, doc_id: int) -> tuple[str, str | None]:
    with env.uow() as uow:
        doc = documents.issue(uow, doc_id, on=ON)
        return docx_text(documents.docx_bytes(uow, doc.id)), doc.number

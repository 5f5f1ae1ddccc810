"""The binding plan: sections and order from a profile, receipts after what they serve, remarks for the 备考表."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from desk.casefile.facts import Attachment, CaseFile, Document
from desk.dossier.plan import REGENERATED, plan_volume
from desk.dossier.profile import load_profile
from desk.errors import UserError
from desk.services.cases import read_case_json
from tests.conftest import FIXTURES


@pytest.fixture
def hearing() -> CaseFile:
    return read_case_json(FIXTURES / "cases" / "hearing_clean.json")


def titles(cf: CaseFile, profile: str, volume: str) -> list[tuple[str, str]]:
    return [(i.section, i.title) for i in plan_volume(cf, load_profile(profile), volume).items]


def test_default_profile_binds_decision_first_and_receipts_after_what_they_serve(hearing: CaseFile) -> None:
    assert titles(hearing, "default", "main") == [
        ("处理决定", "行政处罚决定书"), ("处理决定", "行政处罚决定书送达回证"),
        ("送达当事人的文书", "行政处罚事先告知书"), ("送达当事人的文书", "行政处罚事先告知书送达回证"),
        ("送达当事人的文书", "听证通知书"), ("送达当事人的文书", "听证通知书送达回证"),
        ("立案", "立案审批表"), ("笔录", "现场检查（勘验）笔录"), ("笔录", "询问笔录"), ("笔录", "听证笔录"),
        ("执行与物品处理", "罚没款缴纳凭证登记")]
    assert [t for _, t in titles(hearing, "default", "sub")] == [
        "案件来源登记表", "案件调查终结报告", "听证报告", "重大执法决定法制审核意见书", "结案审批表"]


def test_chronological_profile_goes_by_stage_then_date(hearing: CaseFile) -> None:
    got = titles(hearing, "chronological", "main")
    assert [s for s, _ in got] == ["立案", "调查", "调查", *["审查"] * 5, "决定", "决定", "执行"]
    assert [t for _, t in got][3:8] == ["行政处罚事先告知书", "行政处罚事先告知书送达回证", "听证通知书",
                                         "听证通知书送达回证", "听证笔录"]


def test_only_issued_documents_are_bound_and_voided_ones_are_noted(hearing: CaseFile) -> None:
    docs = list(hearing.documents)
    old = replace(docs[7], status="void", number="东综执罚决字〔2026〕99号", void_reason="金额错误",
                  issued_on=date(2026, 4, 1))
    draft = replace(docs[0], status="draft")
    cf = replace(hearing, documents=(*docs, old, draft))
    plan = plan_volume(cf, load_profile("default"), "main")
    assert [i.number for i in plan.items].count("东综执罚决字〔2026〕99号") == 0
    assert len(plan.items) == 11 and all(i.note == REGENERATED for i in plan.items)
    assert [r.text for r in plan.remarks] == [
        "行政处罚决定书东综执罚决字〔2026〕99号已作废（金额错误），由东综执罚决字〔2026〕25号替代"]


def test_evidence_goes_in_its_section_and_what_cannot_be_bound_is_noted(hearing: CaseFile) -> None:
    atts = (Attachment("现场照片", kind="photo", made_on=date(2026, 3, 2), file="store:ab/p.jpg"),
            Attachment("营业执照", kind="identity", file="store:cd/licence.pdf"),
            Attachment("视频", kind="video", file="store:0123456789abcdef/v.mp4"),
            Attachment("扣押物品", kind="object"),
            Attachment("纸质书证", kind="documentary", pages=2))
    orphan = replace(hearing.documents[6], serves=None)  # a receipt that serves nothing any more
    cf = replace(hearing, attachments=atts, documents=(*hearing.documents[:6], orphan, *hearing.documents[7:]))
    plan = plan_volume(cf, load_profile("default"), "main")
    evidence = [(i.title, i.medium) for i in plan.items if i.section == "证据材料"]
    assert evidence == [("营业执照", "pdf"), ("现场照片", "image")]
    assert [(r.kind, r.text) for r in plan.remarks] == [
        ("missing", "行政处罚事先告知书东综执罚告字〔2026〕25号未见送达回证"),
        ("elsewhere", "视频：电子文件存于电子档案（SHA-256 0123456789ab…）"),
        ("elsewhere", "扣押物品：实物，由本机关另行保管"),
        ("missing", "纸质书证：未附电子件，未装订")]
    # the orphaned receipt is still bound, in the rest of its volume
    assert [(i.section, i.title) for i in plan.items][-1] == ("其他材料", "送达回证")


def test_an_agency_profile_in_desk_home_overrides(hearing: CaseFile, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESK_HOME", str(tmp_path))
    (tmp_path / "profiles").mkdir()
    (tmp_path / "profiles" / "ours.toml").write_text('''
[[volumes]]
id = "main"
[[volumes.sections]]
title = "全部"
rest = true
order = "date"
kinds = ["service_receipt", "closing_approval"]
[[volumes]]
id = "sub"
[[volumes.sections]]
title = "内部"
rest = true
''', encoding="utf-8")
    got = titles(hearing, "ours", "main")
    assert got[0] == ("全部", "现场检查（勘验）笔录") and got[-1] == ("全部", "结案审批表")
    assert sum(t == "送达回证" for _, t in got) == 3  # named explicitly: bound by date, not after what they serve
    assert "结案审批表" not in [t for _, t in titles(hearing, "ours", "sub")]


@pytest.mark.parametrize(("text", "problem"), [
    ("[[volumes]]\nid = 'main'\n", "exactly one section with rest = true"),
    ("[[volumes]]\nid = 'main'\n[[volumes.sections]]\ntitle='a'\nrest=true\n", "no [[volumes]] with id = “sub”"),
    ("[[volumes]]\nid = 'main'\n[[volumes.sections]]\ntitle='a'\nkinds=['nope']\n", "unknown kind “nope”"),
    ("[[volumes]]\nid = 'main'\n[[volumes.sections]]\ntitle='a'\norder='random'\n", "order of section “a”"),
    ("[[volumes]]\nid = 'main'\n[[volumes.sections]]\ntitle='a'\nwhen='x > 1'\n", "unknown key “when”"),
    ("volumes = [", "Invalid value"),
])
def test_a_bad_profile_is_refused_naming_the_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str,
                                                     problem: str) -> None:
    monkeypatch.setenv("DESK_HOME", str(tmp_path))
    (tmp_path / "profiles").mkdir()
    (tmp_path / "profiles" / "bad.toml").write_text(text, encoding="utf-8")
    with pytest.raises(UserError) as err:
        load_profile("bad")
    assert err.value.key == "dossier_profile_invalid" and problem in err.value.render("en")
    with pytest.raises(UserError, match="chronological, default"):
        load_profile("missing")


def test_draft_documents_are_never_bound(hearing: CaseFile) -> None:
    cf = replace(hearing, documents=tuple(replace(d, status="draft") for d in hearing.documents))
    assert plan_volume(cf, load_profile("default"), "main").items == []
    assert all(isinstance(d, Document) for d in cf.documents)

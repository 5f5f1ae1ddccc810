"""Rules of rules.md on both sides: review and decision (legal review, collective discussion, 90 days,
the decision's content, numbers, consistency)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest

from desk.casefile.facts import CaseFile
from desk.procedure.calendar import Day, shipped_calendar

from .cases import (
    add,
    change_case,
    change_doc,
    change_event,
    change_settings,
    d,
    decided_on,
    doc,
    drop_docs,
    drop_proven,
    event,
    findings,
    sample,
)


@pytest.fixture
def clean() -> CaseFile:
    return sample("general_clean")


# R-LEGAL-REVIEW
def test_legal_review_after_hearing() -> None:
    cf = sample("hearing_clean")
    assert findings(cf, "R-LEGAL-REVIEW") == []
    [missing] = findings(drop_docs(cf, "legal_review_opinion"), "R-LEGAL-REVIEW")
    assert missing.message == (
        "本案属于经过听证程序的案件，须有日期不晚于 2026-04-20 作出决定之日的重大执法决定法制审核意见书。"
    )
    [early] = findings(change_doc(cf, "legal_review_opinion", issued_on=d("2026-04-06")), "R-LEGAL-REVIEW")
    assert (early.due, early.actual) == (d("2026-04-07"), d("2026-04-06"))


def test_legal_review_major_case(clean: CaseFile) -> None:
    assert findings(clean, "R-LEGAL-REVIEW") == []
    major = change_case(clean, major=True)
    assert [f.message for f in findings(major, "R-LEGAL-REVIEW")] == [
        "本案属于重大执法决定，须有日期不晚于 2026-03-24 作出决定之日的重大执法决定法制审核意见书。"
    ]
    assert findings(add(major, doc("legal_review_opinion", "2026-03-23")), "R-LEGAL-REVIEW") == []


# R-COLLECTIVE
LEADERS = ("王局长", "李副局长")


def test_collective_complex_case(clean: CaseFile) -> None:
    complex_case = change_case(clean, complex=True)
    assert findings(clean, "R-COLLECTIVE") == []
    assert len(findings(complex_case, "R-COLLECTIVE")) == 1
    discussed = add(complex_case, doc("collective_discussion_record", "2026-03-23"),
                    event("collective_discussion", "2026-03-23", leaders=LEADERS))
    assert findings(discussed, "R-COLLECTIVE") == []
    by_fields = add(complex_case, doc("collective_discussion_record", "2026-03-23", fields={"leaders": list(LEADERS)}))
    assert findings(by_fields, "R-COLLECTIVE") == []


def test_collective_needs_two_leaders(clean: CaseFile) -> None:
    cf = add(change_case(clean, complex=True), doc("collective_discussion_record", "2026-03-23"),
             event("collective_discussion", "2026-03-23", leaders=LEADERS[:1]))
    [found] = findings(cf, "R-COLLECTIVE")
    assert found.message == "集体讨论笔录记载的负责人为 1 名，至少应为 2 名。"


def test_collective_mitigated_penalty_by_setting(clean: CaseFile) -> None:
    mitigated = change_case(clean, discretion=replace(clean.case.discretion, level="减轻"))
    assert len(findings(mitigated, "R-COLLECTIVE")) == 1
    assert findings(change_settings(mitigated, no_penalty_needs_collective=False), "R-COLLECTIVE") == []


# R-DECISION-90D
@pytest.mark.parametrize(("decided", "fails"), [("2026-06-01", False), ("2026-06-02", True)])
def test_decision_within_90_days(clean: CaseFile, decided: str, fails: bool) -> None:
    # filed 03-03 + 90 days = Mon 06-01
    found = findings(decided_on(clean, decided), "R-DECISION-90D")
    assert bool(found) is fails
    if fails:
        assert (found[0].due, found[0].actual) == (d("2026-06-01"), d("2026-06-02"))


def test_decision_limit_extended_only_in_time(clean: CaseFile) -> None:
    late = decided_on(clean, "2026-06-20")
    assert findings(add(late, event("extension_approved", "2026-05-25", days=30)), "R-DECISION-90D") == []
    assert findings(add(late, event("extension_approved", "2026-05-25")), "R-DECISION-90D") == []  # setting: 30
    assert len(findings(add(late, event("extension_approved", "2026-06-02")), "R-DECISION-90D")) == 1


@pytest.mark.parametrize(("decided", "fails"), [("2026-10-08", False), ("2026-10-09", True)])
def test_decision_limit_ending_on_holiday(clean: CaseFile, decided: str, fails: bool) -> None:
    cf = change_event(decided_on(clean, decided), "filed", on=d("2026-07-05"))  # + 90 = Sat 10-03, 国庆
    assert bool(findings(cf, "R-DECISION-90D")) is fails


def test_decision_limit_for_open_case(clean: CaseFile) -> None:
    undecided = drop_proven(drop_docs(clean, "penalty_decision"), "decided", "closed")
    assert findings(undecided, "R-DECISION-90D", today=d("2026-06-01")) == []
    assert [f.due for f in findings(undecided, "R-DECISION-90D", today=d("2026-06-02"))] == [d("2026-06-01")]


def test_decision_limit_without_calendar_year_is_a_finding(clean: CaseFile) -> None:
    # filed 2026-11-20: the 90 days end 2027-02-18, in a year the calendar has no data for
    in_time = change_event(decided_on(clean, "2026-12-01"), "filed", on=d("2026-11-20"))
    assert findings(in_time, "R-DECISION-90D") == []  # well within 90 days: no calendar needed
    late = change_event(decided_on(clean, "2027-02-19"), "filed", on=d("2026-11-20"))
    [found] = findings(late, "R-DECISION-90D")
    assert found.severity == "blocker"
    assert found.provisional and found.to_json()["provisional"] is True  # 2027 counted provisionally
    first = date(2027, 1, 1)
    year_2027 = shipped_calendar().with_overrides(
        [Day(first + timedelta(days=i), (first + timedelta(days=i)).weekday() < 5) for i in range(365)]
    )
    [counted] = findings(late, "R-DECISION-90D", calendar=year_2027)
    assert (counted.due, counted.actual) == (d("2027-02-18"), d("2027-02-19"))


# R-DECISION-CONTENT
def _fields(**changes: Any) -> dict[str, object]:
    fields: dict[str, object] = {
        "party_name": "江城市味香园餐饮管理有限公司",
        "party_kind": "organization",
        "party_uscc": "91420100MA4KXR2L0X",
        "party_address": "江城市东湖区珞喻路128号",
        "cause": "随意倾倒生活垃圾",
        "facts": "当事人于2026-03-02在珞喻路128号门前倾倒餐厨垃圾。",
        "evidence": ["现场检查笔录", "询问笔录"],
        "violated": ["《城市生活垃圾管理办法》第十六条第一款"],
        "basis": ["《城市生活垃圾管理办法》第四十二条"],
        "penalty_kinds": ["fine"],
        "fine": 5000,
        "performance": "持本决定书到指定银行缴纳罚没款",
        "reconsideration_body": "江城市东湖区人民政府",
        "court": "江城市东湖区人民法院",
    }
    return {**fields, **changes}


def test_decision_content_from_case_data(clean: CaseFile) -> None:
    assert findings(clean, "R-DECISION-CONTENT") == []
    bare = replace(clean, agency=replace(clean.agency, court="有管辖权的人民法院"))
    [found] = findings(bare, "R-DECISION-CONTENT")
    assert found.message == "处罚决定书应写明具体的人民法院，而不是“有管辖权的人民法院”。"
    unnamed = replace(clean, agency=replace(clean.agency, reconsideration_body=""))
    assert [f.message_en for f in findings(unnamed, "R-DECISION-CONTENT")] == [
        "The decision does not state: the reconsideration body."
    ]


def test_decision_content_from_fields(clean: CaseFile) -> None:
    assert findings(change_doc(clean, "penalty_decision", fields=_fields()), "R-DECISION-CONTENT") == []
    missing = change_doc(clean, "penalty_decision", fields=_fields(party_address="", fine=None))
    [found] = findings(missing, "R-DECISION-CONTENT")
    assert found.message == "处罚决定书未载明：当事人地址、罚款金额。"
    assert found.documents == ("东综执罚决字〔2026〕21号",)


@pytest.mark.parametrize(
    "change",
    [
        {"court": "江城市有管辖权的人民法院"},
        {"reconsideration_body": "上一级行政机关"},
        {"penalty_other": "拟处罚款5000元"},
    ],
)
def test_decision_content_fields_fail(clean: CaseFile, change: dict[str, object]) -> None:
    cf = change_doc(clean, "penalty_decision", fields=_fields(**change))
    assert len(findings(cf, "R-DECISION-CONTENT")) == 1


# R-NUMBER-FORMAT
def test_number_format_pass(clean: CaseFile) -> None:
    assert findings(clean, "R-NUMBER-FORMAT") == []


@pytest.mark.parametrize("number", ["东综执罚决字[2026]21号", "东综执罚告字〔2026〕30号", "东综执罚决字〔2026〕021号"])
def test_number_format_pattern_fails(clean: CaseFile, number: str) -> None:
    [found] = findings(change_doc(clean, "penalty_decision", number=number), "R-NUMBER-FORMAT")
    assert "东综执罚决字〔2026〕1号" in found.message


def test_number_used_twice_fails(clean: CaseFile) -> None:
    voided = doc("penalty_decision", "2026-03-20", number="东综执罚决字〔2026〕21号", status="void")
    [found] = findings(add(clean, voided), "R-NUMBER-FORMAT")
    assert found.message_en == "Number 东综执罚决字〔2026〕21号 is used by 2 documents."


# R-CONSISTENCY
def test_consistency(clean: CaseFile) -> None:
    same = change_doc(clean, "penalty_decision", fields=_fields(party_address="江城市东湖区 珞喻路128号"))
    assert findings(same, "R-CONSISTENCY") == []
    moved = change_doc(clean, "penalty_decision", fields=_fields(party_address="江城市东湖区珞喻路130号"))
    [found] = findings(moved, "R-CONSISTENCY")
    assert found.message == "以下文书中当事人地址与案件当事人信息不一致。"
    assert found.documents == ("东综执罚决字〔2026〕21号",)
    renamed = change_doc(clean, "penalty_prior_notice", fields={"party_name": "江城市味香园餐饮公司"})
    assert len(findings(renamed, "R-CONSISTENCY")) == 1

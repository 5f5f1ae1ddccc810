"""Rules of rules.md, each on both sides: officers, procedure, filing, investigation, notice and hearing.

Review/decision rules are in test_rules_decision.py, service and execution in test_rules_execution.py.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

import pytest

from desk.casefile.facts import CaseFile, Officer
from desk.procedure.checker import check
from desk.procedure.registry import PREDICATES
from desk.procedure.ruleset import rules
from tests.conftest import SHARED, needs_shared

from .cases import (
    add,
    change_case,
    change_doc,
    change_event,
    change_penalty,
    change_settings,
    d,
    decided_on,
    doc,
    drop_docs,
    drop_events,
    drop_proven,
    event,
    findings,
    rule_ids,
    sample,
)


@pytest.fixture
def clean() -> CaseFile:
    return sample("general_clean")


@needs_shared
def test_every_rule_of_rules_md_is_defined_and_registered() -> None:
    text = (SHARED / "domain" / "rules.md").read_text(encoding="utf-8")
    listed = dict(re.findall(r"^\| `(R-[A-Z0-9-]+)` \| (blocker|major|minor) \|", text, re.M))
    assert len(listed) == 37
    assert {rid: r.severity for rid, r in rules().items()} == listed
    assert set(PREDICATES) == set(listed)


def test_score_deducts_by_severity_from_settings_with_floor(clean: CaseFile) -> None:
    broken = drop_proven(clean, "closed", "published")  # R-CLOSING, R-COMPLETE blockers, R-PUBLISH major
    assert check(broken).score == 100 - 20 - 20 - 5
    assert check(change_settings(broken, deduction_blocker=99)).score == 0
    assert not check(broken).archivable


# R-OFFICERS
def test_officers_two_certified_pass(clean: CaseFile) -> None:
    two = [{"name": "陈建国", "certificate": "42010023001"}, {"name": "刘晓燕", "certificate": "42010023017"}]
    assert findings(change_doc(clean, "inquiry_record", fields={"officers": two}), "R-OFFICERS") == []


def test_officers_on_case_fail(clean: CaseFile) -> None:
    one = (Officer("陈建国", "42010023001"), Officer("刘晓燕", ""))
    assert [f.message for f in findings(change_case(clean, officers=one), "R-OFFICERS")] == [
        "本案载明执法证号的执法人员为 1 名，至少应为 2 名。"
    ]


def test_officers_on_record_fail(clean: CaseFile) -> None:
    cf = change_doc(clean, "inquiry_record", fields={"officers": [{"name": "陈建国", "certificate": "42010023001"}]})
    [found] = findings(cf, "R-OFFICERS")
    assert found.documents == ("inquiry_record",)


@pytest.mark.parametrize(
    ("listed", "count"),
    [(None, 0), ("陈建国:42010023001, 刘晓燕:42010023017", 2), ([{"name": "陈建国", "certificate": ""}], 0)],
)
def test_officers_field_forms(clean: CaseFile, listed: object, count: int) -> None:
    found = findings(change_doc(clean, "onsite_inspection_record", fields={"officers": listed}), "R-OFFICERS")
    assert bool(found) is (count < 2)


# R-SUMMARY-LIMIT
def test_summary_within_limit_is_clean() -> None:
    cf = change_penalty(sample("summary_over_limit"), fine=Decimal(200))
    assert rule_ids(cf) == set()


@pytest.mark.parametrize(
    ("kind", "fine", "as_org", "fails"),
    [
        ("organization", 3000, False, False),
        ("organization", 3001, False, True),
        ("individual_business", 1000, False, True),
        ("individual_business", 1000, True, False),
    ],
)
def test_summary_limit_by_party_kind(kind: str, fine: int, as_org: bool, fails: bool) -> None:
    cf = sample("summary_over_limit")
    cf = replace(cf, parties=(replace(cf.parties[0], kind=kind),))
    cf = change_settings(change_penalty(cf, fine=Decimal(fine)), individual_business_as_organization=as_org)
    assert bool(findings(cf, "R-SUMMARY-LIMIT")) is fails


def test_summary_limit_kind_fails() -> None:
    cf = change_penalty(sample("summary_over_limit"), kinds=("warning", "suspend_permit"), fine=None)
    assert [f.message_en for f in findings(cf, "R-SUMMARY-LIMIT")] == [
        "The summary procedure allows only a warning or a fine, not: suspension of a permit."
    ]


# R-SUMMARY-DOC
def test_summary_doc_pass() -> None:
    assert findings(sample("summary_over_limit"), "R-SUMMARY-DOC") == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"issued_on": d("2026-03-06"), "served_on": d("2026-03-06")}, "date"),
        ({"served_on": d("2026-03-06")}, "handed"),
        ({"service": "post"}, "handed"),
        ({"number": None}, "number"),
    ],
)
def test_summary_doc_fail(change: dict[str, object], message: str) -> None:
    cf = change_doc(sample("summary_over_limit"), "summary_penalty_decision", **change)
    [found] = findings(cf, "R-SUMMARY-DOC")
    assert found.template == rules()["R-SUMMARY-DOC"].messages[message]


def test_summary_doc_missing() -> None:
    cf = drop_docs(sample("summary_over_limit"), "summary_penalty_decision")
    assert [f.message for f in findings(cf, "R-SUMMARY-DOC")] == ["简易程序案件须有已签发的当场行政处罚决定书。"]


# R-LIMITATION
@pytest.mark.parametrize(
    ("committed", "endangering", "fails"),
    [
        ("2024-03-02", False, False),
        ("2024-03-01", False, True),
        ("2021-03-02", True, False),
        ("2021-03-01", True, True),
    ],
)
def test_limitation(clean: CaseFile, committed: str, endangering: bool, fails: bool) -> None:
    cf = change_case(clean, violation_on=d(committed), endangers_safety=endangering)
    found = findings(cf, "R-LIMITATION")
    assert bool(found) is fails
    if fails:
        assert found[0].actual == d("2026-03-02")


def test_limitation_needs_dates(clean: CaseFile) -> None:
    assert len(findings(change_case(clean, violation_on=None), "R-LIMITATION")) == 1


# R-FILING
def test_filing_pass(clean: CaseFile) -> None:
    assert findings(clean, "R-FILING") == []


def test_filing_inquiry_before_filing_fails(clean: CaseFile) -> None:
    [found] = findings(change_doc(clean, "inquiry_record", issued_on=d("2026-03-02")), "R-FILING")
    assert found.message_en == "Dated before the filing on 2026-03-03: Inquiry record."


def test_filing_second_inspection_before_filing_fails(clean: CaseFile) -> None:
    assert len(findings(add(clean, doc("onsite_inspection_record", "2026-03-02")), "R-FILING")) == 1


def test_filing_approval_missing_fails(clean: CaseFile) -> None:
    assert len(findings(drop_docs(clean, "filing_approval"), "R-FILING")) == 1


def test_filing_not_needed_for_jurisdiction_transfer() -> None:
    cf = change_case(drop_docs(sample("criminal_transfer_clean"), "filing_approval"), outcome="jurisdiction_transfer")
    assert findings(drop_events(cf, "filed"), "R-FILING") == []


# R-EVIDENCE-RECORD
def test_evidence_record(clean: CaseFile) -> None:
    assert findings(clean, "R-EVIDENCE-RECORD") == []
    assert len(findings(drop_docs(clean, "onsite_inspection_record", "inquiry_record"), "R-EVIDENCE-RECORD")) == 1


# R-PRESERVATION-7D
PRESERVED = doc("evidence_preservation_notice", "2026-09-29", served_on=d("2026-09-29"), service="direct")


@pytest.mark.parametrize(("handled", "fails"), [("2026-10-14", False), ("2026-10-15", True)])
def test_preservation_over_national_day(clean: CaseFile, handled: str, fails: bool) -> None:
    # 7 working days after 09-29: 09-30, 10-08, 10-09, Sat 10-10, 10-12, 10-13, 10-14
    cf = add(clean, PRESERVED, doc("evidence_preservation_disposal", handled))
    found = findings(cf, "R-PRESERVATION-7D")
    assert bool(found) is fails
    if fails:
        assert (found[0].due, found[0].actual) == (d("2026-10-14"), d("2026-10-15"))


def test_preservation_missing_counts_only_once_overdue(clean: CaseFile) -> None:
    open_case = drop_proven(add(clean, PRESERVED), "closed")
    assert findings(open_case, "R-PRESERVATION-7D", today=d("2026-10-14")) == []
    assert len(findings(open_case, "R-PRESERVATION-7D", today=d("2026-10-15"))) == 1
    assert len(findings(add(clean, PRESERVED), "R-PRESERVATION-7D", today=d("2026-10-01"))) == 1  # closed


# R-RECTIFY-REVIEW
ORDER = doc("rectification_order", "2026-03-05", served_on=d("2026-03-05"), service="direct",
            fields={"deadline": "2026-03-12"})


@pytest.mark.parametrize(("reviewed", "fails"), [("2026-03-13", False), ("2026-03-11", True)])
def test_rectify_review(clean: CaseFile, reviewed: str, fails: bool) -> None:
    cf = add(clean, ORDER, doc("rectification_review", reviewed))
    assert bool(findings(cf, "R-RECTIFY-REVIEW")) is fails


def test_rectify_review_excused_by_closing_record(clean: CaseFile) -> None:
    cf = add(clean, ORDER)
    assert len(findings(cf, "R-RECTIFY-REVIEW")) == 1
    cf = change_doc(cf, "closing_approval", fields={"no_review_reason": "当事人已停业搬离"})
    assert findings(cf, "R-RECTIFY-REVIEW") == []


# R-NOTICE
def test_notice_pass(clean: CaseFile) -> None:
    assert findings(clean, "R-NOTICE") == []


def test_notice_served_on_decision_day_fails(clean: CaseFile) -> None:
    [found] = findings(change_doc(clean, "penalty_prior_notice", served_on=d("2026-03-24")), "R-NOTICE")
    assert found.documents == ("东综执罚告字〔2026〕21号",)


def test_notice_missing_and_no_penalty_setting(clean: CaseFile) -> None:
    cf = drop_docs(clean, "penalty_prior_notice")
    assert len(findings(cf, "R-NOTICE")) == 1
    no_penalty = change_doc(change_case(cf, outcome="no_penalty_minor"), "penalty_decision", kind="no_penalty_decision")
    assert len(findings(no_penalty, "R-NOTICE")) == 1
    assert findings(change_settings(no_penalty, no_penalty_needs_notice=False), "R-NOTICE") == []


# R-NOTICE-WAIT
@pytest.mark.parametrize(("decided", "fails"), [("2026-03-20", True), ("2026-03-23", False)])
def test_notice_wait_statement_period(clean: CaseFile, decided: str, fails: bool) -> None:
    # served Tue 03-17: 3 working days end Fri 03-20; the decision may come from 03-21 on
    assert bool(findings(decided_on(clean, decided), "R-NOTICE-WAIT")) is fails


def test_notice_wait_waived_in_writing(clean: CaseFile) -> None:
    cf = add(decided_on(clean, "2026-03-18"), event("statement_waived", "2026-03-17"))
    assert findings(cf, "R-NOTICE-WAIT") == []


@pytest.mark.parametrize(("decided", "fails"), [("2026-10-10", False), ("2026-10-09", True)])
def test_notice_wait_over_national_day(clean: CaseFile, decided: str, fails: bool) -> None:
    # served 09-29; 3 working days: 09-30, 10-08, 10-09 — a decision on make-up Saturday 10-10 is lawful
    cf = change_doc(clean, "penalty_prior_notice", issued_on=d("2026-09-29"), served_on=d("2026-09-29"))
    found = findings(decided_on(cf, decided), "R-NOTICE-WAIT")
    assert bool(found) is fails
    if fails:
        assert (found[0].due, found[0].actual) == (d("2026-10-10"), d("2026-10-09"))


def test_notice_wait_hearing_period() -> None:
    cf = sample("hearing_clean")
    [found] = findings(decided_on(cf, "2026-03-24"), "R-NOTICE-WAIT")  # 5 working days end 03-24
    assert "听证申请期" in found.message
    assert findings(decided_on(cf, "2026-03-25"), "R-NOTICE-WAIT") == []
    waived = add(decided_on(drop_events(cf, "hearing_requested"), "2026-03-23"), event("hearing_waived", "2026-03-18"))
    assert findings(waived, "R-NOTICE-WAIT") == []


# R-NOTICE-SINGLE
def test_notice_single_pass(clean: CaseFile) -> None:
    cf = change_doc(clean, "penalty_prior_notice", fields={"fine": 5000, "penalty_kinds": ["fine"]})
    assert findings(cf, "R-NOTICE-SINGLE") == []


def test_notice_single_fails(clean: CaseFile) -> None:
    assert len(findings(change_event(clean, "notified", amount=None), "R-NOTICE-SINGLE")) == 1
    ranged = change_doc(clean, "penalty_prior_notice", fields={"fine": "5000-10000"})
    assert [f.message for f in findings(ranged, "R-NOTICE-SINGLE")] == [
        "事先告知书载明的是幅度或选择（“5000-10000”），而非确定的处罚种类和金额。"
    ]


# R-NO-HEAVIER
def test_no_heavier_pass(clean: CaseFile) -> None:
    assert findings(clean, "R-NO-HEAVIER") == []
    renotified = add(change_penalty(clean, fine=Decimal(6000)), event("notified", "2026-03-18", amount=Decimal(6000)))
    assert findings(renotified, "R-NO-HEAVIER") == []


def test_no_heavier_fails(clean: CaseFile) -> None:
    [fine] = findings(change_penalty(clean, fine=Decimal(6000)), "R-NO-HEAVIER")
    assert fine.message == "决定罚款 6000 元高于告知的 5000 元，且未重新告知。"
    [kinds] = findings(change_penalty(clean, kinds=("warning", "fine")), "R-NO-HEAVIER")
    assert kinds.message_en.startswith("The decision imposes warning,")


def test_no_heavier_reads_notice_fields(clean: CaseFile) -> None:
    cf = drop_events(clean, "notified")
    assert findings(change_doc(cf, "penalty_prior_notice", fields={"fine": 5000}), "R-NO-HEAVIER") == []
    assert len(findings(change_doc(cf, "penalty_prior_notice", fields={"fine": 4000}), "R-NO-HEAVIER")) == 1


# R-STATEMENT-REVIEW
def test_statement_review(clean: CaseFile) -> None:
    stated = add(clean, event("statement", "2026-03-19"))
    assert findings(clean, "R-STATEMENT-REVIEW") == []
    assert len(findings(stated, "R-STATEMENT-REVIEW")) == 1
    assert findings(add(stated, doc("statement_review", "2026-03-20")), "R-STATEMENT-REVIEW") == []
    assert len(findings(add(stated, doc("statement_review", "2026-03-18")), "R-STATEMENT-REVIEW")) == 1


# R-HEARING-RIGHT
def test_hearing_right_told_passes() -> None:
    cf = sample("hearing_right_missing")
    assert findings(sample("hearing_clean"), "R-HEARING-RIGHT") == []
    assert findings(change_doc(cf, "penalty_prior_notice", hearing_right=True), "R-HEARING-RIGHT") == []
    told = add(cf, doc("hearing_right_notice", "2026-03-17", served_on=d("2026-03-17"), service="direct"))
    assert findings(told, "R-HEARING-RIGHT") == []


def test_hearing_right_by_kind_and_confiscation(clean: CaseFile) -> None:
    [kind] = findings(change_penalty(clean, kinds=("fine", "suspend_business")), "R-HEARING-RIGHT")
    assert kind.message == "所给予的处罚（责令停产停业）属于听证范围，当事人未被告知听证权利。"
    assert len(findings(change_penalty(clean, confiscated=Decimal(100000)), "R-HEARING-RIGHT")) == 1
    assert findings(change_penalty(clean, confiscated=Decimal(99999)), "R-HEARING-RIGHT") == []


def test_hearing_right_individual_business_threshold() -> None:
    cf = sample("hearing_right_missing")
    cf = replace(cf, parties=(replace(cf.parties[0], kind="individual_business"),))
    assert len(findings(cf, "R-HEARING-RIGHT")) == 1
    assert findings(change_settings(cf, individual_business_as_organization=True), "R-HEARING-RIGHT") == []


# R-HEARING-HELD
def test_hearing_held(clean: CaseFile) -> None:
    cf = sample("hearing_clean")
    assert findings(cf, "R-HEARING-HELD") == []
    [found] = findings(drop_docs(cf, "hearing_report"), "R-HEARING-HELD")
    assert "听证报告" in found.message
    unheld = drop_docs(cf, "hearing_notice", "hearing_record", "hearing_report")
    withdrawn = add(unheld, event("hearing_waived", "2026-03-20"))
    assert findings(withdrawn, "R-HEARING-HELD") == []


def test_hearing_decision_before_report_fails() -> None:
    cf = change_doc(sample("hearing_clean"), "hearing_report", issued_on=d("2026-04-21"))
    [found] = findings(cf, "R-HEARING-HELD")
    assert (found.due, found.actual) == (d("2026-04-21"), d("2026-04-20"))


# R-HEARING-7D
@pytest.mark.parametrize(("held", "fails"), [("2026-04-03", False), ("2026-04-02", True)])
def test_hearing_notice_seven_working_days(held: str, fails: bool) -> None:
    # served Wed 03-25: 26, 27, 30, 31, 04-01, 04-02, 04-03 (清明 04-04..06 off)
    cf = change_event(sample("hearing_clean"), "hearing_held", on=d(held))
    cf = change_doc(cf, "hearing_record", issued_on=d(held))
    found = findings(cf, "R-HEARING-7D")
    assert bool(found) is fails
    if fails:
        assert found[0].due == d("2026-04-03")


# R-HEARING-LATE
def test_hearing_late_request() -> None:
    cf = change_event(sample("hearing_clean"), "hearing_requested", on=d("2026-03-25"))  # window ended 03-24
    cf = drop_docs(cf, "hearing_notice", "hearing_record", "hearing_report")
    assert findings(cf, "R-HEARING-HELD") == []
    [found] = findings(cf, "R-HEARING-LATE")
    assert (found.due, found.actual) == (d("2026-03-24"), d("2026-03-25"))
    answered = add(cf, doc("no_hearing_notice", "2026-03-26", served_on=d("2026-03-26"), service="direct"))
    assert findings(answered, "R-HEARING-LATE") == []


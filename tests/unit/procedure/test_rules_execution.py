"""Rules of rules.md on both sides: service, execution, transfer, publication, closing and completeness."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desk.casefile.facts import CaseFile

from .cases import (
    add,
    change_case,
    change_doc,
    change_event,
    change_settings,
    d,
    doc,
    drop_docs,
    drop_events,
    drop_proven,
    drop_receipt,
    event,
    findings,
    rule_ids,
    sample,
)

DECISION = "东综执罚决字〔2026〕21号"


@pytest.fixture
def clean() -> CaseFile:
    return sample("general_clean")


# R-SERVICE
def test_service_pass(clean: CaseFile) -> None:
    assert findings(clean, "R-SERVICE") == []
    assert findings(sample("summary_over_limit"), "R-SERVICE") == []  # the on-the-spot form is its own receipt
    assert findings(drop_receipt(change_doc(clean, "penalty_decision", service="post"), DECISION), "R-SERVICE") == []


def test_service_without_receipt_fails(clean: CaseFile) -> None:
    [found] = findings(drop_receipt(clean, DECISION), "R-SERVICE")
    assert found.message == "行政处罚决定书采用直接送达，但卷内没有相应的送达回证。"
    assert found.documents == (DECISION,)


def test_service_unserved_fails(clean: CaseFile) -> None:
    cf = change_doc(clean, "penalty_prior_notice", served_on=None, service=None)
    assert [f.documents for f in findings(cf, "R-SERVICE")] == [("东综执罚告字〔2026〕21号",)]


# R-SERVICE-7D
@pytest.mark.parametrize(("served", "fails"), [("2026-04-02", False), ("2026-04-03", True)])
def test_decision_served_within_7_working_days(clean: CaseFile, served: str, fails: bool) -> None:
    # issued Tue 03-24: 25, 26, 27, 30, 31, 04-01, 04-02
    found = findings(change_doc(clean, "penalty_decision", served_on=d(served)), "R-SERVICE-7D")
    assert bool(found) is fails
    if fails:
        assert (found[0].due, found[0].actual) == (d("2026-04-02"), d("2026-04-03"))


def test_decision_never_served_fails_once_overdue(clean: CaseFile) -> None:
    unserved = drop_proven(change_doc(clean, "penalty_decision", served_on=None, service=None), "closed")
    assert findings(unserved, "R-SERVICE-7D", today=d("2026-04-02")) == []
    assert len(findings(unserved, "R-SERVICE-7D", today=d("2026-04-03"))) == 1


# R-SERVICE-ELECTRONIC
def test_electronic_service_needs_prior_consent(clean: CaseFile) -> None:
    cf = drop_receipt(change_doc(clean, "penalty_decision", service="electronic"), DECISION)
    assert len(findings(cf, "R-SERVICE-ELECTRONIC")) == 1
    assert findings(add(cf, doc("service_address_confirmation", "2026-03-17")), "R-SERVICE-ELECTRONIC") == []
    assert len(findings(add(cf, doc("service_address_confirmation", "2026-03-25")), "R-SERVICE-ELECTRONIC")) == 1


# R-SERVICE-NOTICE
@pytest.mark.parametrize(("demanded", "fails"), [("2026-04-22", True), ("2026-04-23", False)])
def test_public_notice_service_takes_30_days(clean: CaseFile, demanded: str, fails: bool) -> None:
    cf = drop_receipt(change_doc(clean, "penalty_decision", service="notice"), DECISION)
    cf = add(cf, doc("demand_notice", demanded, served_on=d(demanded), service="post"))
    found = findings(cf, "R-SERVICE-NOTICE")
    assert bool(found) is fails
    if fails:
        assert (found[0].due, found[0].actual) == (d("2026-04-23"), d("2026-04-22"))


# R-PAYMENT
def test_payment_pass(clean: CaseFile) -> None:
    assert findings(clean, "R-PAYMENT") == []


def test_payment_late_fails_unless_deferred_or_demanded(clean: CaseFile) -> None:
    late = change_event(clean, "paid", on=d("2026-04-09"))  # 15 days after 03-24 end Wed 04-08
    [found] = findings(late, "R-PAYMENT")
    assert (found.due, found.actual) == (d("2026-04-08"), d("2026-04-09"))
    assert findings(add(late, event("installment_approved", "2026-04-01")), "R-PAYMENT") == []
    assert findings(add(late, doc("demand_notice", "2026-04-10")), "R-PAYMENT") == []


def test_payment_partial_fails_and_open_case_waits(clean: CaseFile) -> None:
    assert len(findings(change_event(clean, "paid", amount=Decimal(3000)), "R-PAYMENT")) == 1
    unpaid_open = drop_proven(clean, "paid", "closed")
    assert findings(unpaid_open, "R-PAYMENT", today=d("2026-04-08")) == []
    assert len(findings(unpaid_open, "R-PAYMENT", today=d("2026-04-09"))) == 1


# R-DEMAND-FIRST
def _enforced(cf: CaseFile, demand_served: str | None, applied: str) -> CaseFile:
    cf = drop_proven(cf, "paid")
    if demand_served:
        cf = add(cf, doc("demand_notice", demand_served, served_on=d(demand_served), service="post"))
    return add(cf, doc("court_enforcement_application", applied))


@pytest.mark.parametrize(
    ("served", "applied", "fails"),
    # 10 working days (行政强制法 Art 54 + 69): served Mon 06-01 → 06-15; served Wed 06-03 → 06-17
    [("2026-06-01", "2026-06-15", True), ("2026-06-01", "2026-06-16", False),
     ("2026-06-03", "2026-06-17", True), ("2026-06-03", "2026-06-18", False)],
)
def test_enforcement_after_demand_period(clean: CaseFile, served: str, applied: str, fails: bool) -> None:
    assert bool(findings(_enforced(clean, served, applied), "R-DEMAND-FIRST")) is fails


def test_enforcement_without_demand_fails(clean: CaseFile) -> None:
    [found] = findings(_enforced(clean, None, "2026-10-09"), "R-DEMAND-FIRST")
    assert found.message == "于 2026-10-09 申请强制执行，但没有已送达的催告书。"
    by_event = add(drop_proven(clean, "paid"), event("enforcement_applied", "2026-10-09"))
    assert [f.events for f in findings(by_event, "R-DEMAND-FIRST")] == [("enforcement_applied 2026-10-09",)]


# R-ENFORCE-WINDOW
@pytest.mark.parametrize(
    ("applied", "fails"), [("2026-09-24", True), ("2026-09-28", False), ("2026-12-24", False), ("2026-12-28", True)]
)
def test_court_enforcement_window(clean: CaseFile, applied: str, fails: bool) -> None:
    # served 03-24: review and litigation run to 09-24; the application window then runs to 12-24
    assert bool(findings(_enforced(clean, "2026-06-01", applied), "R-ENFORCE-WINDOW")) is fails


# R-CRIMINAL-TRANSFER
def test_criminal_transfer() -> None:
    cf = sample("criminal_transfer_clean")
    assert findings(cf, "R-CRIMINAL-TRANSFER") == []
    assert len(findings(drop_events(cf, "transfer_receipt"), "R-CRIMINAL-TRANSFER")) == 1
    assert len(findings(drop_docs(cf, "criminal_transfer"), "R-CRIMINAL-TRANSFER")) == 1
    penalised = add(cf, doc("penalty_decision", "2026-03-20", number="东综执罚决字〔2026〕40号"))
    assert [f.message_en for f in findings(penalised, "R-CRIMINAL-TRANSFER")] == [
        "A penalty decision was issued in a case transferred to the judicial organs."
    ]


# R-JURISDICTION-TRANSFER
def test_jurisdiction_transfer() -> None:
    cf = change_case(sample("criminal_transfer_clean"), outcome="jurisdiction_transfer")
    cf = change_doc(cf, "criminal_transfer", kind="case_transfer_letter", number="东综执移字〔2026〕24号")
    assert rule_ids(cf) == set()
    assert len(findings(drop_events(cf, "transfer_receipt"), "R-JURISDICTION-TRANSFER")) == 1
    [found] = findings(drop_docs(cf, "case_transfer_letter"), "R-JURISDICTION-TRANSFER")
    assert found.message == "案件已移送有管辖权的机关，但卷内没有案件移送函。"


# R-PUBLISH
def test_publication(clean: CaseFile) -> None:
    assert findings(clean, "R-PUBLISH") == []
    [late] = findings(change_event(clean, "published", on=d("2026-04-03")), "R-PUBLISH")  # 7 wd end 04-02
    assert (late.due, late.actual) == (d("2026-04-02"), d("2026-04-03"))
    assert len(findings(drop_events(clean, "published"), "R-PUBLISH")) == 1
    assert findings(drop_proven(clean, "published", "closed"), "R-PUBLISH", today=d("2026-04-02")) == []


# R-CLOSING
def test_closing_pass() -> None:
    assert findings(sample("general_clean"), "R-CLOSING") == []
    assert findings(sample("summary_over_limit"), "R-CLOSING") == []  # no approval form in summary cases


def test_closing_fails(clean: CaseFile) -> None:
    assert [f.message for f in findings(drop_proven(clean, "closed"), "R-CLOSING")] == ["案件尚未结案。"]
    assert len(findings(drop_docs(clean, "closing_approval"), "R-CLOSING")) == 1
    [early] = findings(change_event(clean, "closed", on=d("2026-03-28")), "R-CLOSING")
    assert (early.due, early.actual) == (d("2026-03-30"), d("2026-03-28"))
    [unpaid] = findings(drop_proven(clean, "paid"), "R-CLOSING")
    assert "尚未执行完毕" in unpaid.message


def test_closing_after_court_enforcement(clean: CaseFile) -> None:
    enforced = _enforced(clean, "2026-03-25", "2026-04-01")
    assert findings(enforced, "R-CLOSING") == []


# R-COMPLETE
def test_complete(clean: CaseFile) -> None:
    assert findings(clean, "R-COMPLETE") == []
    [found] = findings(drop_docs(clean, "investigation_report"), "R-COMPLETE")
    assert found.message == "卷内缺少：案件调查终结报告。"
    both = drop_docs(clean, "onsite_inspection_record", "inquiry_record")
    assert [f.message for f in findings(both, "R-COMPLETE")] == ["卷内缺少：现场检查（勘验）笔录或询问笔录。"]


def test_complete_pending_and_no_penalty(clean: CaseFile) -> None:
    pending = change_case(clean, outcome="pending")
    assert [f.message for f in findings(pending, "R-COMPLETE")] == ["案件尚未作出处理结果。"]
    no_penalty = change_case(clean, outcome="no_penalty_minor")
    no_penalty = change_doc(no_penalty, "penalty_decision", kind="no_penalty_decision")
    assert findings(no_penalty, "R-COMPLETE") == []
    unnotified = drop_docs(no_penalty, "penalty_prior_notice")
    assert len(findings(unnotified, "R-COMPLETE")) == 1
    assert findings(change_settings(unnotified, no_penalty_needs_notice=False), "R-COMPLETE") == []

"""The issue guard: each blocker it enforces, judged on the case as it would be with the document issued."""

from __future__ import annotations

from dataclasses import replace

from desk.casefile.facts import CaseFile, Document
from desk.procedure.guard import as_issued, guarded_rules, judge

from .cases import add, d, doc, drop_proven, sample


def _undecided() -> CaseFile:
    return drop_proven(sample("general_clean"), "decided", "published", "paid", "closed")


def _decision(**fields: object) -> Document:
    return Document(kind="penalty_decision", status="draft", fields={"penalty_kinds": ["fine"], **fields}, id=9001)


def _blocker(cf: CaseFile, draft: Document, on: str, rule: str):  # type: ignore[no-untyped-def]
    return next((b for b in judge(cf, draft, d(on)).blockers if b.rule == rule), None)


def test_rules_name_the_kinds_they_guard() -> None:
    assert {"R-NOTICE", "R-NOTICE-WAIT", "R-NO-HEAVIER", "R-HEARING-RIGHT", "R-DISCRETION-LAW"} <= set(
        guarded_rules("penalty_decision")
    )
    assert guarded_rules("summary_penalty_decision") == ["R-SUMMARY-LIMIT", "R-DISCRETION-LAW"]
    assert guarded_rules("court_enforcement_application") == ["R-DEMAND-FIRST"]
    assert guarded_rules("inquiry_record") == []


def test_notice_wait_refuses_inside_the_statement_period_with_the_first_lawful_date() -> None:
    cf = _undecided()  # notice served 2026-03-17 (Tue): 3 working days end 03-20
    early = _blocker(cf, _decision(fine=5000), "2026-03-19", "R-NOTICE-WAIT")
    assert early is not None and early.due == d("2026-03-21")
    assert _blocker(cf, _decision(fine=5000), "2026-03-23", "R-NOTICE-WAIT") is None
    waived = add(cf, replace(cf.events[0], type="statement_waived", on=d("2026-03-18")))
    assert _blocker(waived, _decision(fine=5000), "2026-03-19", "R-NOTICE-WAIT") is None


def test_no_heavier_than_notified() -> None:
    cf = _undecided()
    assert _blocker(cf, _decision(fine=999999), "2026-03-24", "R-NO-HEAVIER") is not None
    assert _blocker(cf, _decision(fine=5000), "2026-03-24", "R-NO-HEAVIER") is None


def test_a_decision_sets_outcome_and_penalty_on_the_case_as_issued() -> None:
    issued = as_issued(_undecided(), _decision(fine=4000), d("2026-03-24"))
    assert issued.case.outcome == "penalty" and issued.case.penalty.fine == 4000
    assert [e.on for e in issued.events_of("decided")] == [d("2026-03-24")]


def test_summary_limit() -> None:
    cf = sample("summary_over_limit")
    cf = replace(cf, documents=tuple(x for x in cf.documents if x.kind != "summary_penalty_decision"))
    over = Document(kind="summary_penalty_decision", status="draft", fields={"fine": 500, "penalty_kinds": ["fine"]})
    within = replace(over, fields={"fine": 200, "penalty_kinds": ["fine"]})
    on = cf.case.discovered_on.isoformat() if cf.case.discovered_on else "2026-03-01"
    assert _blocker(cf, over, on, "R-SUMMARY-LIMIT") is not None
    assert _blocker(cf, within, on, "R-SUMMARY-LIMIT") is None


def test_demand_first_counts_ten_working_days() -> None:
    cf = add(drop_proven(sample("general_clean"), "paid"),
             doc("demand_notice", "2026-06-01", served_on=d("2026-06-01"), service="post"))
    application = Document(kind="court_enforcement_application", status="draft", fields={})
    early = _blocker(cf, application, "2026-06-15", "R-DEMAND-FIRST")
    assert early is not None and early.due == d("2026-06-16")
    assert _blocker(cf, application, "2026-06-16", "R-DEMAND-FIRST") is None

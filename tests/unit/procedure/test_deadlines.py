"""The deadlines view of an open case: what is due next, computed as the rules will judge it."""

from __future__ import annotations

import pytest

from desk.casefile.facts import CaseFile
from desk.procedure.calendar import shipped_calendar
from desk.procedure.deadlines import upcoming

from .cases import change_doc, change_event, d, drop_docs, drop_proven, drop_receipt, sample


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESK_LANG", "en")


def _undecided(cf: CaseFile) -> CaseFile:
    decision = next(x.number for x in cf.documents if x.kind == "penalty_decision")
    cf = drop_receipt(cf, decision or "")
    cf = drop_docs(cf, "penalty_decision", "payment_record", "closing_approval")
    return drop_proven(cf, "decided", "published", "paid", "closed")


def _due(cf: CaseFile, today: str) -> dict[str, tuple[str | None, str | None, bool]]:
    return {
        x.rule: (x.due.isoformat() if x.due else None, x.document, x.overdue)
        for x in upcoming(cf, shipped_calendar(), d(today))
    }


def test_notified_case_waits_for_statement_and_decision() -> None:
    cf = _undecided(sample("general_clean"))
    assert _due(cf, "2026-03-18") == {
        "R-NOTICE-WAIT": ("2026-03-20", "东综执罚告字〔2026〕21号", False),
        "R-DECISION-90D": ("2026-06-01", None, False),
    }
    items = upcoming(cf, shipped_calendar(), d("2026-03-18"))
    assert [x.what for x in items] == ["End of the period to state and defend", "Time limit for the decision"]


def test_hearing_request_window() -> None:
    cf = change_doc(_undecided(sample("hearing_right_missing")), "penalty_prior_notice", hearing_right=True)
    assert _due(cf, "2026-03-18")["R-HEARING-HELD"] == ("2026-03-24", "东综执罚告字〔2026〕22号", False)
    assert _due(cf, "2026-03-25")["R-HEARING-HELD"][2] is True  # passed: overdue


def test_decided_case_service_payment_publication() -> None:
    cf = drop_proven(sample("general_clean"), "published", "paid", "closed")
    unserved = change_doc(cf, "penalty_decision", served_on=None, service=None)
    assert _due(unserved, "2026-03-24") == {
        "R-SERVICE-7D": ("2026-04-02", "东综执罚决字〔2026〕21号", False),
        "R-PUBLISH": ("2026-04-02", "东综执罚决字〔2026〕21号", False),
    }
    assert _due(cf, "2026-03-25") == {
        "R-PAYMENT": ("2026-04-08", "东综执罚决字〔2026〕21号", False),
        "R-PUBLISH": ("2026-04-02", "东综执罚决字〔2026〕21号", False),
    }


def test_closed_case_has_no_deadlines() -> None:
    assert upcoming(sample("general_clean"), shipped_calendar(), d("2026-03-18")) == []


def test_deadline_beyond_the_calendar_is_provisional() -> None:
    cf = change_event(_undecided(sample("general_clean")), "filed", on=d("2026-11-20"))
    [limit] = [x for x in upcoming(cf, shipped_calendar(), d("2026-11-21")) if x.rule == "R-DECISION-90D"]
    assert (limit.due, limit.provisional) == (d("2027-02-18"), True)

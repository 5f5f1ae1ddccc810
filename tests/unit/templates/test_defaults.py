"""Defaults come from the case through named sources (no expressions)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal

import pytest

from desk.casefile.facts import Event, Penalty
from desk.errors import TemplateError
from desk.render.context import build_context
from desk.render.defaults import hearing_right, resolve
from desk.render.docx_fill import default_fields

from .support import TODAY, sample


def test_penalty_decision_defaults_from_the_general_sample() -> None:
    values = default_fields("penalty_decision", sample("general_clean"), today=TODAY)
    assert values["party_name"] == "江城市味香园餐饮管理有限公司"
    assert values["party_uscc"] == "91420100MA4KXR2L0X" and values["party_kind"] == "organization"
    assert values["reconsideration_body"] == "江城市东湖区人民政府"
    assert values["court"] == "江城市东湖区人民法院"
    assert values["notice_number"] == "东综执罚告字〔2026〕21号"
    assert values["notice_served_on"] == "2026-03-17"
    assert values["statement"] == "当事人在规定期限内未提出陈述、申辩意见，视为放弃陈述、申辩的权利。"
    assert values["correction"] == "责令当事人立即改正上述违法行为。"  # a preset


def test_sources_walk_the_case_and_fall_back_in_order() -> None:
    cf = sample("general_clean")
    assert resolve("case.officers.1.name", cf, today=TODAY) == "刘晓燕"
    assert resolve("case.officers.7.name", cf, today=TODAY) is None
    assert resolve("event.hearing_held|event.decided", cf, today=TODAY) == date(2026, 3, 24)
    assert resolve("event.paid.amount", cf, today=TODAY) == Decimal(5000)
    assert resolve("document.penalty_decision.title", cf, today=TODAY) == "行政处罚决定书"
    assert resolve("agency.settings.statement_working_days", cf, today=TODAY) == 3
    assert resolve("event.hearing_held|today", cf, today=TODAY) == TODAY


def test_an_event_time_makes_a_moment() -> None:
    cf = sample("general_clean")
    cf = replace(cf, events=(*cf.events, Event(type="inspected", on=date(2026, 3, 2), at="09:30")))
    assert resolve("event.inspected", cf, today=TODAY) == datetime(2026, 3, 2, 9, 30)


@pytest.mark.parametrize(
    "source",
    ["case.__class__", "case.cause.upper", "os.system", "party.__dict__", "event", "event.decidd", "document.x.number"],
)
def test_anything_but_a_declared_source_is_refused(source: str) -> None:
    with pytest.raises(KeyError):
        resolve(source, sample("general_clean"), today=TODAY)


def test_an_unknown_source_in_a_manifest_is_a_template_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from desk.catalogue import kind
    from desk.render import defaults

    k = kind("stop_order")
    bad = replace(k, fields=(replace(k.fields[0], default="case.nickname"),))
    monkeypatch.setattr(defaults, "kind", lambda _id: bad)
    with pytest.raises(TemplateError) as caught:
        defaults.default_fields("stop_order", sample("general_clean"), today=TODAY)
    assert caught.value.key == "source_unknown" and "case.nickname" in str(caught.value)


def test_served_names_the_latest_document_without_a_receipt() -> None:
    cf = sample("general_clean")
    values = default_fields("service_receipt", cf, today=TODAY)
    assert values["document_number"] == "东综执罚决字〔2026〕21号"  # every served document has its receipt
    cf = replace(cf, documents=cf.documents[:6])  # up to the prior notice, before its receipt
    values = default_fields("service_receipt", cf, today=TODAY)
    assert values["document_title"] == "行政处罚事先告知书"
    assert values["document_number"] == "东综执罚告字〔2026〕21号"
    assert values["method"] == "direct" and values["served_at"] == "2026-03-17"
    assert values["signer"] == "周海涛"


def test_hearing_right_follows_the_thresholds() -> None:
    cf = sample("general_clean")  # an organisation fined 5 000
    assert not hearing_right(cf)
    big = replace(cf, case=replace(cf.case, penalty=Penalty(kinds=("fine",), fine=Decimal(100000))))
    assert hearing_right(big)
    person = sample("hearing_right_missing")
    assert hearing_right(person) == (person.case.penalty.fine is not None and person.case.penalty.fine >= 10000)
    closure = replace(cf, case=replace(cf.case, penalty=Penalty(kinds=("order_closure",))))
    assert hearing_right(closure)


def test_int_fields_print_in_chinese_numerals_too() -> None:
    cf = sample("general_clean")
    values = default_fields("penalty_prior_notice", cf, today=TODAY)
    context = build_context("penalty_prior_notice", cf, values, None, None)
    assert context["statement_days"] == "3" and context["statement_days_cn"] == "三"

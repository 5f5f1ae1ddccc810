"""R-DISCRETION-LAW and R-DISCRETION-TIER at every boundary of a tiered item (discretion.md)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from desk.casefile.facts import CaseFile
from desk.discretion.model import Cited
from desk.procedure.checker import check
from desk.procedure.ruleset import rules

from .standard import DECIDED, HEAVIER, LIGHTER, MITIGATE, STANDARD, case, cited

LAW, TIER = "R-DISCRETION-LAW", "R-DISCRETION-TIER"


def found(cf: CaseFile) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in check(cf, today=date(2026, 5, 1)).findings:
        if f.rule in (LAW, TIER):
            out.setdefault(f.rule, []).append(f.message)
    return out


# the 一般 tier is 100 000–300 000 yuan; the law's range 50 000–500 000 yuan
@pytest.mark.parametrize("fine", [100000, 200000, 300000])
def test_tier_min_middle_max_pass(fine: int) -> None:
    assert found(case(fine)) == {}


@pytest.mark.parametrize("fine", [99999, 300001])
def test_one_yuan_outside_the_tier_is_a_major_finding(fine: int) -> None:
    result = found(case(fine))
    assert list(result) == [TIER]
    assert f"罚款{fine}元不在“一般”阶次100000元至300000元的幅度内" in result[TIER][0]
    assert next(f for f in check(case(fine)).findings if f.rule == TIER).severity == "major"


def test_a_recorded_circumstance_explains_the_departure_in_its_direction() -> None:
    assert found(case(99999, circumstances=(LIGHTER,))) == {}
    assert found(case(300001, circumstances=(HEAVIER,))) == {}
    # a 从重 circumstance does not explain a fine below the tier, nor 从轻 one above it
    assert list(found(case(99999, circumstances=(HEAVIER,)))) == [TIER]
    assert list(found(case(300001, circumstances=(LIGHTER,)))) == [TIER]


@pytest.mark.parametrize("fine", [50000, 500000])
def test_statutory_min_and_max_are_lawful(fine: int) -> None:
    level = "较轻" if fine == 50000 else "严重"
    assert found(case(fine, level=level)) == {}


def test_below_the_statutory_minimum_without_mitigation_is_a_blocker() -> None:
    cf = case(49999, level="较轻")
    result = found(cf)
    assert "罚款49999元低于第31项（随意倾倒、抛撒、堆放生活垃圾（单位））的法定最低额50000元" in result[LAW][0]
    assert not check(cf).archivable
    # 从轻 is not enough below the statutory minimum: only 减轻 (行政处罚法 Art 30–32)
    assert LAW in found(case(49999, level="较轻", circumstances=(LIGHTER,)))


def test_below_the_statutory_minimum_with_a_mitigating_circumstance_passes_law_and_tier() -> None:
    cf = case(49999, level="较轻", circumstances=(MITIGATE,))
    assert found(cf) == {}
    # and the collective discussion the agency's setting asks for a mitigated penalty applies
    assert "R-COLLECTIVE" in {f.rule for f in check(cf).findings}


def test_above_the_statutory_maximum_is_never_lawful_and_guards_the_decision() -> None:
    cf = case(500001, level="严重", circumstances=(HEAVIER,))
    result = found(cf)
    assert list(result) == [LAW]
    assert "罚款500001元高于第31项" in result[LAW][0]
    # the issue guard runs every rule that guards the kind: this blocker refuses the decision at issue
    guarding = {r.id for r in rules().values() if "penalty_decision" in r.guards}
    assert LAW in guarding and rules()[LAW].severity == "blocker"
    assert {r.id for r in rules().values() if "summary_penalty_decision" in r.guards} >= {LAW}


def test_the_decision_fields_fine_is_judged_before_the_case_penalty() -> None:
    cf = case(200000)
    decision = replace(cf.documents[0], fields={"fine": "600000"})
    assert LAW in found(replace(cf, documents=(decision,)))


def test_an_expired_version_is_a_finding_naming_the_version_in_force() -> None:
    old = replace(STANDARD, version="2025-1", valid_from=date(2025, 1, 1), valid_to=date(2025, 12, 31))
    new = replace(STANDARD, version="2026-1", valid_from=date(2026, 1, 1), valid_to=None, items=())
    cf = case(200000, cite=cited(old, versions=(replace(old, items=()), new)))
    result = found(cf)
    assert list(result) == [TIER]
    assert f"裁量基准2025-1版在决定日期{DECIDED.isoformat()}不在有效期内（当时有效的版本：2026-1）" in result[TIER][0]


def test_a_version_decided_under_keeps_its_validity() -> None:
    old = replace(STANDARD, version="2025-1", valid_from=date(2025, 1, 1), valid_to=date(2026, 12, 31))
    assert found(case(200000, cite=cited(old))) == {}


def test_no_loaded_standard_and_no_item_is_not_judged() -> None:
    cf = case(900000, cite=Cited(loaded=False))
    cf = replace(cf, case=replace(cf.case, discretion=replace(cf.case.discretion, item=None, version=None)))
    assert found(cf) == {}
    assert found(replace(cf, cited=None)) == {}  # a snapshot nobody resolved


def test_a_standard_covering_the_act_asks_for_an_item() -> None:
    cf = case(200000, cite=Cited(loaded=True, matches=(STANDARD.items[0],)))
    cf = replace(cf, case=replace(cf.case, discretion=replace(cf.case.discretion, item=None, version=None)))
    assert "而第31项涉及本案违反的规定" in found(cf)[TIER][0]
    # an act the standard does not cover leaves nothing to pick
    assert found(replace(cf, cited=Cited(loaded=True))) == {}


def test_an_item_that_is_not_loaded_and_a_tier_it_does_not_have() -> None:
    assert "未载入" in found(case(200000, cite=Cited(loaded=True)))[TIER][0]
    assert "第31项没有“特别严重”阶次" in found(case(200000, level="特别严重"))[TIER][0]


def test_the_item_applies_to_its_subject_only() -> None:
    assert "第31项适用于单位，不适用于本案当事人" in found(case(200000, kind="person"))[TIER][0]


def test_summary_procedure_is_judged_by_the_law_only() -> None:
    assert found(case(99999, procedure="summary")) == {}
    assert list(found(case(600000, procedure="summary"))) == [LAW]

"""Field values: validation names each invalid field; values from JSON, the CLI and Python agree."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from desk.casefile.facts import Officer
from desk.catalogue import kind
from desk.errors import ValidationError
from desk.render.docx_fill import build_context, default_fields, validate_fields
from desk.render.fields import plain, typed

from .support import TODAY, sample

DECISION = kind("penalty_decision")


# the agency's payment settings (the shared sample's agency block carries none)
PAYMENT = {"payment_bank": "中国农业银行江城东湖支行", "payment_account_name": "江城市东湖区财政局非税收入汇缴结算户",
           "payment_account": "17052101040012345", "contact_phone": "027-87654321", "contact_address": "中北路88号"}


def problems(values: dict[str, object], kind_id: str = "penalty_decision") -> dict[str, str]:
    k = kind(kind_id)
    names = {f.name for f in k.fields}
    base = {**default_fields(kind_id, sample("general_clean"), today=TODAY),
            **{n: v for n, v in PAYMENT.items() if n in names}}
    return {p.where: p.key for p in validate_fields(k, {**base, **values})}


def test_the_defaults_of_a_complete_case_are_valid() -> None:
    assert problems({}) == {}


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"party_name": ""}, {"party_name": "label_required"}),
        ({"court": None}, {"court": "label_required"}),
        ({"evidence": []}, {"evidence": "label_required"}),
        ({"filed_on": "2026-13-01"}, {"filed_on": "label_type"}),
        ({"filed_on": "24/03/2026"}, {"filed_on": "label_type"}),
        ({"fine": "五千"}, {"fine": "label_type"}),
        ({"fine": -1}, {"fine": "label_minimum"}),
        ({"fine": True}, {"fine": "label_type"}),
        ({"party_kind": "company"}, {"party_kind": "label_choice"}),
        ({"penalty_kinds": ["fine", "flogging"]}, {"penalty_kinds": "label_choice"}),
        ({"party_uscc": "9" * 19}, {"party_uscc": "label_too_long"}),
        ({"facts": 42}, {"facts": "label_type"}),
        ({"nickname": "x"}, {"nickname": "field_unknown"}),
    ],
)
def test_each_invalid_field_is_named(values: dict[str, object], expected: dict[str, str]) -> None:
    assert problems(values) == expected


def test_several_problems_are_reported_together() -> None:
    found = problems({"party_name": "", "fine": "x", "court": ""})
    assert found == {"party_name": "label_required", "fine": "label_type", "court": "label_required"}


def test_problem_messages_name_the_label_never_the_internal_name() -> None:
    [problem] = validate_fields(
        DECISION, {**default_fields("penalty_decision", sample("general_clean"), today=TODAY),
                   **{k: v for k, v in PAYMENT.items() if k.startswith("payment")}, "court": ""}
    )
    assert problem.where == "court"  # the editor's key
    assert "court" not in problem.render("en") and "“Court”" in problem.render("en")
    assert problem.render("zh_CN") == "“管辖人民法院”为必填项：请填写后再签发。"


def test_int_bool_and_datetime_fields() -> None:
    assert problems({"statement_days": "0"}, "penalty_prior_notice") == {"statement_days": "label_minimum"}
    assert problems({"statement_days": "2.5"}, "penalty_prior_notice") == {"statement_days": "label_type"}
    assert problems({"hearing_right": "maybe"}, "penalty_prior_notice") == {"hearing_right": "label_type"}
    assert problems({"hearing_at": "2026-04-01T25:00"}, "hearing_notice").get("hearing_at") == "label_type"


@pytest.mark.parametrize(
    ("name", "raw", "value"),
    [
        ("filed_on", "2026-03-03", date(2026, 3, 3)),
        ("fine", "5000", Decimal(5000)),
        ("fine", 5000.5, Decimal("5000.5")),
        ("evidence", "询问笔录；现场照片\n营业执照", ("询问笔录", "现场照片", "营业执照")),
        ("penalty_kinds", ["warning", "fine"], ("warning", "fine")),
        ("facts", "  ", "  "),
    ],
)
def test_command_line_and_json_values_are_read(name: str, raw: object, value: object) -> None:
    field = next(f for f in DECISION.fields if f.name == name)
    assert typed(field, raw) == value


def test_officers_and_moments_are_read_from_text() -> None:
    officers = next(f for f in kind("summary_penalty_decision").fields if f.name == "officers")
    assert typed(officers, "陈建国:42010023001，刘晓燕：42010023017") == (
        Officer("陈建国", "42010023001"),
        Officer("刘晓燕", "42010023017"),
    )
    moment = next(f for f in kind("hearing_notice").fields if f.name == "hearing_at")
    assert typed(moment, "2026-04-01 09:30") == datetime(2026, 4, 1, 9, 30)
    assert typed(moment, "2026-04-01") == date(2026, 4, 1)


def test_defaults_are_json_and_read_back_to_the_same_values() -> None:
    values = default_fields("penalty_decision", sample("general_clean"), today=TODAY)
    assert values["fine"] == 5000 and values["filed_on"] == "2026-03-03"
    assert values["penalty_kinds"] == ["fine"]
    for field in DECISION.fields:
        assert plain(typed(field, values[field.name])) == values[field.name]


def test_build_context_refuses_invalid_values() -> None:
    cf = sample("general_clean")
    with pytest.raises(ValidationError) as caught:
        build_context("penalty_decision", cf, {"fine": "lots", "filed_on": "yesterday"}, None, None)
    assert {p.where for p in caught.value.problems} == {"fine", "filed_on"}


def test_a_draft_with_missing_fields_still_prints_blanks() -> None:
    context = build_context("penalty_decision", sample("general_clean"), {}, None, None)
    assert context["party_name"] == "" and context["fine_capitals"] == ""
    assert context["filed_on"] == "　　年　　月　　日" and context["issued_on"] == "　　年　　月　　日"

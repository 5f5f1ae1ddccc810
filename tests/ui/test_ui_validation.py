"""Inline validation in the editor's form: the same checks as the services (``desk.casefile.field_checks``:
ID check digits, credit codes, a 改正期限 after the issue date), each shown under its field, named by label."""

from __future__ import annotations

from datetime import date, timedelta

from pytestqt.qtbot import QtBot

from desk.casefile.identifiers import id_number_check_digit
from desk.catalogue import kind
from desk.errors import UserError
from desk.render.docx_fill import validate_fields
from desk.ui.editor.form import FieldForm

GOOD_ID = "42010219900307" + "123"
GOOD_ID += id_number_check_digit(GOOD_ID)
BAD_ID = GOOD_ID[:17] + ("0" if GOOD_ID[17] != "0" else "1")


def form_of(qtbot: QtBot, kind_id: str) -> FieldForm:
    form = FieldForm(kind(kind_id), (), ())
    qtbot.addWidget(form)
    return form


def shown(form: FieldForm, name: str) -> str:
    label = form.errors[name]
    return "" if label.isHidden() else label.text()


def test_an_id_number_with_a_wrong_check_digit_is_marked_by_its_label(qtbot: QtBot) -> None:
    form = form_of(qtbot, "penalty_decision")
    form.inputs["party_id_number"].set_value(BAD_ID)
    problems = {p.where for p in form.check()}
    assert "party_id_number" in problems
    text = shown(form, "party_id_number")
    assert BAD_ID in text and "check digit" in text and "party_id_number" not in text
    assert text.startswith("“")


def test_a_valid_id_number_is_not_marked(qtbot: QtBot) -> None:
    form = form_of(qtbot, "penalty_decision")
    form.inputs["party_id_number"].set_value(GOOD_ID)
    form.check()
    assert shown(form, "party_id_number") == ""


def test_an_id_number_of_another_document_type_is_not_checked(qtbot: QtBot) -> None:
    form = form_of(qtbot, "penalty_decision")
    form.inputs["party_id_type"].set_value("护照")
    form.inputs["party_id_number"].set_value("E12345678")
    form.check()
    assert shown(form, "party_id_number") == ""


def test_a_bad_credit_code_is_marked(qtbot: QtBot) -> None:
    form = form_of(qtbot, "penalty_decision")
    form.inputs["party_uscc"].set_value("91420100MA4KXXXX1Z")
    form.check()
    assert "unified social credit code" in shown(form, "party_uscc")


def test_a_deadline_on_or_before_the_issue_date_is_marked(qtbot: QtBot) -> None:
    form = form_of(qtbot, "rectification_order")
    form.inputs["deadline"].set_value((date.today() - timedelta(days=1)).isoformat())
    form.check()
    assert "must be after the issue date" in shown(form, "deadline")
    form.inputs["deadline"].set_value((date.today() + timedelta(days=15)).isoformat())
    form.check()
    assert shown(form, "deadline") == ""


def test_an_unreadable_date_in_the_form_is_marked_and_gives_no_value(qtbot: QtBot) -> None:
    form = form_of(qtbot, "rectification_order")
    form.inputs["deadline"].edit.line.setText("2026-13-40")  # type: ignore[attr-defined]
    problems = form.check()
    assert "deadline" in {p.where for p in problems}
    assert "is not a day of the calendar" in shown(form, "deadline")
    assert form.values()["deadline"] is None


def test_required_messages_name_the_field_by_its_label_only(qtbot: QtBot) -> None:
    problems = validate_fields(kind("rectification_order"), {})
    deadline = next(p for p in problems if p.where == "deadline")
    assert UserError.render(deadline, "zh_CN") == "“改正期限”为必填项：请填写后再签发。"
    assert "deadline" not in UserError.render(deadline, "en")
    form = form_of(qtbot, "rectification_order")
    form.check()
    assert shown(form, "deadline") == "“改正期限” is required: fill it in, then issue the document."

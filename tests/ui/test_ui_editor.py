"""The document editor: a form from the manifest, typed inputs, validation beside each field, live preview."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFormLayout, QLabel
from pytestqt.qtbot import QtBot

from desk.catalogue import kind
from desk.ui.editor.inputs import ChecklistInput, DateInput, MoneyInput, PartyInput
from desk.ui.editor.view import EditorView
from desk.ui.main_window import MainWindow
from desk.ui.signals import emit
from tests.ui.conftest import OPEN_CASE, WAIT_MS, open_workspace, settle


def editor_for(qtbot: QtBot, window: MainWindow, kind_id: str, doc_id: int | None = None) -> EditorView:
    workspace = open_workspace(qtbot, window, OPEN_CASE)
    workspace.open_editor(kind_id, doc_id)
    editor = window.tabs.currentWidget()
    assert isinstance(editor, EditorView)
    qtbot.waitUntil(lambda: editor.form is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: editor.preview.renders > 0 and not window.runner.busy, timeout=WAIT_MS)
    return editor


def test_the_form_has_an_input_per_manifest_field(window: MainWindow, qtbot: QtBot) -> None:
    editor = editor_for(qtbot, window, "penalty_decision")
    assert editor.form is not None
    k = kind("penalty_decision")
    assert list(editor.form.inputs) == [f.name for f in k.fields]
    inner = editor.form.widget()
    assert inner is not None
    layout = inner.layout()
    assert isinstance(layout, QFormLayout)
    items = [layout.itemAt(row, QFormLayout.ItemRole.LabelRole) for row in range(layout.rowCount())]
    labels = [item.widget() for item in items if item is not None]
    assert len(labels) == layout.rowCount()
    texts = [label.text() for label in labels if isinstance(label, QLabel)]
    assert texts == [f.label_en + (" *" if f.required else "") for f in k.fields]
    assert isinstance(editor.form.inputs["party_name"], PartyInput)
    assert isinstance(editor.form.inputs["fine"], MoneyInput)


def test_a_money_field_shows_the_rmb_capitals_as_typed(window: MainWindow, qtbot: QtBot) -> None:
    editor = editor_for(qtbot, window, "penalty_decision")
    fine = editor.form.inputs["fine"]  # type: ignore[union-attr]
    assert isinstance(fine, MoneyInput)
    fine.edit.setText("3400")
    assert fine.capitals.text() == "人民币叁仟肆佰元整"
    fine.edit.setText("3400.5")
    assert fine.capitals.text() == "人民币叁仟肆佰元伍角"
    fine.edit.setText("abc")
    assert fine.capitals.text() == ""


def test_each_field_shows_its_own_problem(window: MainWindow, qtbot: QtBot) -> None:
    editor = editor_for(qtbot, window, "penalty_decision")
    form = editor.form
    assert form is not None
    form.inputs["fine"].set_value("-5")
    form.inputs["cause"].set_value("")
    problems = {p.where for p in form.check()}
    assert {"fine", "cause"} <= problems
    assert not form.errors["fine"].isHidden() and "-5" in form.errors["fine"].text()
    assert not form.errors["cause"].isHidden() and "required" in form.errors["cause"].text()
    assert form.errors["party_name"].isHidden()
    assert not editor.save()
    assert editor.state.text() == "Correct the marked fields to save."


def test_dates_are_picked_and_may_stay_blank(window: MainWindow, qtbot: QtBot) -> None:
    editor = editor_for(qtbot, window, "rectification_order")
    deadline = editor.form.inputs["deadline"]  # type: ignore[union-attr]
    assert isinstance(deadline, DateInput) and deadline.edit.open_calendar().selectedDate() == QDate.currentDate()
    assert deadline.value() is None
    deadline.edit.line.clear()
    qtbot.keyClicks(deadline.edit.line, "2026-12-31")
    assert deadline.value() == "2026-12-31"
    deadline.set_value(None)
    assert deadline.value() is None


def test_officers_are_ticked_from_the_agencys_list(window: MainWindow, qtbot: QtBot) -> None:
    editor = editor_for(qtbot, window, "onsite_inspection_record")
    officers = editor.form.inputs["officers"]  # type: ignore[union-attr]
    assert isinstance(officers, ChecklistInput)
    ticked = officers.value()
    assert isinstance(ticked, list) and [o["name"] for o in ticked] == ["王志强", "张丽华"]
    officers.list.item(0).setCheckState(Qt.CheckState.Checked)
    assert len(officers.value()) == 3  # type: ignore[arg-type]


def test_picking_a_party_fills_its_particulars(window: MainWindow, qtbot: QtBot) -> None:
    editor = editor_for(qtbot, window, "penalty_decision")
    form = editor.form
    assert form is not None
    form.inputs["party_address"].set_value("")
    party = form.inputs["party_name"]
    assert isinstance(party, PartyInput)
    emit(party.combo.activated, 0)
    assert form.inputs["party_address"].value() == editor.start.cf.parties[0].address  # type: ignore[union-attr]
    assert form.inputs["party_uscc"].value() == editor.start.cf.parties[0].uscc  # type: ignore[union-attr]


def test_the_preview_renders_once_changes_pause_and_drops_stale_pages(window: MainWindow, qtbot: QtBot) -> None:
    editor = editor_for(qtbot, window, "rectification_order")
    before = editor.preview.renders
    correction = editor.form.inputs["correction"]  # type: ignore[union-attr]
    for text in ("立即", "立即停止", "立即停止违法建设行为"):
        correction.set_value(text)
        emit(correction.changed)
    assert editor.preview.pending
    qtbot.waitUntil(lambda: editor.preview.renders == before + 1 and not window.runner.busy, timeout=WAIT_MS)
    assert "立即停止违法建设行为" in editor.preview.text()
    settle(qtbot, window.runner)
    assert editor.preview.renders == before + 1


def test_saving_twice_drafts_then_edits(window: MainWindow, qtbot: QtBot) -> None:
    editor = editor_for(qtbot, window, "stop_order")
    workspace = window.workspace(OPEN_CASE)
    assert workspace is not None
    with qtbot.waitSignal(editor.saved, timeout=WAIT_MS):
        assert editor.save()
    first = editor.doc_id
    assert first is not None
    with qtbot.waitSignal(editor.saved, timeout=WAIT_MS):
        assert editor.save()
    assert editor.doc_id == first
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=WAIT_MS)
    drafts = [d for d in workspace.view.cf.documents if d.kind == "stop_order"]  # type: ignore[union-attr]
    assert [(d.id, d.status) for d in drafts] == [(first, "draft")]

"""The one date input (``desk.ui.dates.DateField``), typed into as a clerk types: every accepted form gives
its own date, anything else an error under the field and no date — never another date."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot

from desk.casefile.facts import Attachment
from desk.ui.case_dialogs import NewCaseDialog, RecordEventDialog
from desk.ui.dates import DateError, DateField, read_date
from desk.ui.document_dialogs import IssueDialog, ServeDialog
from desk.ui.editor.inputs import DateInput
from desk.ui.evidence_dialog import EvidenceDialog

FIFTH = date(2026, 12, 5)


def key_in(qtbot: QtBot, line: QLineEdit, text: str) -> None:
    """Type ``text``: key by key where QTest has keys for it, else as an input method commits it (Chinese)."""
    if text.isascii():
        qtbot.keyClicks(line, text)
    else:
        line.insert(text)


def typed(qtbot: QtBot, text: str, field: DateField | None = None) -> DateField:
    """A date field (empty unless given) with ``text`` typed into it, then left (Tab)."""
    field = field or DateField(None)
    qtbot.addWidget(field)
    field.line.clear()
    key_in(qtbot, field.line, text)
    qtbot.keyClick(field.line, Qt.Key.Key_Tab)
    field.line.editingFinished.emit()
    return field


def test_iso_date_typed(qtbot: QtBot) -> None:
    field = typed(qtbot, "2026-12-05")
    assert field.value() == FIFTH and field.error() == "" and field.message.isHidden()


def test_slashes_and_single_digits_typed(qtbot: QtBot) -> None:
    field = typed(qtbot, "2026/12/5")
    assert field.value() == FIFTH
    assert field.text() == "2026-12-05"  # rewritten as the same date, in ISO


def test_eight_digits_typed(qtbot: QtBot) -> None:
    field = typed(qtbot, "20261205")
    assert field.value() == FIFTH and field.text() == "2026-12-05"


def test_chinese_date_typed(qtbot: QtBot) -> None:
    field = typed(qtbot, "2026年12月5日")
    assert field.value() == FIFTH and field.text() == "2026-12-05"


def test_full_width_digits_and_dots_typed(qtbot: QtBot) -> None:
    assert typed(qtbot, "２０２６年１２月５日").value() == FIFTH
    assert typed(qtbot, "2026.12.5").value() == FIFTH


def test_thirty_first_typed_into_an_empty_field(qtbot: QtBot) -> None:
    field = typed(qtbot, "2026-12-31")
    assert field.value() == date(2026, 12, 31) and field.text() == "2026-12-31"


def test_a_day_the_calendar_lacks_is_an_error_not_another_date(qtbot: QtBot) -> None:
    field = typed(qtbot, "2026-02-30")
    assert field.value() is None
    assert not field.message.isHidden() and "2026-02-30 is not a day of the calendar" in field.message.text()
    assert field.text() == "2026-02-30"  # kept as typed, for the clerk to correct


def test_unreadable_text_is_an_error(qtbot: QtBot) -> None:
    field = typed(qtbot, "next friday")
    assert field.value() is None
    assert "is not a date" in field.message.text() and "2026年12月5日" in field.message.text()
    with pytest.raises(DateError):
        read_date("5.12.2026")


def test_retyping_a_filled_field_gives_the_date_typed(qtbot: QtBot) -> None:
    field = DateField(FIFTH)
    typed(qtbot, "2027-01-15", field)
    assert field.value() == date(2027, 1, 15)  # not 2027-12-01


def test_calendar_of_an_empty_field_opens_at_today(qtbot: QtBot) -> None:
    field = DateField(None, required=False)
    qtbot.addWidget(field)
    calendar = field.open_calendar()
    assert calendar.selectedDate() == QDate.currentDate()
    assert (calendar.yearShown(), calendar.monthShown()) == (date.today().year, date.today().month)
    assert field.message.isHidden()  # an empty optional field is no error


def test_calendar_opens_at_the_date_typed_and_picking_sets_it(qtbot: QtBot) -> None:
    field = typed(qtbot, "2026/3/9")
    qtbot.mouseClick(field.button, Qt.MouseButton.LeftButton)
    assert field.calendar is not None and field.calendar.selectedDate() == QDate(2026, 3, 9)
    field.calendar.setSelectedDate(QDate(2026, 3, 20))
    field.calendar.activated.emit(QDate(2026, 3, 20))
    assert field.value() == date(2026, 3, 20) and field.calendar.isHidden()


def test_a_date_before_the_minimum_is_refused_not_moved(qtbot: QtBot) -> None:
    field = DateField(None)
    field.setMinimumDate(date(2026, 12, 10))
    typed(qtbot, "2026-12-05", field)
    assert field.value() is None and field.text() == "2026-12-05"  # not 2026-12-10, not 2026-12-12
    assert "cannot be before 2026-12-10" in field.message.text()


def test_a_date_after_the_maximum_is_refused(qtbot: QtBot) -> None:
    field = DateField(None)
    field.setMaximumDate(date(2026, 12, 7))
    typed(qtbot, "2026-12-08", field)
    assert field.value() is None and "cannot be after 2026-12-07" in field.error()


def test_an_empty_required_field_asks_for_a_date(qtbot: QtBot) -> None:
    field = DateField(None)
    qtbot.addWidget(field)
    assert field.value() is None and field.error() == "Give a date."


def test_editor_date_input_gives_iso_text(qtbot: QtBot) -> None:
    widget = DateInput(with_time=False)
    qtbot.addWidget(widget)
    assert widget.value() is None
    key_in(qtbot, widget.edit.line, "2026年12月5日")
    assert widget.value() == "2026-12-05"
    widget.set_value("2027-01-15")
    assert widget.value() == "2027-01-15" and widget.edit.text() == "2027-01-15"


def test_editor_date_and_time_input(qtbot: QtBot) -> None:
    widget = DateInput(with_time=True)
    qtbot.addWidget(widget)
    qtbot.keyClicks(widget.edit.line, "2026/12/5 14:30")
    assert widget.value() == "2026-12-05T14:30"
    widget.set_value("2026-03-02T09:05")
    assert widget.edit.text() == "2026-03-02 09:05" and widget.value() == "2026-03-02T09:05"


def test_service_dialog_keeps_the_day_typed_and_refuses_one_before_the_issue(qtbot: QtBot) -> None:
    issued = date.today() - timedelta(days=10)
    dialog = ServeDialog("责令改正通知书", "张三", issued)
    qtbot.addWidget(dialog)
    typed(qtbot, (issued - timedelta(days=1)).isoformat(), dialog.on)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == 0 and "cannot be before" in dialog.on.message.text()
    typed(qtbot, (issued + timedelta(days=2)).strftime("%Y/%m/%d"), dialog.on)
    assert dialog.day() == issued + timedelta(days=2)  # the day typed, not another


def test_issue_dialog_refuses_a_day_to_come(qtbot: QtBot) -> None:
    dialog = IssueDialog("责令改正通知书", "东综执责改字〔2026〕1号")
    qtbot.addWidget(dialog)
    typed(qtbot, (date.today() + timedelta(days=1)).strftime("%Y%m%d"), dialog.on)
    dialog.accept()
    assert dialog.result() == 0 and "cannot be after" in dialog.on.message.text()
    typed(qtbot, date.today().strftime("%Y年%m月%d日"), dialog.on)
    assert dialog.day() == date.today()


def test_record_event_dialog_reads_a_chinese_date(qtbot: QtBot) -> None:
    dialog = RecordEventDialog()
    qtbot.addWidget(dialog)
    typed(qtbot, "2026年3月2日", dialog.on)
    assert dialog.recorded()[1] == date(2026, 3, 2)


def test_new_case_dialog_reads_the_discovery_date(qtbot: QtBot) -> None:
    dialog = NewCaseDialog([], ["一中队"])
    qtbot.addWidget(dialog)
    typed(qtbot, "20260302", dialog.discovered)
    assert dialog.values()["discovered_on"] == date(2026, 3, 2)


def test_evidence_dialog_keeps_its_input_on_a_wrong_date(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = EvidenceDialog(tmp_path / "现场照片.jpg", "陈建国")
    qtbot.addWidget(dialog)
    dialog.proves.insertPlainText("当事人占道经营")
    typed(qtbot, "2026-13-01", dialog.made_on)
    dialog.accept()
    assert dialog.result() == 0 and dialog.proves.toPlainText() == "当事人占道经营"
    assert dialog.title.text() == "现场照片" and not dialog.made_on.message.isHidden()


def test_evidence_caption_dialog_shows_the_caption_stored(qtbot: QtBot) -> None:
    stored = Attachment("现场照片", kind="photo", made_on=date(2026, 3, 2), made_by="王志强", proves="占道",
                        file="store:ab/p.jpg", id=7)
    dialog = EvidenceDialog.for_attachment(stored)
    qtbot.addWidget(dialog)
    caption = dialog.caption()
    assert (caption.title, caption.kind, caption.made_on, caption.made_by, caption.proves) == (
        "现场照片", "photo", date(2026, 3, 2), "王志强", "占道")


def test_english_shows_dates_the_one_way_its_sentences_write_them() -> None:
    from desk.ui.dates import short_date

    assert short_date(date(2026, 12, 9)) == "2026-12-09" == short_date("2026-12-09")  # not 09/12/2026
    assert short_date(None) == ""

"""The 票据/表单 view: register blocks for two squads, enter a summary decision on a form out of order through
the issue confirmation, spoil a form, read the reconciliation, export it and read it back, sign off as leader."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pypdf
from openpyxl import load_workbook
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desk.models import Officer
from desk.ui.document_dialogs import IssueDialog
from desk.ui.forms_dialogs import RegisterDialog, SpoilDialog
from desk.ui.forms_view import FormsView
from desk.ui.main_window import MainWindow
from desk.ui.session import User
from tests.conftest import DeskEnv
from tests.integration.forms_setup import EAST, SOUTH, agency_with_two_squads, draft_summary
from tests.ui.conftest import WAIT_MS, open_workspace, settle

YEAR = date.today().year  # the confirmation proposes issuing today: the blocks are of this year


def N(seq: int) -> str:
    return f"东综执简罚决字〔{YEAR}〕{seq}号"


def _window(env: DeskEnv, qtbot: QtBot, tmp_path: Path) -> tuple[MainWindow, str]:
    east_case, _ = agency_with_two_squads(env, tmp_path)
    with env.uow() as uow:
        clerk = uow.session.scalars(select(Officer).where(Officer.name == "陈建国")).one()
        clerk.login = "chenjg"
        uow.session.add(Officer(agency_id=clerk.agency_id, name="黄德明", certificate="42010020002", squad="法制科",
                                login="huangdm", roles=["leader"]))
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.cases.model.page_loaded, timeout=WAIT_MS):
        window.start("chenjg", ask=False)
    settle(qtbot, window.runner)
    return window, east_case


def _forms(window: MainWindow, qtbot: QtBot) -> FormsView:
    with qtbot.waitSignal(window.runner.busy_changed, timeout=WAIT_MS):
        view = window.open_forms()
    assert isinstance(view, FormsView)
    qtbot.waitUntil(lambda: view.data is not None, timeout=WAIT_MS)
    settle(qtbot, window.runner)
    return view


def _accept(view: FormsView, qtbot: QtBot, window: MainWindow) -> None:
    assert view.dialog is not None
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        view.dialog.accept()
    settle(qtbot, window.runner)


def _register(view: FormsView, qtbot: QtBot, window: MainWindow, first: str, last: str, *, squad: str = "",
              officer: str = "", refused: bool = False) -> None:
    view.buttons["register"].click()
    dialog = view.dialog
    assert isinstance(dialog, RegisterDialog)
    assert dialog.year.text() == str(YEAR)
    dialog.first.setText(first)
    dialog.last.setText(last)
    if squad:
        dialog.squad.setCurrentIndex(dialog.squad.findData(squad))
    if officer:
        dialog.officer.setCurrentIndex(dialog.officer.findData(officer))
    if refused:
        dialog.accept()
        qtbot.waitUntil(lambda: bool(_errors(window)), timeout=WAIT_MS)
    else:
        _accept(view, qtbot, window)


def _cells(view: FormsView) -> list[list[str]]:
    t = view.blocks
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]  # type: ignore[union-attr]


def _errors(window: MainWindow) -> list[str]:
    return [box.text() for box in window.findChildren(QMessageBox, "error") if box.isVisible()]


def test_forms_view_register_enter_spoil_reconcile_sign_off(desk_env: DeskEnv, qtbot: QtBot, tmp_path: Path
                                                            ) -> None:
    window, east_case = _window(desk_env, qtbot, tmp_path)
    view = _forms(window, qtbot)
    assert view.blocks.rowCount() == 0 and not view.buttons["sign_off"].isEnabled()

    _register(view, qtbot, window, "501", "505", squad=EAST)
    _register(view, qtbot, window, "601", "610", officer="王磊")
    assert [row[1:3] for row in _cells(view)] == [[f"简罚决〔{YEAR}〕501–505", EAST], [f"简罚决〔{YEAR}〕601–610",
                                                                                   f"{SOUTH} / 王磊"]]
    # a bad range: one line naming the field, nothing registered
    _register(view, qtbot, window, "9", "1", squad=EAST, refused=True)
    assert "--from 9 is after --to 1" in _errors(window)[0] and view.blocks.rowCount() == 2
    for box in window.findChildren(QMessageBox, "error"):
        box.close()

    # enter a summary decision on form 503 (the confirmation proposes 501, the clerk types what is printed)
    draft_summary(desk_env, east_case)
    workspace = open_workspace(qtbot, window, int(east_case))
    panel = workspace.documents
    assert panel.select("summary_penalty_decision")
    panel.actions_by_name["issue"].trigger()
    qtbot.waitUntil(lambda: isinstance(panel.dialog, IssueDialog), timeout=WAIT_MS)
    confirm = panel.dialog
    assert isinstance(confirm, IssueDialog)
    assert confirm.form_number.text() == N(501) and confirm.day() == date.today()
    confirm.form_number.setText("503")
    with qtbot.waitSignal(workspace.loaded, timeout=WAIT_MS):
        confirm.accept()
    issued = next(d for d in workspace.view.cf.documents if d.kind == "summary_penalty_decision")  # type: ignore[union-attr]
    assert (issued.status, issued.number) == ("issued", N(503))

    # spoil 504 in the forms view; the reconciliation lists every number once
    view = _forms(window, qtbot)
    view.blocks.selectRow(0)
    settle(qtbot, window.runner)
    view.buttons["spoil"].click()
    spoil = view.dialog
    assert isinstance(spoil, SpoilDialog) and spoil.number.text() == N(501)
    spoil.number.setText("504")
    spoil.reason.setPlainText("填写错误，当场作废")
    _accept(view, qtbot, window)
    lines = view.lines
    states = [(lines.item(r, 0).text(), lines.item(r, 1).text()) for r in range(lines.rowCount())]  # type: ignore[union-attr]
    assert states == [(N(501), "unused"), (N(502), "unused"),
                      (N(503), "used"), (N(504), "spoiled"), (N(505), "unused")]
    assert _cells(view)[0][3:7] == ["1", "504", "3", N(501)]

    # exported and read back
    out = tmp_path / "reconciliation.xlsx"
    view.export_xlsx(out)
    settle(qtbot, window.runner)
    sheet = load_workbook(out).active
    assert sheet is not None
    read = [(r[1], r[2], r[3] or "") for r in sheet.iter_rows(min_row=4, values_only=True)]
    assert read == [(N(501), "unused", ""), (N(502), "unused", ""),
                    (N(503), "used", "东综执立字〔2026〕91号"), (N(504), "spoiled", ""),
                    (N(505), "unused", "")]

    # saved as PDF for printing: every number once
    printed = tmp_path / "reconciliation.pdf"
    view.save_pdf(printed)
    settle(qtbot, window.runner)
    text = "".join(page.extract_text() for page in pypdf.PdfReader(printed).pages)
    assert [text.count(N(seq)) for seq in range(501, 506)] == [1] * 5

    # a clerk may not sign off; a leader may, once no number is unused
    assert not view.buttons["sign_off"].isEnabled()
    window.sign_in(User("huangdm", "黄德明", frozenset({"leader"})))
    view = _forms(window, qtbot)
    view.blocks.selectRow(0)
    settle(qtbot, window.runner)
    assert view.buttons["sign_off"].isEnabled()
    view.buttons["sign_off"].click()
    qtbot.waitUntil(lambda: bool(_errors(window)), timeout=WAIT_MS)
    assert "3 number(s) are unused (501–502, 505)" in _errors(window)[0]
    for box in window.findChildren(QMessageBox, "error"):
        box.close()
    for number in ("501", "502", "505"):
        assert desk_env.run("forms", "spoil", number, "--reason", "遗失").code == 0
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        view.buttons["sign_off"].click()
    settle(qtbot, window.runner)
    assert _cells(view)[0][7].startswith("黄德明 ") and not view.buttons["sign_off"].isEnabled()

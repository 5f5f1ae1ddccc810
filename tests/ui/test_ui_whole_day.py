"""A clerk's and an archivist's day, through real widgets: search a case, draft a rectification order, fill
it, watch the preview, issue it, serve it, bind the dossier, read the check, archive a clean closed case."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot

from desk.casefile.numbers import format_number, parse_number
from desk.catalogue import kind
from desk.ui.document_dialogs import DraftDialog, IssueDialog, ServeDialog
from desk.ui.editor.view import EditorView
from desk.ui.signals import emit
from tests.conftest import TEST_PASSPHRASE, DeskEnv
from tests.ui.conftest import CLEAN_CLOSED_CASE, WAIT_MS, OpenWindow, case_rows, casefile, open_workspace, settle


def next_number(demo: DeskEnv, case_id: int, kind_id: str, on: date) -> str:
    """The number the next document of ``kind_id`` issued on ``on`` takes: one past the agency's last that year."""
    code, agency = kind(kind_id).code, casefile(demo, case_id).agency
    parsed = [parse_number(agency.number_pattern, agency.code, d.number)
              for row in case_rows(demo) for d in casefile(demo, row.id).documents if d.number]
    last = max((p.seq for p in parsed if p and (p.code, p.year) == (code, on.year)), default=0)
    return format_number(agency.number_pattern, agency=agency.code, code=code, year=on.year, seq=last + 1)


def test_a_clerks_day(open_window: OpenWindow, qtbot: QtBot, demo: DeskEnv) -> None:
    window = open_window("liuxy")  # 刘晓燕, clerk
    cases = window.cases
    rows = [r for r in case_rows(demo) if r.squad == "东湖街道中队"]  # a clerk sees her squad's cases
    # the case filed last: an open case with only its filing done
    target = max((r for r in rows if r.status == "open" and r.procedure == "general"), key=lambda r: r.filed_on or "")
    number = target.number
    assert number

    # search a case as you type (QTest types ASCII only: the characters go in one by one)
    with qtbot.waitSignal(cases.model.page_loaded, timeout=WAIT_MS):
        for character in target.party:
            cases.search.insert(character)
    found = [cases.model.row(i).id for i in range(cases.model.rowCount())]
    assert found == [r.id for r in rows if target.party in f"{r.number} {r.party} {r.cause}"] and target.id in found
    with qtbot.waitSignal(cases.model.page_loaded, timeout=WAIT_MS):
        cases.search.setText(number)
    assert [cases.model.row(i).number for i in range(cases.model.rowCount())] == [number]
    index = cases.model.index(0, 0)
    emit(cases.table.doubleClicked, index)
    workspace = window.workspace(cases.model.row(0).id)
    assert workspace is not None
    qtbot.waitUntil(lambda: workspace.view is not None, timeout=WAIT_MS)
    assert workspace.number.text() == number

    # draft a rectification order
    panel = workspace.documents
    panel.actions_by_name["draft"].trigger()
    assert isinstance(panel.dialog, DraftDialog)
    panel.dialog.choose("rectification_order")
    panel.dialog.accept()
    editor = window.tabs.currentWidget()
    assert isinstance(editor, EditorView)
    qtbot.waitUntil(lambda: editor.form is not None, timeout=WAIT_MS)
    form = editor.form
    assert form is not None

    # fill the fields the case does not give
    assert {"correction", "deadline"} <= {p.where for p in form.check()}
    form.inputs["correction"].set_value("立即停止建设，并于期限内自行拆除违法建设部分。")
    form.inputs["consequence"].set_value("逾期不改正的，本机关将依法予以处罚。")
    deadline = date.today() + timedelta(days=15)
    form.inputs["deadline"].set_value(deadline.isoformat())
    assert form.check() == []

    # the preview shows the party's name
    party = workspace.view.cf.main_party.name  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: party in editor.preview.text() and not editor.preview.pending, timeout=WAIT_MS)

    # save the draft: it appears in the case's documents
    with qtbot.waitSignal(workspace.loaded, timeout=WAIT_MS):
        assert editor.save()
    draft = next(d for d in workspace.view.cf.documents if d.kind == "rectification_order")  # type: ignore[union-attr]
    assert draft.status == "draft" and draft.number is None

    # issue: the confirmation shows the number it will take, the table then shows it
    assert panel.select(draft.reference)
    panel.actions_by_name["issue"].trigger()
    qtbot.waitUntil(lambda: isinstance(panel.dialog, IssueDialog), timeout=WAIT_MS)
    confirm = panel.dialog
    assert isinstance(confirm, IssueDialog)
    expected = next_number(demo, target.id, "rectification_order", date.today())
    assert expected in confirm.message.text()
    with qtbot.waitSignal(workspace.loaded, timeout=WAIT_MS):
        confirm.accept()
    issued = next(d for d in workspace.view.cf.documents if d.kind == "rectification_order")  # type: ignore[union-attr]
    assert (issued.status, issued.number) == ("issued", expected)
    row = next(r for r in range(panel.model.rowCount()) if panel.model.docs[r].id == issued.id)
    assert panel.model.index(row, 1).data() == expected

    # record service: the 送达回证 follows
    assert panel.select(expected)
    assert panel.actions_by_name["serve"].isEnabled()
    panel.actions_by_name["serve"].trigger()
    assert isinstance(panel.dialog, ServeDialog)
    assert panel.dialog.receiver.text()
    with qtbot.waitSignal(workspace.loaded, timeout=WAIT_MS):
        panel.dialog.accept()
    served = next(d for d in workspace.view.cf.documents if d.number == expected)  # type: ignore[union-attr]
    assert served.served_on == date.today() and served.service == "direct"
    assert any(d.kind == "service_receipt" and d.serves == expected
               for d in workspace.view.cf.documents)  # type: ignore[union-attr]

    # bind the main volume: progress reaches 100 %
    dossier = workspace.dossier
    workspace.tabs.setCurrentWidget(dossier)
    dossier.volume.setCurrentIndex(dossier.volume.findData("main"))
    seen: list[int] = []
    with qtbot.waitSignal(dossier.built, timeout=WAIT_MS) as built:
        dossier.build_button.click()
        assert dossier.task is not None
        dossier.task.progressed.connect(lambda pct, _text: seen.append(pct))
    assert seen and max(seen) == 100
    result = built.args[0][0]
    assert result.path.is_file() and result.pages > 3
    assert any(item.number == expected for item in result.items)

    # the check panel shows the findings of this open case
    check = workspace.check
    workspace.tabs.setCurrentWidget(check)
    assert check.tree.topLevelItemCount() >= 1
    assert "Blockers" in check.tree.topLevelItem(0).text(0)  # type: ignore[union-attr]
    assert not check.archive.isEnabled()


def test_an_archivists_day(open_window: OpenWindow, qtbot: QtBot, tmp_path: Path) -> None:
    window = open_window("qianxy")  # 钱秀英, archivist
    workspace = open_workspace(qtbot, window, CLEAN_CLOSED_CASE)
    check = workspace.check
    assert check.view is not None and check.view.report.archivable
    assert check.archive.isEnabled()
    check.archive.click()
    wizard = workspace.wizard
    assert wizard is not None
    wizard.retention.setCurrentIndex(wizard.retention.findData("30y"))
    target = tmp_path / "package.zip"
    wizard.destination.setText(str(target))
    wizard.passphrase.setText(TEST_PASSPHRASE)  # (the first archive makes the agency's key with it)
    with qtbot.waitSignal(wizard.archived, timeout=WAIT_MS) as archived:
        wizard.next()
        wizard.accept()
    result = archived.args[0]
    assert target.is_file() and result.archive_number
    qtbot.waitUntil(lambda: workspace.view is not None and workspace.view.cf.status == "archived", timeout=WAIT_MS)
    settle(qtbot, window.runner)
    assert not check.archive.isEnabled()
    assert not workspace.documents.actions_by_name["draft"].isEnabled()
    assert workspace.number.text() in window.tabs.tabText(window.tabs.indexOf(workspace))
    window.cases.status.setCurrentIndex(window.cases.status.findData("archived"))
    qtbot.waitUntil(lambda: window.cases.model.rowCount() == 1, timeout=WAIT_MS)

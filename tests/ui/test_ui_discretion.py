"""Picking the discretion applied in the case and in the decision editor; the administrator's standards table."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desk.discretion.demo import SHIPPED, shipped
from desk.models import Case
from desk.ui.discretion import DiscretionPicker, StandardsDialog
from desk.ui.editor.inputs import MoneyInput
from desk.ui.editor.view import EditorView
from desk.ui.main_window import MainWindow
from tests.conftest import DeskEnv
from tests.ui.conftest import WAIT_MS, OpenWindow, casefile, open_workspace, settle


def road_case(env: DeskEnv, status: str) -> int:
    """The demo's case of item 12 (擅自占用城市道路) in ``status``."""
    with env.uow(write=False) as uow:
        return next(c.id for c in uow.session.scalars(select(Case).order_by(Case.id))
                    if c.discretion.get("item") == "12" and c.status == status)


def picker_of(qtbot: QtBot, window: MainWindow, case_id: int) -> DiscretionPicker:
    workspace = open_workspace(qtbot, window, case_id)
    workspace.tabs.setCurrentWidget(workspace.discretion)
    qtbot.waitUntil(lambda: workspace.discretion.view is not None, timeout=WAIT_MS)
    settle(qtbot, window.runner)
    return workspace.discretion


def test_the_case_shows_its_item_tier_ranges_and_circumstances(window: MainWindow, qtbot: QtBot, demo: DeskEnv
                                                               ) -> None:
    picker = picker_of(qtbot, window, road_case(demo, "closed"))
    assert picker.status.text() == "The case applies item 12 of version 2025-1, tier 较轻."
    # only the items for the provisions violated (城市道路管理条例 Art 27, 30) and the party's kind
    assert [picker.items.item(i).text() for i in range(picker.items.count())] == [
        "2025-1 第12项  擅自占用或者挖掘城市道路  ［20,000元以下］"]
    assert picker.tier.currentText() == "较轻"
    assert [picker.tier.itemText(i) for i in range(picker.tier.count())] == ["较轻", "一般", "严重"]
    assert picker.when.text() == "占用面积10平方米以下且3日以下，经责令后立即改正"
    assert picker.ranges.text() == "statutory: 20,000元以下；this tier: 4,000元以下"
    assert [picker.circumstances.item(i).text() for i in range(picker.circumstances.count())] == [
        "从轻：《中华人民共和国行政处罚法》第三十二条第（一）项 主动消除或者减轻违法行为危害后果"]
    assert picker.warning.text() == ""  # the demo's fine of 1 000 yuan lies in the tier


def test_the_fine_is_warned_outside_the_tier_and_the_law(window: MainWindow, qtbot: QtBot, demo: DeskEnv) -> None:
    picker = picker_of(qtbot, window, road_case(demo, "closed"))
    picker.set_fine("4000")
    assert picker.warning.text() == ""
    picker.set_fine("4001")
    assert picker.warning.text() == "The fine is above the tier's range: record the 从重 circumstance that explains it."
    picker.effect.setCurrentText("从重")
    picker.ground.setEditText("一年内再次占用城市道路")
    picker.add_circumstance()
    assert picker.warning.text() == ""
    picker.set_fine("20001")
    assert picker.warning.text().startswith("The fine is above the statutory maximum: no circumstance allows it")


def test_search_by_act_beyond_the_provisions_violated(window: MainWindow, qtbot: QtBot, demo: DeskEnv) -> None:
    picker = picker_of(qtbot, window, road_case(demo, "closed"))
    picker.only_matching.setChecked(False)
    everything = picker.items.count()
    # every item of the version in force for any party or for persons (an individual business counts as one)
    assert everything == len([i for i in shipped().items if i.subject in ("any", "person")]) == 9
    texts = [picker.items.item(i).text() for i in range(everything)]
    assert not any("（单位）" in t for t in texts)  # items for organisations do not apply to this party
    picker.search.setText("烧烤")  # typed (keyClicks cannot type Chinese offscreen)
    assert [picker.items.item(i).text().split("  ")[:2] for i in range(picker.items.count())] == [
        ["2025-1 第9项", "在当地人民政府禁止的时段和区域内露天烧烤食品或者为露天烧烤食品提供场地"]]


def test_applying_a_tier_records_it_on_the_case(window: MainWindow, qtbot: QtBot, demo: DeskEnv) -> None:
    case_id = road_case(demo, "open")
    picker = picker_of(qtbot, window, case_id)
    picker.tier.setCurrentText("一般")
    assert picker.ranges.text() == "statutory: 20,000元以下；this tier: 8,000元以上12,000元以下"
    with qtbot.waitSignal(picker.applied, timeout=WAIT_MS):
        picker.apply_button.click()
    settle(qtbot, window.runner)
    d = casefile(demo, case_id).case.discretion
    assert (d.item, d.version, d.level) == ("12", "2025-1", "一般")
    assert [c.effect for c in d.circumstances] == ["从轻"]


def test_the_decision_editor_picks_the_tier_and_its_fields_follow(window: MainWindow, qtbot: QtBot, demo: DeskEnv
                                                                  ) -> None:
    case_id = road_case(demo, "open")
    workspace = open_workspace(qtbot, window, case_id)
    workspace.open_editor("penalty_decision", None)
    editor = window.tabs.currentWidget()
    assert isinstance(editor, EditorView)
    qtbot.waitUntil(lambda: editor.form is not None and hasattr(editor, "discretion"), timeout=WAIT_MS)
    picker = editor.discretion
    qtbot.waitUntil(lambda: picker.view is not None, timeout=WAIT_MS)
    settle(qtbot, window.runner)
    assert editor.form is not None
    fine = editor.form.inputs["fine"]
    assert isinstance(fine, MoneyInput)
    fine.edit.setText("30000")  # typed in the decision's fine field: above the law's 20 000
    assert picker.warning.text().startswith("The fine is above the statutory maximum")
    note = editor.fine_note  # under the fine field: the ranges, and the warning
    assert note.text() == "statutory: 20,000元以下；this tier: 4,000元以下\n" + picker.warning.text()
    assert picker.warning.text().splitlines()[1] == (
        "The fine is above the tier's range: record the 从重 circumstance that explains it.")
    fine.edit.setText("9000")
    picker.tier.setCurrentText("一般")
    assert picker.warning.text() == ""
    assert note.text() == "statutory: 20,000元以下；this tier: 8,000元以上12,000元以下"
    with qtbot.waitSignal(picker.applied, timeout=WAIT_MS):
        picker.apply_button.click()
    qtbot.waitUntil(lambda: editor.form is not None and editor.form.inputs["discretion_level"].value() == "一般",
                    timeout=WAIT_MS)
    reasoning = str(editor.form.inputs["discretion"].value())
    assert "违法情节符合“一般”阶次（占用面积10平方米以上50平方米以下，或者挖掘城市道路）" in reasoning
    assert editor.form.inputs["discretion_standard"].value() == "《江城市城市管理行政处罚裁量基准》（2025-1版）第12项"


def test_the_standards_table_and_the_admin_import(open_window: OpenWindow, qtbot: QtBot, tmp_path: Path) -> None:
    window = open_window("zhenggp")  # leader and administrator
    assert window.session is not None
    dialog = StandardsDialog(window.runner, window.session, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.topLevelItemCount() == 1, timeout=WAIT_MS)
    top = dialog.table.topLevelItem(0)
    assert top is not None and top.text(0) == "2025-1" and top.childCount() == 16
    first = top.child(0)
    assert first is not None
    assert (first.text(0), first.text(2)) == ("第1项", "50,000元以上500,000元以下")
    assert dialog.import_button.isEnabled()
    newer = tmp_path / "2026-1.toml"
    newer.write_text(SHIPPED.read_text(encoding="utf-8").replace('version = "2025-1"', 'version = "2026-1"'),
                     encoding="utf-8")
    dialog.import_file(newer)
    qtbot.waitUntil(lambda: dialog.table.topLevelItemCount() == 2, timeout=WAIT_MS)


def test_only_an_administrator_imports(window: MainWindow, qtbot: QtBot) -> None:
    assert window.session is not None
    dialog = StandardsDialog(window.runner, window.session, window)
    qtbot.addWidget(dialog)
    assert not dialog.import_button.isEnabled()

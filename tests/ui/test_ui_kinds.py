"""The "Draft…" kind chooser: the kinds the case expects next first, the rest grouped by procedure stage,
in a list that fits a 1366×768 screen and filters as one types."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from desk.catalogue import STEPS, catalogue, kind
from desk.ui.document_dialogs import DraftDialog

EXPECTED = ("rectification_order", "onsite_inspection_record")


def dialog(qtbot: QtBot, suggested: tuple[str, ...] = EXPECTED) -> DraftDialog:
    found = DraftDialog(list(catalogue()), None, suggested=suggested)
    qtbot.addWidget(found)
    return found


def test_the_kinds_expected_next_come_first_and_are_chosen(qtbot: QtBot) -> None:
    chooser = dialog(qtbot).kind
    assert chooser.groups()[0] == "Expected next"
    assert chooser.kinds_in(0) == list(EXPECTED)
    assert chooser.chosen() == "rectification_order"  # not 送达回证


def test_every_kind_is_grouped_by_its_stage_in_procedure_order(qtbot: QtBot) -> None:
    chooser = dialog(qtbot, ()).kind
    groups = chooser.groups()
    assert len(groups) == len({kind(k).step for k in catalogue()})
    seen = [k for g in range(len(groups)) for k in chooser.kinds_in(g)]
    assert sorted(seen) == sorted(catalogue())
    steps = [kind(chooser.kinds_in(g)[0]).step for g in range(len(groups))]
    assert steps == sorted(steps, key=STEPS.index)
    assert all(kind(k).step == steps[g] for g in range(len(groups)) for k in chooser.kinds_in(g))


def test_the_chooser_fits_the_screen(qtbot: QtBot) -> None:
    found = dialog(qtbot)
    found.show()
    assert found.kind.tree.maximumHeight() <= 420
    assert found.sizeHint().height() < 700


def test_typing_filters_the_kinds(qtbot: QtBot) -> None:
    found = dialog(qtbot)
    chooser = found.kind
    qtbot.keyClicks(chooser.filter, "hearing")
    visible = [item.data(0, 256) for top in chooser._tops() if not top.isHidden()
               for item in (top.child(i) for i in range(top.childCount())) if item and not item.isHidden()]
    assert visible and all("hearing" in str(k) or "hearing" in kind(str(k)).title_en.lower() for k in visible)


def test_a_stage_heading_cannot_be_drafted(qtbot: QtBot) -> None:
    found = dialog(qtbot)
    ok = found.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled()
    found.kind.tree.setCurrentItem(found.kind._tops()[1])
    assert found.kind.chosen() is None and not ok.isEnabled()
    found.choose("penalty_decision")
    assert found.chosen() == "penalty_decision" and ok.isEnabled()

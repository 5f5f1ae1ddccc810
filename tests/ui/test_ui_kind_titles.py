"""Document kind titles in the zh_TW window are in Taiwan's script (責令…通知書, …決定書), in the case's document
list and the kind chooser (the timeline names documents by the same function); printed documents keep the
agency's simplified titles."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from desk.catalogue import catalogue, kind
from desk.ui.main_window import MainWindow
from desk.ui.text import kind_title
from tests.ui.conftest import CLEAN_CLOSED_CASE, WAIT_MS, settle
from tests.ui.test_ui_live_language import choose
from tools.po_zh_tw import to_taiwan


def taiwan(kind_id: str) -> str:
    return to_taiwan(kind(kind_id).title)


def test_the_documents_table_shows_taiwan_titles(window: MainWindow, qtbot: QtBot) -> None:
    choose(window, "繁體中文")
    settle(qtbot, window.runner)
    workspace = window.open_case(CLEAN_CLOSED_CASE)
    qtbot.waitUntil(lambda: workspace.view is not None and workspace.documents.model.rowCount() > 0, timeout=WAIT_MS)
    model = workspace.documents.model
    cells = {model.docs[row].kind: str(model.index(row, 0).data()) for row in range(model.rowCount())}
    assert {k: taiwan(k) for k in cells} == cells
    simplified = [text for k, text in cells.items() if text == kind(k).title and taiwan(k) != kind(k).title]
    assert simplified == []
    shown = "".join(cells.values())
    assert "決定書" in shown and "决定书" not in shown and "處罰" in shown


def test_the_kind_chooser_speaks_taiwan_script(window: MainWindow, qtbot: QtBot) -> None:
    choose(window, "繁體中文")
    settle(qtbot, window.runner)
    from desk.ui.document_dialogs import DraftDialog

    chooser = DraftDialog(list(catalogue()), window, suggested=("rectification_order",)).kind
    titles = {str(item.data(0, Qt.ItemDataRole.UserRole)): item.text(0) for top in chooser._tops()
              for item in (top.child(i) for i in range(top.childCount())) if item is not None}
    assert titles == {k: taiwan(k) for k in catalogue()}
    assert titles["rectification_order"] == "責令（限期）改正通知書" and titles["stop_order"].startswith("責令")
    assert kind_title("penalty_decision") == "行政處罰決定書"


def test_the_catalogs_follow_the_manifests_titles() -> None:
    from desk.i18n import gettext

    assert {k: gettext(v.title_en, "zh_CN") for k, v in catalogue().items()} == {
        k: v.title for k, v in catalogue().items()}
    assert {k: gettext(v.title_en, "en") for k, v in catalogue().items()} == {
        k: v.title_en for k, v in catalogue().items()}


def test_the_dossier_index_names_documents_in_taiwan_script(window: MainWindow, qtbot: QtBot) -> None:
    choose(window, "繁體中文")
    settle(qtbot, window.runner)
    workspace = window.open_case(CLEAN_CLOSED_CASE)
    dossier = workspace.dossier
    qtbot.waitUntil(lambda: dossier.tree.topLevelItemCount() > 0, timeout=WAIT_MS)
    shown = [leaf.text(0) for top in range(dossier.tree.topLevelItemCount())
             for section in _children(dossier.tree.topLevelItem(top)) for leaf in _children(section)]
    kinds = [k for k in catalogue() if kind(k).title != taiwan(k)]
    assert any("決定書" in t for t in shown)
    assert not [t for t in shown for k in kinds if kind(k).title in t]  # no simplified kind title left


def _children(item: QTreeWidgetItem | None) -> list[QTreeWidgetItem]:
    assert item is not None
    return [c for i in range(item.childCount()) if (c := item.child(i)) is not None]


def test_the_editor_labels_and_choices_speak_taiwan_script(window: MainWindow, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QFormLayout, QLabel

    from tests.ui.conftest import OPEN_CASE, open_new_editor

    choose(window, "繁體中文")
    editor = open_new_editor(qtbot, window, OPEN_CASE, "rectification_order")
    form = editor.findChild(QFormLayout)
    assert form is not None
    labels = {w.text().removesuffix(" *") for w in form.parentWidget().findChildren(QLabel)}
    manifest = {f.label for f in kind("rectification_order").fields}
    assert "責令改正（停止）的具體規定" in labels and "违法事实" not in labels
    assert not [label for label in manifest if label in labels and to_taiwan(label) != label]  # none left simplified
    assert {to_taiwan(label) for label in manifest} <= labels
    from desk.ui.text import choice_text

    assert choice_text("direct") == "直接送達" and choice_text("individual_business") == "個體工商戶"


def test_every_printed_wording_has_its_taiwan_form_in_the_catalog() -> None:
    from desk.i18n import gettext
    from desk.render.labels import CHOICE_LABELS

    wordings = {f.label for k in catalogue().values() for f in k.fields} | set(CHOICE_LABELS.values())
    assert {w: gettext(w, "zh_TW") for w in wordings} == {w: to_taiwan(w) for w in wordings}
    assert gettext("复核结论", "zh_TW") == "複核結論" and gettext("审核结论", "zh_TW") == "審核結論"
    assert {w: gettext(w, "zh_CN") for w in wordings} == {w: w for w in wordings}  # zh_CN prints them as they are

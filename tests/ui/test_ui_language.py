"""Languages: every UI string translated in zh_CN, zh_TW and en; Qt's dialogs and QLocale follow the choice;
the choice made in the settings menu applies at the next start; the window remembers its geometry."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QRect, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import desk.ui
from desk.i18n import LOCALE_DIR
from desk.ui import language
from desk.ui.main_window import MainWindow
from tests.conftest import DeskEnv
from tests.ui.conftest import WAIT_MS, settle


def ui_msgids() -> set[str]:
    """Every string the window passes through ``_`` or marks with ``N_``."""
    found: set[str] = set()
    for path in Path(desk.ui.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "N_")
                    and node.args and isinstance(node.args[0], ast.Constant)):
                found.add(str(node.args[0].value))
    return found


@pytest.mark.parametrize("lang", ["zh_CN", "zh_TW", "en"])
def test_every_ui_string_is_translated(lang: str) -> None:
    from babel.messages.pofile import read_po

    with (LOCALE_DIR / lang / "LC_MESSAGES" / "desk.po").open("rb") as f:
        catalog = {str(m.id): str(m.string) for m in read_po(f, locale=lang) if m.id and m.string and not m.fuzzy}
    ids = ui_msgids()
    assert len(ids) > 150
    assert sorted(ids - set(catalog)) == []
    if lang != "en":
        assert catalog["Cases"] == "案件" and catalog["Case number"] in ("案号", "案號")


def test_qt_dialogs_and_locale_follow_the_language(qapp: QApplication) -> None:
    translator = language.install(qapp, "zh_CN")
    try:
        assert translator is not None
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
        assert QLocale().name() == "zh_CN"
    finally:
        if translator is not None:
            qapp.removeTranslator(translator)
        language.install(qapp, "en")
    assert QLocale().name() == "en_GB"


def test_the_language_chosen_applies_at_the_next_start(desk_env: DeskEnv, monkeypatch: pytest.MonkeyPatch) -> None:
    language.choose("zh_TW")
    monkeypatch.delenv("DESK_LANG")
    assert language.apply_preference() == "zh_TW"
    from desk.ui.text import _

    assert _("Cases") == "案件" and _("Case number") == "案號"
    monkeypatch.setenv("DESK_LANG", "en")  # the environment wins over the stored choice
    assert language.apply_preference() == "en"


def test_the_window_speaks_the_language_and_remembers_its_geometry(demo: DeskEnv, qtbot: QtBot,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESK_LANG", "zh_CN")
    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    with qtbot.waitSignal(first.cases.model.page_loaded, timeout=WAIT_MS):
        first.start("chenjg", ask=False)
    settle(qtbot, first.runner)
    assert first.tabs.tabText(0) == "案件"
    assert first.cases.model.headerData(0, Qt.Orientation.Horizontal) == "案号"
    assert [a.text() for a in first.menuBar().actions()] == ["文件(&F)", "视图(&V)", "报表(&R)", "设置(&S)", "帮助(&H)"]
    first.setGeometry(QRect(10, 20, 790, 520))
    size = first.size()
    first.close()

    second = MainWindow()
    qtbot.addWidget(second)
    assert second.size() == size and size.height() == 520

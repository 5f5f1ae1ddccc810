"""Settings › Agency settings… : an administrator changes what the documents print; a clerk may not."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from desk.services.agency_settings import current
from desk.ui.settings_dialog import SettingsDialog
from tests.conftest import DeskEnv
from tests.ui.conftest import WAIT_MS, OpenWindow, settle

ADMIN = "zhenggp"


def test_an_admin_changes_the_contact_phone_in_the_dialog(open_window: OpenWindow, demo: DeskEnv, qtbot: QtBot,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_window(ADMIN)
    shown: list[SettingsDialog] = []

    def exec_(dialog: SettingsDialog) -> int:
        shown.append(dialog)
        assert dialog.edits["contact.phone"].text() == "027-87654321"
        assert dialog.edits["hearing_threshold_person"].text() == "10000"
        dialog.edits["contact.phone"].setText("027-12345678")
        return 1

    monkeypatch.setattr(SettingsDialog, "exec", exec_)
    window.agency_settings_action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=WAIT_MS)
    settle(qtbot, window.runner)
    assert shown[0].changed() == {"contact.phone": "027-12345678"}
    with demo.uow(write=False) as uow:
        assert current(uow)["contact.phone"] == "027-12345678"


def test_a_clerk_is_told_only_an_admin_may(open_window: OpenWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_window("liuxy")
    told: list[str] = []
    monkeypatch.setattr("desk.ui.main_window.QMessageBox.information", lambda *a: told.append(a[2]))
    window.agency_settings_action.trigger()
    assert told == ["Only an administrator may change the settings."]

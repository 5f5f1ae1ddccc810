"""``desk gui --screenshot FILE --case CASE --view VIEW``: opens the window offscreen, shows the view, saves a
picture, prints its path and exits 0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from desk.errors import UserError
from tests.conftest import DeskEnv


@pytest.mark.parametrize("view", ["list", "check"])
def test_a_screenshot_of_a_view(demo: DeskEnv, tmp_path: Path, view: str) -> None:
    target = tmp_path / f"{view}.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "desk", "gui", "--screenshot", str(target), "--case",
                           "东综执立字〔2026〕8号", "--view", view], capture_output=True, text=True, env=env,
                          timeout=180, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(target)
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1366, 768)  # the smallest office screen (#15)


def test_the_gui_verb_takes_the_contracts_views() -> None:
    from desk.cli import build_parser

    args = build_parser().parse_args(["gui", "--screenshot", "x.png", "--view", "dossier"])
    assert (args.verb, args.view, args.screenshot) == ("gui", "dossier", Path("x.png"))
    with pytest.raises(UserError, match="invalid choice"):
        build_parser().parse_args(["gui", "--view", "nowhere"])

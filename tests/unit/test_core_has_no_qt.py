"""The core is a library: importing any core module never loads PySide6."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import desk


def core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(desk.__path__, "desk."):
        if info.name.startswith(("desk.ui", "desk.db.migrations")) or info.name == "desk.__main__":
            continue
        names.append(info.name)
    return names


def test_there_are_core_modules_to_check() -> None:
    assert {"desk.cli", "desk.services.cases", "desk.models", "desk.casefile.schema"} <= set(core_modules())


def test_importing_every_core_module_does_not_load_pyside6() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {core_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"

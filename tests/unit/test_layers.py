"""The dependency direction of ARCHITECTURE.md: ui → services → (render, dossier, procedure, archive,
reports) → models, db; errors, i18n and config are leaves. Checked on every module's imports."""

from __future__ import annotations

import ast
from pathlib import Path

import desk

ROOT = Path(desk.__file__).parent
LOWER = ("casefile", "catalogue", "models", "db", "render", "dossier", "procedure", "archive", "reports")
LEAVES = ("errors", "i18n", "config")


def imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("desk"):
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("desk"))
    return found


def area(path: Path) -> str:
    rel = path.relative_to(ROOT)
    return rel.parts[0].removesuffix(".py")


def violations() -> list[str]:
    out = []
    for path in ROOT.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        here = area(path)
        for name in imports(path):
            parts = name.split(".")
            target = parts[1] if len(parts) > 1 else ""
            if target == "ui" and here not in ("ui", "cli"):
                out.append(f"{path.relative_to(ROOT)} imports {name}")
            if here in LOWER and target in ("services", "cli", "ui"):
                out.append(f"{path.relative_to(ROOT)} imports {name}")
            if here == "services" and target in ("cli", "ui"):
                out.append(f"{path.relative_to(ROOT)} imports {name}")
            if here in LEAVES and target and target not in LEAVES and target != "__init__":
                out.append(f"{path.relative_to(ROOT)} imports {name}")
    return sorted(out)


def test_checker_sees_a_violation(tmp_path: Path) -> None:
    bad = ROOT / "render" / "_layer_probe.py"
    bad.write_text("from desk.services import cases\n", encoding="utf-8")
    try:
        assert "render/_layer_probe.py imports desk.services" in violations()
    finally:
        bad.unlink()


def test_dependency_direction() -> None:
    assert violations() == []

"""The shipped templates and manifests are what tools/make_templates.py builds from its code."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest

from desk.catalogue import TEMPLATES_DIR, load_manifest

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))  # tools/ is a folder of the repository, not of the installed package

from tools.make_templates import form_for, specs  # noqa: E402
from tools.templates.common import Spec  # noqa: E402
from tools.templates.fieldsets import fields_toml  # noqa: E402

SPECS = sorted(specs().values(), key=lambda s: s.id)


def _xml(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml").decode("utf-8")


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.id)
def test_shipped_template_is_up_to_date(spec: Spec, tmp_path: Path) -> None:
    kind = load_manifest(TEMPLATES_DIR / spec.id / "manifest.toml")
    built = tmp_path / "template.docx"
    form_for(spec, kind).save(built, title=kind.title)
    assert built.read_bytes() == (TEMPLATES_DIR / spec.id / "template.docx").read_bytes(), (
        "run: python -m tools.make_templates"
    )
    assert _xml(built) == _xml(TEMPLATES_DIR / spec.id / "template.docx")
    assert (TEMPLATES_DIR / spec.id / "manifest.toml").read_text(encoding="utf-8").endswith(fields_toml(spec.fields))

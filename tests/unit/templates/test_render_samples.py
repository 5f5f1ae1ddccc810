"""Every core kind fills for every fixture case, completely and with the case's particulars."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest

from desk.catalogue import Kind
from desk.i18n import format_date
from desk.render.docx_fill import default_fields

from .support import ISSUED, TODAY, core_kinds, fill, number_for, sample, sample_names, text

CASES = {name: sample(name) for name in sample_names()}


@pytest.mark.parametrize("k", core_kinds(), ids=lambda k: k.id)
@pytest.mark.parametrize("name", sorted(CASES))
def test_kind_renders_for_sample(k: Kind, name: str) -> None:
    cf = CASES[name]
    number = number_for(k)
    data = fill(k.id, cf, number=number)
    defaults = default_fields(k.id, cf, today=TODAY)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert "{{" not in xml and "{%" not in xml and "}}" not in xml
    body = text(data)
    assert cf.main_party is not None and cf.main_party.name in body
    if number:
        assert number in body
    for field in k.fields:  # every date the case supplies is printed
        value = defaults[field.name]
        if field.type in ("date", "datetime") and isinstance(value, str):
            assert format_date(date.fromisoformat(value[:10])) in body, field.name
    if "{{ issued_on }}" in _template_xml(k):
        assert format_date(ISSUED) in body


def _template_xml(k: Kind) -> str:
    with zipfile.ZipFile(k.folder / "template.docx") as z:
        return z.read("word/document.xml").decode("utf-8")


@pytest.mark.parametrize("k", core_kinds(), ids=lambda k: k.id)
def test_every_run_and_style_names_its_east_asian_font(k: Kind) -> None:
    with zipfile.ZipFile(k.folder / "template.docx") as z:
        document = z.read("word/document.xml").decode("utf-8")
        styles = z.read("word/styles.xml").decode("utf-8")
    runs = document.count("<w:r>")
    assert runs and document.count("<w:rFonts ") >= runs
    assert document.count('w:eastAsia="') == document.count("<w:rFonts ")
    assert styles.count("<w:style ") == styles.count("<w:rFonts ") - 1  # one more in docDefaults
    assert document.count("<w:spacing ") == document.count('w:lineRule="exact"')  # every paragraph: exact
    assert 'w:firstLineChars="200"' in document or "<w:tbl>" in document

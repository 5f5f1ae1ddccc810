"""Every core kind has a template, and every template agrees with its manifest."""

from __future__ import annotations

import re
from datetime import date

import pytest
from docxtpl import DocxTemplate

from desk.catalogue import Kind
from desk.render.context import context_names
from desk.render.defaults import resolve
from desk.render.docx_fill import template_for
from desk.render.jinja_env import environment

from .support import core_kinds, sample, sample_names

KINDS = core_kinds()
# derived names and the fields they are made of
DERIVED = {
    "party_block": {
        "party_name",
        "party_kind",
        "party_id_type",
        "party_id_number",
        "party_uscc",
        "party_representative",
        "party_address",
    },
    "party_identity": {"party_kind", "party_id_type", "party_id_number", "party_uscc"},
    "penalty_text": {"penalty_kinds", "fine", "confiscated", "confiscated_property", "penalty_other"},
}


def used_names(k: Kind) -> set[str]:
    return set(DocxTemplate(str(template_for(k.id))).get_undeclared_template_variables(environment()))


def test_there_are_32_core_kinds() -> None:
    assert len(KINDS) == 32


@pytest.mark.parametrize("k", KINDS, ids=lambda k: k.id)
def test_template_uses_only_declared_names(k: Kind) -> None:
    assert (k.folder / "template.docx").is_file()
    assert used_names(k) <= context_names(k.id)


@pytest.mark.parametrize("k", KINDS, ids=lambda k: k.id)
def test_every_required_field_is_printed(k: Kind) -> None:
    used = used_names(k)
    covered = set(used)
    for name in used:
        covered |= DERIVED.get(name, set())
        covered.add(re.sub(r"_(items|capitals|certificates|cn)$", "", name))
    missing = {f.name for f in k.fields if f.required} - covered
    assert not missing


@pytest.mark.parametrize("k", KINDS, ids=lambda k: k.id)
def test_fields_are_well_formed(k: Kind) -> None:
    assert k.fields, "a core kind declares its fields"
    names = [f.name for f in k.fields]
    assert len(names) == len(set(names))
    for f in k.fields:
        assert re.fullmatch(r"[a-z][a-z0-9_]*", f.name)
        assert f.label and f.label_en
        assert (f.type == "choice") <= bool(f.choices)


@pytest.mark.parametrize("name", sample_names())
def test_every_default_source_resolves_on_every_sample(name: str) -> None:
    cf = sample(name)
    for k in KINDS:
        for f in k.fields:
            if f.default:
                resolve(f.default, cf, today=date(2026, 4, 1))  # raises KeyError on an unknown source

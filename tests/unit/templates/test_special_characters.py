"""Values with XML's special characters, quotes, line breaks and control characters print exactly."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace

import pytest
from docx import Document

from desk.casefile.facts import CaseFile

from .support import SPECIAL_NAME, fill, paragraphs, sample

KINDS = ["penalty_decision", "filing_approval", "service_receipt", "criminal_transfer", "summary_penalty_decision"]


@pytest.fixture(scope="module")
def special_case() -> CaseFile:
    cf = sample("general_clean")
    party = replace(cf.parties[0], name=SPECIAL_NAME, address="江城市东湖区珞喻路128号<A&B座>")
    return replace(cf, parties=(party,))


@pytest.mark.parametrize("kind_id", KINDS)
def test_special_party_name_prints_exactly(kind_id: str, special_case: CaseFile) -> None:
    data = fill(kind_id, special_case, number="东综执罚决字〔2026〕7号")
    Document(io.BytesIO(data))  # the package still opens
    texts = paragraphs(data)
    assert any(SPECIAL_NAME in t for t in texts)
    assert not any("&amp;" in t or "&lt;" in t or "&#34;" in t for t in texts)


def test_special_address_and_name_in_the_party_block(special_case: CaseFile) -> None:
    texts = paragraphs(fill("penalty_decision", special_case))
    assert f"当事人：{SPECIAL_NAME}" in texts
    assert "住所：江城市东湖区珞喻路128号<A&B座>" in texts


def test_newlines_become_line_breaks_in_the_same_paragraph() -> None:
    cf = sample("general_clean")
    data = fill("penalty_decision", cf, {"facts": "第一行事实。\n第二行<事实>&。\r\n第三行"})
    texts = paragraphs(data)
    assert "经查明：第一行事实。\n第二行<事实>&。\n第三行" in texts
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert "<w:br/>" in z.read("word/document.xml").decode("utf-8")


def test_control_characters_are_refused_at_the_input_boundary() -> None:
    """NUL and other controls never reach a document (PostgreSQL could not store them): refused, field named."""
    from desk.errors import ValidationError

    cf = sample("general_clean")
    with pytest.raises(ValidationError) as err:
        fill("penalty_decision", cf, {"facts": "事实\x00\x07\x0c完"})
    assert "facts" in err.value.render("en") and "U+0000" in err.value.render("en")


def test_a_value_that_looks_like_a_template_is_printed_not_run() -> None:
    cf = sample("general_clean")
    data = fill("penalty_decision", cf, {"facts": "{{ agency_name }}{% if true %}X{% endif %}"})
    assert "经查明：{{ agency_name }}{% if true %}X{% endif %}" in paragraphs(data)

"""Templates cannot reach Python, missing values are errors, and agency overrides are checked first."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from desk.errors import TemplateError
from desk.render.docx_fill import install_template, render_docx, template_for

from .support import fill, paragraphs, sample


def make_docx(path: Path, *lines: str) -> Path:
    doc = Document()
    for line in lines:
        doc.add_paragraph(line)
    doc.save(str(path))
    return path


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DESK_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.mark.parametrize(
    "expression",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ party_name.__class__.__base__.__subclasses__() }}",
        "{{ cycler.__init__.__globals__ }}",
        "{{ party_name.format.__self__ }}",
    ],
)
def test_unsafe_expressions_are_refused(tmp_path: Path, expression: str) -> None:
    template = make_docx(tmp_path / "evil.docx", expression)
    with pytest.raises(TemplateError) as caught:
        render_docx("penalty_decision", {"party_name": "王五"}, template_path=template)
    assert caught.value.key in ("template_unsafe", "template_undefined")


def test_dunder_access_is_a_security_error(tmp_path: Path) -> None:
    template = make_docx(tmp_path / "evil.docx", "{{ ''.__class__.__mro__ }}")
    with pytest.raises(TemplateError) as caught:
        render_docx("penalty_decision", {}, template_path=template)
    assert caught.value.key == "template_unsafe"


def test_a_missing_value_names_the_field(tmp_path: Path) -> None:
    template = make_docx(tmp_path / "t.docx", "当事人：{{ party_name }}，{{ penalty_note }}")
    with pytest.raises(TemplateError) as caught:
        render_docx("penalty_decision", {"party_name": "王五"}, template_path=template)
    assert caught.value.key == "template_undefined"
    assert caught.value.params["name"] == "penalty_note"
    assert "penalty_note" in str(caught.value)


def test_a_broken_template_is_a_template_error(tmp_path: Path) -> None:
    template = make_docx(tmp_path / "t.docx", "{% if party_name %}unclosed")
    with pytest.raises(TemplateError) as caught:
        render_docx("penalty_decision", {"party_name": "王五"}, template_path=template)
    assert caught.value.key == "template_syntax"


def test_shipped_template_is_used_without_an_override(home: Path) -> None:
    assert template_for("penalty_decision").parent.name == "penalty_decision"
    assert not str(template_for("penalty_decision")).startswith(str(home))


def test_a_valid_override_is_installed_and_used(home: Path, tmp_path: Path) -> None:
    own = make_docx(tmp_path / "own.docx", "本局格式：{{ agency_name }}{{ number }}", "当事人：{{ party_name }}")
    installed = install_template("penalty_decision", own)
    assert installed == home / "templates" / "penalty_decision" / "template.docx"
    assert template_for("penalty_decision") == installed
    data = fill("penalty_decision", sample("general_clean"), number="东综执罚决字〔2026〕7号")
    assert "本局格式：江城市东湖区综合行政执法局东综执罚决字〔2026〕7号" in paragraphs(data)


def test_an_override_with_undeclared_names_is_refused(home: Path, tmp_path: Path) -> None:
    own = make_docx(tmp_path / "own.docx", "{{ party_name }}{{ party_nickname }}{{ agency_motto }}")
    with pytest.raises(TemplateError) as caught:
        install_template("penalty_decision", own)
    assert caught.value.key == "template_undeclared"
    assert "agency_motto, party_nickname" in str(caught.value)
    assert not (home / "templates" / "penalty_decision" / "template.docx").exists()


def test_a_bad_override_dropped_in_by_hand_falls_back_to_the_shipped_one(
    home: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    target = home / "templates" / "penalty_decision" / "template.docx"
    target.parent.mkdir(parents=True)
    make_docx(target, "{{ party_nickname }}")
    chosen = template_for("penalty_decision")
    assert chosen != target and chosen.is_file()
    assert "party_nickname" in caplog.text
    (home / "templates" / "filing_approval").mkdir()
    (home / "templates" / "filing_approval" / "template.docx").write_bytes(b"not a docx")
    assert template_for("filing_approval").parent.name == "filing_approval"

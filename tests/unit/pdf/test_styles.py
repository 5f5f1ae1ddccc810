"""Formatting resolution: docDefaults → paragraph style chain → character style → direct formatting."""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

from desk.render.pdf import model
from desk.render.pdf.ooxml import DocxPackage
from desk.render.pdf.reader import read_document


def _document() -> model.Document:
    doc = Document()
    base = doc.styles.add_style("公文正文", WD_STYLE_TYPE.PARAGRAPH)
    base.base_style = doc.styles["Normal"]
    base.font.size = Pt(16)
    base.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋_GB2312")
    base.paragraph_format.line_spacing = Pt(28)
    base.element.get_or_add_pPr().append(parse_xml(f'<w:ind {nsdecls("w")} w:firstLineChars="200"/>'))
    child = doc.styles.add_style("公文结尾", WD_STYLE_TYPE.PARAGRAPH)
    child.base_style = base
    child.paragraph_format.alignment = 2  # right
    strong = doc.styles.add_style("强调", WD_STYLE_TYPE.CHARACTER)
    strong.font.bold = True
    p = doc.add_paragraph(style=base)
    p.add_run("正文")
    p.add_run("加粗", style=strong)
    big = p.add_run("大字")
    big.font.size = Pt(22)
    end = doc.add_paragraph(style=child)
    end.add_run("落款")
    end.paragraph_format.space_before = Pt(12)
    plain = doc.add_paragraph()
    plain.add_run("默认")
    hidden = plain.add_run("隐藏")
    hidden.font.hidden = True
    out = io.BytesIO()
    doc.save(out)
    return read_document(DocxPackage(out.getvalue()))


@pytest.fixture(scope="module")
def paragraphs() -> list[model.Paragraph]:
    return [b for b in _document().sections[0].blocks if isinstance(b, model.Paragraph)]


def test_paragraph_style_chain_and_direct_formatting(paragraphs: list[model.Paragraph]) -> None:
    body, end, plain = paragraphs
    assert (body.fmt.line_rule, body.fmt.line) == ("exact", 28.0)
    assert body.fmt.first_line == pytest.approx(32.0)  # two characters of 16 pt
    assert end.fmt.align == "right" and end.fmt.line == 28.0 and end.fmt.first_line == pytest.approx(32.0)
    assert end.fmt.space_before == 12.0
    assert plain.fmt.line_rule == "auto" and plain.fmt.line == pytest.approx(276 / 240)  # docDefaults
    assert plain.fmt.space_after == 10.0


def test_run_formatting(paragraphs: list[model.Paragraph]) -> None:
    body, _, plain = paragraphs
    runs = [item for item in body.items if isinstance(item, model.Text)]
    assert [r.fmt.size for r in runs] == [16, 16, 22]
    assert [r.fmt.bold for r in runs] == [False, True, False]
    assert {r.fmt.east_asia_font for r in runs} == {"仿宋_GB2312"}
    assert runs[0].fmt.ascii_font == "Cambria"  # python-docx theme's minor Latin font, through docDefaults
    assert plain.text == "默认"  # hidden text is not printed

"""Rendering the specimens: embedded subset fonts only, the DOCX's text, pages, pictures, volumes."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pdfplumber
import pytest
from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Mm

from desk.errors import TemplateError
from desk.render.fonts import FontMap
from desk.render.pdf import render_many, render_pdf, unsupported_features
from tests.unit.pdf.pdftools import page_count, pdffonts, pdftotext, same_text, squeeze, text_lines
from tests.unit.pdf.specimens import SPECIMENS, decision

BASE14 = {"Helvetica", "Times-Roman", "Courier", "Symbol", "ZapfDingbats"}


@pytest.fixture(scope="module")
def rendered() -> dict[str, tuple[bytes, bytes]]:
    """Each specimen's DOCX and its PDF."""
    out = {}
    for name, make in SPECIMENS.items():
        docx = make()
        out[name] = (docx, render_pdf(docx))
    return out


@pytest.mark.parametrize("name", sorted(SPECIMENS))
def test_only_embedded_subset_truetype_fonts(rendered: dict[str, tuple[bytes, bytes]], name: str) -> None:
    fonts = pdffonts(rendered[name][1])
    assert fonts
    for font in fonts:
        assert font.type == "TrueType" and font.embedded and font.subset, font
        assert not any(font.name.split("+")[-1].startswith(b) for b in BASE14), font


@pytest.mark.parametrize("name", sorted(SPECIMENS))
def test_text_is_the_documents_text(rendered: dict[str, tuple[bytes, bytes]], name: str) -> None:
    docx, pdf = rendered[name]
    body = (0, 37 * 72 / 25.4 - 2, 210 * 72 / 25.4, (297 - 37 - 35) * 72 / 25.4 + 4)  # the specimens' text area
    got, expected = same_text(pdftotext(pdf, crop=body), docx)
    assert got == expected


def test_footer_numbers_the_pages_and_header_repeats(rendered: dict[str, tuple[bytes, bytes]]) -> None:
    pdf = rendered["decision"][1]
    pages = page_count(pdf)
    footer = pdftotext(pdf, crop=(0, 790, 595, 52))
    assert [squeeze(p) for p in footer.split("\f") if p.strip()] == [f"—{n}—" for n in range(1, pages + 1)]
    header = pdftotext(pdf, crop=(0, 0, 595, 60))
    assert squeeze(header).count("江城市东湖区综合行政执法局") == pages


def test_page_break_starts_a_page(rendered: dict[str, tuple[bytes, bytes]]) -> None:
    lines = text_lines(rendered["decision"][1])
    after_break = next(line for line in lines if line.text.startswith("如不服本处罚决定"))
    assert after_break.baseline < 37 * 72 / 25.4 + 28  # the first line of its page


def test_seal_picture_is_drawn(rendered: dict[str, tuple[bytes, bytes]]) -> None:
    with pdfplumber.open(io.BytesIO(rendered["decision"][1])) as pdf:
        images = [image for page in pdf.pages for image in page.images]
    assert len(images) == 1
    assert images[0]["width"] == pytest.approx(Mm(30).pt, abs=0.5)


def test_underlined_blank_shows_its_line(rendered: dict[str, tuple[bytes, bytes]]) -> None:
    with pdfplumber.open(io.BytesIO(rendered["decision"][1])) as pdf:
        for page in pdf.pages:
            chars = page.chars
            signs = [i for i, c in enumerate(chars) if c["text"] == "签" and i and chars[i - 1]["text"] == "（"]
            if signs:
                bracket = chars[signs[0] - 1]
                rules = [line for line in page.lines if abs(line["top"] - line["bottom"]) < 0.5]
                break
    blank = [r for r in rules if abs(r["x1"] - bracket["x0"]) < 1 and abs(r["top"] - bracket["bottom"]) < 6]
    assert blank, "the ten underlined spaces before （签名） draw a rule"
    assert blank[0]["x1"] - blank[0]["x0"] == pytest.approx(10 * 8, abs=1)  # ten spaces of 16 pt 仿宋


def test_table_borders_and_merged_cells(rendered: dict[str, tuple[bytes, bytes]]) -> None:
    with pdfplumber.open(io.BytesIO(rendered["approval_form"][1])) as pdf:
        page = pdf.pages[0]
        verticals = [line for line in page.lines if abs(line["x0"] - line["x1"]) < 0.1]
        merged = [w for w in page.extract_words() if w["text"].startswith("当事人")]
    assert len({round(v["x0"]) for v in verticals}) == 5  # four columns
    # 当事人 spans three rows and is centred in them: below the row of its first line
    first_row = next(w for w in text_lines(rendered["approval_form"][1]) if w.text.startswith("名称"))
    assert merged and merged[0]["bottom"] > first_row.baseline + 5


def test_header_row_repeats_on_the_next_page(rendered: dict[str, tuple[bytes, bytes]]) -> None:
    lines = text_lines(rendered["approval_form"][1])
    pages = {line.page for line in lines}
    assert len(pages) > 1
    for page in pages:
        first = min(
            (line for line in lines if line.page == page and line.text != "立案审批表"),
            key=lambda line: (line.baseline, line.x),
        )
        assert first.text == "项目"


def test_no_line_starts_or_ends_with_forbidden_punctuation(rendered: dict[str, tuple[bytes, bytes]]) -> None:
    for _, pdf in rendered.values():
        for line in text_lines(pdf):
            assert line.text[0] not in "，。、；：？！）》」』】〕", line
            assert line.text[-1] not in "（《「『【〔", line


def test_volume_lays_documents_out_in_one_pass(rendered: dict[str, tuple[bytes, bytes]]) -> None:
    docs = [rendered[name][0] for name in sorted(rendered)]
    volume = render_many(docs)
    counts = [page_count(rendered[name][1]) for name in sorted(rendered)]
    assert [d.count for d in volume.documents] == counts
    assert [d.start for d in volume.documents] == [1 + sum(counts[:i]) for i in range(len(counts))]
    assert page_count(volume) == sum(counts)
    families = [f.name.split("+")[-1] for f in pdffonts(volume)]
    separate = [f.name.split("+")[-1] for name in rendered for f in pdffonts(rendered[name][1])]
    assert len(families) < len(separate)  # one subset per font serves every document
    assert sum(len(rendered[name][1]) for name in rendered) > len(volume) * 1.3


def test_rendering_is_deterministic() -> None:
    docx = decision()
    assert render_pdf(docx) == render_pdf(docx)


def test_what_is_kept_between_renderings_changes_none() -> None:
    """A DOCX's reading, atoms and lines are kept for the process, and so is a volume: a volume laid out from kept
    readings, or given again whole, is the very PDF that a rendering with nothing kept makes."""
    docs = [decision(), SPECIMENS["record"]()]
    render_pdf(docs[1])
    kept = render_many(docs)
    assert render_many(docs) is kept
    assert bytes(render_many(docs, fonts=FontMap.from_settings())) == bytes(kept)  # another font map: none kept


def test_empty_document_refers_to_no_base14_font() -> None:
    out = io.BytesIO()
    Document().save(out)
    pdf = render_pdf(out.getvalue())
    assert page_count(pdf) == 1
    assert not [f for f in pdffonts(pdf) if not f.embedded]


def test_writes_the_file_when_asked(tmp_path: Path) -> None:
    out = tmp_path / "decision.pdf"
    pdf = render_pdf(decision(), out)
    assert out.read_bytes() == pdf
    assert subprocess.run(["pdfinfo", str(out)], capture_output=True, check=True).returncode == 0


def _with_text_box() -> bytes:
    doc = Document()
    doc.add_paragraph("正文")
    p = doc.add_paragraph()._p
    p.append(
        parse_xml(
            f'<w:r {nsdecls("w", "wp", "a")}><w:fldSimple w:instr="NUMPAGES"/><w:drawing><wp:anchor>'
            "<w:txbxContent/></wp:anchor></w:drawing></w:r>"
        )
    )
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_unsupported_features_are_named_and_refused() -> None:
    docx = _with_text_box()
    assert unsupported_features(docx) == [
        "域 NUMPAGES (field)",
        "文本框 (text box)",
        "浮动图片或形状 (floating picture or shape)",
    ]
    with pytest.raises(TemplateError) as raised:
        render_pdf(docx)
    assert raised.value.key == "pdf_unsupported"
    assert "text box" in raised.value.render("en")
    with pytest.warns(UserWarning) as warned:
        assert page_count(render_pdf(docx, strict=False)) == 1
    assert sorted(str(w.message) for w in warned) == [f"unsupported: {name}" for name in unsupported_features(docx)]


def test_a_file_that_is_no_docx_is_a_user_error() -> None:
    with pytest.raises(TemplateError) as raised:
        render_pdf(b"%PDF-1.4 not a DOCX")
    assert raised.value.key == "template_unreadable"


def test_specimens_use_nothing_unsupported() -> None:
    for make in SPECIMENS.values():
        assert unsupported_features(make()) == []


def _two_sections() -> bytes:
    doc = Document()
    doc.add_paragraph("纵向第一节")
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.footer.is_linked_to_previous = False
    section._sectPr.append(parse_xml(f'<w:pgNumType {nsdecls("w")} w:start="7"/>'))
    footer = section.footer.paragraphs[0]
    footer._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    doc.add_paragraph("横向第二节")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_sections_switch_page_size_and_restart_numbering() -> None:
    pdf = render_many([_two_sections(), decision()])
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        sizes = [(round(p.width), round(p.height)) for p in doc.pages]
        second_footer = doc.pages[1].extract_text()
    assert sizes[:3] == [(612, 792), (842, 595), (595, 842)]  # Letter, A4 landscape, the next document's A4
    assert "横向第二节" in second_footer and "7" in second_footer.split()
    assert (pdf.documents[0].start, pdf.documents[0].count) == (1, 2)

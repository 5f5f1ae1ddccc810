"""Desk's PDF renderer on every filled template and the specimens: embedded fonts, the DOCX's text, and the
same layout as LibreOffice with the same fonts (same page count; ≥ 90 % of text lines start within 3 mm).

Run with ``-s`` to see the per-document percentages. Without LibreOffice the comparison is skipped locally but
fails when ``CI=true``.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from desk.render.pdf import render_pdf
from desk.render.pdf.libreoffice import convert, soffice
from tests.unit.pdf.pdftools import MM, page_count, pdffonts, pdftotext, same_text, text_lines
from tests.unit.pdf.specimens import SPECIMENS
from tests.unit.templates.support import core_kinds, fill, number_for, sample

TOLERANCE = 3 * MM


def _documents() -> dict[str, bytes]:
    docs = {f"specimen-{name}": make() for name, make in SPECIMENS.items()}
    case = sample("general_clean")
    for kind in core_kinds():
        docs[kind.id] = fill(kind.id, case, number=number_for(kind))
    return docs


@pytest.fixture(scope="module")
def documents() -> dict[str, bytes]:
    return _documents()


@pytest.fixture(scope="module")
def desk_pdfs(documents: dict[str, bytes]) -> dict[str, bytes]:
    return {name: render_pdf(docx) for name, docx in documents.items()}


def test_every_template_renders_with_embedded_subset_fonts_and_its_text(
    documents: dict[str, bytes], desk_pdfs: dict[str, bytes]
) -> None:
    templates = [name for name in documents if not name.startswith("specimen-")]
    assert len(templates) >= 29
    for name in templates:
        pdf = desk_pdfs[name]
        assert all(f.type == "TrueType" and f.embedded and f.subset for f in pdffonts(pdf)), name
        got, expected = same_text(pdftotext(pdf), documents[name])
        assert got == expected, name


@dataclass
class Fidelity:
    name: str
    pages: tuple[int, int]  # Desk, LibreOffice
    close: int
    lines: int

    @property
    def percent(self) -> float:
        return 100.0 * self.close / max(self.lines, 1)


def compare(name: str, desk: bytes, libreoffice: bytes) -> Fidelity:
    """Pair the two PDFs' text lines by their text (in reading order) and count those that start within 3 mm."""
    ours, theirs = text_lines(desk), text_lines(libreoffice)
    matcher = difflib.SequenceMatcher(a=[line.text for line in ours], b=[line.text for line in theirs], autojunk=False)
    close = 0
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            a, b = ours[block.a + k], theirs[block.b + k]
            close += a.page == b.page and abs(a.baseline - b.baseline) <= TOLERANCE and abs(a.x - b.x) <= TOLERANCE
    return Fidelity(name, (page_count(desk), page_count(libreoffice)), close, max(len(ours), len(theirs)))


def libreoffice_pdfs(documents: dict[str, bytes], folder: Path) -> dict[str, bytes]:
    """Every document converted by LibreOffice in one call, with Desk's fonts."""
    paths = []
    for name, docx in documents.items():
        paths.append(folder / f"{name}.docx")
        paths[-1].write_bytes(docx)
    return {p.stem: p.read_bytes() for p in convert(paths, folder / "pdf")}


@pytest.mark.slow
@pytest.mark.libreoffice
def test_layout_matches_libreoffice(documents: dict[str, bytes], desk_pdfs: dict[str, bytes], tmp_path: Path) -> None:
    if soffice() is None:
        if os.environ.get("CI") == "true":
            pytest.fail("LibreOffice (soffice) is required for the fidelity test on CI")
        pytest.skip("LibreOffice (soffice) is not installed")
    theirs = libreoffice_pdfs(documents, tmp_path)
    results = [compare(name, desk_pdfs[name], theirs[name]) for name in sorted(desk_pdfs)]
    print(f"\n{'document':38} pages (Desk/LO)  lines within 3 mm")
    for r in results:
        print(f"{r.name:38} {r.pages[0]:>3} / {r.pages[1]:<3}      {r.close:>4}/{r.lines:<4} {r.percent:5.1f} %")
    close, lines = sum(r.close for r in results), sum(r.lines for r in results)
    print(f"{'all':38} {'':12} {close:>4}/{lines:<4} {100 * close / lines:5.1f} %")
    assert [r.name for r in results if r.pages[0] != r.pages[1]] == []
    assert close / lines >= 0.90

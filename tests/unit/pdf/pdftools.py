"""Reading PDFs back for the renderer's tests: fonts (pdffonts), text (pdftotext), lines of text with their
positions (pdfplumber), and the text a DOCX holds."""

from __future__ import annotations

import io
import re
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pdfplumber
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MM = 72 / 25.4


def _run(args: list[str], pdf: bytes) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(pdf)
        f.flush()
        return subprocess.run(
            [*args, f.name, *(["-"] if args[0] == "pdftotext" else [])], capture_output=True, check=True, text=True
        ).stdout


@dataclass(frozen=True)
class PdfFont:
    name: str
    type: str
    embedded: bool
    subset: bool


def pdffonts(pdf: bytes) -> list[PdfFont]:
    """Every font the PDF refers to, as ``pdffonts`` lists them."""
    fonts = []
    for line in _run(["pdffonts"], pdf).splitlines()[2:]:
        name, rest = line[:37].strip(), line[37:].split()
        # columns after the name: type (one or two words), encoding, emb, sub, uni, object, id
        emb, sub = rest[-5], rest[-4]
        fonts.append(PdfFont(name, " ".join(rest[:-6]), emb == "yes", sub == "yes"))
    return fonts


def pdftotext(pdf: bytes, *, crop: tuple[float, float, float, float] | None = None) -> str:
    """The text in drawing order (``-raw``), optionally of the area ``(x, y, width, height)`` (points, from the
    top left) of every page."""
    args = ["pdftotext", "-raw", "-enc", "UTF-8"]
    if crop:
        x, y, width, height = (str(int(v)) for v in crop)
        args += ["-x", x, "-y", y, "-W", width, "-H", height]
    return _run(args, pdf)


def squeeze(text: str) -> str:
    """``text`` without any white space (PDF text extraction guesses spaces; the characters must match)."""
    return re.sub(r"\s+", "", text)


def docx_body_text(docx: bytes) -> str:
    """The printed text of a DOCX's body (paragraphs and table cells, in document order): hidden text and the
    content of cells that continue a vertical merge are not printed."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml"))
    return "".join(el.text or "" for el in root.iter(f"{W}t") if not _hidden(el))


# what the header and footer print on every page: the page number (— 1 —, 第 1 页 共 2 页) and a draft's mark
PAGE_FURNITURE = re.compile(r"—\d+—|第\d+页共\d*页|草稿")


def same_text(pdf_text: str, docx: bytes) -> tuple[str, str]:
    """The PDF's text and the DOCX's body text, white space removed, and without the rows that repeat on every
    page of a table (``tblHeader``): those two must be equal."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml"))
    repeated = [
        "".join(t.text or "" for t in row.iter(f"{W}t"))
        for row in root.iter(f"{W}tr")
        if row.find(f"{W}trPr/{W}tblHeader") is not None
    ]
    pdf, body = PAGE_FURNITURE.sub("", squeeze(pdf_text)), squeeze(docx_body_text(docx))
    for text in filter(None, map(squeeze, repeated)):
        pdf, body = pdf.replace(text, ""), body.replace(text, "")
    return pdf, body


def _hidden(t: etree._Element) -> bool:
    run = t.getparent()
    if run is not None and run.find(f"{W}rPr/{W}vanish") is not None:
        return True
    cell = next(t.iterancestors(f"{W}tc"), None)
    merge = cell.find(f"{W}tcPr/{W}vMerge") if cell is not None else None
    return merge is not None and merge.get(f"{W}val", "continue") == "continue"


@dataclass(frozen=True)
class TextLine:
    """A run of text on one baseline: page, baseline from the top, left edge, the characters."""

    page: int
    baseline: float
    x: float
    text: str


def text_lines(pdf: bytes | Path) -> list[TextLine]:
    """The text of every page as lines: characters on one baseline, cut where a gap wider than one and a half
    characters separates them (table cells, tab stops); white space is left out."""
    out: list[TextLine] = []
    source = io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf
    with pdfplumber.open(source) as doc:
        for page in doc.pages:
            rows: list[tuple[float, list[Any]]] = []
            for c in sorted((c for c in page.chars if c["text"].strip()), key=lambda c: (-c["matrix"][5], c["x0"])):
                base = page.height - c["matrix"][5]
                if rows and abs(rows[-1][0] - base) <= 0.8:
                    rows[-1][1].append(c)
                else:
                    rows.append((base, [c]))
            for base, row in rows:
                row.sort(key=lambda c: c["x0"])
                start = 0
                for i in range(1, len(row) + 1):
                    if i == len(row) or row[i]["x0"] - row[i - 1]["x1"] > max(row[i - 1]["size"] * 1.5, 10):
                        text = "".join(c["text"] for c in row[start:i])
                        out.append(TextLine(page.page_number, base, row[start]["x0"], text))
                        start = i
    return out


def page_count(pdf: bytes) -> int:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return len(doc.pages)

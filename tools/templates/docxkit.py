"""A small DOCX writer for official forms: python-docx for the package, direct XML for the content.

It emits only the subset Desk's DOCX→PDF renderer reads: A4 page and margins (GB/T 9704), paragraphs
with alignment, indents and EXACT line spacing, runs with explicit fonts (``w:eastAsia`` as well as
``w:ascii``/``w:hAnsi``), sizes, bold and underline, tables with fixed widths, ``gridSpan``/``vMerge``
and single borders, and page breaks. Text is written with a tiny markup: ``[[…]]`` is an underlined
fill-in (padded so that an empty value still leaves a line to write on), ``**…**`` is bold;
``{{ … }}`` and ``{%p … %}`` / ``{%tr … %}`` pass through to docxtpl.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from lxml import etree

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
FALLBACKS = {TITLE_FONT: "宋体", BODY_FONT: "仿宋", HEADING_FONT: "SimHei"}
BODY_PT = 16  # 三号
TABLE_PT = 12  # 小四
BODY_LINE = 580  # 29 pt, exact: 22 lines on an A4 text block (GB/T 9704 §5.2.2)
TABLE_LINE = 360  # 18 pt, exact
PAGE_MM = (210, 297)
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
TEXT_WIDTH_MM = PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]
_MARKUP = re.compile(r"(\[\[.*?\]\]|\*\*.*?\*\*)")
_PAD = "　"


def twips(mm: float) -> int:
    return round(mm / 25.4 * 1440)


def el(tag: str, attrs: dict[str, str | int] | None = None, *children: BaseOxmlElement) -> BaseOxmlElement:
    element = OxmlElement(tag)
    for key, value in (attrs or {}).items():
        element.set(qn(key), str(value))
    for child in children:
        element.append(child)
    return element


def fonts(name: str) -> BaseOxmlElement:
    return el("w:rFonts", {"w:ascii": name, "w:hAnsi": name, "w:eastAsia": name, "w:cs": name})


def run_props(font: str, size: float, *, bold: bool = False, underline: bool = False) -> BaseOxmlElement:
    half_points = str(round(size * 2))
    rpr = el("w:rPr", None, fonts(font))
    if bold:
        rpr.append(el("w:b"))
    rpr.append(el("w:sz", {"w:val": half_points}))
    rpr.append(el("w:szCs", {"w:val": half_points}))
    if underline:
        rpr.append(el("w:u", {"w:val": "single"}))
    return rpr


@dataclass(frozen=True)
class P:
    """One paragraph: text in the markup above, and how it sits on the line."""

    text: str = ""
    align: str = "both"  # left, center, right, both
    indent: bool = True  # a first line indented by two characters
    font: str = BODY_FONT
    size: float = BODY_PT
    line: int = BODY_LINE
    bold: bool = False
    right_chars: int = 0  # right indent in characters
    before: int = 0  # space before, twips
    page_break: bool = False
    keep_next: bool = False  # on the same page as the next paragraph


def paragraph(p: P) -> BaseOxmlElement:
    ppr = el("w:pPr")
    if p.keep_next:
        ppr.append(el("w:keepNext"))
    if p.page_break:
        ppr.append(el("w:pageBreakBefore"))
    ppr.append(el("w:spacing", {"w:before": p.before, "w:after": 0, "w:line": p.line, "w:lineRule": "exact"}))
    char = round(p.size * 20)
    ind: dict[str, str | int] = {}
    if p.indent:
        ind.update({"w:firstLineChars": 200, "w:firstLine": 2 * char})
    if p.right_chars:
        ind.update({"w:rightChars": p.right_chars * 100, "w:right": p.right_chars * char})
    if ind:
        ppr.append(el("w:ind", ind))
    ppr.append(el("w:jc", {"w:val": p.align}))
    ppr.append(run_props(p.font, p.size, bold=p.bold))  # the paragraph mark
    element = el("w:p", None, ppr)
    for piece in _MARKUP.split(p.text):
        if not piece:
            continue
        underline = piece.startswith("[[")
        bold = p.bold or piece.startswith("**")
        text = f"{_PAD}{piece[2:-2]}{_PAD}" if underline else piece[2:-2] if piece.startswith("**") else piece
        run = el("w:r", None, run_props(p.font, p.size, bold=bold, underline=underline))
        for i, line in enumerate(text.split("\n")):
            if i:
                run.append(el("w:br"))
            t = el("w:t", {"xml:space": "preserve"})
            t.text = line
            run.append(t)
        element.append(run)
    return element


def _text_el(text: str) -> BaseOxmlElement:
    t = el("w:t", {"xml:space": "preserve"})
    t.text = text
    return t


def _replace_paragraphs(part: BaseOxmlElement, p: BaseOxmlElement) -> None:
    for old in part.findall(qn("w:p")):
        part.remove(old)
    part.append(p)


@dataclass(frozen=True)
class Cell:
    """A table cell: its paragraphs (a plain string is one left-aligned paragraph), span and merge."""

    content: str | P | Sequence[str | P] = ""
    span: int = 1
    merge: str | None = None  # "restart" starts a vertical merge, "continue" joins the cell above
    valign: str = "center"


def label(text: str) -> Cell:
    """A centred label cell (案由, 当事人…)."""
    return Cell(P(text, align="center", indent=False, size=TABLE_PT, line=TABLE_LINE))


def cell_text(text: str, *, align: str = "left", indent: bool = False) -> P:
    return P(text, align=align, indent=indent, size=TABLE_PT, line=TABLE_LINE)


def signed(*texts: str, who: str = "签名") -> Cell:
    """An opinion cell: the opinion, then a right-aligned signature and date line at its foot."""
    paras = [cell_text(t, indent=True) for t in texts]
    sign = cell_text(f"{who}：　　　　　　　　　　　年　　月　　日", align="right")
    return Cell([*paras, cell_text(""), sign], valign="top")


@dataclass(frozen=True)
class Row:
    cells: Sequence[Cell]
    height_mm: float = 8  # at least
    tag: str = ""  # a docxtpl row tag ({%tr for … %}) in place of cells
    whole: bool = True  # never split across pages (cantSplit); a long free-text block may split


class Form:
    """One form being built; ``save`` writes the template DOCX."""

    def __init__(self) -> None:
        self.doc = Document()
        self._page()
        self._styles()
        self._package()
        self.body = self.doc.element.body

    def _page(self) -> None:
        section = self.doc.sections[0]
        sect = section._sectPr
        for tag in ("w:pgSz", "w:pgMar", "w:cols", "w:docGrid"):
            for old in sect.findall(qn(tag)):
                sect.remove(old)
        sect.append(el("w:pgSz", {"w:w": twips(PAGE_MM[0]), "w:h": twips(PAGE_MM[1])}))
        margins = {f"w:{side}": twips(mm) for side, mm in MARGINS_MM.items()}
        sect.append(el("w:pgMar", {**margins, "w:header": 851, "w:footer": 992, "w:gutter": 0}))
        sect.append(el("w:docGrid", {"w:linePitch": BODY_LINE}))

    def _styles(self) -> None:
        """Only the defaults and Normal, each with explicit fonts; no inherited theme fonts."""
        styles = self.doc.styles.element
        for child in list(styles):
            styles.remove(child)
        rpr = run_props(BODY_FONT, BODY_PT)
        rpr.append(el("w:lang", {"w:val": "en-US", "w:eastAsia": "zh-CN"}))
        styles.append(el("w:docDefaults", None, el("w:rPrDefault", None, rpr)))
        styles.append(
            parse_xml(
                f'<w:style {nsdecls("w")} w:type="paragraph" w:default="1" w:styleId="Normal">'
                '<w:name w:val="Normal"/><w:qFormat/><w:pPr><w:widowControl w:val="0"/>'
                f'<w:spacing w:after="0" w:line="{BODY_LINE}" w:lineRule="exact"/>'
                '<w:jc w:val="both"/></w:pPr></w:style>'
            )
        )
        styles.append(
            parse_xml(
                f'<w:style {nsdecls("w")} w:type="table" w:default="1" w:styleId="TableNormal">'
                '<w:name w:val="Normal Table"/><w:tblPr><w:tblCellMar><w:left w:w="108" w:type="dxa"/>'
                '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
            )
        )
        for style in styles.findall(qn("w:style")):
            table_pr = style.find(qn("w:tblPr"))
            if table_pr is None:
                style.append(run_props(BODY_FONT, BODY_PT))
            else:
                table_pr.addprevious(run_props(BODY_FONT, BODY_PT))

    def _package(self) -> None:
        """Drop the default parts the forms do not use; name a fallback for each Chinese font."""
        part = self.doc.part
        for rel_id, rel in list(part.rels.items()):
            if rel.reltype.rsplit("/", 1)[-1] in ("stylesWithEffects", "numbering", "customXml"):
                part.drop_rel(rel_id)
        package_rels = part.package.rels
        for rel_id, rel in list(package_rels.items()):
            if rel.reltype.endswith("/thumbnail"):
                package_rels.pop(rel_id)
        font_part = next(r.target_part for r in part.rels.values() if r.reltype.endswith("/fontTable"))
        table = parse_xml(font_part.blob)
        for name, fallback in FALLBACKS.items():
            table.append(parse_xml(f'<w:font {nsdecls("w")} w:name="{name}"><w:altName w:val="{fallback}"/></w:font>'))
        font_part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)

    def add(self, *paras: P | str) -> None:
        """Body paragraphs; a plain string is an indented, justified body paragraph."""
        for p in paras:
            self.body.sectPr.addprevious(paragraph(p if isinstance(p, P) else P(p)))

    def tag(self, tag: str) -> None:
        """A paragraph holding only a docxtpl paragraph tag (``{%p if … %}``)."""
        self.add(P(tag, indent=False))

    def heading(self, *, numbered: bool, title: str, gap: bool = True) -> None:
        """The agency's name, the title, the number line (numbered kinds), and a blank line (``gap``)."""
        self.add(P("{{ agency_name }}", align="center", indent=False, font=TITLE_FONT, size=22, line=720))
        self.add(P(title, align="center", indent=False, font=TITLE_FONT, size=22, line=720))
        if numbered:
            self.add(P("{{ number }}", align="right", indent=False, before=160))
        if gap or not numbered:
            self.add(P("", indent=False, line=BODY_LINE if gap else 240))

    def addressee(self, text: str) -> None:
        self.add(P(text, indent=False, align="left"))

    def signature(self, *, date: str = "{{ issued_on }}", name: str = "{{ agency_name }}") -> None:
        """The signing agency and date, right-aligned under the text (the seal goes over them).

        GB/T 9704: the seal never stands on a page of its own, so the last paragraph of text (not a
        docxtpl tag paragraph, which rendering removes) keeps with the signature block.
        """
        self._keep_last_text_with_next()
        self.add(P("", indent=False, keep_next=True), P("", indent=False, keep_next=True))
        self.add(P(name, align="right", indent=False, right_chars=2, keep_next=True))
        self.add(P(date, align="right", indent=False, right_chars=4))

    def _keep_last_text_with_next(self) -> None:
        last = self.body.sectPr.getprevious()
        while last is not None and last.tag == qn("w:p") and "".join(last.itertext()).startswith("{%p"):
            last = last.getprevious()
        if last is not None and last.tag == qn("w:p"):
            ppr = last.find(qn("w:pPr"))
            if ppr is not None and ppr.find(qn("w:keepNext")) is None:
                ppr.insert(0, el("w:keepNext"))

    def cut_line(self, note: str = "沿此线剪开") -> None:
        dots = "－" * 9
        self.add(P(f"{dots}（{note}）{dots}", align="center", indent=False, before=280))

    def table(self, widths_mm: Sequence[float], rows: Sequence[Row]) -> None:
        total = sum(widths_mm)
        grid = el("w:tblGrid", None, *(el("w:gridCol", {"w:w": twips(w)}) for w in widths_mm))
        border: dict[str, str | int] = {"w:val": "single", "w:sz": 6, "w:space": 0, "w:color": "000000"}
        sides = ("top", "left", "bottom", "right", "insideH", "insideV")
        tbl_pr = el(
            "w:tblPr",
            None,
            el("w:tblW", {"w:w": twips(total), "w:type": "dxa"}),
            el("w:jc", {"w:val": "center"}),
            el("w:tblBorders", None, *(el(f"w:{s}", border) for s in sides)),
            el("w:tblLayout", {"w:type": "fixed"}),
        )
        tbl = el("w:tbl", None, tbl_pr, grid)
        for row in rows:
            tbl.append(self._row(row, widths_mm))
        self.body.sectPr.addprevious(tbl)

    @staticmethod
    def _row(row: Row, widths_mm: Sequence[float]) -> BaseOxmlElement:
        tr_pr = el("w:trPr", None, el("w:cantSplit")) if row.whole else el("w:trPr")
        tr_pr.append(el("w:trHeight", {"w:val": twips(row.height_mm), "w:hRule": "atLeast"}))
        tr = el("w:tr", None, tr_pr)
        cells = [Cell(cell_text(row.tag), span=len(widths_mm))] if row.tag else row.cells
        column = 0
        for cell in cells:
            width = sum(widths_mm[column : column + cell.span])
            column += cell.span
            tc_pr = el("w:tcPr", None, el("w:tcW", {"w:w": twips(width), "w:type": "dxa"}))
            if cell.span > 1:
                tc_pr.append(el("w:gridSpan", {"w:val": cell.span}))
            if cell.merge:
                tc_pr.append(el("w:vMerge", {"w:val": cell.merge}))
            tc_pr.append(el("w:vAlign", {"w:val": cell.valign}))
            content = [cell.content] if isinstance(cell.content, str | P) else list(cell.content)
            paras = [c if isinstance(c, P) else cell_text(c) for c in content] or [cell_text("")]
            tr.append(el("w:tc", None, tc_pr, *(paragraph(p) for p in paras)))
        if sum(c.span for c in cells) != len(widths_mm):
            raise ValueError(f"row spans {sum(c.span for c in cells)} of {len(widths_mm)} columns: {row}")
        return tr

    def margins(self, *, records: bool) -> None:
        """The page's header and footer: a 草稿 mark on drafts (``draft_mark`` is empty once issued), and the
        page number — ``— 1 —`` (GB/T 9704 §7.5, 4号 宋体) on letters, ``第 1 页 共 2 页`` on 笔录 (the total
        is counted when the document is rendered: ``pages_total``)."""
        section = self.doc.sections[0]
        section.header.is_linked_to_previous = False
        section.footer.is_linked_to_previous = False
        mark = P("{{ draft_mark }}", align="right", indent=False, font=HEADING_FONT, size=22, line=480, bold=True)
        _replace_paragraphs(section.header._element, paragraph(mark))
        pieces = ("第 ", " 页　共 {{ pages_total }} 页") if records else ("— ", " —")
        number = P(pieces[0], align="center", indent=False, font="宋体", size=14, line=360)
        foot = paragraph(number)
        rpr = run_props("宋体", 14)
        field = el("w:fldSimple", {"w:instr": " PAGE "}, el("w:r", None, rpr, _text_el("1")))
        tail = el("w:r", None, run_props("宋体", 14), _text_el(pieces[1]))
        foot.append(field)
        foot.append(tail)
        _replace_paragraphs(section.footer._element, foot)

    def save(self, path: Path, *, title: str) -> None:
        """Write the DOCX reproducibly: fixed properties and zip dates, so a re-run changes no byte."""
        props = self.doc.core_properties
        props.author, props.title, props.comments = "Desk", title, "Desk document template"
        props.created = props.modified = datetime(2026, 1, 1)
        raw = io.BytesIO()
        self.doc.save(raw)
        path.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(raw) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
            for item in src.infolist():
                out.writestr(
                    zipfile.ZipInfo(item.filename, (1980, 1, 1, 0, 0, 0)), src.read(item), zipfile.ZIP_DEFLATED
                )

"""DOCX specimens built with python-docx for the PDF renderer's tests: every construct the renderer supports.

The fonts are the template names (仿宋_GB2312, 方正小标宋简体, Times New Roman); Desk's font map and the
fontconfig aliases given to LibreOffice resolve them to the same installed fonts on both sides.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from docx import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph
from PIL import Image, ImageDraw

BODY = "仿宋_GB2312"
TITLE = "方正小标宋简体"
LATIN = "Times New Roman"
FACTS = (
    "经查，当事人于2026年3月5日在江城市东湖区解放大道与中山路交叉口东北角占用城市道路堆放建筑材料，面积约30平方米，"
    "影响市容环境卫生。上述事实有《现场检查笔录》《询问笔录》、现场照片等证据证实，当事人对此无异议（见询问笔录第2页）。"
)

QUESTION = "你是否知道《城市市容和环境卫生管理条例》的规定？"


def seal_png(size: int = 120) -> bytes:
    """A red round seal with a transparent background, as a PNG."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((4, 4, size - 5, size - 5), outline=(200, 0, 0, 255), width=5)
    draw.regular_polygon((size / 2, size / 2, size / 6), 5, fill=(200, 0, 0, 255))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _para(
    doc: Document,
    text: str = "",
    *,
    size: float = 16,
    font: str = BODY,
    line: float = 28,
    align: WD_ALIGN_PARAGRAPH | None = None,
    indent_chars: int = 0,
    bold: bool = False,
) -> Paragraph:
    p = doc.add_paragraph()
    fmt = p.paragraph_format
    fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(line)
    fmt.space_before = fmt.space_after = Pt(0)
    if align is not None:
        p.alignment = align
    if indent_chars:  # as Word writes it: characters, and the same in twips for older readers
        ind = parse_xml(
            f'<w:ind {nsdecls("w")} w:firstLineChars="{indent_chars * 100}" '
            f'w:firstLine="{int(indent_chars * size * 20)}"/>'
        )
        p._p.get_or_add_pPr().append(ind)
    if text:
        _run(p, text, size=size, font=font, bold=bold)
    return p


def _run(p: Paragraph, text: str, *, size: float = 16, font: str = BODY, **styles: object) -> None:
    run = p.add_run(text)
    run.font.size = Pt(size)
    for name, value in styles.items():
        setattr(run.font, name, value)
    run.font.name = LATIN if font == BODY else font
    run._element.get_or_add_rPr().rFonts.set(qn("w:eastAsia"), font)


def _borders(table: object, size: int = 4) -> None:
    sides = "".join(
        f'<w:{s} w:val="single" w:sz="{size}" w:space="0" w:color="000000"/>'
        for s in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    table._tbl.tblPr.append(parse_xml(f"<w:tblBorders {nsdecls('w')}>{sides}</w:tblBorders>"))  # type: ignore[attr-defined]


def _page(doc: Document) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)


def _save(doc: Document) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _footer_page_number(doc: Document) -> None:
    footer = doc.sections[0].footer
    p = footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(p, "— ", size=14)
    p._p.append(
        parse_xml(
            f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:rPr><w:sz w:val="28"/></w:rPr>'
            "<w:t>1</w:t></w:r></w:fldSimple>"
        )
    )
    _run(p, " —", size=14)
    header = doc.sections[0].header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _run(header, "江城市东湖区综合行政执法局", size=10.5)


def decision() -> bytes:
    """A penalty decision: title, number, indented justified paragraphs, underlined blanks, a seal, a page
    break, a footer with the page number."""
    doc = Document()
    _page(doc)
    _para(doc, "江城市东湖区综合行政执法局", size=22, font=TITLE, line=36, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(doc, "行政处罚决定书", size=22, font=TITLE, line=36, align=WD_ALIGN_PARAGRAPH.CENTER)
    number = _para(doc, "东综执罚决字〔2026〕12号", align=WD_ALIGN_PARAGRAPH.RIGHT)
    number._p.get_or_add_pPr().append(  # the red rule under the heading of an official document
        parse_xml(f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="18" w:space="4" w:color="C00000"/></w:pBdr>')
    )
    _para(doc, "当事人：江城市味香园餐饮管理有限公司", indent_chars=2)
    _para(doc, "统一社会信用代码：91420100MA4KXR2L0X", indent_chars=2)
    for _ in range(3):
        _para(doc, FACTS, indent_chars=2, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    p = _para(doc, "以上事实，当事人", indent_chars=2)
    _run(p, "          ", underline=True)
    _run(p, "（签名）确认。罚款人民币伍仟元整（5,000元），限于收到本决定书之日起15日内缴至指定银行。")
    p = _para(doc, "", indent_chars=2)
    _run(p, "注", bold=True)
    _run(p, "：面积单位为m")
    _run(p, "2", superscript=True)
    _run(p, "，另行通知。")
    for _ in range(6):
        _para(doc, FACTS, indent_chars=2, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    doc.add_page_break()
    _para(doc, "如不服本处罚决定，可以在收到本决定书之日起六十日内向江城市东湖区人民政府申请行政复议。", indent_chars=2)
    p = _para(doc, "", align=WD_ALIGN_PARAGRAPH.RIGHT, line=96)
    p.add_run().add_picture(io.BytesIO(seal_png()), width=Mm(30))
    _para(doc, "江城市东湖区综合行政执法局", align=WD_ALIGN_PARAGRAPH.RIGHT)
    _para(doc, "2026年3月24日", align=WD_ALIGN_PARAGRAPH.RIGHT)
    _footer_page_number(doc)
    return _save(doc)


def approval_form() -> bytes:
    """A 立案审批表: a bordered table with merged cells (gridSpan, vMerge), a heavier cell border, centred
    and bottom-aligned cells, a header row repeated on the next page, signature lines with a right tab."""
    doc = Document()
    _page(doc)
    _para(doc, "立案审批表", size=22, font=TITLE, line=36, align=WD_ALIGN_PARAGRAPH.CENTER)
    table = doc.add_table(rows=0, cols=4)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _borders(table)
    widths = [Mm(28), Mm(52), Mm(28), Mm(48)]

    def row(cells: list[str], *, height: float | None = None, header: bool = False) -> list[object]:
        r = table.add_row()
        if height:
            r.height = Pt(height)
        if header:
            r._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
        for cell, width, text in zip(r.cells, widths, cells, strict=True):
            cell.width = width
            p = cell.paragraphs[0]
            p.paragraph_format.space_after = Pt(0)
            _run(p, text, size=12)
        return list(r.cells)

    row(["项目", "内容", "项目", "内容"], header=True)
    row(["案由", "占道堆放建筑材料", "案件来源", "巡查发现"], height=24)
    first = row(["当事人", "名称：江城市味香园餐饮管理有限公司", "", ""])
    second = row(["", "法定代表人：周海涛", "电话", "027-87654321"])
    third = row(["", "住所：江城市东湖区珞喻路128号", "", ""])
    first[0].merge(third[0]).vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER  # vMerge over three rows
    first[1].merge(first[3])  # gridSpan over three columns
    third[1].merge(third[3])
    del second
    for text in ("简要案情", "立案依据", "承办人意见", "审批意见"):
        cells = row([text, FACTS, "", ""], height=60)
        cells[1].merge(cells[3])
        cells[0].vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    cells = row(["承办人", "", "日期", "2026年3月2日"], height=40)
    cells[0]._tc.get_or_add_tcPr().append(
        parse_xml(
            f'<w:tcBorders {nsdecls("w")}><w:bottom w:val="double" w:sz="12" w:space="0" w:color="000000"/>'
            "</w:tcBorders>"
        )
    )
    cells[3].vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
    for _ in range(4):
        cells = row(["补充材料", FACTS + FACTS, "", ""])
        cells[1].merge(cells[3])
    p = _para(doc, "承办人：\t日期：2026年3月2日", size=14)
    p.paragraph_format.tab_stops.add_tab_stop(Mm(150), WD_TAB_ALIGNMENT.RIGHT)
    return _save(doc)


def record() -> bytes:
    """A 询问笔录: question and answer paragraphs with line breaks, kinsoku-heavy text, keep-with-next
    headings, spacing before and after, at-least and auto line spacing."""
    doc = Document()
    _page(doc)
    _para(doc, "询问笔录", size=22, font=TITLE, line=36, align=WD_ALIGN_PARAGRAPH.CENTER)
    p = _para(doc, "时间：2026年3月5日9时30分至10时15分")
    p.add_run().add_break()
    _run(p, "地点：江城市东湖区综合行政执法局询问室（二楼）")
    for i in range(1, 9):
        heading = _para(doc, f"第{i}组问答", size=16, font="黑体")
        heading.paragraph_format.keep_with_next = True
        heading.paragraph_format.space_before = Pt(6)
        question = f"问：请你陈述当时的情况，包括时间、地点、经过；{QUESTION}（第{i}问）"
        _para(doc, question, indent_chars=2, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
        answer = _para(doc, "答：" + FACTS, indent_chars=2, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
        answer.paragraph_format.line_spacing_rule = WD_LINE_SPACING.AT_LEAST if i % 2 else WD_LINE_SPACING.MULTIPLE
        answer.paragraph_format.line_spacing = Pt(26) if i % 2 else 1.5
        answer.paragraph_format.space_after = Pt(4)
    p = _para(doc, "被询问人签名：")
    _run(p, "                    ", underline=True)
    _run(p, "　日期：　　年　　月　　日")
    return _save(doc)


SPECIMENS: dict[str, Callable[[], bytes]] = {"decision": decision, "approval_form": approval_form, "record": record}

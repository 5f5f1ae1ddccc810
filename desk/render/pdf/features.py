"""What in a DOCX Desk's PDF renderer cannot draw, named so a user can find it in Word or WPS."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path

from lxml import etree

from desk.render.pdf import model
from desk.render.pdf.ooxml import DocxPackage, Element, R, W

_NS = {
    "w": W,
    "r": R,
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "v": "urn:schemas-microsoft-com:vml",
}

LIST = "编号或项目符号 (numbered or bulleted list)"
_FILLED = "[@w:fill and @w:fill != 'auto' and @w:fill != 'FFFFFF']"
# (name as Word/WPS show it, in Chinese and English; XPath over a story part: the document, a header, a footer)
_CHECKS = (
    ("文本框 (text box)", ".//w:txbxContent | .//v:textbox"),
    ("浮动图片或形状 (floating picture or shape)", ".//wp:anchor"),
    ("VML 图形 (VML shape or picture)", ".//w:pict[not(.//v:textbox)]"),
    ("嵌入对象 (embedded object)", ".//w:object"),
    ("SmartArt", ".//a:graphicData[contains(@uri, 'diagram')]"),
    ("图表 (chart)", ".//a:graphicData[contains(@uri, 'chart')]"),
    ("公式 (equation)", ".//m:oMath | .//m:oMathPara"),
    ("脚注 (footnote)", ".//w:footnoteReference"),
    ("尾注 (endnote)", ".//w:endnoteReference"),
    (LIST, ".//w:pPr/w:numPr[w:numId[@w:val != '0']]"),
    ("图文框 (frame)", ".//w:pPr/w:framePr"),
    ("竖排文字 (vertical text)", ".//w:textDirection[@w:val != 'lrTb' and @w:val != 'tb']"),
    ("双行合一或纵横混排 (combined characters)", ".//w:eastAsianLayout"),
    ("拼音指南 (phonetic guide)", ".//w:ruby"),
    ("着重号 (emphasis mark)", ".//w:rPr/w:em[@w:val != 'none']"),
    ("调整宽度 (fit text)", ".//w:rPr/w:fitText"),
    ("字符边框 (character border)", ".//w:rPr/w:bdr"),
    (
        "突出显示或字符底纹 (text highlight or shading)",
        ".//w:rPr/w:highlight[@w:val != 'none'] | .//w:rPr/w:shd" + _FILLED,
    ),
    ("段落底纹 (paragraph shading)", ".//w:pPr/w:shd" + _FILLED),
    (
        "段落左右框线 (left, right or between paragraph border)",
        ".//w:pBdr/w:left | .//w:pBdr/w:right | .//w:pBdr/w:between | .//w:pBdr/w:bar",
    ),
    ("从右向左文字 (right-to-left text)", ".//w:pPr/w:bidi[not(@w:val) or @w:val != '0'] | .//w:rPr/w:rtl"),
    (
        "符号字体字符 (symbol font character)",
        ".//w:sym[not(starts-with(translate(@w:font, 'WINGDS', 'wingds'), 'wingdings'))]",
    ),
)
_SECTION_CHECKS = (
    ("分栏 (multiple columns)", ".//w:sectPr/w:cols[@w:num > 1]"),
    ("连续分节符 (continuous section break)", ".//w:pPr/w:sectPr/w:type[@w:val = 'continuous']"),
    ("字符网格 (character grid)", ".//w:sectPr/w:docGrid[@w:type = 'linesAndChars' or @w:type = 'snapToChars']"),
)
GRID = "文档网格与自动行距 (line grid with automatic line spacing)"


def grid_feature(doc: model.Document) -> list[str]:
    """Word snaps lines of automatic or at-least spacing to a section's line grid; the renderer does not (lines of
    exact spacing ignore the grid in Word, so a grid with exact spacing throughout is fine)."""
    for section in doc.sections:
        if section.page.line_pitch is None:
            continue
        for block in _paragraphs(section.blocks):
            if block.fmt.line_rule != "exact" and block.fmt.snap_to_grid:
                return [GRID]
    return []


def _paragraphs(blocks: Sequence[model.Block | model.PageBreak]) -> Iterator[model.Paragraph]:
    for block in blocks:
        if isinstance(block, model.Paragraph):
            yield block
        elif isinstance(block, model.Table):
            for row in block.rows:
                for cell in row.cells:
                    yield from _paragraphs(cell.blocks)


def _fields(root: Element) -> set[str]:
    codes = [el.get(f"{{{W}}}instr", "") for el in root.iterfind(".//w:fldSimple", _NS)]
    codes += ["".join(el.itertext()) for el in root.iterfind(".//w:instrText", _NS)]
    found = set()
    for code in codes:
        words = code.split()
        if words and words[0].upper() != "PAGE":
            found.add(f"域 {words[0].upper()} (field)")
    return found


@cache
def _compiled(checks: tuple[tuple[str, str], ...]) -> tuple[tuple[str, etree.XPath], ...]:
    """The checks' XPath expressions compiled once per process (``Element.xpath`` compiles its text on every call:
    a third of the time of checking a document)."""
    return tuple((name, etree.XPath(path, namespaces=_NS)) for name, path in checks)


def _page_in_body(root: Element) -> bool:
    simple = root.xpath(".//w:fldSimple[starts-with(normalize-space(@w:instr), 'PAGE')]", namespaces=_NS)
    complex_ = [el for el in root.iterfind(".//w:instrText", _NS) if (el.text or "").split()[:1] == ["PAGE"]]
    return bool(simple or complex_)


def unsupported_features(docx: bytes | Path | DocxPackage) -> list[str]:
    """The names of the constructs in ``docx`` that Desk's renderer does not support, sorted; empty if none."""
    pkg = docx if isinstance(docx, DocxPackage) else DocxPackage(docx)
    found: set[str] = set()
    rels = pkg.rels(pkg.main)
    stories = [pkg.document] + [
        pkg.xml(t) for t in rels.values() if t.rsplit("/", 1)[-1].startswith(("header", "footer"))
    ]
    for story in stories:
        if story is None:
            continue
        found |= {name for name, check in _compiled(_CHECKS) if check(story)}
        found |= _fields(story)
    found |= {name for name, check in _compiled(_SECTION_CHECKS) if check(pkg.document)}
    if _page_in_body(pkg.document):
        found.add("页眉页脚以外的页码 (PAGE field outside headers and footers)")
    styles = pkg.related("styles")
    if styles is not None:
        numbered = set(styles.xpath(".//w:style[w:pPr/w:numPr/w:numId[@w:val != '0']]/@w:styleId", namespaces=_NS))
        used = set(pkg.document.xpath(".//w:pStyle/@w:val", namespaces=_NS))
        if numbered & used:
            found.add(LIST)
    metafiles = [t for t in rels.values() if t.startswith("word/media/") and t.lower().endswith((".emf", ".wmf"))]
    found |= {f"{t.rsplit('.', 1)[-1].upper()} 图片 (picture)" for t in metafiles}
    return sorted(found)

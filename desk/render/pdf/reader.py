"""DOCX → ``model.Document``: sections, paragraphs with resolved formats, runs, tables, headers and footers.

Constructs the renderer does not support are skipped here; ``features.unsupported_features`` names them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from lxml import etree

from desk.render.pdf import model
from desk.render.pdf.formats import ParaFormat, RunFormat, para_format, run_format
from desk.render.pdf.ooxml import NS, WP, DocxPackage, Element, R, emu, is_on, local, twips, w, wval
from desk.render.pdf.styles import StyleSheet, load_stylesheet
from desk.render.pdf.tables import read_table

# Wingdings / Wingdings 2 code points used for check boxes in forms, as Unicode.
_SYMBOLS = {
    ("wingdings", 0xA8): "□",
    ("wingdings", 0xFE): "☑",
    ("wingdings", 0xFD): "☒",
    ("wingdings", 0x6F): "□",
    ("wingdings 2", 0xA3): "□",
    ("wingdings 2", 0x52): "☑",
    ("wingdings 2", 0x54): "☒",
}
_TRANSPARENT = {"hyperlink", "smartTag", "customXml", "ins", "moveTo", "dir", "bdo"}


@dataclass
class Reader:
    """Reads one part (the document, a header or a footer) of ``pkg``."""

    pkg: DocxPackage
    sheet: StyleSheet
    part: str
    line_pitch: float | None = None
    table_style: str | None = None
    _field: list[str] = field(default_factory=list)  # field state: "instr:<code>" or "result:<code>"

    def blocks(self, parent: Iterable[Element]) -> list[model.Block | model.PageBreak]:
        out: list[model.Block | model.PageBreak] = []
        for el in parent:
            name = local(el) if isinstance(el.tag, str) else ""
            if name == "p":
                out += self.paragraph(el)
            elif name == "tbl":
                out.append(read_table(self, el))
            elif name in ("sdt", "customXml"):
                content = el.find(w("sdtContent")) if name == "sdt" else el
                if content is not None:
                    out += self.blocks(content)
        return out

    def run_format(self, para_style: str | None, rpr: Element | None) -> RunFormat:
        key = ("run", para_style, self.table_style, etree.tostring(rpr) if rpr is not None else b"")
        found = self.sheet.memo.get(key)
        if found is None:
            run_style = wval(rpr.find(w("rStyle"))) if rpr is not None else None
            props = self.sheet.run_props(para_style, run_style, rpr, self.table_style)
            found = self.sheet.memo[key] = run_format(props, self.sheet)
        assert isinstance(found, RunFormat)
        return found

    def para_format(self, style: str | None, ppr: Element | None, char_size: float) -> ParaFormat:
        key = (
            "para",
            style,
            self.table_style,
            etree.tostring(ppr) if ppr is not None else b"",
            char_size,
            self.line_pitch,
        )
        found = self.sheet.memo.get(key)
        if found is None:
            props = self.sheet.para_props(style, ppr, self.table_style)
            found = self.sheet.memo[key] = para_format(props, char_size, self.line_pitch)
        assert isinstance(found, ParaFormat)
        return found

    def paragraph(self, p: Element) -> list[model.Paragraph | model.PageBreak]:
        """The paragraph, split where it holds page breaks (text after a page break starts the next page)."""
        ppr = p.find(w("pPr"))
        style = wval(ppr.find(w("pStyle"))) if ppr is not None else None
        mark = self.run_format(style, ppr.find(w("rPr")) if ppr is not None else None)
        items: list[model.Inline] = []
        self._field.clear()
        self.inline(p, style, items)
        # A character of a w:*Chars indent is as wide as the paragraph's text is high.
        char_size = next((i.fmt.size for i in items if isinstance(i, model.Text)), mark.size)
        fmt = self.para_format(style, ppr, char_size)
        parts: list[model.Paragraph | model.PageBreak] = [model.Paragraph(fmt, mark)]
        for item in items:
            if isinstance(item, model.PageBreak):
                parts += [item, model.Paragraph(fmt, mark)]
            else:
                last = parts[-1]
                assert isinstance(last, model.Paragraph)
                last.items.append(item)
        if len(parts) == 1:
            return parts
        # Around a page break, an empty piece of the paragraph takes no line (as LibreOffice lays it out).
        return [part for part in parts if not isinstance(part, model.Paragraph) or part.items]

    def inline(self, parent: Element, style: str | None, out: list[model.Inline]) -> None:
        for el in parent:
            name = local(el) if isinstance(el.tag, str) else ""
            if name == "r":
                self.run(el, style, out)
            elif name in _TRANSPARENT:
                self.inline(el, style, out)
            elif name == "sdt":
                content = el.find(w("sdtContent"))
                if content is not None:
                    self.inline(content, style, out)
            elif name == "fldSimple":
                if _field_code(el.get(w("instr"), "")) == "PAGE":
                    rpr = el.find(f"{w('r')}/{w('rPr')}")
                    out.append(model.PageNumber(self.run_format(style, rpr)))
                else:
                    self.inline(el, style, out)

    def run(self, r: Element, style: str | None, out: list[model.Inline]) -> None:
        rpr = r.find(w("rPr"))
        fmt = self.run_format(style, rpr)
        for el in r:
            name = local(el) if isinstance(el.tag, str) else ""
            if name == "fldChar":
                self._field_char(wval(el, "fldCharType"), fmt, out)
            elif name == "instrText":
                if self._field and self._field[-1].startswith("instr:"):
                    self._field[-1] += el.text or ""
            elif (self._field and self._field[-1] == "result:PAGE") or (fmt.hidden and name != "br"):
                continue
            elif name == "t":
                text = el.text or ""
                if text:
                    out.append(model.Text(text.upper() if fmt.caps else text, fmt))
            elif name in ("tab", "ptab"):
                out.append(model.Tab(fmt))
            elif name == "br":
                kind = wval(el, "type")
                out.append(model.PageBreak() if kind in ("page", "column") else model.LineBreak(fmt))
            elif name == "cr":
                out.append(model.LineBreak(fmt))
            elif name == "noBreakHyphen":
                out.append(model.Text("\u2011", fmt))
            elif name == "sym":
                char = _symbol(el)
                if char:
                    out.append(model.Text(char, fmt))
            elif name == "drawing":
                picture = self.picture(el, fmt)
                if picture:
                    out.append(picture)

    def _field_char(self, kind: str | None, fmt: RunFormat, out: list[model.Inline]) -> None:
        if kind == "begin":
            self._field.append("instr:")
        elif kind == "separate" and self._field:
            code = _field_code(self._field[-1][len("instr:") :])
            self._field[-1] = f"result:{code}"
            if code == "PAGE":
                out.append(model.PageNumber(fmt))
        elif kind == "end" and self._field:
            state = self._field.pop()
            if state.startswith("instr:") and _field_code(state[len("instr:") :]) == "PAGE":
                out.append(model.PageNumber(fmt))  # a PAGE field without a cached result

    def picture(self, drawing: Element, fmt: RunFormat) -> model.Picture | None:
        inline = drawing.find(f"{{{WP}}}inline")
        if inline is None:
            return None
        extent = inline.find(f"{{{WP}}}extent")
        blip = inline.find(".//a:blip", NS)
        if extent is None or blip is None:
            return None
        target = self.pkg.rels(self.part).get(blip.get(f"{{{R}}}embed", ""))
        if not target or not self.pkg.has(target):
            return None
        return model.Picture(self.pkg.read(target), emu(extent.get("cx")), emu(extent.get("cy")), fmt)


def _field_code(instr: str) -> str:
    words = instr.split()
    return words[0].upper() if words else ""


def _symbol(el: Element) -> str | None:
    code = int(wval(el, "char") or "0", 16)
    font = (wval(el, "font") or "").lower()
    if code >= 0xF000:
        code -= 0xF000
    if font.startswith("wingdings") or font == "symbol":
        return _SYMBOLS.get((font, code))
    return chr(code) if code else None


def _page_setup(sect: Element | None) -> model.PageSetup:
    if sect is None:
        return model.PageSetup()
    size, margin, grid = sect.find(w("pgSz")), sect.find(w("pgMar")), sect.find(w("docGrid"))
    default = model.PageSetup()
    width, height = twips(wval(size, "w"), default.width), twips(wval(size, "h"), default.height)
    if wval(size, "orient") == "landscape" and width < height:
        width, height = height, width
    pitch = None
    if grid is not None and wval(grid, "type") in ("lines", "linesAndChars", "snapToChars"):
        pitch = twips(wval(grid, "linePitch"), 15.6)
    return model.PageSetup(
        width,
        height,
        top=abs(twips(wval(margin, "top"), default.top)),
        bottom=abs(twips(wval(margin, "bottom"), default.bottom)),
        left=twips(wval(margin, "left") or wval(margin, "start"), default.left),
        right=twips(wval(margin, "right") or wval(margin, "end"), default.right),
        header=twips(wval(margin, "header"), default.header),
        footer=twips(wval(margin, "footer"), default.footer),
        line_pitch=pitch,
    )


def _settings(pkg: DocxPackage) -> tuple[dict[str, str], str | None]:
    settings = pkg.related("settings")
    values: dict[str, str] = {}
    lang = None
    if settings is not None:
        values["defaultTabStop"] = wval(settings.find(w("defaultTabStop"))) or "720"
        even = settings.find(w("evenAndOddHeaders"))
        values["evenAndOddHeaders"] = "1" if even is not None and is_on(wval(even)) else ""
        for setting in settings.iterfind(f"{w('compat')}/{w('compatSetting')}"):
            if wval(setting, "name") == "compatibilityMode":
                values["compatibilityMode"] = wval(setting) or "12"
        lang = wval(settings.find(w("themeFontLang")), "eastAsia")
    return values, lang


def read_document(pkg: DocxPackage) -> model.Document:
    settings, lang = _settings(pkg)
    styles_name = pkg.rel_types(pkg.main).get("styles")
    theme_name = pkg.rel_types(pkg.main).get("theme")
    sheet = load_stylesheet(
        pkg.read(styles_name) if styles_name else None, pkg.read(theme_name) if theme_name else None, lang
    )
    body = pkg.document.find(w("body"))
    if body is None:
        raise ValueError("not a Word document: no body")
    sect_props = list(body.iter(w("sectPr")))
    final = body.find(w("sectPr"))
    doc = model.Document(
        [],
        even_and_odd_headers=bool(settings.get("evenAndOddHeaders")),
        compat_mode=int(settings.get("compatibilityMode", "12")),
        default_tab=twips(settings.get("defaultTabStop", "720")) or 36.0,
    )
    chunks: list[tuple[Element | None, list[Element]]] = [(None, [])]
    for el in body:
        if el is final:
            continue
        chunks[-1][1].append(el)
        inner = el.find(f"{w('pPr')}/{w('sectPr')}") if local(el) == "p" else None
        if inner is not None:
            chunks[-1] = (inner, chunks[-1][1])
            chunks.append((None, []))
    chunks[-1] = (final, chunks[-1][1])
    headers: dict[str, list[model.Block]] = {}
    footers: dict[str, list[model.Block]] = {}
    for sect, elements in chunks:
        page = _page_setup(sect if sect is not None else (sect_props[-1] if sect_props else None))
        section = model.Section(page, Reader(pkg, sheet, pkg.main, page.line_pitch).blocks(elements))
        if sect is not None:
            headers = {**headers, **_header_footer(pkg, sheet, sect, "headerReference", page.line_pitch)}
            footers = {**footers, **_header_footer(pkg, sheet, sect, "footerReference", page.line_pitch)}
            section.title_page = sect.find(w("titlePg")) is not None and is_on(wval(sect.find(w("titlePg"))))
            start = wval(sect.find(w("pgNumType")), "start")
            section.page_start = int(start) if start else None
        section.headers, section.footers = headers, footers
        doc.sections.append(section)
    return doc


def _header_footer(
    pkg: DocxPackage, sheet: StyleSheet, sect: Element, ref: str, pitch: float | None
) -> dict[str, list[model.Block]]:
    found: dict[str, list[model.Block]] = {}
    rels = pkg.rels(pkg.main)
    for el in sect.iterfind(w(ref)):
        target = rels.get(el.get(f"{{{R}}}id", ""))
        root = pkg.xml(target) if target else None
        if target and root is not None:
            blocks = Reader(pkg, sheet, target, pitch).blocks(root)
            found[wval(el, "type") or "default"] = [b for b in blocks if not isinstance(b, model.PageBreak)]
    return found

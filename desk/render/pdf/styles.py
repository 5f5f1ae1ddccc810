"""Style inheritance: docDefaults → table style → paragraph style chain → character style chain → direct.

Property elements (``w:pPr``, ``w:rPr``, ``w:tblPr``, ``w:tcPr``, ``w:trPr``) are flattened into ``Props``, a
dict keyed ``name`` or ``name.attribute`` (``jc`` → ``both``, ``spacing.line`` → ``560``, ``rFonts.eastAsia`` →
``仿宋_GB2312``, ``keepNext`` → ``1``); element-valued properties (borders, cell margins) keep the element under
``name.child`` and tab stops accumulate under ``tabs``. Later levels override earlier ones attribute by attribute,
as Word merges them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from desk.render.pdf.ooxml import A, Element, local, w, wval

Props = dict[str, Any]
_GROUPS = {"pBdr", "tblBorders", "tcBorders", "tblCellMar", "tcMar"}
_FONT_SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")


def merge(props: Props, element: Element | None) -> Props:
    """``props`` overridden by the property element ``element`` (in place; returned for chaining)."""
    if element is None:
        return props
    for child in element:
        if not isinstance(child.tag, str):
            continue
        name = local(child)
        if name in _GROUPS:
            for side in child:
                if isinstance(side.tag, str):
                    props[f"{name}.{local(side)}"] = side
        elif name == "tabs":
            props["tabs"] = [*props.get("tabs", []), *child]
        elif name == "rFonts":
            _merge_fonts(props, child)
        elif name in ("rPr", "sectPr", "pPrChange", "rPrChange", "numPr", "framePr", "shd", "tblW", "tcW"):
            props[name] = child
        elif not child.attrib:
            props[name] = "1"
        else:
            for attr, value in child.attrib.items():
                key = etree.QName(attr).localname
                props[name if key == "val" else f"{name}.{key}"] = value
    return props


def _merge_fonts(props: Props, el: Element) -> None:
    for slot in _FONT_SLOTS:
        plain, theme = el.get(w(slot)), el.get(w(slot + "Theme"))
        if plain is not None or theme is not None:
            props.pop(f"rFonts.{slot}", None)
            props.pop(f"rFonts.{slot}Theme", None)
            if plain is not None:
                props[f"rFonts.{slot}"] = plain
            if theme is not None:
                props[f"rFonts.{slot}Theme"] = theme
    if el.get(w("hint")):
        props["rFonts.hint"] = el.get(w("hint"))


@dataclass
class Style:
    kind: str
    based_on: str | None
    ppr: Element | None
    rpr: Element | None
    tblpr: Element | None
    tcpr: Element | None


@dataclass
class StyleSheet:
    """The styles part, with theme fonts resolved."""

    styles: dict[str, Style] = field(default_factory=dict)
    default_ppr: Element | None = None
    default_rpr: Element | None = None
    default_para: str | None = None
    default_table: str | None = None
    theme_fonts: dict[str, str] = field(default_factory=dict)
    _run_cache: dict[tuple[str | None, ...], Props] = field(default_factory=dict, repr=False)
    memo: dict[tuple[object, ...], object] = field(default_factory=dict, repr=False)  # resolved formats, by source

    def chain(self, style_id: str | None, kind: str) -> list[Style]:
        """The style and its ``basedOn`` ancestors, root first."""
        out: list[Style] = []
        seen = set()
        sid = style_id
        while sid and sid not in seen:
            seen.add(sid)
            style = self.styles.get(sid)
            if style is None or style.kind != kind:
                break
            out.append(style)
            sid = style.based_on
        return out[::-1]

    def para_props(self, style_id: str | None, direct: Element | None, table_style: str | None = None) -> Props:
        props = merge({}, self.default_ppr)
        for st in self.chain(table_style, "table"):
            merge(props, st.ppr)
        for st in self.chain(style_id or self.default_para, "paragraph"):
            merge(props, st.ppr)
        return merge(props, direct)

    def run_props(
        self, para_style: str | None, run_style: str | None, direct: Element | None, table_style: str | None = None
    ) -> Props:
        key = (para_style, run_style, table_style)
        base = self._run_cache.get(key)
        if base is None:
            base = merge({}, self.default_rpr)
            for st in self.chain(table_style, "table"):
                merge(base, st.rpr)
            for st in self.chain(para_style or self.default_para, "paragraph"):
                merge(base, st.rpr)
            for st in self.chain(run_style, "character"):
                merge(base, st.rpr)
            self._run_cache[key] = base
        return merge(base.copy(), direct)

    def table_props(self, style_id: str | None, direct: Element | None) -> Props:
        props: Props = {}
        for st in self.chain(style_id or self.default_table, "table"):
            merge(props, st.tblpr)
        return merge(props, direct)

    def cell_props(self, table_style: str | None, direct: Element | None) -> Props:
        props: Props = {}
        for st in self.chain(table_style or self.default_table, "table"):
            merge(props, st.tcpr)
        return merge(props, direct)

    def font_name(self, props: Props, slot: str) -> str | None:
        """The font of ``slot`` (ascii, hAnsi, eastAsia), theme references resolved."""
        theme = props.get(f"rFonts.{slot}Theme")
        if theme:
            return self.theme_fonts.get(theme) or props.get(f"rFonts.{slot}")
        value = props.get(f"rFonts.{slot}")
        return value if isinstance(value, str) else None


def _style(el: Element) -> tuple[str, Style]:
    def child(name: str) -> Element | None:
        return el.find(w(name))

    return el.get(w("styleId"), ""), Style(
        el.get(w("type"), "paragraph"),
        wval(child("basedOn")),
        child("pPr"),
        child("rPr"),
        child("tblPr"),
        child("tcPr"),
    )


def _theme_fonts(theme: Element | None, east_asia_lang: str | None) -> dict[str, str]:
    fonts: dict[str, str] = {}
    if theme is None:
        return fonts
    script = {"zh-CN": "Hans", "zh-SG": "Hans", "zh-TW": "Hant", "zh-HK": "Hant", "ja-JP": "Jpan", "ko-KR": "Hang"}
    for kind in ("major", "minor"):
        scheme = theme.find(f".//{{{A}}}{kind}Font")
        if scheme is None:
            continue
        latin, ea = scheme.find(f"{{{A}}}latin"), scheme.find(f"{{{A}}}ea")
        fonts[f"{kind}HAnsi"] = fonts[f"{kind}Ascii"] = latin.get("typeface", "") if latin is not None else ""
        typeface = ea.get("typeface", "") if ea is not None else ""
        if not typeface:
            wanted = script.get(east_asia_lang or "zh-CN", "Hans")
            for font in scheme.findall(f"{{{A}}}font"):
                if font.get("script") == wanted:
                    typeface = font.get("typeface", "")
        fonts[f"{kind}EastAsia"] = typeface
    return {k: v for k, v in fonts.items() if v}


def _parse(styles: bytes | None, theme: bytes | None, lang: str | None) -> StyleSheet:
    sheet = StyleSheet(theme_fonts=_theme_fonts(etree.fromstring(theme) if theme else None, lang))
    if not styles:
        return sheet
    root = etree.fromstring(styles)
    defaults = root.find(w("docDefaults"))
    if defaults is not None:
        sheet.default_ppr = defaults.find(f"{w('pPrDefault')}/{w('pPr')}")
        sheet.default_rpr = defaults.find(f"{w('rPrDefault')}/{w('rPr')}")
    for el in root.iterfind(w("style")):
        sid, style = _style(el)
        sheet.styles[sid] = style
        if el.get(w("default")) in ("1", "true", "on"):
            if style.kind == "paragraph":
                sheet.default_para = sid
            elif style.kind == "table":
                sheet.default_table = sid
    return sheet


def load_stylesheet(styles: bytes | None, theme: bytes | None, east_asia_lang: str | None) -> StyleSheet:
    """The parsed stylesheet, shared by every document made from the same template (cached by content)."""
    digest = hashlib.sha1(b"\0".join(x or b"" for x in (styles, theme, (east_asia_lang or "").encode()))).digest()
    sheet = _SHEETS.get(digest)
    if sheet is None:
        sheet = _SHEETS[digest] = _parse(styles, theme, east_asia_lang)
        while len(_SHEETS) > 16:
            del _SHEETS[next(iter(_SHEETS))]
    return sheet


_SHEETS: dict[bytes, StyleSheet] = {}

"""Resolved formatting: flattened ``Props`` → typed run, paragraph and border formats (points throughout)."""

from __future__ import annotations

from dataclasses import dataclass

from desk.render.pdf.ooxml import Element, is_on, twips, wval
from desk.render.pdf.styles import Props, StyleSheet

LINE_UNIT = 12.0  # points in one "line" of w:beforeLines/w:afterLines when the section has no line grid


@dataclass(frozen=True)
class RunFormat:
    """Character formatting of a run."""

    ascii_font: str | None = None
    east_asia_font: str | None = None
    h_ansi_font: str | None = None
    size: float = 10.5
    bold: bool = False
    italic: bool = False
    underline: str | None = None  # single, double, thick, dotted, dash, wave, words …
    strike: bool = False
    vert_align: str | None = None  # superscript, subscript
    color: str | None = None  # RRGGBB
    hidden: bool = False
    char_spacing: float = 0.0
    scale: float = 1.0
    position: float = 0.0
    caps: bool = False
    east_asia_hint: bool = False


def _on(props: Props, name: str) -> bool:
    return name in props and is_on(props[name])


def run_format(props: Props, sheet: StyleSheet) -> RunFormat:
    underline = props.get("u")
    color = props.get("color")
    return RunFormat(
        ascii_font=sheet.font_name(props, "ascii"),
        east_asia_font=sheet.font_name(props, "eastAsia"),
        h_ansi_font=sheet.font_name(props, "hAnsi"),
        size=int(props.get("sz", 21)) / 2.0,
        bold=_on(props, "b"),
        italic=_on(props, "i"),
        underline=underline if underline and underline != "none" else None,
        strike=_on(props, "strike") or _on(props, "dstrike"),
        vert_align=props.get("vertAlign") if props.get("vertAlign") in ("superscript", "subscript") else None,
        color=color if color and color != "auto" else None,
        hidden=_on(props, "vanish") or _on(props, "specVanish"),
        char_spacing=twips(props.get("spacing")),
        scale=int(props.get("w", 100)) / 100.0,
        position=int(props.get("position", 0)) / 2.0,
        caps=_on(props, "caps"),
        east_asia_hint=props.get("rFonts.hint") == "eastAsia",
    )


@dataclass(frozen=True)
class Border:
    style: str
    width: float  # points
    space: float  # points between border and text
    color: str | None

    @property
    def double(self) -> bool:
        return self.style in (
            "double",
            "thinThickSmallGap",
            "thickThinSmallGap",
            "thinThickMediumGap",
            "thickThinMediumGap",
            "thinThickLargeGap",
            "thickThinLargeGap",
            "triple",
        )


def border(el: Element | None) -> Border | None:
    """A ``w:top``/``w:bottom``/… border element; ``None`` for no border."""
    style = wval(el)
    if el is None or style in (None, "nil", "none"):
        return None
    color = wval(el, "color")
    size = int(wval(el, "sz") or 4)
    return Border(
        style or "single",
        max(size, 2) / 8.0,
        float(wval(el, "space") or 0),
        color if color and color != "auto" else None,
    )


@dataclass(frozen=True)
class TabStop:
    pos: float  # from the left edge of the text area
    align: str  # left, center, right, decimal
    leader: str | None  # dot, hyphen, underscore, middleDot, heavy


@dataclass(frozen=True)
class ParaFormat:
    """Paragraph formatting; indents and spacing in points, ``first_line`` negative when hanging."""

    style_id: str | None = None
    align: str = "left"
    left: float = 0.0
    right: float = 0.0
    first_line: float = 0.0
    space_before: float = 0.0
    space_after: float = 0.0
    line_rule: str = "auto"  # auto (line is a multiple), exact, atLeast (line in points)
    line: float = 1.0
    keep_next: bool = False
    keep_lines: bool = False
    page_break_before: bool = False
    widow_control: bool = True
    contextual_spacing: bool = False
    auto_space: bool = True
    snap_to_grid: bool = True
    tabs: tuple[TabStop, ...] = ()
    border_top: Border | None = None
    border_bottom: Border | None = None


_ALIGN = {
    "start": "left",
    "end": "right",
    "justify": "both",
    "center": "center",
    "right": "right",
    "left": "left",
    "both": "both",
    "distribute": "distribute",
    "thaiDistribute": "distribute",
    "highKashida": "both",
    "lowKashida": "both",
    "mediumKashida": "both",
}


def _indent(props: Props, names: tuple[str, ...], chars: str, char_size: float) -> float:
    if chars in props and int(props[chars]) != 0:
        return int(props[chars]) / 100.0 * char_size
    for name in names:
        if name in props:
            return twips(props[name])
    return 0.0


def _tabs(props: Props) -> tuple[TabStop, ...]:
    stops: dict[int, TabStop] = {}
    for el in props.get("tabs", []):
        pos = int(wval(el, "pos") or 0)
        kind = wval(el) or "left"
        if kind == "clear":
            stops.pop(pos, None)
        elif kind != "bar":
            leader = wval(el, "leader")
            stops[pos] = TabStop(
                pos / 20.0,
                {"start": "left", "end": "right", "num": "left"}.get(kind, kind),
                leader if leader and leader != "none" else None,
            )
    return tuple(sorted(stops.values(), key=lambda t: t.pos))


def para_format(props: Props, char_size: float, line_pitch: float | None) -> ParaFormat:
    """``char_size``: the paragraph's font size (the unit of ``w:*Chars`` indents); ``line_pitch``: the section's
    line grid pitch when it has one (the unit of ``w:beforeLines``)."""
    line_unit = line_pitch or LINE_UNIT
    hanging = _indent(props, ("ind.hanging",), "ind.hangingChars", char_size)
    first = _indent(props, ("ind.firstLine",), "ind.firstLineChars", char_size)
    rule = props.get("spacing.lineRule", "auto")
    line_value = int(props.get("spacing.line", 240))

    def spacing(name: str) -> float:
        lines = props.get(f"spacing.{name}Lines")
        if lines is not None and int(lines) != 0:
            return int(lines) / 100.0 * line_unit
        if _on(props, f"spacing.{name}Autospacing"):
            return 14.0
        return twips(props.get(f"spacing.{name}"))

    return ParaFormat(
        style_id=props.get("pStyle"),
        align=_ALIGN.get(props.get("jc", "left"), "left"),
        left=_indent(props, ("ind.left", "ind.start"), "ind.leftChars", char_size)
        or _indent(props, (), "ind.startChars", char_size),
        right=_indent(props, ("ind.right", "ind.end"), "ind.rightChars", char_size),
        first_line=-hanging if hanging else first,
        space_before=spacing("before"),
        space_after=spacing("after"),
        line_rule=rule if rule in ("exact", "atLeast") else "auto",
        line=line_value / 240.0 if rule not in ("exact", "atLeast") else line_value / 20.0,
        keep_next=_on(props, "keepNext"),
        keep_lines=_on(props, "keepLines"),
        page_break_before=_on(props, "pageBreakBefore"),
        widow_control=_on(props, "widowControl") if "widowControl" in props else True,
        contextual_spacing=_on(props, "contextualSpacing"),
        auto_space=not ("autoSpaceDE" in props and not is_on(props["autoSpaceDE"])),
        snap_to_grid=not ("snapToGrid" in props and not is_on(props["snapToGrid"])),
        tabs=_tabs(props),
        border_top=border(props.get("pBdr.top")),
        border_bottom=border(props.get("pBdr.bottom")),
    )

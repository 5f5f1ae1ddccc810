"""The document as the renderer sees it: sections of paragraphs and tables holding runs, resolved formats."""

from __future__ import annotations

from dataclasses import dataclass, field

from desk.render.pdf.formats import Border, ParaFormat, RunFormat


@dataclass(frozen=True)
class Text:
    text: str
    fmt: RunFormat


@dataclass(frozen=True)
class Tab:
    fmt: RunFormat


@dataclass(frozen=True)
class LineBreak:
    fmt: RunFormat


@dataclass(frozen=True)
class PageBreak:
    """``w:br w:type="page"`` (a column break is treated as a page break: one column only)."""


@dataclass(frozen=True)
class Picture:
    data: bytes
    width: float
    height: float
    fmt: RunFormat


@dataclass(frozen=True)
class PageNumber:
    """A ``PAGE`` field: the page number within the document."""

    fmt: RunFormat


Inline = Text | Tab | LineBreak | PageBreak | Picture | PageNumber


@dataclass
class Paragraph:
    fmt: ParaFormat
    mark: RunFormat  # the paragraph mark's format: sizes an empty paragraph
    items: list[Inline] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(i.text for i in self.items if isinstance(i, Text))


@dataclass
class Cell:
    blocks: list[Block]
    span: int = 1
    vmerge: str | None = None  # restart, continue
    borders: dict[str, Border | None] = field(default_factory=dict)  # top, bottom, left, right
    margins: dict[str, float] = field(default_factory=dict)
    valign: str = "top"
    fill: str | None = None


@dataclass
class Row:
    cells: list[Cell]
    height: float | None = None
    height_rule: str = "atLeast"  # atLeast, exact
    cant_split: bool = False
    header: bool = False
    grid_before: int = 0


@dataclass
class Table:
    grid: list[float]
    rows: list[Row]
    align: str = "left"
    indent: float = 0.0


Block = Paragraph | Table


@dataclass(frozen=True)
class PageSetup:
    width: float = 595.3
    height: float = 841.9
    top: float = 72.0
    bottom: float = 72.0
    left: float = 90.0
    right: float = 90.0
    header: float = 42.55
    footer: float = 49.6
    line_pitch: float | None = None  # the line grid's pitch when the section has a line grid

    @property
    def body_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def body_height(self) -> float:
        return self.height - self.top - self.bottom


@dataclass
class Section:
    page: PageSetup
    blocks: list[Block | PageBreak] = field(default_factory=list)
    headers: dict[str, list[Block]] = field(default_factory=dict)  # default, first, even
    footers: dict[str, list[Block]] = field(default_factory=dict)
    title_page: bool = False
    page_start: int | None = None


@dataclass
class Document:
    sections: list[Section]
    even_and_odd_headers: bool = False
    compat_mode: int = 12
    default_tab: float = 36.0

"""Rows of the bordered forms (审批表, 笔录): a four-column grid of captions and values."""

from __future__ import annotations

from desk.catalogue import Kind
from tools.templates.docxkit import Cell, Form, Row, cell_text, label, signed

WIDTHS = (30, 48, 30, 48)
SPAN = len(WIDTHS) - 1


def line(*pairs: tuple[str, str], height: float = 8) -> Row:
    """One row: one caption/value pair across the width, or two side by side."""
    if len(pairs) == 1:
        caption, value = pairs[0]
        return Row([label(caption), Cell(cell_text(value), span=SPAN)], height)
    cells: list[Cell] = []
    for caption, value in pairs:
        cells += [label(caption), Cell(cell_text(value))]
    return Row(cells, height)


def block(heading: str, value: str, height: float = 60) -> Row:
    """A full-width cell: a bold heading line, then the text."""
    paras = [cell_text(f"**{heading}**"), cell_text(value, indent=True)]
    return Row([Cell(paras, span=len(WIDTHS), valign="top")], height, whole=False)


def sign(*captions: str) -> Row:
    """Signature cells: caption, then room to sign and date (one caption spans the row)."""
    room = cell_text("\n年　　月　　日", align="right")
    if len(captions) == 1:
        return Row([label(captions[0]), Cell(room, span=SPAN)], 18)
    cells: list[Cell] = []
    for caption in captions:
        cells += [label(caption), Cell(room)]
    return Row(cells, 18)


def opinion(caption: str, value: str = "", *, who: str = "签名", height: float = 14) -> Row:
    """An approval step: caption, the opinion, and a signature and date at the cell's foot."""
    cell = signed(value, who=who) if value else signed(who=who)
    return Row([label(caption), Cell(cell.content, span=SPAN, valign="top")], height)


def party_rows(*, phone: bool = True) -> list[Row]:
    """当事人 as one caption cell merged down the rows of the party's particulars."""
    lines = [
        "名称（姓名）：{{ party_name }}",
        "{{ party_identity }}",
        "法定代表人（负责人、经营者）：{{ party_representative }}",
        "住所（地址）：{{ party_address }}",
    ] + (["联系电话：{{ party_phone }}"] if phone else [])
    return [
        Row([Cell(label("当事人").content, merge="continue" if i else "restart"), Cell(cell_text(t), span=SPAN)], 7)
        for i, t in enumerate(lines)
    ]


def table_form(form: Form, kind: Kind, rows: list[Row], *, numbered: bool = False) -> None:
    form.heading(numbered=numbered, title=kind.title, gap=False)
    form.table(WIDTHS, rows)

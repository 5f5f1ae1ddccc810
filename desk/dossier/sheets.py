"""The dossier's own sheets as reportlab flowables: 卷宗封面 (cover), 卷内文件目录 (index), 卷内备考表 (reference).

None of them carries a page number. Each index row's title is an ``Anchored`` paragraph, so the binder can link
the row to the first page of its item.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from desk.dossier.front import Front
from desk.dossier.plan import Remark
from desk.dossier.typeset import MARGIN, PAGE, Ledger, Typesetter
from desk.i18n import format_date

WIDTH = PAGE[0] - 2 * MARGIN
INDEX_HEADER = ("序号", "文号", "责任者", "题名", "日期", "页号", "备注")
INDEX_COLUMNS = (10 * mm, 33 * mm, 27 * mm, 44 * mm, 17 * mm, 14 * mm, 25 * mm)
REMARK_HEADINGS = (("void", "作废、更换的文书"), ("missing", "缺少、损坏的材料"),
                   ("elsewhere", "另行保管的声像、实物证据"))
_GRID = (("GRID", (0, 0), (-1, -1), 0.75, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"))


@dataclass(frozen=True)
class IndexRow:
    number: str
    author: str
    title: str
    on: date | None
    start: int
    end: int
    note: str

    @property
    def pages(self) -> str:
        """``12–15``, or ``12`` for a one-page item."""
        return str(self.start) if self.end == self.start else f"{self.start}–{self.end}"


def cover(ts: Typesetter, front: Front) -> list[Flowable]:
    """卷宗封面: agency (全宗), 行政处罚案卷, 正卷/副卷, and the table of the case's facts."""
    label = ts.style(12, face=ts.hei, center=True)
    value = ts.style(12)

    def row(*cells: str) -> list[Flowable]:
        return [ts.para(c, label if i % 2 == 0 else value) for i, c in enumerate(cells)]

    volume = f"{front.volume_title}　第{front.volume_no}卷　共{front.volume_count}卷"
    data = [
        row("案卷题名", front.title, "", ""),
        row("案　　号", front.case_number or "—", "", ""),
        row("决定书文号", front.decision_number or "—", "", ""),
        row("案　　由", front.cause, "", ""),
        row("处理结果", front.outcome, "", ""),
        row("承办单位", front.squad or "—", "承 办 人", front.officers or "—"),
        row("立案日期", format_date(front.filed_on) or "—", "结案日期", format_date(front.closed_on) or "—"),
        row("卷内件数", f"{front.items}件", "卷内页数", f"{front.pages}页"),
        row("保管期限", front.retention, "卷　　别", volume),
        row("档　　号", front.archive_number, "全 宗 号", ""),
        row("目 录 号", "", "案 卷 号", ""),
    ]
    table = Table(data, colWidths=[30 * mm, 55 * mm, 30 * mm, 55 * mm], rowHeights=None)
    spans = [("SPAN", (1, r), (3, r)) for r in range(5)]
    table.setStyle(ts.table_style(*_GRID, *spans, ("TOPPADDING", (0, 0), (-1, -1), 9),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 9)))
    return [
        Spacer(1, 12 * mm),
        ts.para(front.agency, ts.style(18, face=ts.title_face, center=True)),
        Spacer(1, 14 * mm),
        ts.para("行政处罚案卷", ts.style(36, face=ts.title_face, center=True, leading=1.2)),
        Spacer(1, 6 * mm),
        ts.para(f"（{front.volume_title}）", ts.style(20, face=ts.title_face, center=True)),
        Spacer(1, 18 * mm),
        table,
    ]


def index(ts: Typesetter, front: Front, rows: Sequence[IndexRow], ledger: Ledger) -> list[Flowable]:
    """卷内文件目录: one row per item, its page range and a link to its first page; the header repeats.

    Cells that never wrap (序号, 日期, 页号) are plain strings, and so are empty ones; the 题名 paragraph carries the
    row's link (and, at least one line high, sets the height of a row of short cells)."""
    head = ts.style(10, face=ts.hei, center=True)
    cell = ts.style(9)
    span = (MARGIN, MARGIN + WIDTH)

    def wrapping(text: str) -> Flowable | str:
        return ts.para(text, cell) if text else ""

    data: list[list[Flowable | str]] = [[ts.para(h, head) for h in INDEX_HEADER]]
    for i, r in enumerate(rows):
        data.append([str(i + 1), wrapping(r.number), wrapping(r.author), ts.anchored(r.title, cell, ledger, i, span),
                     r.on.strftime("%Y%m%d") if r.on else "", r.pages, wrapping(r.note)])
    if not rows:
        data.append(["", "", "", ts.para("本卷无文件材料", cell), "", "", ""])
    table = Table(data, colWidths=list(INDEX_COLUMNS), repeatRows=1)
    table.setStyle(ts.table_style(*_GRID, ("FONTSIZE", (0, 1), (-1, -1), 9), ("ALIGN", (0, 1), (0, -1), "CENTER"),
                                  ("ALIGN", (4, 1), (5, -1), "CENTER"), ("TOPPADDING", (0, 0), (-1, -1), 4),
                                  ("BOTTOMPADDING", (0, 0), (-1, -1), 4), ("LEFTPADDING", (0, 0), (-1, -1), 3),
                                  ("RIGHTPADDING", (0, 0), (-1, -1), 3)))
    return [
        ts.para("卷内文件目录", ts.style(22, face=ts.title_face, center=True, space_after=4 * mm)),
        ts.para(f"案号：{front.case_number or '—'}　　{front.volume_title}", ts.style(10.5, space_after=2 * mm)),
        table,
    ]


def reference(ts: Typesetter, front: Front, remarks: Sequence[Remark]) -> list[Flowable]:
    """卷内备考表: counts, voided/missing/kept-elsewhere material, who filed and checked the volume and when."""
    body, label, value = ts.style(12, leading=1.8, indent=24), ts.style(12, face=ts.hei, center=True), ts.style(12)
    listed = ts.style(12, leading=1.8, left=48)
    lines: list[Flowable] = [ts.para("本卷情况说明：", ts.style(12, face=ts.hei, leading=1.8)),
             ts.para(f"本卷共有文件材料{front.items}件，共{front.pages}页"
                     "（封面、卷内文件目录和本表不编页号，不计入页数）。", body)]
    for key, heading in REMARK_HEADINGS:
        found = [r.text for r in remarks if r.kind == key or (key == "missing" and r.kind == "damaged")]
        lines.append(ts.para(f"{heading}：" + ("无。" if not found else ""), body))
        lines += [ts.para(f"{n}. {text}", listed) for n, text in enumerate(found, 1)]
    used = sum(line.wrap(WIDTH - 16, PAGE[1])[1] for line in lines)
    rows: list[list[Flowable]] = [[line] for line in lines] + [[Spacer(1, max(0.0, 165 * mm - used))]]
    notes = Table(rows, colWidths=[WIDTH])
    notes.setStyle(ts.table_style(("BOX", (0, 0), (-1, -1), 0.75, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                  ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                                  ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                                  ("TOPPADDING", (0, 0), (0, 0), 8)))
    signed = Table([[ts.para("立 卷 人", label), ts.para(front.filed_by, value), ts.para("立卷时间", label),
                     ts.para(format_date(front.filed_date), value)],
                    [ts.para("检 查 人", label), ts.para(front.checked_by, value), ts.para("检查时间", label),
                     ts.para(format_date(front.checked_date), value)]],
                   colWidths=[30 * mm, 55 * mm, 30 * mm, 55 * mm], rowHeights=[14 * mm, 14 * mm])
    signed.setStyle(ts.table_style(*_GRID))
    return [
        ts.para("卷内备考表", ts.style(22, face=ts.title_face, center=True, space_after=4 * mm)),
        ts.para(f"案号：{front.case_number or '—'}　　{front.volume_title}", ts.style(10.5, space_after=2 * mm)),
        notes,
        signed,
    ]

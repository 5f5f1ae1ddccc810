"""XLSX and CSV files of the reports (openpyxl): the publication list in the credit platforms' columns, and
the statistics with one sheet per table and a native Excel bar chart on each."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desk.reports.files import write_file
from desk.reports.tables import PUBLICATION_COLUMNS, Table, check_rows, publication_row, stats_tables

_BOLD = Font(bold=True)
_WIDE = {"违法事实": 60, "处罚依据": 40, "处罚内容": 30, "行政相对人名称": 30, "决定书文号": 28}


def _header(ws: Worksheet, headers: tuple[str, ...] | list[str], row: int = 1) -> None:
    for col, text in enumerate(headers, start=1):
        cell = ws.cell(row=row, column=col, value=text)
        cell.font = _BOLD
        ws.column_dimensions[get_column_letter(col)].width = _WIDE.get(text, max(12, 2 * len(text) + 2))


def publication_xlsx(entries: list[dict[str, Any]], path: Path, title: str) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "行政处罚公示"
    _header(ws, PUBLICATION_COLUMNS)
    for entry in entries:
        ws.append(publication_row(entry))
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    wb.properties.title = title
    write_file(path, lambda tmp: wb.save(tmp))


def publication_csv(entries: list[dict[str, Any]], path: Path) -> None:
    """UTF-8 with a byte-order mark, so that Excel and WPS open the Chinese text right."""

    def write(tmp: Path) -> None:
        with tmp.open("w", encoding="utf-8-sig", newline="") as f:
            out = csv.writer(f)
            out.writerow(PUBLICATION_COLUMNS)
            out.writerows(publication_row(e) for e in entries)

    write_file(path, write)


def _sheet(wb: Workbook, table: Table) -> Worksheet:
    ws = wb.create_sheet(table.title[:31].replace("（", "(").replace("）", ")"))
    ws.cell(row=1, column=1, value=table.title).font = Font(bold=True, size=14)
    _header(ws, table.headers, row=2)
    ws.column_dimensions["A"].width = max(16, *(2 * len(str(r[0])) + 2 for r in table.rows)) if table.rows else 16
    for r in table.rows:
        ws.append(list(r))
    if table.rows:
        chart = BarChart()
        chart.type = "bar" if table.chart == "barh" else "col"
        chart.title = table.title
        chart.style = 10
        chart.height, chart.width = max(7.5, 0.8 * len(table.rows)), 18
        data = Reference(ws, min_col=2, max_col=1 + table.series, min_row=2, max_row=2 + len(table.rows))
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=1, min_row=3, max_row=2 + len(table.rows)))
        chart.legend = None if table.series == 1 else chart.legend
        ws.add_chart(chart, f"{get_column_letter(len(table.headers) + 3)}2")
    return ws


def stats_xlsx(stats: dict[str, Any], path: Path) -> None:
    wb = Workbook()
    default = wb.active
    if default is not None:
        wb.remove(default)
    sheets = [_sheet(wb, t) for t in stats_tables(stats)]
    first = sheets[0]
    row = first.max_row + 2
    first.cell(row=row, column=1, value="一致性校验").font = _BOLD
    _header(first, ["校验", "结果", "左", "右"], row=row + 1)
    for offset, check in enumerate(check_rows(stats), start=row + 2):
        for col, value in enumerate(check, start=1):
            first.cell(row=offset, column=col, value=value)
    wb.properties.title = f"行政执法统计 {stats['period']}"
    write_file(path, lambda tmp: wb.save(tmp))

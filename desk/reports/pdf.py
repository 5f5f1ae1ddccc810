"""The printable statistics report: the tables with a bar chart each, drawn by reportlab's own graphics
(``reportlab.graphics.charts``), Chinese text in fonts embedded as subsets through ``desk.render.fonts``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, TableStyle
from reportlab.platypus import Table as PdfTable

from desk.render.fonts import default_fonts
from desk.reports.files import write_file
from desk.reports.tables import Table, check_rows, stats_tables

SERIES_COLOURS = (colors.HexColor("#2f6ea5"), colors.HexColor("#d98c2b"), colors.HexColor("#4b9a5a"))
WIDTH = A4[0] - 40 * mm


def _fonts() -> tuple[str, str]:
    fonts = default_fonts()
    return fonts.face("宋体", east_asian=True).name, fonts.face("黑体", east_asian=True).name


def _number(value: Any) -> str:
    return f"{value:,}" if isinstance(value, int) else (f"{value:,.2f}" if isinstance(value, float) else str(value))


def chart(table: Table, font: str) -> Drawing:
    """A bar chart of the table's first ``series`` number columns."""
    horizontal = table.chart == "barh"
    rows = table.rows or (("—", *([0] * (len(table.headers) - 1))),)
    rows = tuple(reversed(rows)) if horizontal else rows  # a horizontal chart draws its first bar at the bottom
    height = max(150.0, 22.0 * len(rows) + 40) if horizontal else 190.0
    drawing = Drawing(WIDTH, height)
    bars = HorizontalBarChart() if horizontal else VerticalBarChart()
    label_room = 130 if horizontal else 0
    bars.x, bars.y = 20 + label_room, 30 if horizontal else 45
    bars.width, bars.height = WIDTH - 40 - label_room, height - (45 if horizontal else 70)
    bars.data = [tuple(float(r[i] or 0) for r in rows) for i in range(1, 1 + table.series)]
    bars.categoryAxis.categoryNames = [str(r[0]) for r in rows]
    for axis in (bars.categoryAxis.labels, bars.valueAxis.labels):
        axis.fontName, axis.fontSize = font, 7
    if not horizontal:
        bars.categoryAxis.labels.angle = 30 if len(rows) > 4 else 0
        bars.categoryAxis.labels.boxAnchor = "ne" if len(rows) > 4 else "n"
    bars.valueAxis.valueMin = 0
    top = max((v for series in bars.data for v in series), default=0)
    bars.valueAxis.valueMax = max(1.0, top * 1.15)
    bars.barLabelFormat = lambda v: _number(int(v) if float(v).is_integer() else v)
    bars.barLabels.fontName, bars.barLabels.fontSize = font, 7
    bars.barLabels.nudge = 7
    for i, colour in enumerate(SERIES_COLOURS[: table.series]):
        bars.bars[i].fillColor = colour
    drawing.add(bars)
    if table.series > 1:
        x = 20.0
        for i, name in enumerate(table.headers[1 : 1 + table.series]):
            drawing.add(String(x + 10, height - 12, name, fontName=font, fontSize=8, fillColor=SERIES_COLOURS[i]))
            x += 70
    return drawing


def _grid(header: tuple[str, ...] | list[str], rows: list[tuple[Any, ...]], font: str, bold: str) -> PdfTable:
    data = [list(header), *([_number(v) for v in r] for r in rows)]
    widths = [WIDTH * 0.4] + [WIDTH * 0.6 / max(1, len(header) - 1)] * (len(header) - 1)
    table = PdfTable(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), font, 9), ("FONT", (0, 0), (-1, 0), bold, 9),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    return table


def stats_pdf(stats: dict[str, Any], path: Path, agency: str) -> None:
    font, bold = _fonts()
    title = ParagraphStyle("title", fontName=bold, fontSize=18, leading=26, alignment=1, wordWrap="CJK")
    heading = ParagraphStyle("heading", fontName=bold, fontSize=12, leading=18, spaceBefore=8, spaceAfter=4,
                             wordWrap="CJK")
    body = ParagraphStyle("body", fontName=font, fontSize=10, leading=15, wordWrap="CJK")
    story: list[Any] = [
        Paragraph(f"{agency}行政执法统计", title),
        Paragraph(f"统计期间：{stats['from']} 至 {stats['to']}（{stats['period']}）", body),
        Spacer(1, 4 * mm),
    ]
    for number, table in enumerate(stats_tables(stats), start=1):
        story.append(KeepTogether([
            Paragraph(f"{number}. {table.title}", heading),
            _grid(table.headers, list(table.rows) or [("（无）", *([0] * (len(table.headers) - 1)))], font, bold),
            Spacer(1, 3 * mm),
            chart(table, font),
        ]))
    story.append(KeepTogether([Paragraph("一致性校验", heading),
                               _grid(("校验", "结果", "左", "右"), list(check_rows(stats)), font, bold)]))

    def footer(canvas: Canvas, doc: Any) -> None:
        canvas.setFont(font, 9)
        canvas.drawCentredString(A4[0] / 2, 12 * mm, f"第 {doc.page} 页")

    def write(tmp: Path) -> None:
        doc = SimpleDocTemplate(str(tmp), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                                topMargin=18 * mm, bottomMargin=20 * mm, title=f"行政执法统计 {stats['period']}",
                                author=agency)
        doc.build(story, onFirstPage=footer, onLaterPages=footer)

    write_file(path, write)

"""A bar chart of a report table drawn with QPainter (PySide6-Essentials has no QtCharts).

Horizontal bars, one group per row of the table, one bar per charted column, the value at the bar's end;
the geometry comes from ``layout`` so that a test can hold the bars against the numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from desk.reports.tables import Table

COLOURS = (QColor("#2f6ea5"), QColor("#d98c2b"), QColor("#4b9a5a"))
LABEL_WIDTH = 170.0
BAR_HEIGHT = 14.0
GAP = 8.0
TOP = 24.0


@dataclass(frozen=True)
class Bar:
    label: str
    series: int
    value: float
    rect: QRectF


def layout(table: Table, width: float) -> list[Bar]:
    """The bars of ``table`` in a chart ``width`` wide (values to the right of LABEL_WIDTH, scaled to the max)."""
    values = [[float(row[i] or 0) for i in range(1, 1 + table.series)] for row in table.rows]
    top = max((v for row in values for v in row), default=0.0) or 1.0
    room = max(10.0, width - LABEL_WIDTH - 70.0)
    bars, y = [], TOP
    for row, numbers in zip(table.rows, values, strict=True):
        for series, value in enumerate(numbers):
            bars.append(Bar(str(row[0]), series, value, QRectF(LABEL_WIDTH, y, room * value / top, BAR_HEIGHT)))
            y += BAR_HEIGHT
        y += GAP
    return bars


class BarChart(QWidget):
    def __init__(self, table: Table, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = table
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        rows = max(1, len(table.rows))
        self.setFixedHeight(int(TOP + rows * (table.series * BAR_HEIGHT + GAP) + 8))

    def sizeHint(self) -> QSize:
        return QSize(600, self.height())

    def bars(self) -> list[Bar]:
        return layout(self.table, float(self.width()))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        text = self.palette().text().color()
        metrics = painter.fontMetrics()
        if self.table.series > 1:  # the legend
            x = LABEL_WIDTH
            for series, name in enumerate(self.table.headers[1 : 1 + self.table.series]):
                painter.fillRect(QRectF(x, 6, 10, 10), COLOURS[series])
                painter.setPen(text)
                painter.drawText(QRectF(x + 14, 2, 100, 18), Qt.AlignmentFlag.AlignVCenter, name)
                x += 24 + metrics.horizontalAdvance(name)
        labelled: set[str] = set()
        for bar in self.bars():
            painter.fillRect(bar.rect, COLOURS[bar.series % len(COLOURS)])
            painter.setPen(text)
            if bar.label not in labelled:
                labelled.add(bar.label)
                label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideMiddle, int(LABEL_WIDTH - 8))
                painter.drawText(QRectF(0, bar.rect.top() - 1, LABEL_WIDTH - 6, BAR_HEIGHT + 2),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            value = f"{bar.value:,.0f}" if bar.value.is_integer() else f"{bar.value:,.2f}"
            painter.drawText(QRectF(bar.rect.right() + 4, bar.rect.top() - 1, 80, BAR_HEIGHT + 2),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, value)
        painter.end()

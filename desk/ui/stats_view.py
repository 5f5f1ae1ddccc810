"""The 统计 view: a month or a year, its tables with a bar chart each (QPainter), the consistency checks, and
export to XLSX (native Excel charts) or PDF (the printable report)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.reports.tables import Table, check_rows, stats_tables
from desk.ui.ops.reports import StatsResult, export_stats, load_stats
from desk.ui.report_chart import BarChart
from desk.ui.runner import Latest, Runner
from desk.ui.session import Session
from desk.ui.text import _


def table_widget(headers: tuple[str, ...] | list[str], rows: list[tuple[object, ...]]) -> QTableWidget:
    widget = QTableWidget(len(rows), len(headers))
    widget.setHorizontalHeaderLabels(list(headers))
    widget.verticalHeader().setVisible(False)
    widget.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            text = f"{value:,}" if isinstance(value, int | float) and not isinstance(value, bool) else str(value)
            item = QTableWidgetItem(text)
            if c:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            widget.setItem(r, c, item)
    widget.resizeColumnsToContents()
    widget.setFixedHeight(widget.horizontalHeader().height() + sum(widget.rowHeight(i) for i in range(len(rows))) + 4)
    return widget


class StatsView(QWidget):
    def __init__(self, runner: Runner, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stats_view")
        self.runner, self.session = runner, session
        self._latest = Latest(runner)
        self.result: StatsResult | None = None
        self.charts: list[BarChart] = []
        self.tables: list[QTableWidget] = []
        today = date.today()
        self.kind = QComboBox()
        self.kind.addItem(_("Month"), "month")
        self.kind.addItem(_("Year"), "year")
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.month = QSpinBox()
        self.month.setRange(1, 12)
        self.month.setValue(today.month)
        self.kind.currentIndexChanged.connect(lambda _i: self.month.setEnabled(self.kind.currentData() == "month"))
        show = QPushButton(_("Show"))
        show.clicked.connect(self.reload)
        self.xlsx_button = QPushButton(_("Export XLSX…"))
        self.xlsx_button.clicked.connect(lambda: self._ask_export("xlsx"))
        self.pdf_button = QPushButton(_("Export PDF…"))
        self.pdf_button.clicked.connect(lambda: self._ask_export("pdf"))
        bar = QHBoxLayout()
        for w in (QLabel(_("Period")), self.kind, self.year, self.month, show):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.xlsx_button)
        bar.addWidget(self.pdf_button)
        self.status = QLabel()
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.area = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)
        self.reload()

    def period(self) -> str:
        if self.kind.currentData() == "year":
            return f"{self.year.value():04d}"
        return f"{self.year.value():04d}-{self.month.value():02d}"

    def reload(self) -> None:
        self.status.setText(_("Counting…"))
        period, session = self.period(), self.session
        self._latest.submit(lambda _p: load_stats(session, period), self._show)

    def _show(self, result: StatsResult) -> None:
        self.result = result
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.area.setWidget(self.body)  # the scroll area deletes the previous body
        self.charts, self.tables = [], []
        for table in stats_tables(result.stats):
            self._add(table)
        self.body_layout.addWidget(QLabel(f"<b>{_('Consistency checks')}</b>"))
        checks = table_widget([_("Check"), _("Result"), "", ""], list(check_rows(result.stats)))
        self.tables.append(checks)
        self.body_layout.addWidget(checks)
        self.body_layout.addStretch(1)
        s = result.stats
        self.status.setText(_("{period}: {filed} filed, {decided} decided, {closed} closed").format(
            period=s["period"], filed=s["filed"], decided=s["decided"], closed=s["closed"]))

    def _add(self, table: Table) -> None:
        self.body_layout.addWidget(QLabel(f"<b>{table.title}</b>"))
        grid = table_widget(table.headers, list(table.rows))
        chart = BarChart(table)
        self.tables.append(grid)
        self.charts.append(chart)
        grid.setFixedWidth(grid.horizontalHeader().length() + 4)
        row = QHBoxLayout()
        row.addWidget(grid, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(chart, 1, Qt.AlignmentFlag.AlignTop)
        self.body_layout.addLayout(row)

    def _ask_export(self, kind: str) -> None:
        if self.result is None:
            return
        name = f"行政执法统计-{self.result.stats['period']}.{kind}"
        chosen, _filter = QFileDialog.getSaveFileName(self, _("Export"), name, f"*.{kind}")
        if chosen:
            self.export(Path(chosen))

    def export(self, path: Path) -> None:
        """Write the shown statistics to ``path`` (.xlsx or .pdf) on the background thread."""
        result = self.result
        if result is None:
            return
        self.runner.submit(lambda _p: export_stats(result, path),
                           done=lambda p: self.status.setText(_("Written: {path}").format(path=p)))

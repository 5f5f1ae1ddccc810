"""The 公示 view: the penalty decisions of a period as the public will see them (masked), what is due,
overdue and done; recording a publication; export in the credit platforms' columns (XLSX, CSV)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.reports.tables import STATUS_TEXT
from desk.ui.dates import DateField
from desk.ui.ops.reports import export_publication, load_publication, record_published
from desk.ui.runner import Latest, Runner
from desk.ui.session import Session
from desk.ui.text import _

COLUMNS = ("status", "publish_by", "number", "decided_on", "party", "cause", "penalty", "facts")
HEADERS = ("状态", "公示截止期", "决定书文号", "处罚决定日期", "行政相对人", "违法行为类型", "处罚内容", "违法事实")
GROUPS = {"due": ("due",), "overdue": ("overdue", "to_withdraw"),
          "done": ("published", "published_late", "withdrawn")}
OVERDUE = QColor("#b3261e")


class PublicationView(QWidget):
    def __init__(self, runner: Runner, session: Session, parent: QWidget | None = None,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("publication_view")
        self.runner, self.session = runner, session
        self.today = today or date.today()
        self._latest = Latest(runner)
        self.entries: list[dict[str, Any]] = []
        self.start = DateField(self.today.replace(day=1) - timedelta(days=62))  # the window's date input (#15)
        self.end = DateField(self.today)
        for edit in (self.start, self.end):
            edit.line.returnPressed.connect(self.reload)
        self.filter = QComboBox()
        for code, text in (("all", _("All")), ("due", _("Due")), ("overdue", _("Overdue")), ("done", _("Done"))):
            self.filter.addItem(text, code)
        self.filter.currentIndexChanged.connect(lambda _i: self._fill())
        show = QPushButton(_("Show"))
        show.clicked.connect(self.reload)
        self.record_button = QPushButton(_("Published today"))
        self.record_button.clicked.connect(self.record_selected)
        xlsx = QPushButton(_("Export XLSX…"))
        xlsx.clicked.connect(lambda: self._ask_export("xlsx"))
        csv = QPushButton(_("Export CSV…"))
        csv.clicked.connect(lambda: self._ask_export("csv"))
        bar = QHBoxLayout()
        for w in (QLabel(_("From")), self.start, QLabel(_("To")), self.end, show, self.filter):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.record_button, xlsx, csv):
            bar.addWidget(w)
        self.summary = QLabel()
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(HEADERS))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.reload()

    def period(self) -> tuple[date, date] | None:
        """The period typed; None (the error shown under its field) while a date does not read."""
        if DateField.first_error(self) is not None:
            return None
        return self.start.day(), self.end.day()

    def reload(self) -> None:
        period = self.period()
        if period is None:
            return
        (start, end), today, session = period, self.today, self.session
        self.summary.setText(_("Loading…"))
        self._latest.submit(lambda _p: load_publication(session, start, end, today), self._show)

    def _show(self, entries: list[dict[str, Any]]) -> None:
        self.entries = entries
        counts = {group: sum(1 for e in entries if e["status"] in codes) for group, codes in GROUPS.items()}
        self.summary.setText(_("{count} decisions: {due} due, {overdue} overdue, {done} done").format(
            count=len(entries), **counts))
        self._fill()

    def shown(self) -> list[dict[str, Any]]:
        code = self.filter.currentData()
        return [e for e in self.entries if code == "all" or e["status"] in GROUPS[code]]

    def _fill(self) -> None:
        rows = self.shown()
        self.table.setRowCount(len(rows))
        for r, entry in enumerate(rows):
            for c, key in enumerate(COLUMNS):
                value = entry[key]
                text = STATUS_TEXT[value] if key == "status" else (
                    value.isoformat() if isinstance(value, date) else str(value or ""))
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, entry["case_id"])
                if entry["status"] in GROUPS["overdue"]:
                    item.setForeground(QBrush(OVERDUE))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()

    def record_selected(self) -> None:
        """Record that the selected decision was published today."""
        item = self.table.item(self.table.currentRow(), 0)
        if item is None:
            return
        case_id = int(item.data(Qt.ItemDataRole.UserRole))
        session, today = self.session, self.today
        self.runner.submit(lambda _p: record_published(session, case_id, today), done=lambda _r: self.reload())

    def _ask_export(self, kind: str) -> None:
        period = self.period()
        if period is None:
            return
        name = f"行政处罚公示-{period[0]}-{period[1]}.{kind}"
        chosen, _filter = QFileDialog.getSaveFileName(self, _("Export"), name, f"*.{kind}")
        if chosen:
            self.export(Path(chosen))

    def export(self, path: Path) -> None:
        """Write the list shown (masked, as the reviewer sees it) to ``path`` (.xlsx or .csv)."""
        entries = self.shown()
        start, end = self.start.value(), self.end.value()
        title = f"行政处罚公示 {start or ''}—{end or ''}"
        self.runner.submit(lambda _p: export_publication(entries, path, title),
                           done=lambda p: self.summary.setText(_("Written: {path}").format(path=p)))

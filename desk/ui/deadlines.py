"""The deadlines panel: what falls due over the next days across the open cases (from the checker's deadlines)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.ui.dates import short_date
from desk.ui.ops.cases import due_soon
from desk.ui.runner import Latest, Runner
from desk.ui.session import Session
from desk.ui.signals import emit
from desk.ui.text import _
from desk.ui.wrapping import WrappingDelegate

if TYPE_CHECKING:
    from desk.services.due_index import Due, DueList

DAYS_AHEAD = 7
CASE_WIDTH = 110  # …立字〔2026〕10号
SOON_DAYS = 2
OVERDUE = QColor("#b3261e")
SOON = QColor("#9a6700")


def urgency_color(due: date, today: date) -> QColor | None:
    """Red when overdue, amber when due within ``SOON_DAYS``, else none."""
    if due < today:
        return OVERDUE
    if due <= today + timedelta(days=SOON_DAYS):
        return SOON
    return None


class DeadlinesPanel(QWidget):
    case_opened = Signal(int)
    due_this_week = Signal(frozenset)

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._latest = Latest(runner)
        self.items: tuple[Due, ...] = ()
        self.summary = QLabel(_("Loading deadlines…"))
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("deadlines")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([_("Due"), _("Case"), _("What")])
        # a narrow dock: what falls due wraps, the case number is cut at its start (…〔2026〕7号)
        WrappingDelegate(self.tree, wrap=(2,), elide_left=(1,))
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(1, CASE_WIDTH)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.itemActivated.connect(self._open)
        self.tree.itemDoubleClicked.connect(self._open)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree)

    def refresh(self, session: Session, today: date | None = None) -> None:
        day = today or date.today()
        self._latest.submit(lambda p: due_soon(session, p, days=DAYS_AHEAD, today=day), lambda r: self._show(r, day))

    def _show(self, found: DueList, today: date) -> None:
        self.items = items = found.items
        self.tree.clear()
        for item in items:
            due = item.deadline.due
            shown = (short_date(due) + (_("(provisional)") if item.deadline.provisional else "")) if due else "?"
            row = QTreeWidgetItem([shown, item.case_number or item.party, item.deadline.what])
            row.setData(0, Qt.ItemDataRole.UserRole, item.case_id)
            row.setToolTip(2, f"{item.party} · {item.deadline.what}")
            color = urgency_color(due, today) if due else OVERDUE
            if color is not None:
                for column in range(3):
                    row.setForeground(column, QBrush(color))
            self.tree.addTopLevelItem(row)
        self.summary.setText(_("{count} due in the next {days} days, {overdue} overdue, {undated} not countable")
                             .format(count=found.total - found.overdue - found.undated, days=DAYS_AHEAD,
                                     overdue=found.overdue, undated=found.undated))
        emit(self.due_this_week, found.this_week)

    def _open(self, row: QTreeWidgetItem) -> None:
        emit(self.case_opened, int(row.data(0, Qt.ItemDataRole.UserRole)))

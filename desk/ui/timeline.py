"""The procedure timeline of one case: the steps done, with their dates, then what falls due (overdue and
due-soon marked)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QHeaderView, QStyle, QTreeWidget, QTreeWidgetItem, QWidget

from desk.ui.dates import short_date
from desk.ui.deadlines import OVERDUE, urgency_color
from desk.ui.text import EVENTS, _, document_name, word
from desk.ui.wrapping import WrappingDelegate

if TYPE_CHECKING:
    from desk.ui.ops.cases import CaseView

EVENT_REF = Qt.ItemDataRole.UserRole


class Timeline(QTreeWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self.setRootIsDecorated(False)
        self.setHeaderLabels([_("Date"), _("Step"), _("Note")])
        WrappingDelegate(self, wrap=(1, 2))  # a long step or note wraps in the narrow pane rather than being cut off
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

    def show_case(self, view: CaseView) -> None:
        self.clear()
        done = self.style().standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton)
        due = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for event in view.cf.timeline:  # recorded, and implied by the issued documents
            note = event.note or event.by or ""
            item = QTreeWidgetItem([short_date(event.on), word(EVENTS, event.type), note])
            item.setIcon(1, done)
            item.setToolTip(1, item.text(1))
            item.setData(0, EVENT_REF, f"{event.type} {event.on.isoformat()}")
            item.setToolTip(2, note)
            self.addTopLevelItem(item)
        for deadline in view.deadlines:
            when = short_date(deadline.due) if deadline.due else "?"
            if deadline.provisional:
                when += _("(provisional)")
            mark = _("overdue") if deadline.overdue else _("due")
            item = QTreeWidgetItem([when, deadline.what, f"{mark} {document_name(deadline.document or '')}".strip()])
            item.setIcon(1, due)
            item.setToolTip(1, deadline.what)
            color = OVERDUE if deadline.due is None else urgency_color(deadline.due, view.today)
            if color is not None:
                for column in range(3):
                    item.setForeground(column, QBrush(color))
            item.setData(0, EVENT_REF, deadline.rule)
            self.addTopLevelItem(item)

    def select_event(self, ref: str) -> bool:
        """Select the step a finding names (``"filed 2026-03-02"``, as ``Finding.events`` gives it)."""
        for i in range(self.topLevelItemCount()):
            item = self.topLevelItem(i)
            if item is not None and item.data(0, EVENT_REF) == ref:
                self.setCurrentItem(item)
                self.scrollToItem(item)
                return True
        return False

"""The case list: search as you type (debounced), filters by status, procedure, squad and "due this week"."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk.ui.case_model import CASE_ID, CaseTableModel
from desk.ui.ops.cases import CaseQuery
from desk.ui.runner import Runner
from desk.ui.session import Session
from desk.ui.signals import emit
from desk.ui.text import CASE_STATUSES, PROCEDURES, _

SEARCH_DELAY_MS = 250


def _combo(name: str, everything: str, items: dict[str, str]) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    box.addItem(everything, "")
    for code, text in items.items():
        box.addItem(_(text), code)
    return box


class CaseList(QWidget):
    case_opened = Signal(int)

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: Session | None = None
        self._due: frozenset[int] | None = None
        self.model = CaseTableModel(runner)

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(_("Search case number, party or cause"))
        self.search.setClearButtonEnabled(True)
        self.status = _combo("status", _("All statuses"), CASE_STATUSES)
        self.procedure = _combo("procedure", _("All procedures"), PROCEDURES)
        self.squad = _combo("squad", _("All squads"), {})
        self.due_week = QCheckBox(_("Due this week"))
        self.due_week.setObjectName("due_week")
        self.due_week.setEnabled(False)
        self.due_week.setToolTip(_("Cases with a deadline falling due by Sunday (from the deadlines panel)"))

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._debounce.start)
        for box in (self.status, self.procedure, self.squad):
            box.currentIndexChanged.connect(self.refresh)
        self.due_week.toggled.connect(self.refresh)

        self.table = QTableView()
        self.table.setObjectName("cases")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate((200, 210, 300, 80, 110, 70, 90)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._open)
        self.table.doubleClicked.connect(self._open)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        for w in (self.status, self.procedure, self.squad, self.due_week):
            filters.addWidget(w)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table)

    def start(self, session: Session, squads: list[str]) -> None:
        """Show the cases for ``session``'s user; ``squads`` fill the squad filter."""
        self._session = session
        self.squad.blockSignals(True)
        while self.squad.count() > 1:
            self.squad.removeItem(1)
        for name in squads:
            self.squad.addItem(name, name)
        self.squad.blockSignals(False)
        self.refresh()

    def set_due(self, case_ids: frozenset[int]) -> None:
        """The cases with a deadline this week (from the deadlines panel)."""
        self._due = case_ids
        self.due_week.setEnabled(True)
        if self.due_week.isChecked():
            self.refresh()

    def query(self) -> CaseQuery:
        return CaseQuery(
            status=self.status.currentData() or "",
            procedure=self.procedure.currentData() or "",
            squad=self.squad.currentData() or "",
            search=self.search.text().strip(),
            only=self._due if self.due_week.isChecked() else None,
        )

    def refresh(self) -> None:
        self._debounce.stop()
        if self._session is not None:
            self.model.start(self._session, self.query())

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            emit(self.case_opened, int(index.data(CASE_ID)))


def retranslate_case_list(cases: CaseList) -> None:
    """The case list's words in the language just chosen (the rows keep their place)."""
    cases.search.setPlaceholderText(_("Search case number, party or cause"))
    for box, everything, items in ((cases.status, _("All statuses"), CASE_STATUSES),
                                   (cases.procedure, _("All procedures"), PROCEDURES),
                                   (cases.squad, _("All squads"), {})):
        box.setItemText(0, everything)
        for i in range(1, box.count()):
            code = box.itemData(i)
            if code in items:
                box.setItemText(i, _(items[code]))
    cases.due_week.setText(_("Due this week"))
    cases.due_week.setToolTip(_("Cases with a deadline falling due by Sunday (from the deadlines panel)"))
    cases.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(cases.model.columnCount() - 1, 0))

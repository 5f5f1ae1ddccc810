"""The case list's model: rows of ``CaseRow`` fetched page by page on the background thread.

The view asks for more (``canFetchMore``/``fetchMore``) as the user scrolls; a new query drops the rows
and whatever page was still on its way. Only the first page is loaded at start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from desk.ui.dates import short_date
from desk.ui.ops.cases import CaseQuery, Page, fetch_page
from desk.ui.runner import Latest, Runner
from desk.ui.signals import emit
from desk.ui.text import CASE_STATUSES, N_, PROCEDURES, _, word

if TYPE_CHECKING:
    from desk.services.cases import CaseRow
    from desk.ui.session import Session

Index = QModelIndex | QPersistentModelIndex
COLUMNS = (
    ("number", N_("Case number")),
    ("party", N_("Party")),
    ("cause", N_("Cause")),
    ("procedure", N_("Procedure")),
    ("squad", N_("Squad")),
    ("status", N_("Status")),
    ("filed_on", N_("Filed")),
)
CASE_ID = Qt.ItemDataRole.UserRole


class CaseTableModel(QAbstractTableModel):
    page_size = 100
    page_loaded = Signal()

    def __init__(self, runner: Runner) -> None:
        super().__init__(runner)
        self._latest = Latest(runner)
        self._session: Session | None = None
        self.query = CaseQuery()
        self._rows: list[CaseRow] = []
        self._offset = 0
        self._exhausted = True
        self._loading = False

    def start(self, session: Session, query: CaseQuery) -> None:
        """Show the cases ``query`` finds, as ``session``'s user; the first page is fetched now."""
        self._latest.forget()
        self.beginResetModel()
        self._session, self.query = session, query
        self._rows, self._offset, self._exhausted, self._loading = [], 0, False, False
        self.endResetModel()
        self.fetchMore(QModelIndex())

    @property
    def loading(self) -> bool:
        return self._loading

    def row(self, index: int) -> CaseRow:
        return self._rows[index]

    # -- lazy loading
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 (Qt's signature)
        return not parent.isValid() and self._session is not None and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self._loading or not self.canFetchMore(parent):
            return
        self._loading = True
        session, query, offset, size = self._session, self.query, self._offset, self.page_size
        assert session is not None
        self._latest.submit(lambda _p: fetch_page(session, query, offset, size), self._append)

    def _append(self, page: Page) -> None:
        self._loading = False
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows += page.rows
            self.endInsertRows()
        self._offset, self._exhausted = page.next_offset, page.exhausted
        emit(self.page_loaded)

    # -- the table
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(COLUMNS[section][1])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == CASE_ID:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, COLUMNS[index.column()][0])
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[index.column()][0] == "cause":
            return row.cause
        return None

    @staticmethod
    def _text(row: CaseRow, key: str) -> str:
        if key == "procedure":
            return word(PROCEDURES, row.procedure)
        if key == "status":
            return word(CASE_STATUSES, row.status)
        if key == "filed_on":
            return short_date(row.filed_on)
        if key == "number":
            return row.number or _("(not yet filed)")
        return str(getattr(row, key) or "")

"""The document-kind chooser of "Draft…": the kinds the case expects next first, then every kind grouped by
procedure stage (collapsed), in a list that fits the screen and filters as one types."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from desk.catalogue import STEPS, kind
from desk.ui.text import N_, _, kind_title

STEP_NAMES = {
    "source": N_("Case source"), "filing": N_("Filing"), "investigation": N_("Investigation and evidence"),
    "review": N_("Review"), "notice": N_("Notice before the decision"), "hearing": N_("Hearing"),
    "legal_review": N_("Legal review"), "decision": N_("Decision"), "service": N_("Service"),
    "execution": N_("Execution"), "coercion": N_("Administrative coercion"), "transfer": N_("Transfer"),
    "mandate": N_("Entrustment"), "closing": N_("Closing"),
}
MAX_HEIGHT = 420  # fits a 1366×768 screen with the dialog's other rows


class KindChooser(QWidget):
    def __init__(self, kinds: list[str], suggested: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.filter = QLineEdit()
        self.filter.setObjectName("kind_filter")
        self.filter.setPlaceholderText(_("Type to filter the kinds"))
        self.filter.textChanged.connect(self._filter)
        self.tree = QTreeWidget()
        self.tree.setObjectName("kinds")
        self.tree.setHeaderHidden(True)
        self.tree.setMaximumHeight(MAX_HEIGHT)
        self.tree.setMinimumHeight(260)
        expected = [k for k in suggested if k in kinds]
        if expected:
            self._group(_("Expected next"), expected, expanded=True)
        for step in STEPS:
            of_step = [k for k in kinds if kind(k).step == step]
            if of_step:
                self._group(_(STEP_NAMES.get(step, step)), of_step, expanded=not expected)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.filter)
        column.addWidget(self.tree)
        tops = self._tops()
        if tops and _children(tops[0]):
            self.tree.setCurrentItem(_children(tops[0])[0])

    def _tops(self) -> list[QTreeWidgetItem]:
        return [t for i in range(self.tree.topLevelItemCount()) if (t := self.tree.topLevelItem(i)) is not None]

    def _group(self, title: str, kinds: list[str], *, expanded: bool) -> None:
        group = QTreeWidgetItem([title])
        group.setFlags(group.flags() & ~Qt.ItemFlag.ItemIsSelectable)
        self.tree.addTopLevelItem(group)
        for kind_id in kinds:
            item = QTreeWidgetItem([kind_title(kind_id)])
            item.setData(0, Qt.ItemDataRole.UserRole, kind_id)
            group.addChild(item)
        group.setExpanded(expanded)

    def groups(self) -> list[str]:
        return [top.text(0) for top in self._tops()]

    def kinds_in(self, group: int) -> list[str]:
        return [str(item.data(0, Qt.ItemDataRole.UserRole)) for item in _children(self._tops()[group])]

    def choose(self, kind_id: str) -> None:
        for top in self._tops():
            for item in _children(top):
                if item.data(0, Qt.ItemDataRole.UserRole) == kind_id:
                    top.setExpanded(True)
                    self.tree.setCurrentItem(item)
                    return

    def chosen(self) -> str | None:
        item = self.tree.currentItem()
        data = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        return str(data) if data else None

    def _filter(self, text: str) -> None:
        wanted = text.strip().lower()
        for top in self._tops():
            shown = 0
            for item in _children(top):
                hit = not wanted or wanted in item.text(0).lower() or wanted in str(
                    item.data(0, Qt.ItemDataRole.UserRole))
                item.setHidden(not hit)
                shown += hit
            top.setHidden(shown == 0)
            if wanted:
                top.setExpanded(True)


def _children(top: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    return [c for i in range(top.childCount()) if (c := top.child(i)) is not None]

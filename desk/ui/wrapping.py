"""Tree columns that fit a narrow pane: text that wraps onto more lines (QTreeView sizes its rows for one line
even with word wrap on), and a case number cut at its start (…〔2026〕7号: the end is what tells cases apart)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTreeView

Index = QModelIndex | QPersistentModelIndex
MARGIN = 8  # the item's text margins, both sides


class WrappingDelegate(QStyledItemDelegate):
    def __init__(self, tree: QTreeView, *, wrap: tuple[int, ...] = (), elide_left: tuple[int, ...] = ()) -> None:
        super().__init__(tree)
        self.tree, self.wrap, self.elide_left = tree, wrap, elide_left
        tree.setWordWrap(True)
        tree.setItemDelegate(self)
        tree.header().sectionResized.connect(lambda *_a: tree.doItemsLayout())

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        if index.column() in self.elide_left:
            option.textElideMode = Qt.TextElideMode.ElideLeft  # on one line: a wrapped line is cut at its end
            option.features &= ~QStyleOptionViewItem.ViewItemFeature.WrapText

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hint = super().sizeHint(option, index)
        if index.column() not in self.wrap:
            return hint
        width = self.tree.header().sectionSize(index.column()) - MARGIN
        if index.data(Qt.ItemDataRole.DecorationRole) is not None:  # the icon takes its share of the line
            width -= option.decorationSize.width() + MARGIN // 2
        width = max(width, 20)
        text = str(index.data() or "")
        lines = QFontMetrics(option.font).boundingRect(
            QRect(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap), text)
        return QSize(hint.width(), max(hint.height(), lines.height() + 4))

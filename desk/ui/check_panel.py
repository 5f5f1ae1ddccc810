"""The check panel: the procedure check's findings grouped by severity, with the score. Activating a finding
shows the document or event it names; the archive wizard opens only when no blocker stands."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.ui.dates import short_date
from desk.ui.deadlines import OVERDUE, SOON
from desk.ui.signals import emit
from desk.ui.text import SEVERITIES, _, word

if TYPE_CHECKING:
    from desk.procedure.checker import Finding
    from desk.ui.ops.cases import CaseView
    from desk.ui.session import Session

FINDING = Qt.ItemDataRole.UserRole
COLORS = {"blocker": OVERDUE, "major": SOON}


class CheckPanel(QWidget):
    document_requested = Signal(str)
    event_requested = Signal(str)
    archive_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.view: CaseView | None = None
        self.score = QLabel()
        self.score.setObjectName("score")
        font = QFont(self.score.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.score.setFont(font)
        self.verdict = QLabel()
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        self.archive = QPushButton(_("Archive…"))
        self.archive.setObjectName("archive")
        self.archive.setEnabled(False)
        self.archive.clicked.connect(self.archive_requested)
        self.detail = QLabel()
        self.detail.setObjectName("detail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tree = QTreeWidget()
        self.tree.setObjectName("findings")
        self.tree.setHeaderLabels([_("Finding"), _("Rule"), _("Due"), _("Actual")])
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(self._detail)
        self.tree.itemActivated.connect(self.open_finding)
        self.tree.itemClicked.connect(self.open_finding)
        top = QHBoxLayout()
        top.addWidget(self.score)
        top.addWidget(self.verdict, 1)
        top.addWidget(self.archive)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.detail)

    def show_case(self, view: CaseView) -> None:
        self.view = view
        report = view.report
        self.score.setText(_("Score {score}").format(score=report.score))
        if view.cf.status == "archived":
            self.verdict.setText(_("Archived: the case file is frozen."))
        elif report.archivable:
            self.verdict.setText(_("No blocker stands: the case may be archived once it is closed."))
        else:
            blockers = sum(1 for f in report.findings if f.severity == "blocker")
            self.verdict.setText(_("{count} blocker(s) stand: archiving is refused until they are put right.")
                                 .format(count=blockers))
        self.tree.clear()
        for severity in SEVERITIES:
            found = [f for f in report.findings if f.severity == severity]
            if not found:
                continue
            group = QTreeWidgetItem([f"{word(SEVERITIES, severity)} ({len(found)})"])
            group.setFirstColumnSpanned(True)
            self.tree.addTopLevelItem(group)
            for finding in found:
                group.addChild(self._item(finding))
            group.setExpanded(True)
        if report.findings:
            top = self.tree.topLevelItem(0)
            first = top.child(0) if top is not None else None
            if first is not None:
                self.tree.setCurrentItem(first)
        else:
            self.tree.addTopLevelItem(QTreeWidgetItem([_("No findings: every rule holds.")]))
        self.update_actions()

    def _item(self, finding: Finding) -> QTreeWidgetItem:
        item = QTreeWidgetItem([finding.text(), finding.rule, short_date(finding.due) if finding.due else "",
                                short_date(finding.actual) if finding.actual else ""])
        item.setToolTip(0, finding.text())
        item.setData(0, FINDING, finding)
        color = COLORS.get(finding.severity)
        if color is not None:
            item.setForeground(0, QBrush(color))
        return item

    def update_actions(self) -> None:
        view = self.view
        self.archive.setEnabled(view is not None and view.report.archivable and view.cf.status == "closed"
                                and self.session.may("archive"))

    def _detail(self, item: QTreeWidgetItem | None) -> None:
        """The whole of the finding chosen (a long one does not fit its row)."""
        finding = item.data(0, FINDING) if item is not None else None
        self.detail.setText(f"{finding.rule}: {finding.text()}" if finding is not None else "")

    def open_finding(self, item: QTreeWidgetItem) -> None:
        finding = item.data(0, FINDING)
        if finding is None:
            return
        if finding.documents:
            emit(self.document_requested, finding.documents[0])
        elif finding.events:
            emit(self.event_requested, finding.events[0])

"""Picking the discretion applied (item, tier, circumstances) for a case, and the administrator's table of
loaded standards with its import.

The picker lists the items of the standard in force (searchable by act; by default only those for the
provisions the case violates, and for the party's kind), shows the chosen tier's conditions, the tier's and
the statutory range, warns when the fine lies outside them, and records 从轻/减轻/从重 circumstances.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.discretion.model import EFFECTS, GROUNDS, Circumstance, Item, Standard, Tier, parse_circumstance
from desk.discretion.pick import Candidate, candidates, departures
from desk.discretion.reasoning import amount_range
from desk.ui.ops import discretion as ops
from desk.ui.runner import Runner
from desk.ui.session import Session
from desk.ui.signals import emit
from desk.ui.text import N_, _

WARNING_STYLE = "color: #b3261e;"
DEPARTURES = {
    "above_law": N_("The fine is above the statutory maximum: no circumstance allows it; it cannot be issued."),
    "below_law": N_("The fine is below the statutory minimum: only a 减轻 circumstance (行政处罚法 Art 30–32) "
                    "allows it."),
    "below_tier": N_("The fine is below the tier's range: record the 从轻 or 减轻 circumstance that explains it."),
    "above_tier": N_("The fine is above the tier's range: record the 从重 circumstance that explains it."),
}


def _amount(value: object) -> Decimal | None:
    try:
        amount = Decimal(str(value).replace(",", "").strip()) if value not in (None, "") else None
    except InvalidOperation:
        return None
    return amount if amount is not None and amount.is_finite() else None


class DiscretionPicker(QWidget):
    """Item, tier and circumstances for one case; ``applied`` after they were recorded."""

    applied = Signal()
    shown = Signal()
    judged = Signal(str, str)  # the ranges and the warning (empty when the fine lies within them)

    def __init__(self, runner: Runner, session: Session, case_id: int) -> None:
        super().__init__()
        self.setObjectName("discretion")
        self.runner, self.session, self.case_id = runner, session, case_id
        self.view: ops.DiscretionView | None = None
        self.found: list[Candidate] = []
        self.fine: Decimal | None = None

        self.status = QLabel()
        self.status.setObjectName("discretion_status")
        self.status.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setObjectName("discretion_search")
        self.search.setPlaceholderText(_("Search the acts of the standard"))
        self.search.textChanged.connect(self._list)
        self.only_matching = QCheckBox(_("Only items for the provisions violated"))
        self.only_matching.setObjectName("only_matching")
        self.only_matching.setChecked(True)
        self.only_matching.toggled.connect(self._list)
        self.items = QListWidget()
        self.items.setObjectName("discretion_items")
        self.items.setMinimumHeight(70)
        self.items.currentRowChanged.connect(self._item_chosen)
        self.tier = QComboBox()
        self.tier.setObjectName("discretion_tier")
        self.tier.currentIndexChanged.connect(self._tier_chosen)
        self.when = QLabel()
        self.when.setObjectName("discretion_when")
        self.when.setWordWrap(True)
        self.ranges = QLabel()
        self.ranges.setObjectName("discretion_ranges")
        self.ranges.setWordWrap(True)
        self.warning = QLabel()
        self.warning.setObjectName("discretion_warning")
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.setWordWrap(True)

        self.circumstances = QListWidget()
        self.circumstances.setObjectName("circumstances")
        self.circumstances.setMaximumHeight(80)
        self.effect = QComboBox()
        self.effect.setObjectName("circumstance_effect")
        self.effect.addItems(list(EFFECTS))
        self.ground = QComboBox()
        self.ground.setObjectName("circumstance_ground")
        self.ground.setEditable(True)
        # long grounds must not widen the window: the combo shows about 24 characters and scrolls
        self.ground.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.ground.setMinimumContentsLength(24)
        self.ground.addItems(list(dict.fromkeys(g for _effect, g in GROUNDS)))
        add = QPushButton(_("Add"))
        add.setObjectName("add_circumstance")
        add.clicked.connect(self.add_circumstance)
        remove = QPushButton(_("Remove"))
        remove.clicked.connect(lambda: self.circumstances.takeItem(self.circumstances.currentRow()))
        remove.clicked.connect(self._check_fine)
        self.apply_button = QPushButton(_("Apply to the case"))
        self.apply_button.setObjectName("discretion_apply")
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.apply)

        adding = QHBoxLayout()
        adding.addWidget(self.effect)
        adding.addWidget(self.ground, 1)
        adding.addWidget(add)
        adding.addWidget(remove)
        form = QFormLayout()
        form.addRow(_("Standard item"), self.search)
        form.addRow("", self.only_matching)
        form.addRow("", self.items)
        form.addRow(_("Tier"), self.tier)
        form.addRow(_("Applies when"), self.when)
        form.addRow(_("Ranges"), self.ranges)
        form.addRow(_("Circumstances"), self.circumstances)
        form.addRow("", adding)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(self.apply_button, 0, Qt.AlignmentFlag.AlignRight)
        self.load()

    # -- loading
    def load(self) -> None:
        session, case_id = self.session, self.case_id
        self.runner.submit(lambda _p: ops.open_discretion(session, case_id), done=self.show_view)

    def show_view(self, view: ops.DiscretionView) -> None:
        self.view = view
        d = view.cf.case.discretion
        if not view.loaded:
            self.status.setText(_("No discretion standard is loaded: an administrator loads one in "
                                  "Settings › Discretion standards. Until then the discretion is not checked."))
        elif d.item:
            self.status.setText(_("The case applies item {item} of version {version}, tier {level}.").format(
                item=d.item, version=d.version or "", level=d.level))
        else:
            self.status.setText(_("Pick the item of the standard the case falls under, then its tier."))
        self.circumstances.clear()
        for c in d.circumstances:
            self.circumstances.addItem(c.text)
        if self.fine is None:
            self.fine = view.cf.case.penalty.fine
        self._list()
        if d.item:
            row = next((i for i, c in enumerate(self.found) if c.item.id == d.item
                        and c.standard.version == d.version), -1)
            self.items.setCurrentRow(row)
            if row >= 0:
                self.tier.setCurrentIndex(max(0, self.tier.findText(d.level)))
        self.apply_button.setEnabled(bool(view.loaded) and self.session.may("edit"))
        emit(self.shown)

    def _list(self) -> None:
        if self.view is None:
            return
        cf = self.view.cf
        party = cf.main_party
        self.found = candidates(
            self.view.loaded, on=date.today(), violated=cf.case.violated, party_kind=party.kind if party else "",
            individual_business_as_organization=cf.agency.settings.individual_business_as_organization,
            only_matching=self.only_matching.isChecked(), search=self.search.text())
        self.items.blockSignals(True)
        self.items.clear()
        for c in self.found:
            line = f"{c.standard.version} 第{c.item.id}项  {c.item.act}  " \
                   f"［{amount_range(c.item.statutory_min, c.item.statutory_max)}］"
            QListWidgetItem(line, self.items)
        self.items.blockSignals(False)
        self.items.setCurrentRow(0 if len(self.found) == 1 else -1)
        self._item_chosen(self.items.currentRow())

    # -- choosing
    @property
    def chosen(self) -> Candidate | None:
        row = self.items.currentRow()
        return self.found[row] if 0 <= row < len(self.found) else None

    @property
    def chosen_tier(self) -> Tier | None:
        c = self.chosen
        return c.item.tiers[self.tier.currentIndex()] if c and 0 <= self.tier.currentIndex() < len(c.item.tiers) \
            else None

    def _item_chosen(self, _row: int) -> None:
        self.tier.blockSignals(True)
        self.tier.clear()
        c = self.chosen
        if c is not None:
            self.tier.addItems([t.level for t in c.item.tiers])
        self.tier.blockSignals(False)
        self._tier_chosen()

    def _tier_chosen(self) -> None:
        c, tier = self.chosen, self.chosen_tier
        self.when.setText(tier.when if tier else "")
        self.ranges.setText(self._ranges(c.item, tier) if c else "")
        self._check_fine()

    @staticmethod
    def _ranges(item: Item, tier: Tier | None) -> str:
        law = _("statutory: {range}").format(range=amount_range(item.statutory_min, item.statutory_max))
        if tier is None:
            return law
        if tier.outcome:
            return f"{law}；" + _("this tier: no penalty (行政处罚法 Art 33)")
        return f"{law}；" + _("this tier: {range}").format(range=amount_range(tier.fine_min, tier.fine_max))

    def set_fine(self, value: object) -> None:
        """The fine the decision states (the editor's fine field), checked against the ranges as it is typed."""
        self.fine = _amount(value)
        self._check_fine()

    def _check_fine(self) -> None:
        c = self.chosen
        found = departures(c.item, self.chosen_tier, self.fine, {x.effect for x in self.recorded()}) if c else []
        self.warning.setText("\n".join(_(DEPARTURES[d.kind]) for d in found if not d.allowed))
        emit(self.judged, self.ranges.text(), self.warning.text())

    # -- circumstances
    def recorded(self) -> list[Circumstance]:
        texts = [self.circumstances.item(i).text() for i in range(self.circumstances.count())]
        return [c for c in (parse_circumstance(t) for t in texts) if c is not None]

    def add_circumstance(self) -> None:
        ground = self.ground.currentText().strip()
        if ground:
            self.circumstances.addItem(Circumstance(self.effect.currentText(), ground).text)
            self._check_fine()

    # -- applying
    def apply(self) -> None:
        c, tier = self.chosen, self.chosen_tier
        if c is None or tier is None:
            self.warning.setText(_("Pick an item and its tier first."))
            return
        session, case_id, circumstances = self.session, self.case_id, self.recorded()
        version, item, level = c.standard.version, c.item.id, tier.level
        self.runner.submit(lambda _p: ops.apply(session, case_id, version, item, level, circumstances),
                           done=lambda _r: self._applied())

    def _applied(self) -> None:
        self.load()
        emit(self.applied)


class StandardsDialog(QDialog):
    """The loaded versions and their items, tiers and ranges; an administrator imports a new version."""

    shown = Signal()

    def __init__(self, runner: Runner, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("standards")
        self.setWindowTitle(_("Discretion standards"))
        self.resize(980, 560)
        self.runner, self.session = runner, session
        self.table = QTreeWidget()
        self.table.setObjectName("standards_table")
        self.table.setHeaderLabels([_("Version / item"), _("Act"), _("Statutory range"), _("Tiers")])
        self.table.setColumnWidth(0, 150)
        self.table.setColumnWidth(1, 380)
        self.table.setColumnWidth(2, 200)
        self.import_button = QPushButton(_("Import a standard…"))
        self.import_button.setObjectName("import_standard")
        self.import_button.setEnabled(session.may("discretion"))
        self.import_button.clicked.connect(self.choose_file)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignRight)
        self.reload()

    def reload(self) -> None:
        session = self.session
        self.runner.submit(lambda _p: ops.loaded(session), done=self.show_standards)

    def show_standards(self, loaded: list[Standard]) -> None:
        self.table.clear()
        for std in loaded:
            until = std.valid_to.isoformat() if std.valid_to else "…"
            top = QTreeWidgetItem([std.version, std.name, f"{std.valid_from.isoformat()}–{until}",
                                   _("{count} item(s)").format(count=len(std.items))])
            for item in std.items:
                tiers = "；".join(f"{t.level} {amount_range(t.fine_min, t.fine_max) or _('no penalty')}"
                                 for t in item.tiers)
                QTreeWidgetItem(top, [f"第{item.id}项", item.act,
                                      amount_range(item.statutory_min, item.statutory_max), tiers])
            self.table.addTopLevelItem(top)
            top.setExpanded(True)
        emit(self.shown)

    def choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, _("Import a standard"), "",
                                                    _("Discretion standards (*.toml *.xlsx)"))
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> None:
        session = self.session
        self.runner.submit(lambda _p: ops.import_standard(session, path), done=lambda _s: self.reload())

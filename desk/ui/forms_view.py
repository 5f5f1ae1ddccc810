"""The 票据/表单 view: the registered blocks of pre-numbered forms — who holds them, used, spoiled and unused
numbers, the next number — with register, hand over and spoil; and the reconciliation of the chosen block
(every number once), exported to XLSX, printed or saved as PDF, and signed off (核销) by a leader."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.services.forms import BlockRow, ranges
from desk.services.forms_report import Reconciliation
from desk.ui import printing
from desk.ui.forms_dialogs import HandDialog, RegisterDialog, SpoilDialog
from desk.ui.ops import forms as ops
from desk.ui.runner import Op, Runner
from desk.ui.session import Session
from desk.ui.signals import emit
from desk.ui.text import N_, _

BLOCK_COLUMNS = (N_("Block"), N_("Numbers"), N_("Holder"), N_("Used"), N_("Spoiled"), N_("Unused"),
                 N_("Next number"), N_("Signed off (核销)"))
LINE_COLUMNS = (N_("Form number"), N_("State"), N_("Case"), N_("Party"), N_("Date"), N_("Note"))
STATES = {"used": N_("used"), "spoiled": N_("spoiled"), "unused": N_("unused")}


def _table(name: str, columns: tuple[str, ...]) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels([_(c) for c in columns])
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.setItem(r, c, QTableWidgetItem(text))
    table.resizeColumnsToContents()


class FormsView(QWidget):
    """Loads on ``reload``; ``loaded`` fires once the blocks (and the chosen block's reconciliation) are shown."""

    loaded = Signal()

    def __init__(self, runner: Runner, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("forms_view")
        self.runner, self.session = runner, session
        self.data: ops.Blocks | None = None
        self.reconciliation: Reconciliation | None = None
        self.dialog: RegisterDialog | HandDialog | SpoilDialog | None = None
        self.blocks = _table("blocks", BLOCK_COLUMNS)
        self.blocks.itemSelectionChanged.connect(self._chosen)
        self.lines = _table("lines", LINE_COLUMNS)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for name, text, slot in (("register", N_("Register block…"), self.register),
                                 ("hand", N_("Hand over…"), self.hand), ("spoil", N_("Spoil form…"), self.spoil),
                                 ("xlsx", N_("Export XLSX…"), lambda: self.export_xlsx()),
                                 ("pdf", N_("Save PDF…"), lambda: self.save_pdf()),
                                 ("print", N_("Print…"), self.print_report),
                                 ("sign_off", N_("Sign off (核销)"), self.sign_off)):
            button = QPushButton(_(text))
            button.setObjectName(name)
            button.clicked.connect(slot)
            bar.addWidget(button)
            self.buttons[name] = button
        bar.addStretch(1)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.summary)
        lower_layout.addWidget(self.lines)
        split = QSplitter()
        split.setOrientation(split.orientation().Vertical)
        split.addWidget(self.blocks)
        split.addWidget(lower)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        self._enable()
        self.reload()

    # -- loading
    def reload(self) -> None:
        chosen = self.chosen()
        self.runner.submit(lambda _p: ops.blocks(self.session), done=lambda data: self._show(data, chosen))

    def _show(self, data: ops.Blocks, chosen: int | None) -> None:
        self.data = data
        self.blocks.blockSignals(True)
        _fill(self.blocks, [self._block_cells(r) for r in data.rows])
        ids = [r.id for r in data.rows]
        if ids:
            self.blocks.selectRow(ids.index(chosen) if chosen in ids else 0)
        self.blocks.blockSignals(False)
        self._chosen()

    @staticmethod
    def _block_cells(r: BlockRow) -> list[str]:
        holder = " / ".join(p for p in (r.squad, r.officer) if p) or "—"
        signed = f"{r.signed_off_by or ''} {r.signed_off_at:%Y-%m-%d}" if r.signed_off_at else ""
        return [str(r.id), f"{r.code}〔{r.year}〕{r.first}–{r.last}", holder, str(len(r.used)),
                ranges(r.spoiled), str(len(r.unused)), r.next_number or "—", signed]

    def chosen(self) -> int | None:
        row = self.blocks.currentRow()
        if self.data is None or not 0 <= row < len(self.data.rows):
            return None
        return self.data.rows[row].id

    def _chosen(self) -> None:
        block = self.chosen()
        self._enable()
        if block is None:
            self.reconciliation = None
            _fill(self.lines, [])
            self.summary.setText(_("No block is registered yet: register one."))
            emit(self.loaded)
            return
        self.runner.submit(lambda _p: ops.reconcile(self.session, block), done=self._show_lines)

    def _show_lines(self, r: Reconciliation) -> None:
        self.reconciliation = r
        _fill(self.lines, [[x.number, _(STATES[x.state]), x.case, x.party, x.on.isoformat() if x.on else "",
                            x.note] for x in r.lines])
        self.summary.setText(_("Block {block}: used {used}, spoiled {spoiled}, unused {unused}.").format(
            block=r.title, used=r.count("used"), spoiled=r.count("spoiled"), unused=r.count("unused")))
        self._enable()
        emit(self.loaded)

    def _enable(self) -> None:
        may, lead, block = self.session.may("forms"), self.session.may("sign_off"), self.chosen() is not None
        row = next((r for r in self.data.rows if r.id == self.chosen()), None) if self.data else None
        open_ = row is not None and row.signed_off_at is None
        for name, on in (("register", may), ("hand", may and open_), ("spoil", may and open_), ("xlsx", block),
                         ("pdf", block), ("print", block), ("sign_off", lead and open_)):
            self.buttons[name].setEnabled(on)

    # -- actions
    def _run(self, op: Op) -> None:
        self.runner.submit(op, done=lambda _r: self.reload())

    def register(self) -> None:
        data = self.data or ops.Blocks((), (), ())
        dialog = RegisterDialog(data.squads, data.officers, self)
        session = self.session

        def add() -> None:
            squad, officer = dialog.holder()
            values = dialog.code.text(), dialog.year.text(), dialog.first.text(), dialog.last.text()
            self._run(lambda _p: ops.add(session, code=values[0], year=values[1], first=values[2], last=values[3],
                                         squad=squad, officer=officer))

        dialog.accepted.connect(add)
        self.dialog = dialog
        dialog.open()

    def hand(self) -> None:
        block, data = self.chosen(), self.data
        if block is None or data is None:
            return
        dialog = HandDialog(str(block), data.squads, data.officers, self)
        session = self.session

        def hand() -> None:
            squad, officer = dialog.holder()
            self._run(lambda _p: ops.hand(session, block, squad=squad, officer=officer))

        dialog.accepted.connect(hand)
        self.dialog = dialog
        dialog.open()

    def spoil(self) -> None:
        row = next((r for r in self.data.rows if r.id == self.chosen()), None) if self.data else None
        dialog = SpoilDialog((row.next_number or "") if row else "", self)
        session = self.session
        dialog.accepted.connect(lambda: self._run(lambda _p: ops.spoil(session, dialog.number.text(), dialog.text())))
        self.dialog = dialog
        dialog.open()

    def sign_off(self) -> None:
        block = self.chosen()
        if block is not None:
            session = self.session
            self._run(lambda _p: ops.sign_off(session, block))

    def _ask_path(self, suffix: str, kind: str) -> Path | None:
        name = f"forms-{self.reconciliation.block if self.reconciliation else 'block'}.{suffix}"
        chosen, _filter = QFileDialog.getSaveFileName(self, _("Save the reconciliation"), name, kind)
        return Path(chosen) if chosen else None

    def export_xlsx(self, path: Path | None = None) -> None:
        block = self.chosen()
        path = path or self._ask_path("xlsx", "Excel (*.xlsx)")
        if block is not None and path is not None:
            self.runner.submit(lambda _p: ops.export_xlsx(self.session, block, path))

    def save_pdf(self, path: Path | None = None) -> None:
        block = self.chosen()
        path = path or self._ask_path("pdf", "PDF (*.pdf)")
        if block is not None and path is not None:
            self.runner.submit(lambda _p: path.write_bytes(ops.pdf(self.session, block)))

    def print_report(self) -> None:
        block = self.chosen()
        if block is not None:
            self.runner.submit(lambda _p: ops.pdf(self.session, block),
                               done=lambda data: printing.print_with_dialog(self, self.runner, [data]))

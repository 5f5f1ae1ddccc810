"""The archive wizard: retention, then where the package goes; archiving runs behind a progress dialog.

The check panel opens it only when no blocker stands; the archiving service checks again and refuses
(changing nothing) should a blocker have appeared meanwhile.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
    QWizard,
    QWizardPage,
)

from desk import config
from desk.archive.names import portable
from desk.ui.ops.dossier import archive
from desk.ui.runner import Runner
from desk.ui.session import Session
from desk.ui.signals import emit
from desk.ui.text import RETENTIONS, _

if TYPE_CHECKING:
    from desk.services.archiving import ArchiveResult
    from desk.ui.ops.cases import CaseView


class ArchiveWizard(QWizard):
    archived = Signal(object)  # the ArchiveResult

    def __init__(self, runner: Runner, session: Session, view: CaseView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from desk.services.archiving import default_retention

        self.setObjectName("archive_wizard")
        self.setWindowTitle(_("Archive the case"))
        self.runner, self.session, self.view = runner, session, view
        self.result_: ArchiveResult | None = None
        cf = view.cf

        first = QWizardPage()
        first.setTitle(_("Retention"))
        first.setSubTitle(_("Case {number}: score {score}, no blocker stands.").format(
            number=cf.case.number or "", score=view.report.score))
        self.retention = QComboBox()
        self.retention.setObjectName("retention")
        for code, text in RETENTIONS.items():
            self.retention.addItem(_(text), code)
        self.retention.setCurrentIndex(self.retention.findData(cf.case.retention or default_retention(cf)))
        QFormLayout(first).addRow(_("Keep for"), self.retention)

        second = QWizardPage()
        second.setTitle(_("Destination"))
        second.setSubTitle(_("The archive package (BagIt, with SHA-256 and SM3 checksums) is written here; "
                             "the case becomes read-only."))
        name = portable(cf.case.number or f"case-{view.cf.id}")
        self.destination = QLineEdit(str(config.desk_home() / "archive" / f"{name}.zip"))
        self.destination.setObjectName("destination")
        browse = QPushButton(_("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.destination, 1)
        row.addWidget(browse)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout(second)
        form.addRow(_("Package"), row)
        form.addRow(_("Passphrase of the agency's signing key"), self.passphrase)
        form.addRow(QLabel(_("Nothing is changed if archiving is refused.")))

        self.addPage(first)
        self.addPage(second)
        self.accepted.connect(self._archive)

    def _browse(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(self, _("Archive package"), self.destination.text(),
                                                    _("Archive packages (*.zip)"))
        if name:
            self.destination.setText(name)

    def _archive(self) -> None:
        session, case_id = self.session, self.view.cf.id
        assert case_id is not None
        out, retention = Path(self.destination.text()), str(self.retention.currentData())
        secret = self.passphrase.text() or None  # else DESK_PASSPHRASE
        self.passphrase.clear()

        def run(_progress: object) -> ArchiveResult:
            out.parent.mkdir(parents=True, exist_ok=True)
            return archive(session, case_id, out, retention, secret)

        self.runner.with_dialog(run, title=_("Archiving…"), done=self._done)

    def _done(self, result: ArchiveResult) -> None:
        self.result_ = result
        emit(self.archived, result)

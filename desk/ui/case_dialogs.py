"""The dialogs of the live case: register a new case (案源登记), change its facts, record an event.

Every value goes to the same services the command line calls; what they refuse comes back as one message
naming the field by its label (shown by the runner), and nothing is changed."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QListWidget, QPlainTextEdit, QWidget

from desk.casefile.facts import EVENT_TYPES, PARTY_KINDS, SOURCES
from desk.ui.dates import date_edit
from desk.ui.document_dialogs import FormDialog
from desk.ui.text import EVENTS, N_, _, word

if TYPE_CHECKING:
    from desk.casefile.facts import CaseFile
    from desk.services.directory import OfficerRow
    from desk.services.lifecycle import NewParty

PARTY_KIND_NAMES = {"person": N_("Person"), "individual_business": N_("Individual business"),
                    "organization": N_("Organisation")}
SOURCE_NAMES = {"patrol": N_("Patrol"), "complaint": N_("Complaint"), "transfer": N_("Transferred"),
                "assigned": N_("Assigned"), "other": N_("Other")}
# events a person records (what no document records by itself)
RECORDABLE = ("statement", "statement_waived", "hearing_requested", "hearing_waived", "extension_approved",
              "paid", "installment_approved", "published", "reconsideration", "litigation", "transfer_receipt",
              "closed")


def _line(name: str, text: str = "") -> QLineEdit:
    edit = QLineEdit(text)
    edit.setObjectName(name)
    return edit


def _choices(name: str, items: dict[str, str]) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    for key, text in items.items():
        box.addItem(_(text), key)
    return box


class NewCaseDialog(FormDialog):
    """File › New case: party, cause, place and time, source, procedure, squad and two or more officers."""

    def __init__(self, officers: list[OfficerRow], squads: list[str], parent: QWidget | None = None) -> None:
        super().__init__(_("New case"), parent)
        self.cause = _line("cause")
        self.party_kind = _choices("party_kind", {k: PARTY_KIND_NAMES[k] for k in PARTY_KINDS})
        self.party = _line("party")
        self.id_number = _line("id_number")
        self.uscc = _line("uscc")
        self.representative = _line("legal_representative")
        self.address = _line("address")
        self.phone = _line("phone")
        self.discovered = date_edit(date.today())
        self.discovered.setObjectName("discovered")
        self.discovered.setMaximumDate(date.today())
        self.violation = date_edit(date.today())
        self.violation.setObjectName("violation_on")
        self.violation.setMaximumDate(date.today())
        # the act comes before its discovery
        self.discovered.date_changed.connect(self._discovered)
        self.place = _line("place")
        self.facts = QPlainTextEdit()
        self.facts.setObjectName("facts")
        self.source = _choices("source", {k: SOURCE_NAMES[k] for k in SOURCES})
        self.procedure = QComboBox()
        self.procedure.setObjectName("procedure")
        self.procedure.addItem(_("General procedure"), "general")
        self.procedure.addItem(_("Summary procedure"), "summary")
        self.squad = QComboBox()
        self.squad.setObjectName("squad")
        for squad in squads:
            self.squad.addItem(squad, squad)
        self.officers = QListWidget()
        self.officers.setObjectName("officers")
        self.officers.setSelectionMode(QListWidget.SelectionMode.MultiSelection)
        for o in officers:
            self.officers.addItem(f"{o.name}（{o.certificate}）")
        self._names = [o.name for o in officers]
        for label, widget in ((_("Cause"), self.cause), (_("Party kind"), self.party_kind), (_("Party"), self.party),
                              (_("ID number"), self.id_number), (_("Unified social credit code"), self.uscc),
                              (_("Legal representative"), self.representative), (_("Address"), self.address),
                              (_("Phone"), self.phone), (_("Discovered on"), self.discovered),
                              (_("Date of the act"), self.violation),
                              (_("Place"), self.place), (_("Facts"), self.facts), (_("Source"), self.source),
                              (_("Procedure"), self.procedure), (_("Squad"), self.squad),
                              (_("Officers (two or more)"), self.officers)):
            self.form.addRow(label, widget)
        self.finish()

    def chosen_officers(self) -> list[str]:
        return [self._names[self.officers.row(item)] for item in self.officers.selectedItems()]

    def party_value(self) -> NewParty:
        from desk.services.lifecycle import NewParty

        return NewParty(kind=str(self.party_kind.currentData()), name=self.party.text().strip(),
                        address=self.address.text().strip(), id_number=self.id_number.text().strip() or None,
                        uscc=self.uscc.text().strip() or None,
                        legal_representative=self.representative.text().strip() or None,
                        phone=self.phone.text().strip() or None)

    def _discovered(self, day: date | None) -> None:
        """The act comes no later than its discovery: a date of the act after the discovery date (today's, by
        default) follows it back, as the date edit did before the window's date fields."""
        if day is not None:
            act = self.violation.moment()
            self.violation.setMaximumDate(day)
            if act is not None and act[0] > day:
                self.violation.set_value(day)

    def values(self) -> dict[str, object]:
        return {"cause": self.cause.text().strip(), "discovered_on": self.discovered.day(),
                "violation_on": self.violation.day(),
                "officers": self.chosen_officers(), "place": self.place.text().strip(),
                "facts": self.facts.toPlainText().strip(), "source": str(self.source.currentData()),
                "procedure": str(self.procedure.currentData()), "squad": self.squad.currentData() or None}


class FactsDialog(FormDialog):
    """The facts of an open case, editable in its header (``desk update``'s keys)."""

    def __init__(self, cf: CaseFile, parent: QWidget | None = None) -> None:
        super().__init__(_("Facts of the case"), parent)
        c = cf.case
        self.facts = QPlainTextEdit(c.facts)
        self.facts.setObjectName("facts")
        self.evidence = _line("evidence", "；".join(c.evidence))
        self.violated = _line("violated", "；".join(c.violated))
        self.basis = _line("basis", "；".join(c.basis))
        self.level = _line("discretion_level", c.discretion.level)
        self.standard = _line("discretion_standard", c.discretion.standard)
        self.kinds = _line("penalty_kinds", ",".join(c.penalty.kinds))
        self.fine = _line("fine", "" if c.penalty.fine is None else str(c.penalty.fine))
        self.major = QCheckBox(_("Major case (legal review)"))
        self.major.setChecked(c.major)
        self.complex = QCheckBox(_("Complex case (collective discussion)"))
        self.complex.setChecked(c.complex)
        for label, widget in ((_("Facts"), self.facts), (_("Evidence"), self.evidence),
                              (_("Provisions violated"), self.violated), (_("Basis"), self.basis),
                              (_("Discretion level"), self.level), (_("Discretion standard"), self.standard),
                              (_("Penalty kinds"), self.kinds), (_("Fine"), self.fine)):
            self.form.addRow(label, widget)
        self.form.addRow(self.major)
        self.form.addRow(self.complex)
        self.finish()

    def values(self) -> dict[str, str]:
        return {"facts": self.facts.toPlainText(), "evidence": self.evidence.text(), "violated": self.violated.text(),
                "basis": self.basis.text(), "discretion.level": self.level.text(),
                "discretion.standard": self.standard.text(), "penalty.kinds": self.kinds.text(),
                "penalty.fine": self.fine.text(), "major": str(self.major.isChecked()).lower(),
                "complex": str(self.complex.isChecked()).lower()}


class RecordEventDialog(FormDialog):
    """Record what no document records by itself: a statement, a waiver, a payment, the closing …"""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Record an event"), parent)
        self.type = QComboBox()
        self.type.setObjectName("event_type")
        for event_type in RECORDABLE:
            assert event_type in EVENT_TYPES
            self.type.addItem(word(EVENTS, event_type), event_type)
        self.on = date_edit(date.today())
        self.on.setObjectName("on")
        self.on.setMaximumDate(date.today())
        self.note = _line("note")
        self.amount = _line("amount")
        for label, widget in ((_("Event"), self.type), (_("Date"), self.on), (_("Note"), self.note),
                              (_("Amount (yuan)"), self.amount)):
            self.form.addRow(label, widget)
        self.finish()

    def choose(self, event_type: str) -> None:
        self.type.setCurrentIndex(self.type.findData(event_type))

    def recorded(self) -> tuple[str, date, str | None, str | None]:
        return (str(self.type.currentData()), self.on.day(), self.note.text().strip() or None,
                self.amount.text().strip() or None)

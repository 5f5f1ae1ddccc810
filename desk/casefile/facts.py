"""The immutable snapshot of one case: what the checker, the templates and the dossier read.

A ``CaseFile`` is built from the interchange format (``desk-case/1``) or from the database; both
paths meet here, so every rule and every template sees one shape. Nothing in this module touches
the database or the file system.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property

from desk.discretion.model import Circumstance, Cited

PROCEDURES = ("summary", "general")
SOURCES = ("patrol", "complaint", "transfer", "assigned", "other")
OUTCOMES = (
    "penalty",
    "no_penalty_minor",
    "no_penalty_unfounded",
    "criminal_transfer",
    "jurisdiction_transfer",
    "pending",
)
PENALTY_KINDS = (
    "warning",
    "circulated_criticism",
    "fine",
    "confiscate_gains",
    "confiscate_property",
    "suspend_permit",
    "lower_qualification",
    "revoke_permit",
    "restrict_business",
    "suspend_business",
    "order_closure",
    "restrict_practice",
)
RETENTIONS = ("permanent", "30y", "10y")
PARTY_KINDS = ("person", "individual_business", "organization")
EVENT_TYPES = (
    "discovered",
    "filed",
    "inspected",
    "inquired",
    "evidence_preserved",
    "evidence_handled",
    "rectification_checked",
    "notified",
    "statement",
    "statement_waived",
    "hearing_requested",
    "hearing_waived",
    "hearing_notified",
    "hearing_held",
    "investigation_concluded",
    "legal_review",
    "collective_discussion",
    "decided",
    "extension_approved",
    "paid",
    "installment_approved",
    "reminded",
    "enforcement_applied",
    "transferred",
    "transfer_receipt",
    "published",
    "withdrawn",
    "reconsideration",
    "litigation",
    "closed",
)
SERVICE_METHODS = ("direct", "left", "post", "electronic", "entrusted", "notice")
DOCUMENT_STATUSES = ("draft", "issued", "void")


@dataclass(frozen=True)
class AgencySettings:
    """Per-agency settings the law leaves to provincial rules (rules.md marks them *setting*)."""

    hearing_threshold_person: Decimal = Decimal(10000)
    hearing_threshold_organization: Decimal = Decimal(100000)
    summary_limit_person: Decimal = Decimal(200)
    summary_limit_organization: Decimal = Decimal(3000)
    individual_business_as_organization: bool = False
    statement_working_days: int = 3
    hearing_request_working_days: int = 5
    publication_working_days: int = 7
    # publication (#16): working days to withdraw a published decision that was changed or revoked, and
    # whether a decision whose only penalty is a warning is published at all
    withdrawal_working_days: int = 3
    publish_warnings: bool = False
    extension_days: int = 30
    no_penalty_needs_notice: bool = True
    no_penalty_needs_collective: bool = True
    deduction_blocker: int = 20
    deduction_major: int = 5
    deduction_minor: int = 1


@dataclass(frozen=True)
class Contact:
    """Who the party calls: printed on every notice that invites a response."""

    person: str = ""
    phone: str = ""
    address: str = ""


@dataclass(frozen=True)
class Payment:
    """How fines are paid: printed on decisions and 催告书."""

    bank: str = ""
    account_name: str = ""
    account: str = ""
    channel: str = ""


@dataclass(frozen=True)
class Agency:
    name: str
    code: str
    squad: str = ""
    reconsideration_body: str = ""
    court: str = ""
    number_pattern: str = "{agency}{code}字〔{year}〕{seq}号"
    contact: Contact = field(default_factory=Contact)
    payment: Payment = field(default_factory=Payment)
    public_security: str = ""
    transfer_to: str = ""
    settings: AgencySettings = field(default_factory=AgencySettings)


@dataclass(frozen=True)
class Officer:
    name: str
    certificate: str = ""


@dataclass(frozen=True)
class Discretion:
    """The discretion applied: ``level`` is the tier of the cited ``item`` of ``version`` of the standard."""

    level: str = ""
    standard: str = ""
    item: str | None = None
    version: str | None = None
    circumstances: tuple[Circumstance, ...] = ()


@dataclass(frozen=True)
class Penalty:
    kinds: tuple[str, ...] = ()
    fine: Decimal | None = None
    confiscated: Decimal | None = None


@dataclass(frozen=True)
class Case:
    number: str | None
    cause: str
    procedure: str
    outcome: str
    domain: str = ""
    source: str = "other"
    discovered_on: date | None = None
    violation_on: date | None = None
    place: str = ""
    violation_at: str | None = None
    facts: str = ""
    evidence: tuple[str, ...] = ()
    violated: tuple[str, ...] = ()
    basis: tuple[str, ...] = ()
    discretion: Discretion = field(default_factory=Discretion)
    penalty: Penalty = field(default_factory=Penalty)
    major: bool = False
    complex: bool = False
    endangers_safety: bool = False
    officers: tuple[Officer, ...] = ()
    retention: str | None = None


@dataclass(frozen=True)
class Party:
    kind: str
    name: str
    id_type: str | None = None
    id_number: str | None = None
    uscc: str | None = None
    legal_representative: str | None = None
    address: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class Event:
    type: str
    on: date
    at: str | None = None
    by: str | None = None
    note: str | None = None
    amount: Decimal | None = None
    kinds: tuple[str, ...] | None = None
    days: int | None = None
    leaders: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Document:
    kind: str
    status: str = "issued"
    number: str | None = None
    issued_on: date | None = None
    served_on: date | None = None
    service: str | None = None
    receiver: str | None = None
    serves: str | None = None
    hearing_right: bool | None = None
    pages: int | None = None
    file: str | None = None
    fields: dict[str, object] | None = None
    void_reason: str | None = None
    id: int | None = None
    scan: str | None = None  # ``store:<sha256>/<name>``: the signed paper, scanned; bound in the document's place

    @property
    def issued(self) -> bool:
        return self.status == "issued"

    @property
    def reference(self) -> str:
        """How a finding or a receipt names this document: its number, else its kind."""
        return self.number or self.kind


@dataclass(frozen=True)
class Attachment:
    title: str
    kind: str = "other"
    made_on: date | None = None
    made_by: str | None = None
    proves: str | None = None
    pages: int | None = None
    file: str | None = None
    sha256: str | None = None
    id: int | None = None  # the database row (what the dossier view's remove, move and caption name)


@dataclass(frozen=True)
class CaseFile:
    """One case with everything recorded about it, in the order the file records it."""

    agency: Agency
    case: Case
    parties: tuple[Party, ...] = ()
    events: tuple[Event, ...] = ()
    documents: tuple[Document, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    id: int | None = None
    status: str = "open"
    # the standard the case cites, as the database has it (set by the service that builds the snapshot)
    cited: Cited | None = None

    @cached_property
    def timeline(self) -> tuple[Event, ...]:
        """Recorded events and those the issued documents imply (``derived.implied_events``), oldest first."""
        from desk.casefile.derived import implied_events

        every = [*self.events, *(i.event for i in implied_events(self))]
        return tuple(sorted(every, key=lambda e: (e.on, e.at or "")))

    @cached_property
    def _timeline_by_type(self) -> dict[str, list[tuple[int, Event]]]:
        """The timeline's events by type, each with its place in the timeline (the rules ask again and again)."""
        found: dict[str, list[tuple[int, Event]]] = {}
        for i, e in enumerate(self.timeline):
            found.setdefault(e.type, []).append((i, e))
        return found

    @cached_property
    def _issued_by_kind(self) -> dict[str, list[tuple[date, int, Document]]]:
        """Issued documents by kind, by issue date (then their order in the file), each with that sort key."""
        found: dict[str, list[tuple[date, int, Document]]] = {}
        for i, d in enumerate(self.documents):
            if d.issued:
                found.setdefault(d.kind, []).append((d.issued_on or date.max, i, d))
        for items in found.values():
            items.sort(key=lambda item: item[:2])
        return found

    def events_of(self, *types: str) -> list[Event]:
        """Events of the given types, recorded or implied by issued documents, oldest first (stable)."""
        by_type = self._timeline_by_type
        if len(types) == 1:
            return [e for _, e in by_type.get(types[0], ())]
        return [e for _, e in sorted(item for t in set(types) for item in by_type.get(t, ()))]

    def documents_of(self, *kinds: str, include_void: bool = False) -> list[Document]:
        """Documents of the given kinds (issued and drafts; voided ones only when asked)."""
        return [
            d
            for d in self.documents
            if d.kind in kinds and (include_void or d.status != "void")
        ]

    def issued_of(self, *kinds: str) -> list[Document]:
        """Issued documents of the given kinds, by issue date (documents of one date in their order in the file)."""
        by_kind = self._issued_by_kind
        if len(kinds) == 1:
            return [d for *_, d in by_kind.get(kinds[0], ())]
        items = [item for k in set(kinds) for item in by_kind.get(k, ())]
        return [d for *_, d in sorted(items, key=lambda item: item[:2])]

    @property
    def main_party(self) -> Party | None:
        return self.parties[0] if self.parties else None

"""The rows of the publication list as one SQL query: one row per (listed case, party).

Each case's decision milestones are aggregated in SQL, in two streams read in ``case_id`` order (its events,
its decision documents: each grouped while it is read, no sort), unioned and folded per case, then joined
with the case, its agency and its parties — so that Python only masks and formats the rows it is given.

The columns (``date`` columns typed): the decision date (the first ``decided`` event or issued decision,
penalty or not), the last ``published``/``withdrawn`` event, the first court enforcement / instalment (event
or issued document), the sum ``paid``, the issued penalty decision's number (else the voided one's), when a
penalty decision was voided (its last update) and the date it bore (``revoked_on``). The milestone rules are
milestones.py's (a document implies its event; a voided document proves nothing but its voiding).

A case is listed when it is a penalty decided in the period, or a published decision whose voided decision
is dated in the period (its publication must be withdrawn); a warning-only decision only when
``publish_warnings``. With ``among`` (a select of case ids), only those cases are read: much cheaper for a
short period, dearer than reading every case when they are most of the database (see ``publication``).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any, NamedTuple, TypeAlias

from sqlalchemy import Date, Select, Text, and_, case, cast, func, null, or_, select, type_coerce
from sqlalchemy.sql.elements import ColumnElement

from desk.models import Agency, Case, Document, Event, Party
from desk.reports.milestones import DECISIONS, IMPLIED_BY, PENALTY_DECISIONS
from desk.reports.periods import Period

EVENTS = ("decided", "published", "withdrawn", "enforcement_applied", "installment_approved", "paid")
ENFORCEMENT = tuple(k for k, t in IMPLIED_BY.items() if t == "enforcement_applied")
INSTALMENT = tuple(k for k, t in IMPLIED_BY.items() if t == "installment_approved")
KINDS = (*DECISIONS, *ENFORCEMENT, *INSTALMENT)
class Listed(NamedTuple):
    """A row of ``decision_rows`` (a plain tuple: its fields read fast)."""

    id: int
    case_number: str | None
    cause: str
    facts: str | None
    basis: str | None  # JSON text
    penalty_kinds: str | None  # JSON text
    fine: Decimal | None
    confiscated: Decimal | None
    agency: str
    decided: date | None
    published: date | None
    withdrawn: date | None
    enforced: date | None
    installment: date | None
    paid: Decimal | None
    number: str | None
    voided: datetime | None
    revoked_on: date | None
    position: int | None  # the party's; the party columns are None for a case without parties
    party_kind: str | None
    party_name: str | None
    legal_representative: str | None
    uscc: str | None
    address: str | None
    id_number: str | None
    phone: str | None


Rows: TypeAlias = "Select[*tuple[Any, ...]]"
COLUMNS = ("decided", "published", "withdrawn", "enforced", "installment", "paid", "number", "void_number",
           "voided", "revoked_on")


def _unindexed(column: Any) -> ColumnElement[Any]:
    """``column`` as an expression no index answers (``column || ''``): SQLite then reads the stream in
    ``case_id`` order by that index and groups it as it goes, where it would otherwise take the (type, on) or
    (kind, issued_on) index and sort every row it reads by case (0.3 s of a year's list)."""
    return column.concat("")


def _when(condition: ColumnElement[bool], value: Any) -> ColumnElement[Any]:
    return case((condition, value))


def _events(among: Any) -> Rows:
    """Per case: its event milestones and the sum paid."""
    def on(kind: str) -> ColumnElement[Any]:
        return _when(Event.type == kind, Event.on)

    stmt = select(Event.case_id.label("case_id"), func.min(on("decided")).label("decided"),
                  func.max(on("published")).label("published"), func.max(on("withdrawn")).label("withdrawn"),
                  func.min(on("enforcement_applied")).label("enforced"),
                  func.min(on("installment_approved")).label("installment"),
                  func.sum(_when(Event.type == "paid", Event.amount)).label("paid"),
                  *(null().label(c) for c in COLUMNS[6:]))
    stmt = stmt.where(_unindexed(Event.type).in_(EVENTS))
    if among is not None:
        stmt = stmt.where(Event.case_id.in_(among))
    return stmt.group_by(Event.case_id)


def _documents(among: Any) -> Rows:
    """Per case: what its issued documents imply, its penalty decision's number, and its voided one."""
    issued, void = Document.status == "issued", Document.status == "void"
    penalty = Document.kind.in_(PENALTY_DECISIONS)

    def first(condition: ColumnElement[bool]) -> ColumnElement[Any]:
        return func.min(_when(and_(issued, condition), Document.issued_on))

    def voided(value: Any) -> ColumnElement[Any]:
        return func.max(_when(and_(void, penalty), value))

    stmt = select(Document.case_id.label("case_id"), first(Document.kind.in_(DECISIONS)).label("decided"),
                  null().label("published"), null().label("withdrawn"),
                  first(Document.kind.in_(ENFORCEMENT)).label("enforced"),
                  first(Document.kind.in_(INSTALMENT)).label("installment"), null().label("paid"),
                  func.max(_when(and_(issued, penalty), Document.number)).label("number"),
                  voided(Document.number).label("void_number"), voided(Document.updated_at).label("voided"),
                  voided(Document.issued_on).label("revoked_on"))
    stmt = stmt.where(_unindexed(Document.kind).in_(KINDS))
    if among is not None:
        stmt = stmt.where(Document.case_id.in_(among))
    return stmt.group_by(Document.case_id)


def decision_rows(period: Period, publish_warnings: bool, among: Any = None) -> Rows:
    """The listed cases with their milestones and parties (a row per party; ``position`` orders them)."""
    both = _events(among).union_all(_documents(among)).subquery("per_stream")
    folded = [func.min if c in ("decided", "enforced", "installment") else func.sum if c == "paid" else func.max
              for c in COLUMNS]
    ms = select(both.c.case_id, *(f(both.c[c]).label(c) for f, c in zip(folded, COLUMNS, strict=True))
                ).group_by(both.c.case_id).subquery("ms")

    def dated(column: Any) -> ColumnElement[Any]:
        return type_coerce(column, Date)

    decided, revoked_on = dated(ms.c.decided), dated(ms.c.revoked_on)
    where = [Case.procedure.in_(("summary", "general")),
             or_(and_(Case.outcome == "penalty", decided >= period.start, decided <= period.end),
                 and_(ms.c.published.is_not(None), revoked_on >= period.start, revoked_on <= period.end))]
    if not publish_warnings:
        where.append(func.replace(cast(Case.penalty_kinds, Text), " ", "") != '["warning"]')
    columns: dict[str, Any] = {
        "id": Case.id, "case_number": Case.number, "cause": Case.cause, "facts": Case.facts,
        "basis": cast(Case.basis, Text), "penalty_kinds": cast(Case.penalty_kinds, Text), "fine": Case.fine,
        "confiscated": Case.confiscated, "agency": Agency.name, "decided": decided,
        "published": dated(ms.c.published), "withdrawn": dated(ms.c.withdrawn), "enforced": dated(ms.c.enforced),
        "installment": dated(ms.c.installment), "paid": type_coerce(ms.c.paid, Event.amount.type),
        "number": func.coalesce(ms.c.number, ms.c.void_number),
        "voided": type_coerce(ms.c.voided, Document.updated_at.type), "revoked_on": revoked_on,
        "position": Party.position, "party_kind": Party.kind, "party_name": Party.name,
        "legal_representative": Party.legal_representative, "uscc": Party.uscc, "address": Party.address,
        "id_number": Party.id_number, "phone": Party.phone,
    }
    return (
        select(*(columns[name].label(name) for name in Listed._fields))
        .join(ms, ms.c.case_id == Case.id)
        .join(Agency, Agency.id == Case.agency_id)
        .outerjoin(Party, Party.case_id == Case.id)
        .where(*where)
    )


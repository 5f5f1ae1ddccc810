"""The dated milestones of every case as one SQL subquery: what the statistics and the publication read.

A milestone is a recorded event, or what an issued document proves (CLI.md, "Documents move the case":
立案审批表 → filed, a decision → decided, …), so a case counts the same whether its steps were recorded as
events or by issuing documents. Voided documents prove nothing. The subquery has one row per case with the
first date of each milestone (the last for ``published`` and ``withdrawn``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Date, Select, String, and_, case, cast, func, literal, select, type_coerce, union_all
from sqlalchemy.sql.elements import ColumnElement

from desk.models import Document, Event

IMPLIED_BY = {
    "filing_approval": "filed",
    "penalty_decision": "decided",
    "summary_penalty_decision": "decided",
    "no_penalty_decision": "decided",
    "criminal_transfer": "transferred",
    "case_transfer_letter": "transferred",
    "hearing_record": "hearing_held",
    "court_enforcement_application": "enforcement_applied",
    "installment_decision": "installment_approved",
    "closing_approval": "closed",
}
FIRST = ("filed", "decided", "transferred", "hearing_held", "enforcement_applied", "installment_approved", "closed")
LAST = ("published", "withdrawn")
PENALTY_DECISIONS = ("penalty_decision", "summary_penalty_decision")
DECISIONS = (*PENALTY_DECISIONS, "no_penalty_decision")


def _rows(upto: date | None, among: Any, types: tuple[str, ...]) -> Select[tuple[int, str, object]]:
    """(case_id, type, on) of every milestone event and every issued document that implies one."""
    events = select(Event.case_id.label("case_id"), type_coerce(Event.type, String).label("type"),
                    Event.on.label("on")).where(Event.type.in_(types))
    implied = {k: t for k, t in IMPLIED_BY.items() if t in types}
    kind_to_type = case(*((Document.kind == k, literal(t)) for k, t in implied.items()), else_=literal(""))
    documents = select(Document.case_id.label("case_id"), kind_to_type.label("type"),
                       Document.issued_on.label("on")).where(
        Document.status == "issued", Document.kind.in_(tuple(implied)), Document.issued_on.is_not(None))
    if upto is not None:
        events, documents = events.where(Event.on <= upto), documents.where(Document.issued_on <= upto)
    if among is not None:
        events, documents = events.where(Event.case_id.in_(among)), documents.where(Document.case_id.in_(among))
    return union_all(events, documents)  # type: ignore[return-value]


def milestones(*, upto: date | None = None, among: Any = None,
               types: tuple[str, ...] = FIRST + LAST) -> Select[tuple[object, ...]]:
    """One row per case: ``case_id`` and a date column per milestone (NULL when it never happened).

    ``upto`` leaves out what happened after that day (a statistic of a period ending then never needs it:
    a first date after the period reads the same as none); ``among`` (a select of case ids) limits the cases;
    ``types`` the milestones read (the others are NULL).
    """
    rows = _rows(upto, among, types).subquery("m")

    def when(kind: str) -> ColumnElement[object]:
        return type_coerce(case((rows.c.type == kind, rows.c.on)), Date)

    columns = [type_coerce(func.min(when(k)), Date).label(k) for k in FIRST if k in types]
    columns += [type_coerce(func.max(when(k)), Date).label(k) for k in LAST if k in types]
    return select(rows.c.case_id, *columns).group_by(rows.c.case_id)


def decided_between(start: date, end: date, *, voided: bool = False) -> Any:
    """The ids of the cases with a decision (event or issued document; with ``voided``, voided ones too) dated
    in the period (by the indexes)."""
    statuses = ("issued", "void") if voided else ("issued",)
    return union_all(
        select(Event.case_id).where(Event.type == "decided", Event.on >= start, Event.on <= end),
        select(Document.case_id).where(Document.kind.in_(DECISIONS), Document.status.in_(statuses),
                                       Document.issued_on >= start, Document.issued_on <= end),
    )


def paid_in(start: object, end: object) -> ColumnElement[bool]:
    """A ``paid`` event dated in the period."""
    return and_(Event.type == "paid", Event.on >= start, Event.on <= end)


def paid_by_record(start: date, end: date) -> Select[tuple[object]]:
    """The sum paid in the period by issued 罚没款缴纳凭证登记 of cases that record no ``paid`` event themselves
    (a document implies its event: desk/casefile/derived.py), dated by their 缴款日期 (else their issue date)."""
    paid_on = func.coalesce(func.substr(Document.fields["paid_on"].as_string(), 1, 10),
                            cast(Document.issued_on, String))
    recorded = select(Event.id).where(Event.case_id == Document.case_id, Event.type == "paid").exists()
    return select(func.sum(Document.fields["amount"].as_float())).where(
        Document.kind == "payment_record", Document.status == "issued", ~recorded,
        paid_on >= start.isoformat(), paid_on <= end.isoformat())

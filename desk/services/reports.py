"""Report use cases: the statistics, the publication list, and recording publication and its withdrawal."""

from __future__ import annotations

from dataclasses import fields as dc_fields
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, select

from desk.casefile.facts import AgencySettings
from desk.db.uow import UnitOfWork
from desk.errors import UserError
from desk.models import Agency, Case, Event
from desk.reports.deadlines import Deadlines
from desk.reports.milestones import milestones
from desk.reports.periods import Period
from desk.reports.publication import Options, publication
from desk.reports.statistics import statistics
from desk.services import audit, calendar_admin
from desk.services.cases import ensure_writable, resolve

_SETTINGS = {fld.name for fld in dc_fields(AgencySettings)}


def agency_settings(uow: UnitOfWork) -> AgencySettings:
    """The settings of the database's agency (the first one; defaults in an empty database)."""
    agency = uow.session.scalars(select(Agency).order_by(Agency.id).limit(1)).first()
    stored = (agency.settings or {}) if agency else {}
    return AgencySettings(**{k: v for k, v in stored.items() if k in _SETTINGS})


def options(uow: UnitOfWork, today: date | None = None) -> Options:
    return Options(agency_settings(uow), Deadlines(calendar_admin.calendar(uow.session)), today or date.today())


def stats(uow: UnitOfWork, period: Period) -> dict[str, Any]:
    return statistics(uow.session, period)


def publication_list(uow: UnitOfWork, period: Period, today: date | None = None) -> list[dict[str, Any]]:
    return publication(uow.session, period, options(uow, today))


def _decided_on(uow: UnitOfWork, case: Case) -> date | None:
    ms = milestones().subquery("ms")
    return uow.session.scalar(select(ms.c.decided).where(ms.c.case_id == case.id))


def _append(uow: UnitOfWork, case: Case, kind: str, on: date, note: str | None) -> Event:
    position = uow.session.scalar(select(func.max(Event.position)).where(Event.case_id == case.id))
    event = Event(case_id=case.id, position=(position or 0) + 1 if position is not None else 0, type=kind, on=on,
                  note=note)
    uow.session.add(event)
    case.updated_at = datetime.now(UTC)
    uow.session.flush()
    audit.record(uow, f"event_{kind}", case_id=case.id, on=on.isoformat(), note=note)
    return event


def record_published(uow: UnitOfWork, ref: str | int, on: date, *, today: date | None = None) -> Event:
    """Record that the case's penalty decision was published on ``on`` (a ``published`` event)."""
    case = resolve(uow, ref)
    ensure_writable(case)
    decided = _decided_on(uow, case)
    if case.outcome != "penalty" or decided is None:
        raise UserError("publish_no_decision", ref=case.number or case.id)
    if on < decided:
        raise UserError("publish_before_decision", on=on.isoformat(), decided=decided.isoformat())
    if on > (today or date.today()):
        raise UserError("report_date_future", on=on.isoformat())
    return _append(uow, case, "published", on, None)


def record_withdrawn(uow: UnitOfWork, ref: str | int, on: date, reason: str, *,
                     today: date | None = None) -> Event:
    """Record that a published decision was withdrawn from publication on ``on``, and why."""
    case = resolve(uow, ref)
    ensure_writable(case)
    if not reason.strip():
        raise UserError("withdraw_reason_missing")
    published = uow.session.scalar(select(func.max(Event.on)).where(Event.case_id == case.id,
                                                                      Event.type == "published"))
    if published is None:
        raise UserError("withdraw_not_published", ref=case.number or case.id)
    if on < published:
        raise UserError("withdraw_before_publication", on=on.isoformat(), published=published.isoformat())
    if on > (today or date.today()):
        raise UserError("report_date_future", on=on.isoformat())
    return _append(uow, case, "withdrawn", on, reason.strip())


def agency_name(uow: UnitOfWork) -> str:
    """The name printed on the reports: the database's (first) agency."""
    return uow.session.scalar(select(Agency.name).order_by(Agency.id).limit(1)) or ""

"""Ops of the live case: register a case, change its facts, record an event, and what issuing would do."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desk.services.directory import OfficerRow
    from desk.services.lifecycle import NewParty
    from desk.ui.session import Session


def roster(session: Session) -> tuple[list[OfficerRow], list[str]]:
    """The officers (with certificates) and squads a new case may name."""
    from desk.services.directory import officers, squads

    with session.uow(write=False) as uow:
        return [o for o in officers(uow) if o.certificate], squads(uow)


def new_case(session: Session, party: NewParty, **values: object) -> int:
    from desk.services.lifecycle import new_case as register

    with session.uow() as uow:
        return register(uow, party=party, **values)  # type: ignore[arg-type]


def update_case(session: Session, case_id: int, values: dict[str, str]) -> None:
    from desk.services.lifecycle import update_case as update

    with session.uow() as uow:
        update(uow, case_id, values)


def record_event(session: Session, case_id: int, event_type: str, on: date, note: str | None,
                 amount: str | None) -> None:
    from desk.services.lifecycle import record_event as record

    with session.uow() as uow:
        record(uow, case_id, event_type, on=on, note=note, amount=amount)


@dataclass(frozen=True)
class IssuePreview:
    """What issuing on a day would do: the very number it takes, and what the issue guard says."""

    number: str | None
    blockers: tuple[tuple[str, str], ...]  # (rule, reason)
    warnings: tuple[tuple[str, str], ...]
    first_lawful: date | None
    refused: str | None = None  # a refusal before the rules (a date after today, a required field empty)


def preview_issue(session: Session, doc_id: int, on: date) -> IssuePreview:
    from desk.errors import IssueRefused, UserError
    from desk.services import documents

    with session.uow(write=False) as uow:
        number = documents.next_number(uow, doc_id, on=on)
        try:
            verdict = documents.guard_verdict(uow, documents.get(uow, doc_id), on)
        except IssueRefused as refusal:
            if not refusal.rule:
                return IssuePreview(number, (), (), None, refusal.render())
            rules = [refusal.rule, *refusal.others]
            first = refusal.first_lawful if isinstance(refusal.first_lawful, date) else None
            return IssuePreview(number, tuple((r, refusal.reason if r == refusal.rule else "") for r in rules), (),
                                first)
        except UserError as err:
            return IssuePreview(number, (), (), None, err.render())
    return IssuePreview(number, (), tuple((w.rule, w.text()) for w in verdict.warnings), None)


def plan(session: Session, case_id: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The case's next expected steps and the document kinds that fit its stage."""
    from desk.procedure.next_steps import next_steps
    from desk.services.calendar_admin import calendar
    from desk.services.cases import load_casefile

    with session.uow(write=False) as uow:
        found = next_steps(load_casefile(uow, case_id), calendar(uow.session), date.today())
    return found.steps, found.kinds


def import_calendar(session: Session, path: str) -> int:
    """Import the State Council's notice (a .toml or .csv calendar file); deadlines are recomputed from it."""
    from pathlib import Path

    from desk.services import access
    from desk.services.calendar_admin import import_file

    with session.uow() as uow:
        access.require(uow, "calendar")
        return import_file(uow.session, Path(path))

"""Who works at the agency: the officers users sign in as (and pick on documents), and its squads."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from desk.db.uow import UnitOfWork
from desk.models import Agency, Officer


@dataclass(frozen=True)
class OfficerRow:
    id: int
    name: str
    certificate: str
    squad: str
    login: str | None
    roles: tuple[str, ...]


def officers(uow: UnitOfWork) -> list[OfficerRow]:
    """The active officers, in the order they were registered."""
    rows = uow.session.scalars(select(Officer).where(Officer.active.is_(True)).order_by(Officer.id))
    return [OfficerRow(o.id, o.name, o.certificate, o.squad, o.login, tuple(o.roles or ())) for o in rows]


def squads(uow: UnitOfWork) -> list[str]:
    """Every squad of every agency in the database, in the agencies' own order."""
    out: list[str] = []
    for squad_list in uow.session.scalars(select(Agency.squads).order_by(Agency.id)):
        out += [s for s in squad_list or () if s not in out]
    return out

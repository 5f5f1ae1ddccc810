"""Who is signed in, and the units of work opened on their behalf (the services check their roles)."""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desk.db.uow import UnitOfWork
    from desk.services.directory import OfficerRow


@dataclass(frozen=True)
class User:
    """The signed-in user. ``roles`` is ``None`` for the console operator of a database without users."""

    login: str
    name: str
    roles: frozenset[str] | None
    squad: str | None = None

    @classmethod
    def of(cls, officer: OfficerRow) -> User:
        return cls(officer.login or "", officer.name, frozenset(officer.roles), officer.squad)


OPERATOR = User("operator", "", None)


@dataclass(frozen=True)
class Session:
    """Immutable, so ops on any thread may hold it."""

    user: User
    url: str | None = None  # on PostgreSQL: the database as the user's own login (None: the configured URL)

    def uow(self, *, write: bool = True) -> AbstractContextManager[UnitOfWork]:
        from desk.db.uow import unit_of_work

        return unit_of_work(self.url, write=write, actor=self.user.login, roles=self.user.roles,
                            squad=self.user.squad)

    def may(self, action: str) -> bool:
        from desk.services.access import allowed

        return allowed(self.user.roles, action)

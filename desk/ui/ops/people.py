"""The op that opens the database for the window: who may sign in, and the squads for the case filter."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from desk.ui.session import OPERATOR, User

if TYPE_CHECKING:
    from desk.services.directory import OfficerRow


@dataclass(frozen=True)
class Directory:
    officers: tuple[OfficerRow, ...]
    squads: tuple[str, ...]

    def user(self, login: str | None) -> User | None:
        """The user signing in as ``login``; the console operator when the database has no users yet."""
        if not any(o.login for o in self.officers):
            return OPERATOR
        found = next((o for o in self.officers if login and o.login == login), None)
        return User.of(found) if found else None


def directory() -> Directory:
    """Opens (and on first use migrates) the database; runs before anyone is signed in."""
    from desk.db.uow import unit_of_work
    from desk.services import directory as people

    with unit_of_work(write=False) as uow:
        return Directory(tuple(people.officers(uow)), tuple(people.squads(uow)))

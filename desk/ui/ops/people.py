"""The ops that open the database for the window and sign people in: who may sign in, with which password
(a local account on SQLite; their own database login on PostgreSQL), and the squads for the case filter."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from desk.ui.session import OPERATOR, Session, User

if TYPE_CHECKING:
    from desk.services.directory import OfficerRow


@dataclass(frozen=True)
class Directory:
    officers: tuple[OfficerRow, ...]
    squads: tuple[str, ...]
    accounts: bool = True  # anyone has a password yet (else the first start asks for the administrator's)
    office: bool = False  # PostgreSQL: each person signs in with their own database login

    def user(self, login: str | None) -> User | None:
        """The user signing in as ``login``; the console operator when the database has no users yet."""
        if not any(o.login for o in self.officers):
            return OPERATOR
        found = next((o for o in self.officers if login and o.login == login), None)
        return User.of(found) if found else None

    @property
    def first_start(self) -> bool:
        return not self.office and not self.accounts


def directory() -> Directory:
    """Opens (and on first use migrates) the database; runs before anyone is signed in."""
    from desk.db.uow import unit_of_work
    from desk.services import accounts
    from desk.services import directory as people

    with unit_of_work(write=False) as uow:
        return Directory(tuple(people.officers(uow)), tuple(people.squads(uow)), accounts.has_accounts(uow),
                         not uow.sqlite)


def authenticate(login: str, password: str) -> Session:
    """A session for ``login`` if ``password`` is theirs (``sign_in_refused`` otherwise, kept in the audit log)."""
    from desk import config
    from desk.services import accounts, logins

    url = config.database_url()
    if url.startswith("sqlite"):
        return Session(User.of(accounts.authenticate(login, password)))
    own, who = logins.connect_as(url, login, password)
    return Session(User(who.login, who.name, frozenset(who.roles) if who.roles is not None else None, who.squad),
                   url=own)


def create_admin(login: str, password: str, name: str) -> Session:
    """The first start: the administrator's account, then signed in as them."""
    from desk.db.uow import unit_of_work
    from desk.services import accounts

    with unit_of_work(actor=login) as uow:
        row = accounts.create_admin(uow, login, password, name=name)
    return Session(User.of(row))

"""Users on PostgreSQL: each person is a database login, granted Desk's roles (``desk.db.pg_security``).

``add_user`` is the one way in for both backends: on SQLite it makes a local account (``desk.services.accounts``),
on PostgreSQL also the login itself (``CREATE ROLE … LOGIN PASSWORD … IN ROLE desk_<role>``; an administrator's
login may create logins in turn). The officer row holds the name and the squad row-level security reads.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.engine import make_url

from desk.db.uow import DESK_ROLE_PREFIX, UnitOfWork
from desk.errors import UserError
from desk.services import accounts
from desk.services.directory import OfficerRow, officers


@dataclass(frozen=True)
class Identity:
    """Who is acting: ``desk whoami``."""

    login: str
    name: str
    roles: tuple[str, ...] | None  # None: the console operator, with every right
    squad: str | None
    backend: str

    def to_json(self) -> dict[str, object]:
        return {"login": self.login, "name": self.name, "roles": list(self.roles) if self.roles is not None else None,
                "squad": self.squad, "backend": self.backend}


def add_user(uow: UnitOfWork, login: str, *, role: str, password: str, squad: str = "", name: str = "") -> OfficerRow:
    """A new user with one role: a local account on SQLite, a database login on PostgreSQL."""
    if uow.sqlite:
        return accounts.add_officer(uow, login, roles=(role,), name=name, squad=squad, password=password)
    row = accounts.add_officer(uow, login, roles=(role,), name=name, squad=squad)
    accounts.check_password(password)
    exists = uow.session.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": login})
    if exists:
        raise UserError("login_taken", login=login)
    from psycopg import sql

    statement = sql.SQL("CREATE ROLE {login} LOGIN PASSWORD {password} IN ROLE {role}{admin}").format(
        login=sql.Identifier(login), password=sql.Literal(password), role=sql.Identifier(DESK_ROLE_PREFIX + role),
        admin=sql.SQL(" CREATEROLE" if role == "admin" else ""))
    connection = uow.session.connection()
    raw = connection.connection.driver_connection
    connection.exec_driver_sql(statement.as_string(raw).replace("%", "%%"))
    return row


def login_url(url: str, login: str, password: str) -> str:
    """The database URL as ``login`` (on PostgreSQL each person connects as themselves)."""
    return make_url(url).set(username=login, password=password).render_as_string(hide_password=False)


def whoami(uow: UnitOfWork) -> Identity:
    backend = "sqlite" if uow.sqlite else "postgresql"
    found = next((o for o in officers(uow) if o.login == uow.actor), None)
    roles = tuple(sorted(uow.roles)) if uow.roles is not None else None
    return Identity(uow.actor, found.name if found else "", roles, uow.squad or (found.squad if found else None),
                    backend)


def connect_as(url: str, login: str, password: str) -> tuple[str, Identity]:
    """Sign in to a PostgreSQL database as ``login``: (the database URL as that login, who that is). A login the
    server refuses (unknown, or the wrong password) is ``sign_in_refused``."""
    from sqlalchemy.exc import SQLAlchemyError

    from desk.db.uow import unit_of_work
    from desk.errors import DatabaseError

    own = login_url(url, accounts.check_login(login), password)
    try:
        with unit_of_work(own, write=False) as uow:
            return own, whoami(uow)
    except (DatabaseError, SQLAlchemyError):
        raise UserError("sign_in_refused", login=login) from None

"""The unit of work: one session, one transaction; commit on success, roll back on any error."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session

from desk.db.engine import get_engine, is_sqlite
from desk.errors import DatabaseError, UserError


@dataclass
class UnitOfWork:
    session: Session
    engine: Engine
    actor: str = ""
    roles: frozenset[str] | None = None
    squad: str | None = None  # a clerk's squad: the only cases he acts on
    # run after the transaction rolled back (e.g. to record a refusal in the audit log on its own)
    after_rollback: list[Callable[[], None]] = field(default_factory=list)

    @property
    def sqlite(self) -> bool:
        return is_sqlite(self.engine)


@contextmanager
def unit_of_work(url: str | None = None, *, write: bool = True, actor: str = "",
                 roles: frozenset[str] | None = None, squad: str | None = None) -> Iterator[UnitOfWork]:
    """A transaction. ``write=True`` takes SQLite's write lock at BEGIN (numbering must not race).

    Without an ``actor`` (or with the old console name ``cli``) the work is the console operator's: the OS user
    on SQLite, the database login on PostgreSQL (``desk.config.console_actor``)."""
    engine = get_engine(url)
    bind = engine.execution_options(desk_sqlite_begin="IMMEDIATE") if write else engine
    session = Session(bind=bind, expire_on_commit=False, autoflush=True)
    if actor in ("", "cli"):
        actor, roles, squad = console_identity(engine) if roles is None else (console_actor(engine), roles, squad)
    uow = UnitOfWork(session=session, engine=engine, actor=actor, roles=roles, squad=squad)
    try:
        yield uow
        if write:
            session.commit()
        else:
            session.rollback()
    except IntegrityError as exc:
        _rolled_back(uow)
        raise DatabaseError("database_conflict", detail=str(exc.orig).splitlines()[0]) from exc
    except OperationalError as exc:
        _rolled_back(uow)
        raise DatabaseError("database_unavailable", detail=str(exc.orig).splitlines()[0]) from exc
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) != INSUFFICIENT_PRIVILEGE:
            _rolled_back(uow)
            raise
        # the database's grants, row-level security or triggers refused: the user's role may not do this
        detail = str(exc.orig).splitlines()[0]
        uow.after_rollback.append(lambda: _record_refusal(uow, detail))
        _rolled_back(uow)
        raise UserError("database_refused", detail=detail) from exc
    except BaseException:
        _rolled_back(uow)
        raise
    finally:
        session.close()


INSUFFICIENT_PRIVILEGE = "42501"


def _rolled_back(uow: UnitOfWork) -> None:
    uow.session.rollback()
    for hook in uow.after_rollback:
        hook()


RefusalRecorder = Callable[[UnitOfWork, str, dict[str, object]], None]
_refusal_recorders: list[RefusalRecorder] = []


def on_refusal(recorder: RefusalRecorder) -> RefusalRecorder:
    """Register what keeps a refusal on record (the audit log registers itself) once its transaction is gone."""
    _refusal_recorders.append(recorder)
    return recorder


def record_refusal(uow: UnitOfWork, reason: str, **detail: object) -> None:
    """Keep the refusal of ``uow``'s work on record, in a transaction of its own, after ``uow`` rolled back."""
    for recorder in _refusal_recorders:
        recorder(uow, reason, detail)


def _record_refusal(uow: UnitOfWork, detail: str) -> None:
    record_refusal(uow, "database_refused", detail=detail)


DESK_ROLE_PREFIX = "desk_"


@cache
def _login_identity(url: str) -> tuple[frozenset[str] | None, str | None]:
    """A PostgreSQL login's Desk roles (its ``desk_*`` roles) and squad; (None, None) for the owner or a superuser
    (the console operator)."""
    from sqlalchemy import text

    engine = get_engine(url)
    with engine.connect() as conn:
        trusted = conn.scalar(text(
            "SELECT rolsuper OR session_user = (SELECT tableowner FROM pg_tables WHERE schemaname = 'public' "
            "AND tablename = 'audit_log') FROM pg_roles WHERE rolname = session_user"))
        if trusted:
            return None, None
        names = conn.scalars(text(
            "SELECT rolname FROM pg_roles WHERE rolname LIKE 'desk\\_%' AND pg_has_role(session_user, oid, 'MEMBER')"))
        squad = conn.scalar(text("SELECT desk_squad()"))
    return frozenset(n.removeprefix(DESK_ROLE_PREFIX) for n in names), squad


def console_identity(engine: Engine) -> tuple[str, frozenset[str] | None, str | None]:
    """Who works at the console, with which roles: on SQLite the OS user owning ``DESK_HOME`` (all rights); on
    PostgreSQL the database login, with the Desk roles granted to it (all rights for the owner)."""
    if is_sqlite(engine):
        return console_actor(engine), None, None
    roles, squad = _login_identity(engine.url.render_as_string(hide_password=False))
    return console_actor(engine), roles, squad


def console_actor(engine: Engine) -> str:
    """Who works at the console: the database login on PostgreSQL, else the OS user owning ``DESK_HOME``."""
    if not is_sqlite(engine) and engine.url.username:
        return engine.url.username
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in this environment
        return "console"

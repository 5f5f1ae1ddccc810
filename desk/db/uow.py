"""The unit of work: one session, one transaction; commit on success, roll back on any error."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from desk.db.engine import get_engine, is_sqlite
from desk.errors import DatabaseError


@dataclass
class UnitOfWork:
    session: Session
    engine: Engine
    actor: str = ""
    roles: frozenset[str] | None = None

    @property
    def sqlite(self) -> bool:
        return is_sqlite(self.engine)


@contextmanager
def unit_of_work(url: str | None = None, *, write: bool = True, actor: str = "",
                 roles: frozenset[str] | None = None) -> Iterator[UnitOfWork]:
    """A transaction. ``write=True`` takes SQLite's write lock at BEGIN (numbering must not race)."""
    engine = get_engine(url)
    bind = engine.execution_options(desk_sqlite_begin="IMMEDIATE") if write else engine
    session = Session(bind=bind, expire_on_commit=False, autoflush=True)
    try:
        yield UnitOfWork(session=session, engine=engine, actor=actor, roles=roles)
        if write:
            session.commit()
        else:
            session.rollback()
    except IntegrityError as exc:
        session.rollback()
        raise DatabaseError("database_conflict", detail=str(exc.orig).splitlines()[0]) from exc
    except OperationalError as exc:
        session.rollback()
        raise DatabaseError("database_unavailable", detail=str(exc.orig).splitlines()[0]) from exc
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()

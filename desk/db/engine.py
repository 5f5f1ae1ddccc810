"""Engines: SQLite (WAL, foreign keys, busy timeout, explicit BEGIN) or PostgreSQL, migrated on first use."""

from __future__ import annotations

import threading
from functools import cache
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from desk import config
from desk.errors import DatabaseError

BUSY_TIMEOUT_MS = 120_000
_migrated: set[str] = set()
_lock = threading.Lock()
_engines: list[Engine] = []


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves (see on_begin)
        cur = dbapi_connection.cursor()
        # wait for the write lock rather than fail: SQLite's busy handler is not fair, so under load a
        # desktop may lose the race many times in a row before it gets its turn
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def on_begin(conn: Connection) -> None:
        # A writing unit of work takes the write lock up front (BEGIN IMMEDIATE): two desktops
        # allocating numbers queue on busy_timeout instead of failing on a lock upgrade.
        mode = conn.get_execution_options().get("desk_sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


def dispose_all() -> None:
    """Close every pooled connection of this process (a command ends: SQLite folds its write-ahead log back)."""
    for engine in _engines:
        engine.dispose()


@cache
def engine_for(url: str) -> Engine:
    """One engine per database URL for the process."""
    try:
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite":
            if parsed.database and parsed.database != ":memory:":
                from pathlib import Path

                Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(url, poolclass=NullPool if parsed.database == ":memory:" else None,
                                   connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
            _sqlite_setup(engine)
        else:
            engine = create_engine(url, pool_pre_ping=True)
        _engines.append(engine)
    except (SQLAlchemyError, ImportError, ValueError) as exc:
        raise DatabaseError("database_unavailable", detail=_first_line(exc)) from None
    return engine


def _first_line(exc: BaseException) -> str:
    """The driver's own words, without SQLAlchemy's background links."""
    orig = getattr(exc, "orig", None) or exc
    lines = [line for line in str(orig).splitlines() if line.strip()]
    return lines[0][:200] if lines else type(exc).__name__


def get_engine(url: str | None = None, *, migrate: bool = True) -> Engine:
    """The engine for ``url`` (default: the configured database), migrated to head on first use."""
    url = url or config.database_url()
    engine = engine_for(url)
    if migrate and url not in _migrated:
        with _lock:
            if url not in _migrated:
                from desk.db.migrate import upgrade

                try:
                    upgrade(engine)
                except SQLAlchemyError as exc:  # no server, an unknown login, a refused password
                    raise DatabaseError("database_unavailable", detail=_first_line(exc)) from None
                _migrated.add(url)
    return engine


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"

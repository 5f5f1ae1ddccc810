"""The first start of an installed Desk: offering the demo, once, and only on the default SQLite database.

An office that points Desk at a database of its own (``DESK_DATABASE_URL``: a shared PostgreSQL database, or a
file chosen on purpose) never gets demo data from the window, and neither does a database that already has
cases or officers. The answer — yes or no — is remembered in the data folder, so the question is asked once.
On the command line ``desk demo`` stays the explicit way.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import func, select

from desk import config

ANSWERED = "demo-offered"  # a file in the data folder: the question was asked (its text: the answer)


def default_database() -> bool:
    """Whether Desk works on its own SQLite file in the data folder: no database was configured
    (``DESK_DATABASE_URL`` names an office's shared database, or a file someone chose on purpose)."""
    return not os.environ.get("DESK_DATABASE_URL")


def _answered() -> Path:
    return config.desk_home() / ANSWERED


def demo_offer_due() -> bool:
    """Ask "load the demo?" now: the default SQLite database, never asked before, no cases and no officers.

    Opens (and on first use migrates) the database — call it off the UI thread."""
    if not default_database() or _answered().exists():
        return False
    from desk.db.uow import unit_of_work
    from desk.models import Case, Officer

    with unit_of_work(write=False) as uow:
        return not any(uow.session.scalar(select(func.count()).select_from(m)) for m in (Case, Officer))


def answer_demo_offer(load: bool) -> list[int]:
    """Remember the answer; with ``load``, fill the database with the demo (the ids of its cases)."""
    _answered().write_text("yes\n" if load else "no\n", encoding="utf-8")
    if not load:
        return []
    from desk.db.uow import unit_of_work
    from desk.services.demo import make_demo

    with unit_of_work(actor="demo") as uow:
        return make_demo(uow)

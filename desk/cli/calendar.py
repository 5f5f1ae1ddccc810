"""``desk calendar import FILE`` and ``desk calendar show YEAR``: the holiday calendar deadlines count on."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desk.cli import write_out


def register(sub: Any) -> None:
    p = sub.add_parser("calendar", help="the holiday calendar (holidays and make-up working days)")
    verbs = p.add_subparsers(dest="calendar_verb")
    imp = verbs.add_parser("import", help="add or correct days from a .toml (holidays.toml layout) or .csv file")
    imp.add_argument("file", type=Path)
    imp.set_defaults(func=cmd_import)
    show = verbs.add_parser("show", help="list a year's holidays and make-up working days")
    show.add_argument("year", type=int)
    show.set_defaults(func=cmd_show)


def cmd_import(args: argparse.Namespace) -> int:
    from desk.db.uow import unit_of_work
    from desk.i18n import _
    from desk.services import access
    from desk.services.calendar_admin import import_file

    with unit_of_work() as uow:
        access.require(uow, "calendar")
        count = import_file(uow.session, args.file)
    write_out(_("{count} day(s) imported into the holiday calendar.").format(count=count) + "\n")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from desk.db.uow import unit_of_work
    from desk.i18n import _
    from desk.services.calendar_admin import year_days

    with unit_of_work(write=False) as uow:
        days = year_days(uow.session, args.year)
    lines = [f"{d.day.isoformat()}  {_('make-up working day') if d.working else _('rest day')}  {d.note}" for d in days]
    write_out("".join(line.rstrip() + "\n" for line in lines))
    return 0

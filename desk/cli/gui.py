"""The ``gui`` verb: open the window (``desk`` with no verb does too), or save a picture of one view."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

VIEWS = ("list", "case", "editor", "dossier", "check", "forms")


def register(sub: Any) -> None:
    p = sub.add_parser("gui", help="open the window")
    p.add_argument("file", nargs="?", type=Path, metavar="CASE.json",
                   help="a desk-case/1 file to import and open (how the desktop opens a case file with Desk)")
    p.add_argument("--screenshot", type=Path, metavar="FILE.png",
                   help="show the view, save a picture of the window there, print the path and exit")
    p.add_argument("--case", help="the case to show (id or number); default the first in the list")
    p.add_argument("--view", choices=VIEWS, default="list")
    p.add_argument("--user", help="sign in as this login (default: the last one, else ask)")
    p.add_argument("--quit-when-shown", action="store_true",
                   help="print the seconds from launch to the window shown and to its first rows (JSON), then quit")
    p.set_defaults(func=cmd_gui)


def cmd_gui(args: argparse.Namespace) -> int:
    from desk.ui.app import need_display, run

    case = args.case
    if args.file is not None:
        if args.screenshot is None:
            need_display()  # before the import: nothing changes when the window cannot open
        from desk.db.uow import unit_of_work
        from desk.services.cases import import_case

        with unit_of_work(actor="import") as uow:
            case = str(import_case(uow, args.file))
    return run(user=args.user, screenshot=args.screenshot, case=case, view=args.view, probe=args.quit_when_shown)

"""``desk settings show`` and ``desk settings set KEY=VALUE…``: the agency's settings (admin)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from desk.cli import write_out


def register(sub: Any) -> None:
    p = sub.add_parser("settings", help="the agency's settings: contact, payment, receiving bodies, limits")
    verbs = p.add_subparsers(dest="settings_verb")
    show = verbs.add_parser("show", help="list every setting and its value")
    show.add_argument("--json", action="store_true", help="as one JSON object")
    show.set_defaults(func=cmd_show)
    put = verbs.add_parser("set", help="change settings: KEY=VALUE … (all or nothing)")
    put.add_argument("pairs", nargs="+", metavar="KEY=VALUE")
    put.set_defaults(func=cmd_set)


def cmd_show(args: argparse.Namespace) -> int:
    from desk.db.uow import unit_of_work
    from desk.services.agency_settings import SETTINGS, current

    with unit_of_work(write=False) as uow:
        values = current(uow)
    if args.json:
        write_out(json.dumps(values, ensure_ascii=False, indent=2, default=str) + "\n")
        return 0
    width = max(len(k) for k in values)
    write_out("".join(f"{k:<{width}}  {_shown(v)}  （{SETTINGS[k].label}）\n" for k, v in values.items()))
    return 0


def _shown(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value) if value != "" else "—"


def cmd_set(args: argparse.Namespace) -> int:
    from desk.db.uow import unit_of_work
    from desk.errors import UserError
    from desk.services.agency_settings import update

    values: dict[str, str] = {}
    for pair in args.pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            raise UserError("bad_option", option="desk settings set", detail=f"“{pair}” is not KEY=VALUE")
        values[key.strip()] = value
    with unit_of_work(actor="settings") as uow:
        stored = update(uow, values)
    write_out("".join(f"{k} = {_shown(v)}\n" for k, v in stored.items()))
    return 0

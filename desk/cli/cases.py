"""Verbs over cases: init, demo, import, export, cases."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from desk.cli import write_out


def register(sub: Any) -> None:
    p = sub.add_parser("init", help="create or migrate the database")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("demo", help="fill an empty database with a demo agency and cases")
    p.add_argument("--cases", type=int, default=12)
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("import", help="import one case (desk-case/1 JSON)")
    p.add_argument("file", type=Path)
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("export", help="export one case as desk-case/1 JSON")
    p.add_argument("case")
    p.add_argument("-o", "--output", type=Path)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("cases", help="list cases")
    p.add_argument("--status")
    p.add_argument("--search")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_cases)


def cmd_init(args: argparse.Namespace) -> int:
    from desk.db.engine import get_engine

    get_engine()
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from desk.db.uow import unit_of_work
    from desk.services.demo import make_demo

    with unit_of_work(actor="demo") as uow:
        ids = make_demo(uow, cases=args.cases)
    write_out("".join(f"{i}\n" for i in ids))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from desk.db.uow import unit_of_work
    from desk.services.cases import import_case

    with unit_of_work() as uow:
        case_id = import_case(uow, args.file)
    write_out(f"{case_id}\n")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from desk.db.uow import unit_of_work
    from desk.services.cases import export_case

    with unit_of_work(write=args.output is not None) as uow:
        text = export_case(uow, args.case, args.output)
    if args.output is None:
        write_out(text)
    return 0


def cmd_cases(args: argparse.Namespace) -> int:
    from desk.db.uow import unit_of_work
    from desk.services.cases import list_cases

    with unit_of_work(write=False) as uow:
        rows = list_cases(uow, status=args.status, search=args.search)
    if args.json:
        write_out(json.dumps([r.to_json() for r in rows], ensure_ascii=False, indent=2) + "\n")
        return 0
    lines = [f"{r.id:>5}  {r.number or '-':<24} {r.status:<8} {r.procedure:<8} {r.party}  {r.cause}" for r in rows]
    write_out("".join(line + "\n" for line in lines))
    return 0

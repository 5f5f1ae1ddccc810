"""Verbs of the live case: new, update, record, events, next (CLI.md)."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any

from desk.casefile.facts import EVENT_TYPES, PARTY_KINDS, PROCEDURES, SOURCES
from desk.cli import write_out
from desk.cli.documents import _day, _pairs


def _choice(name: str, choices: tuple[str, ...]) -> Any:
    def read(text: str) -> str:
        if text not in choices:
            from desk.errors import UserError

            raise UserError("bad_enum", value=text, choices=choices)
        return text

    read.__name__ = name
    return read


def register(sub: Any) -> None:
    p = sub.add_parser("new", help="register a new case (案源登记)")
    p.add_argument("--cause", required=True)
    p.add_argument("--party", required=True)
    p.add_argument("--party-kind", required=True, type=_choice("party-kind", PARTY_KINDS))
    p.add_argument("--id-number")
    p.add_argument("--uscc")
    p.add_argument("--legal-representative")
    p.add_argument("--address", required=True)
    p.add_argument("--phone")
    p.add_argument("--discovered", required=True, type=_day)
    p.add_argument("--violation-on", type=_day)
    p.add_argument("--place", default="")
    p.add_argument("--facts", default="")
    p.add_argument("--source", default="patrol", type=_choice("source", SOURCES))
    p.add_argument("--procedure", default="general", type=_choice("procedure", PROCEDURES))
    p.add_argument("--squad")
    p.add_argument("--officer", action="append", default=[], required=True)
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("update", help="change an open case's facts")
    p.add_argument("case")
    p.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", required=True)
    p.set_defaults(func=cmd_update)

    p = sub.add_parser("record", help="record an event no document records by itself")
    p.add_argument("case")
    p.add_argument("event", type=_choice("event", EVENT_TYPES))
    p.add_argument("--on", required=True, type=_day)
    p.add_argument("--at")
    p.add_argument("--by")
    p.add_argument("--note")
    p.add_argument("--amount")
    p.add_argument("--days")
    p.add_argument("--kinds")
    p.add_argument("--leaders")
    p.set_defaults(func=cmd_record)

    p = sub.add_parser("events", help="the case's events, recorded and implied by its documents")
    p.add_argument("case")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_events)

    p = sub.add_parser("next", help="what the case's procedure expects next")
    p.add_argument("case")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_next)


def cmd_new(args: argparse.Namespace) -> int:
    from desk.db.uow import unit_of_work
    from desk.services.lifecycle import NewParty, new_case

    party = NewParty(kind=args.party_kind, name=args.party, address=args.address, id_number=args.id_number,
                     uscc=args.uscc, legal_representative=args.legal_representative, phone=args.phone)
    with unit_of_work(actor="cli") as uow:
        case_id = new_case(uow, cause=args.cause, party=party, discovered_on=args.discovered,
                           officers=args.officer, violation_on=args.violation_on, place=args.place,
                           facts=args.facts, source=args.source, procedure=args.procedure, squad=args.squad)
    write_out(f"{case_id}\n")
    return 0


def cmd_update(args: argparse.Namespace) -> int:
    from desk.db.uow import unit_of_work
    from desk.services.lifecycle import update_case

    values = {k: str(v) for k, v in _pairs(args.set).items()}
    with unit_of_work(actor="cli") as uow:
        update_case(uow, args.case, values)
    return 0


def _split(text: str | None) -> list[str] | None:
    return [x.strip() for x in text.replace("，", ",").split(",") if x.strip()] if text else None


def cmd_record(args: argparse.Namespace) -> int:
    from desk.db.uow import unit_of_work
    from desk.services.lifecycle import record_event

    with unit_of_work(actor="cli") as uow:
        record_event(uow, args.case, args.event, on=args.on, at=args.at, by=args.by, note=args.note,
                     amount=args.amount, days=args.days, kinds=_split(args.kinds), leaders=_split(args.leaders))
    return 0


def cmd_events(args: argparse.Namespace) -> int:
    from desk.db.uow import unit_of_work
    from desk.services.cases import load_casefile
    from desk.services.lifecycle import events

    with unit_of_work(write=False) as uow:
        rows = events(load_casefile(uow, args.case))
    if args.json:
        write_out(json.dumps([r.to_json() for r in rows], ensure_ascii=False, indent=2) + "\n")
    else:
        write_out("".join(f"{r.on.isoformat()}  {r.type:<24} {r.source:<28} {r.note or ''}\n".rstrip() + "\n"
                          for r in rows))
    return 0


def cmd_next(args: argparse.Namespace) -> int:
    from desk.db.uow import unit_of_work
    from desk.procedure.next_steps import next_steps
    from desk.services.calendar_admin import calendar
    from desk.services.cases import load_casefile

    with unit_of_work(write=False) as uow:
        plan = next_steps(load_casefile(uow, args.case), calendar(uow.session), date.today())
    if args.json:
        write_out(json.dumps({"steps": list(plan.steps), "kinds": list(plan.kinds)}, ensure_ascii=False,
                             indent=2) + "\n")
    else:
        write_out("".join(f"{s}\n" for s in plan.steps) + (f"→ {', '.join(plan.kinds)}\n" if plan.kinds else ""))
    return 0

"""Verbs over pre-numbered forms: ``desk forms add | list | hand | spoil | report | signoff``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from desk.cli import write_out
from desk.errors import UserError


def register(sub: Any) -> None:
    forms = sub.add_parser("forms", help="pre-numbered forms: register blocks, hand them over, spoil, reconcile")
    verbs = forms.add_subparsers(dest="forms_verb", parser_class=type(forms))

    p = verbs.add_parser("add", help="register a block of pre-printed forms")
    p.add_argument("--code", required=True, help="number code (字) printed on the forms, e.g. 简罚决")
    p.add_argument("--year", required=True)
    p.add_argument("--from", dest="first", required=True, metavar="N")
    p.add_argument("--to", dest="last", required=True, metavar="M")
    p.add_argument("--squad")
    p.add_argument("--officer", metavar="NAME")
    p.set_defaults(func=cmd_add)

    p = verbs.add_parser("list", help="the blocks: holder, used, spoiled and unused numbers, the next number")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)

    p = verbs.add_parser("hand", help="hand a block to another squad and/or officer")
    p.add_argument("block", metavar="BLOCK")
    p.add_argument("--squad")
    p.add_argument("--officer", metavar="NAME")
    p.set_defaults(func=cmd_hand)

    p = verbs.add_parser("spoil", help="void a spoiled or lost form (its number stays spent)")
    p.add_argument("number", metavar="NUMBER")
    p.add_argument("--reason", required=True)
    p.set_defaults(func=cmd_spoil)

    p = verbs.add_parser("report", help="the reconciliation of a block: every number used, spoiled or unused")
    p.add_argument("block", metavar="BLOCK")
    p.add_argument("--json", action="store_true")
    p.add_argument("--xlsx", type=Path, metavar="FILE")
    p.add_argument("--pdf", type=Path, metavar="FILE")
    p.set_defaults(func=cmd_report)

    p = verbs.add_parser("signoff", help="sign a block off (核销) once every number is used or spoiled")
    p.add_argument("block", metavar="BLOCK")
    p.add_argument("--by", metavar="NAME", help="the leader signing off")
    p.set_defaults(func=cmd_signoff)

    forms.set_defaults(func=lambda args: _no_verb(forms))


def _no_verb(parser: argparse.ArgumentParser) -> int:
    raise UserError("bad_option", option=parser.prog, detail="add, list, hand, spoil, report or signoff")


def cmd_add(args: argparse.Namespace) -> int:
    from desk.db.uow import unit_of_work
    from desk.services import forms

    with unit_of_work(actor="cli") as uow:
        block = forms.add(uow, code=args.code, year=args.year, first=args.first, last=args.last, squad=args.squad,
                          officer=args.officer)
        block_id = block.id
    write_out(f"{block_id}\n")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from desk.db.uow import unit_of_work
    from desk.services import forms

    with unit_of_work(write=False) as uow:
        rows = forms.blocks(uow)
    if args.json:
        write_out(json.dumps([r.as_json() for r in rows], ensure_ascii=False, indent=2) + "\n")
        return 0
    for r in rows:
        holder = " / ".join(p for p in (r.squad, r.officer) if p) or "—"
        signed = f"  核销 {r.signed_off_by or ''} {r.signed_off_at:%Y-%m-%d}" if r.signed_off_at else ""
        write_out(f"{r.id:<4} {r.code}〔{r.year}〕{r.first}–{r.last}  {holder}  used {len(r.used)}  "
                  f"spoiled {len(r.spoiled)} ({forms.ranges(r.spoiled) or '—'})  unused {len(r.unused)}  "
                  f"next {r.next_number or '—'}{signed}\n")
    return 0


def cmd_hand(args: argparse.Namespace) -> int:
    from desk.db.uow import unit_of_work
    from desk.services import forms

    with unit_of_work(actor="cli") as uow:
        forms.hand(uow, args.block, squad=args.squad, officer=args.officer)
    return 0


def cmd_spoil(args: argparse.Namespace) -> int:
    from desk.db.uow import unit_of_work
    from desk.services import forms

    with unit_of_work(actor="cli") as uow:
        forms.spoil(uow, args.number, reason=args.reason)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from desk.db.uow import unit_of_work
    from desk.services import forms_report

    with unit_of_work(write=False) as uow:
        r = forms_report.reconcile(uow, args.block)
    written = []
    if args.xlsx:
        args.xlsx.write_bytes(forms_report.xlsx_bytes(r))
        written.append(f"{args.xlsx}\n")
    if args.pdf:
        args.pdf.write_bytes(forms_report.pdf_bytes(r))
        written.append(f"{args.pdf}\n")
    if args.json:
        lines = [{"seq": x.seq, "number": x.number, "state": x.state, "case": x.case or None,
                  "party": x.party or None, "on": x.on.isoformat() if x.on else None, "note": x.note or None}
                 for x in r.lines]
        write_out(json.dumps({"block": r.block, "lines": lines}, ensure_ascii=False, indent=2) + "\n")
    elif not written:
        write_out("".join(f"{x.number}\t{x.state}\t{x.case}\t{x.party}\t{x.on or ''}\t{x.note}\n"
                          for x in r.lines))
    write_out("".join(written))
    return 0


def cmd_signoff(args: argparse.Namespace) -> int:
    from desk.db.uow import unit_of_work
    from desk.services import forms_report

    with unit_of_work(actor="cli") as uow:
        forms_report.sign_off(uow, args.block, by=args.by)
    return 0

"""``desk check CASE [--json]`` and ``desk check --all [--json]``: the procedure completeness check."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from desk.cli import write_out

if TYPE_CHECKING:
    from desk.procedure.checker import Report


def register(sub: Any) -> None:
    p = sub.add_parser("check", help="the procedure completeness check (exit 1 when a blocker stands)")
    p.add_argument("case", nargs="?", help="case id or number")
    p.add_argument("--all", action="store_true", help="check every case")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_check)


def cmd_check(args: argparse.Namespace) -> int:
    from desk.errors import UserError

    if bool(args.case) == bool(args.all):
        raise UserError("bad_option", option="desk check", detail="name one CASE, or --all")
    if args.all:
        return _check_all(args.json)
    from desk.db.uow import unit_of_work
    from desk.procedure.checker import check
    from desk.services.calendar_admin import calendar
    from desk.services.cases import load_casefile

    with unit_of_work(write=False) as uow:
        cf = load_casefile(uow, args.case)
        number, report = cf.case.number or str(cf.id), check(cf, calendar=calendar(uow.session))
    write_out(report_json(number, report) + "\n" if args.json else report_text(number, report))
    return 0 if report.archivable else 1


def _check_all(as_json: bool) -> int:
    """Every case, streamed: the annual review of 10 000 cases prints as it goes."""
    from desk.services.review import check_all

    archivable = True
    if as_json:
        write_out("[")
    for i, (text, ok) in enumerate(check_all(report_json if as_json else report_text)):
        archivable = archivable and ok
        write_out(("," if i else "") + "\n" + text if as_json else text)
    if as_json:
        write_out("\n]\n")
    return 0 if archivable else 1


def report_json(number: str, report: Report) -> str:
    return json.dumps(report.to_json(number), ensure_ascii=False, indent=2)


def report_text(number: str, report: Report) -> str:
    """A report as lines for the terminal, in the user's language."""
    from desk.i18n import _
    from desk.procedure.ruleset import rules

    head = _("{case}: may be archived, score {score}/100") if report.archivable else _(
        "{case}: may not be archived, score {score}/100"
    )
    lines = [head.format(case=number, score=report.score)]
    for f in report.findings:
        lines.append(f"  [{_(f.severity)}] {f.rule} {_(rules()[f.rule].title)}")
        lines.append(f"      {f.text()}")
        details = [", ".join(f.documents)] if f.documents else []
        details += [_("due {date}").format(date=f.due.isoformat()) + (_("(provisional)") if f.provisional else "")
                    ] if f.due else []
        details += [_("actual {date}").format(date=f.actual.isoformat())] if f.actual else []
        if details:
            lines.append("      " + "; ".join(details))
    return "".join(line + "\n" for line in lines)

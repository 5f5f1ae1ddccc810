"""Report verbs: ``desk stats`` and ``desk publish`` (CLI.md), and recording publication and withdrawal."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from desk.cli import write_out


def register(sub: Any) -> None:
    p = sub.add_parser("stats", help="the enforcement statistics of a month or a year")
    when = p.add_mutually_exclusive_group(required=True)
    when.add_argument("--month", metavar="YYYY-MM")
    when.add_argument("--year", metavar="YYYY")
    p.add_argument("--json", action="store_true")
    p.add_argument("--xlsx", type=Path, metavar="FILE")
    p.add_argument("--pdf", type=Path, metavar="FILE")
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("publish", help="the penalty publication list of a period; record publication or withdrawal")
    p.add_argument("--from", dest="start", metavar="DATE")
    p.add_argument("--to", dest="end", metavar="DATE")
    p.add_argument("--json", action="store_true")
    p.add_argument("--xlsx", type=Path, metavar="FILE")
    p.add_argument("--csv", type=Path, metavar="FILE")
    p.add_argument("--record", metavar="CASE", help="record that CASE's decision was published --on DATE")
    p.add_argument("--withdraw", metavar="CASE", help="record that CASE's publication was withdrawn --on DATE")
    p.add_argument("--on", metavar="DATE")
    p.add_argument("--reason")
    p.set_defaults(func=cmd_publish)


def cmd_stats(args: argparse.Namespace) -> int:
    from desk.db.uow import unit_of_work
    from desk.reports import periods
    from desk.reports.pdf import stats_pdf
    from desk.reports.tables import check_rows, stats_tables
    from desk.reports.xlsx import stats_xlsx
    from desk.services.reports import agency_name, stats

    period = periods.month(args.month) if args.month else periods.year(args.year)
    with unit_of_work(write=False) as uow:
        result = stats(uow, period)
        agency = agency_name(uow)
    if args.xlsx:
        stats_xlsx(result, args.xlsx)
    if args.pdf:
        stats_pdf(result, args.pdf, agency)
    if args.json:
        write_out(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    elif not (args.xlsx or args.pdf):
        lines = [f"{agency} 行政执法统计 {result['period']}"]
        for table in stats_tables(result):
            lines += ["", table.title, "  ".join(table.headers)]
            lines += ["  ".join(str(v) for v in row) for row in table.rows]
        checks = check_rows(result)
        lines += ["", "一致性校验", *(f"{name}: {ok} ({left} / {right})" for name, ok, left, right in checks)]
        write_out("\n".join(lines) + "\n")
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    from desk.reports import periods

    if args.record or args.withdraw:
        return _record(args)
    if not (args.start and args.end):
        from desk.errors import UserError

        raise UserError("bad_option", option="desk publish", detail="--from DATE and --to DATE are required")
    period = periods.between(args.start, args.end)
    from desk.db.uow import unit_of_work
    from desk.reports.publication import to_json
    from desk.reports.tables import STATUS_TEXT
    from desk.reports.xlsx import publication_csv, publication_xlsx
    from desk.services.reports import publication_list

    with unit_of_work(write=False) as uow:
        entries = publication_list(uow, period)
    if args.xlsx:
        publication_xlsx(entries, args.xlsx, f"行政处罚公示 {period.label}")
    if args.csv:
        publication_csv(entries, args.csv)
    if args.json:
        write_out(json.dumps([to_json(e) for e in entries], ensure_ascii=False, indent=2) + "\n")
    elif not (args.xlsx or args.csv):
        lines = [f"{e['decided_on']}  {e['number'] or '-':<24} {e['party']}  {e['penalty']}  "
                 f"公示截止 {e['publish_by']}  {STATUS_TEXT[e['status']]}" for e in entries]
        write_out("".join(line + "\n" for line in lines))
    return 0


def _record(args: argparse.Namespace) -> int:
    from desk.db.uow import unit_of_work
    from desk.errors import UserError
    from desk.reports.periods import day
    from desk.services.reports import record_published, record_withdrawn

    if not args.on:
        raise UserError("bad_option", option="desk publish", detail="--on DATE is required")
    on = day(args.on, "--on")
    with unit_of_work(actor="publish") as uow:
        if args.record:
            record_published(uow, args.record, on)
        else:
            record_withdrawn(uow, args.withdraw, on, args.reason or "")
    return 0

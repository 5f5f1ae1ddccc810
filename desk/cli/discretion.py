"""``desk discretion import FILE``, ``desk discretion list [--json]``, ``desk discretion apply CASE …``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from desk.cli import write_out


def register(sub: Any) -> None:
    p = sub.add_parser("discretion", help="discretion standards (裁量基准): import versions, list, apply to a case")
    verbs = p.add_subparsers(dest="discretion_verb")
    imp = verbs.add_parser(
        "import",
        help="load a standard file as a new version (.toml as in discretion.md, or .xlsx: sheets "
        "“standard” (key | value) and “items” (id, act, violated, basis, subject, statutory_min, "
        "statutory_max, kinds, level, when, fine_min, fine_max, outcome — one row per tier))",
    )
    imp.add_argument("file", type=Path)
    imp.set_defaults(func=cmd_import)
    ls = verbs.add_parser("list", help="the loaded versions and their items")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=cmd_list)
    ap = verbs.add_parser("apply", help="record the item, version, tier and circumstances a case applies")
    ap.add_argument("case")
    ap.add_argument("--version", required=True)
    ap.add_argument("--item", required=True)
    ap.add_argument("--tier", required=True, help="the tier's level, e.g. 一般")
    ap.add_argument("--circumstance", action="append", default=[],
                    help="从轻/减轻/从重 and its ground, e.g. “减轻：行政处罚法第三十二条第（一）项 …”")
    ap.set_defaults(func=cmd_apply)


def cmd_import(args: argparse.Namespace) -> int:
    from desk.db.uow import unit_of_work
    from desk.discretion.store import import_file
    from desk.i18n import _

    with unit_of_work(actor="discretion") as uow:
        std = import_file(uow, args.file)
    write_out(_("Loaded {name} version {version}: {count} item(s).").format(
        name=std.name, version=std.version, count=len(std.items)) + "\n")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from desk.db.uow import unit_of_work
    from desk.discretion.listing import listing_json, listing_text
    from desk.discretion.store import standards

    with unit_of_work(write=False) as uow:
        loaded = standards(uow.session)
    if args.json:
        write_out(json.dumps(listing_json(loaded), ensure_ascii=False, indent=2) + "\n")
    else:
        write_out(listing_text(loaded))
    return 0


def cmd_apply(args: argparse.Namespace) -> int:
    from desk.db.uow import unit_of_work
    from desk.discretion.model import parse_circumstance
    from desk.discretion.store import apply
    from desk.errors import UserError

    found = [(text, parse_circumstance(text)) for text in args.circumstance]
    bad = [text for text, c in found if c is None]
    if bad:
        raise UserError("bad_circumstance", value=bad[0])
    with unit_of_work(actor="discretion") as uow:
        apply(uow, args.case, version=args.version, item=args.item, level=args.tier,
              circumstances=[c for _, c in found if c is not None])
    return 0

"""``desk scan DOC FILE``: attach the scan of an issued document's signed and sealed paper (PDF or JPEG)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desk.cli import write_out


def register(sub: Any) -> None:
    p = sub.add_parser("scan", help="attach the scan (PDF/JPEG) of an issued document's signed paper; "
                                    "the dossier binds it in the document's place")
    p.add_argument("doc", metavar="DOC", help="the document's number or id")
    p.add_argument("file", type=Path, metavar="FILE")
    p.set_defaults(func=cmd_scan)


def cmd_scan(args: argparse.Namespace) -> int:
    from desk.db.uow import unit_of_work
    from desk.services.scans import attach_scan

    with unit_of_work(actor="cli") as uow:
        doc = attach_scan(uow, args.doc, args.file)
        shown = doc.number or str(doc.id)
    write_out(f"{shown}: {args.file.name}\n")
    return 0

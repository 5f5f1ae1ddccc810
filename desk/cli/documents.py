"""Verbs over documents: kinds, draft, issue, void, serve, render."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from desk import outputs
from desk.cli import write_out
from desk.errors import UserError


def _day(text: str) -> date:
    """A date given with ``--on``: a real date of something done, 1990 … today (desk.casefile.limits)."""
    from desk.casefile import limits

    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise UserError("bad_date", value=text[:40]) from None
    failure = limits.date_error(day)
    if failure is not None:
        raise UserError(failure[0], **failure[1])
    return day


def _pairs(items: list[str]) -> dict[str, object]:
    out: dict[str, object] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise UserError("bad_option", option="--set", detail=f"“{item}” is not FIELD=VALUE")
        out[name.strip()] = value
    return out


def register(sub: Any) -> None:
    p = sub.add_parser("kinds", help="the document catalogue")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_kinds)

    p = sub.add_parser("draft", help="draft a document of a case")
    p.add_argument("case")
    p.add_argument("kind")
    p.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE")
    p.set_defaults(func=cmd_draft)

    p = sub.add_parser("edit", help="change fields of a draft")
    p.add_argument("doc")
    p.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE")
    p.set_defaults(func=cmd_edit)

    p = sub.add_parser("issue", help="number and issue (freeze) a draft")
    p.add_argument("doc")
    p.add_argument("--on", type=_day, help="issue date (default today)")
    p.add_argument("--form", metavar="NUMBER", help="printed number of the pre-numbered form used (desk forms)")
    p.set_defaults(func=cmd_issue)

    p = sub.add_parser("void", help="void an issued document (its number stays spent)")
    p.add_argument("doc")
    p.add_argument("--reason", required=True)
    p.set_defaults(func=cmd_void)

    p = sub.add_parser("serve", help="record service of a document")
    p.add_argument("doc")
    p.add_argument("--on", type=_day, required=True)
    p.add_argument("--method", required=True)
    p.add_argument("--receiver")
    p.add_argument("--correct", metavar="REASON", help="correct the service already recorded (kept in the audit log)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("render", help="write a document as DOCX and/or PDF")
    p.add_argument("doc", help="a document; with --all, a case")
    p.add_argument("--all", action="store_true",
                   help="every issued document of the case, into the folders --docx DIR / --pdf DIR (one start-up)")
    p.add_argument("--docx", type=Path)
    p.add_argument("--pdf", type=Path)
    p.add_argument("--backend", choices=("desk", "libreoffice"), default="desk")
    p.set_defaults(func=cmd_render)


def cmd_kinds(args: argparse.Namespace) -> int:
    from desk.catalogue import catalogue

    kinds = list(catalogue().values())
    if args.json:
        rows = [
            {"id": k.id, "title": k.title, "title_en": k.title_en, "code": k.code or None, "step": k.step,
             "served": k.served, "volume": k.volume, "set": k.set,
             "fields": [{"name": f.name, "type": f.type, "required": f.required, "label": f.label,
                         "label_en": f.label_en, **({"choices": list(f.choices)} if f.type == "choice" else {})}
                        for f in k.fields]}
            for k in kinds
        ]
        write_out(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    else:
        write_out("".join(f"{k.id:<32} {k.code or '-':<6} {k.volume:<5} {'served' if k.served else '':<7}"
                          f"{k.title}\n" for k in kinds))
    return 0


def cmd_draft(args: argparse.Namespace) -> int:
    from desk.db.uow import unit_of_work
    from desk.services import documents

    with unit_of_work(actor="cli") as uow:
        doc = documents.draft(uow, args.case, args.kind, _pairs(args.set))
        doc_id = doc.id
    write_out(f"{doc_id}\n")
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    from desk.db.uow import unit_of_work
    from desk.services import documents

    with unit_of_work(actor="cli") as uow:
        documents.edit(uow, args.doc, _pairs(args.set))
    return 0


def cmd_issue(args: argparse.Namespace) -> int:
    from desk.db.uow import unit_of_work
    from desk.services import documents

    with unit_of_work(actor="cli") as uow:
        doc, verdict = documents.issue_checked(uow, args.doc, on=args.on, form=args.form)
        shown = doc.number or str(doc.id)
    for warning in verdict.warnings:  # majors and minors: issued, but the user is told
        print(f"{warning.rule} ({warning.severity}): {warning.text()}", file=sys.stderr)
    write_out(f"{shown}\n")
    return 0


def cmd_void(args: argparse.Namespace) -> int:
    from desk.db.uow import unit_of_work
    from desk.services import documents

    with unit_of_work(actor="cli") as uow:
        documents.void(uow, args.doc, reason=args.reason)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from desk.db.uow import unit_of_work
    from desk.services import documents

    with unit_of_work(actor="cli") as uow:
        documents.serve(uow, args.doc, on=args.on, method=args.method, receiver=args.receiver, correct=args.correct)
    return 0


def cmd_render(args: argparse.Namespace) -> int:
    from desk.services.frozen_docx import issued_docx

    if not args.docx and not args.pdf:
        raise UserError("bad_option", option="render", detail="give --docx FILE and/or --pdf FILE")
    if args.all:
        return _render_all(args)
    for target in (args.docx, args.pdf):
        if target:
            outputs.check_target(target)
    data = issued_docx(args.doc)  # an issued document's frozen DOCX, without the ORM's start-up
    if data is None:
        from desk.db.uow import unit_of_work
        from desk.services import documents

        with unit_of_work(write=False) as uow:
            data = documents.docx_bytes(uow, args.doc)
    written = []
    if args.docx:
        outputs.write_bytes(args.docx, data)
        written.append(str(args.docx))
    if args.pdf:
        outputs.write_bytes(args.pdf, _pdf_renderer(args.backend)(data))
        written.append(str(args.pdf))
    write_out("".join(p + "\n" for p in written))
    return 0


def _render_all(args: argparse.Namespace) -> int:
    """``desk render CASE --all``: each issued document of the case as ``NN-题名-文号.pdf`` (and ``.docx``)."""
    from desk.archive.names import item_name
    from desk.catalogue import kind
    from desk.db.uow import unit_of_work
    from desk.services import cases, documents

    with unit_of_work(write=False) as uow:
        case = cases.resolve(uow, args.doc)
        issued = [(d.kind, d.number, d.id) for d in case.documents if d.status == "issued"]
        files = [(k, number, documents.docx_bytes(uow, doc_id)) for k, number, doc_id in issued]
    written = []
    render_pdf = _pdf_renderer(args.backend)
    for i, (k, number, data) in enumerate(files, start=1):
        if args.docx:
            written.append(args.docx / item_name(i, kind(k).title, number, suffix=".docx"))
            outputs.check_target(written[-1])
            outputs.write_bytes(written[-1], data)
        if args.pdf:
            written.append(args.pdf / item_name(i, kind(k).title, number, suffix=".pdf"))
            outputs.check_target(written[-1])
            outputs.write_bytes(written[-1], render_pdf(data))
    write_out("".join(f"{p}\n" for p in written))
    return 0


def _pdf_renderer(backend: str) -> Callable[[bytes], bytes]:
    if backend == "libreoffice":
        from desk.render.pdf.libreoffice import render_pdf_libreoffice

        return render_pdf_libreoffice
    from desk.render.pdf import render_pdf

    return render_pdf

"""Verbs of the archive: ``archive``, ``verify`` (a package; no database) and ``audit verify`` (the log)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desk.cli import write_out


def register(sub: Any) -> None:
    p = sub.add_parser("archive", help="check, number, package and freeze a case")
    p.add_argument("case")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="PACKAGE.zip")
    p.add_argument("--retention", choices=("permanent", "30y", "10y"))
    p.set_defaults(func=cmd_archive)

    p = sub.add_parser("verify", help="re-check an archive package's structure, every checksum and its signature")
    p.add_argument("package", type=Path, metavar="PACKAGE.zip")
    p.add_argument("--db", action="store_true",
                   help="also check the package's digest against its record in the database")
    p.add_argument("--key", metavar="FINGERPRINT", help="the agency key's fingerprint the package must be signed with")
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("audit", help="the audit log")
    audit_sub = p.add_subparsers(dest="audit_verb", required=True)
    v = audit_sub.add_parser("verify", help="prove the hash chain (and the anchors of archive packages)")
    v.add_argument("--anchor", action="append", type=Path, default=[], metavar="PACKAGE.zip",
                   help="also check that the log still holds this package's anchor entry")
    v.set_defaults(func=cmd_audit_verify)


def cmd_archive(args: argparse.Namespace) -> int:
    from desk.config import passphrase
    from desk.db.uow import unit_of_work
    from desk.services.archiving import archive, check_output
    from desk.services.keys import current_key

    check_output(args.output)  # a folder or an existing file is refused before the passphrase is asked for
    secret = passphrase()
    if secret is None:
        with unit_of_work(write=False) as uow:
            has_key = current_key(uow) is not None
        from desk.cli.users import read_secret

        secret = read_secret("Passphrase of the agency's signing key: " if has_key else
                             "A new passphrase for the agency's signing key: ")
    with unit_of_work() as uow:
        result = archive(uow, args.case, out=args.output, retention=args.retention, passphrase=secret)
    write_out(f"{result.archive_number}\n")
    return 0


def _line(key: str, **params: object) -> str:
    from desk.errors import MESSAGES, Term
    from desk.i18n import gettext

    shown = {k: gettext(v).format(**v.values) if isinstance(v, Term) else v for k, v in params.items()}
    return gettext(MESSAGES[key]).format(**shown) + "\n"


def cmd_verify(args: argparse.Namespace) -> int:
    from desk.archive.verify import verify_package
    from desk.cli.seals import signature_lines

    report = verify_package(args.package)
    lines = [_line(f"verify_{d.problem}", path=d.path, detail=d.detail) for d in report.damages]
    problems = [p for p in signature_lines(report, pinned=args.key, with_db=args.db)
                if p[0] != "verify_signed" or report.intact]  # whose signature: said of an intact package only
    lines += [_line(key, **params) for key, params in problems]
    count = len(report.damages) + sum(1 for key, _ in problems if key != "verify_signed")
    summary = "verify_failed" if count else "verify_intact"
    text = "".join(lines) + _line(summary, package=args.package, files=report.files, count=count)
    write_out(text)
    if count:  # damage is a refusal: said where errors go too
        sys.stderr.write(text)
        sys.stderr.flush()
    return 1 if count else 0


def _anchor(package: Path) -> tuple[int, str]:
    from desk.archive.verify import bag_info
    from desk.errors import UserError
    from desk.services.audit import parse_anchor

    anchor = parse_anchor(bag_info(package).get("Audit-Anchor", ""))
    if anchor is None:
        raise UserError("package_no_anchor", path=package)
    return anchor


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from desk.db.uow import unit_of_work
    from desk.services import audit, keys

    anchors = [_anchor(path) for path in args.anchor]
    with unit_of_work(write=False) as uow:
        breaks = audit.verify(uow, [*anchors, *keys.signed_anchors(uow)])
        seals = keys.seal_problems(uow)
    lines = [_line(f"audit_{b.problem}", entry=b.entry_id) for b in breaks]
    lines += [_line(f"audit_seal_{p.problem}", number=p.archive_number) for p in seals]
    count = len(breaks) + len(seals)
    write_out("".join(lines) + _line("audit_failed" if count else "audit_intact", count=count))
    return 1 if count else 0

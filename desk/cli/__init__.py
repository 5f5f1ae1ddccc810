"""The ``desk`` command line (../shared/contract/CLI.md). Each verb group lives in its own module.

A module registers its verbs with ``register(subparsers)``; each verb's handler takes the parsed
arguments and returns an exit code. Handlers import what they need when they run, so ``desk
--help`` and the window start fast. Errors map to the contract's exit codes here and only here.
"""

from __future__ import annotations

import argparse
import atexit
import gc
import logging
import sys
import threading
from collections.abc import Sequence
from importlib import import_module

from desk.errors import DeskError

VERB_MODULES = ("cases", "documents", "check", "calendar", "dossier", "archive", "gui", "lifecycle", "reports",
                "discretion", "forms", "users", "settings", "scans")
# Every verb, in the order the modules register them: its module and its line in ``desk --help``. A command
# imports only its verb's module, and ``desk --help`` none (each costs 5-30 ms of imports a command does not use).
# tests/unit/test_cli_verbs.py proves this table says what the modules register; a verb missing here still runs
# (the whole parser is built for a word the table does not know).
VERBS: dict[str, tuple[str, str]] = {
    "init": ("cases", "create or migrate the database"),
    "demo": ("cases", "fill an empty database with a demo agency and cases"),
    "import": ("cases", "import one case (desk-case/1 JSON)"),
    "export": ("cases", "export one case as desk-case/1 JSON"),
    "cases": ("cases", "list cases"),
    "kinds": ("documents", "the document catalogue"),
    "draft": ("documents", "draft a document of a case"),
    "edit": ("documents", "change fields of a draft"),
    "issue": ("documents", "number and issue (freeze) a draft"),
    "void": ("documents", "void an issued document (its number stays spent)"),
    "serve": ("documents", "record service of a document"),
    "render": ("documents", "write a document as DOCX and/or PDF"),
    "check": ("check", "the procedure completeness check (exit 1 when a blocker stands)"),
    "calendar": ("calendar", "the holiday calendar (holidays and make-up working days)"),
    "dossier": ("dossier", "bind a case's dossier as one PDF per volume"),
    "archive": ("archive", "check, number, package and freeze a case"),
    "verify": ("archive", "re-check an archive package's structure, every checksum and its signature"),
    "audit": ("archive", "the audit log"),
    "gui": ("gui", "open the window"),
    "new": ("lifecycle", "register a new case (案源登记)"),
    "update": ("lifecycle", "change an open case's facts"),
    "record": ("lifecycle", "record an event no document records by itself"),
    "events": ("lifecycle", "the case's events, recorded and implied by its documents"),
    "next": ("lifecycle", "what the case's procedure expects next"),
    "stats": ("reports", "the enforcement statistics of a month or a year"),
    "publish": ("reports", "the penalty publication list of a period; record publication or withdrawal"),
    "discretion": ("discretion", "discretion standards (裁量基准): import versions, list, apply to a case"),
    "forms": ("forms", "pre-numbered forms: register blocks, hand them over, spoil, reconcile"),
    "users": ("users", "the people who sign in (an administrator's verbs)"),
    "whoami": ("users", "who is acting: the user, roles and squad"),
    "keys": ("users", "the agency's SM2 signing key"),
    "settings": ("settings", "the agency's settings: contact, payment, receiving bodies, limits"),
    "scan": ("scans", "attach the scan (PDF/JPEG) of an issued document's signed paper; the dossier binds it in "
                      "the document's place"),
}
log = logging.getLogger("desk")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        from desk.errors import UserError

        raise UserError("bad_option", option=self.prog, detail=message)


def build_parser(modules: Sequence[str] = VERB_MODULES, *, listed: bool = False) -> argparse.ArgumentParser:
    """The parser with the verbs of ``modules``; ``listed``: every verb of the table, named and helped only
    (what ``desk --help`` shows, without importing a verb module)."""
    parser = _Parser(prog="desk", description="Desk — administrative enforcement case files")
    # its own dest: a verb's ``--version`` (``desk discretion apply --version 2025-1``) writes ``args.version``
    parser.add_argument("--version", dest="show_version", action="store_true", help="print Desk's version and exit")
    sub = parser.add_subparsers(dest="verb", parser_class=_Parser)
    if listed:
        for verb, (_, line) in VERBS.items():
            sub.add_parser(verb, help=line)
        return parser
    for name in modules:
        try:
            module = import_module(f"desk.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"desk.cli.{name}":
                raise
            continue
        module.register(sub)
    return parser


def parser_for(args: Sequence[str]) -> argparse.ArgumentParser:
    """The parser a command line needs: its verb's module only, the verb table for none, all for the unknown."""
    verb = next((a for a in args if not a.startswith("-")), None)
    if verb is None:
        return build_parser(listed=True)
    if verb in VERBS:
        return build_parser([VERBS[verb][0]])
    return build_parser()


def _at_exit() -> None:
    """The process ends: close the database connections, then spare the interpreter its last walks of every
    module, class and function through the cycle collector (~60 ms of a ``desk`` command): memory is freed by
    reference counts as the modules are cleared, and the process ends anyway."""
    engine = sys.modules.get("desk.db.engine")
    if engine is not None:
        engine.dispose_all()
    gc.freeze()


START_UP_S = 2.0


def main(argv: Sequence[str] | None = None) -> int:
    """Run one verb; every failure ends as one line on stderr and the contract's exit code.

    The cycle collector waits while the command starts: start-up creates some 500 000 objects that live as long
    as the process (SQLAlchemy, reportlab, the models), and collections would walk them again and again (~50 ms
    of ``desk render``). After ``START_UP_S`` seconds it collects as usual, so that a long batch (``check
    --all`` over 100 000 cases) keeps its memory bounded. The window, which runs all day, is left alone: it moves
    collection to its UI thread while its ops run (desk.ui.collector)."""
    args_list = list(sys.argv[1:] if argv is None else argv) or ["gui"]
    atexit.unregister(_at_exit)
    atexit.register(_at_exit)
    if args_list[0] == "gui":  # the window collects on its UI thread while ops run (desk.ui.collector)
        return _run(args_list)
    collecting = gc.isenabled()
    resume = threading.Timer(START_UP_S, gc.enable if collecting else gc.disable)
    resume.daemon = True
    gc.disable()
    resume.start()
    try:
        return _run(args_list)
    finally:
        resume.cancel()
        if collecting:
            gc.enable()


def _run(args_list: list[str]) -> int:
    try:
        parser = parser_for(args_list)
        args = parser.parse_args(args_list)
        if args.show_version:
            from desk import __version__

            write_out(f"desk {__version__}\n")
            return 0
        if not getattr(args, "func", None):
            parser.print_help()
            return 2
        if args.verb not in ("verify",):  # verify reads a package alone: no data folder, no database
            from desk.cli.faults import housekeeping

            housekeeping()
        return int(args.func(args) or 0)
    except DeskError as err:
        print(err.render(), file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (``desk check --all --json | head``): nothing left to say
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:
        from desk.cli.faults import report

        code, line = report(exc)
        print(line, file=sys.stderr)
        return code


def write_out(text: str) -> None:
    """Print to stdout in UTF-8 whatever the console's encoding."""
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.flush()

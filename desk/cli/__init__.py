"""The ``desk`` command line (../shared/contract/CLI.md). Each verb group lives in its own module.

A module registers its verbs with ``register(subparsers)``; each verb's handler takes the parsed
arguments and returns an exit code. Handlers import what they need when they run, so ``desk
--help`` and the window start fast. Errors map to the contract's exit codes here and only here.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from importlib import import_module

from desk.errors import DeskError

VERB_MODULES = ("cases", "documents", "check", "calendar", "dossier", "archive", "gui", "lifecycle", "reports",
                "discretion", "forms", "users", "settings", "scans")
log = logging.getLogger("desk")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        from desk.errors import UserError

        raise UserError("bad_option", option=self.prog, detail=message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="desk", description="Desk — administrative enforcement case files")
    # its own dest: a verb's ``--version`` (``desk discretion apply --version 2025-1``) writes ``args.version``
    parser.add_argument("--version", dest="show_version", action="store_true", help="print Desk's version and exit")
    sub = parser.add_subparsers(dest="verb", parser_class=_Parser)
    for name in VERB_MODULES:
        try:
            module = import_module(f"desk.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"desk.cli.{name}":
                raise
            continue
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one verb; every failure ends as one line on stderr and the contract's exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        parser = build_parser()
        args = parser.parse_args(args_list or ["gui"])
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

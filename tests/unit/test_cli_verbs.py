"""The verb table of ``desk --help`` says what the verb modules register, and a command imports only its verb's."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import import_module

from desk.cli import VERB_MODULES, VERBS, _Parser, build_parser, parser_for


def _registered() -> list[tuple[str, tuple[str, str]]]:
    """(verb, (module, help line)) of every verb, each module registered on its own, in registration order."""
    found = []
    for name in VERB_MODULES:
        sub = _Parser(prog="desk").add_subparsers(dest="verb", parser_class=_Parser)
        import_module(f"desk.cli.{name}").register(sub)
        helps = {action.dest: action.help for action in sub._choices_actions}
        found += [(verb, (name, str(helps[verb]))) for verb in sub.choices]
    return found


def test_the_verb_table_is_what_the_modules_register() -> None:
    assert list(VERBS.items()) == _registered()


def test_help_from_the_table_equals_help_from_the_modules() -> None:
    listed = build_parser(listed=True).format_help()
    assert listed == build_parser().format_help()
    assert "render" in listed and "write a document as DOCX and/or PDF" in listed


def test_a_verb_gets_its_own_module_only() -> None:
    parser = parser_for(["render", "X", "--pdf", "x.pdf"])
    args = parser.parse_args(["render", "X", "--pdf", "x.pdf"])
    assert args.verb == "render" and str(args.pdf) == "x.pdf" and args.func.__module__ == "desk.cli.documents"
    sub = next(a for a in parser._actions if a.dest == "verb")
    assert set(sub.choices) == {v for v, (module, _) in VERBS.items() if module == "documents"}  # type: ignore[arg-type]
    assert set(next(a for a in parser_for(["nonsense"])._actions if a.dest == "verb").choices) >= set(VERBS)  # type: ignore[arg-type]


CHILD = """
import json, sys
from desk.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in ("desk", "sqlalchemy", "reportlab"))))
"""


def _imported(*argv: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", CHILD, *argv], capture_output=True, text=True, check=True).stdout
    return set(json.loads(out.strip().splitlines()[-1]))


def test_desk_help_imports_no_verb_module_nor_the_database_nor_the_renderer() -> None:
    loaded = _imported("--help")
    assert not {m for m in loaded if m.startswith(("desk.cli.", "sqlalchemy", "reportlab"))}, loaded


def test_a_verb_imports_no_other_verb_module() -> None:
    loaded = _imported("kinds", "--help")
    assert {m for m in loaded if m.startswith("desk.cli.")} == {"desk.cli.documents"}

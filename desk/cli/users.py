"""Verbs of who is acting: ``users add``, ``users list``, ``whoami`` and ``keys init``."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from desk.cli import write_out


def register(sub: Any) -> None:
    p = sub.add_parser("users", help="the people who sign in (an administrator's verbs)")
    users_sub = p.add_subparsers(dest="users_verb", required=True)
    a = users_sub.add_parser("add", help="add a user (the password is read from standard input)")
    a.add_argument("login", metavar="NAME")
    a.add_argument("--role", required=True, choices=("clerk", "reviewer", "leader", "archivist", "admin"))
    a.add_argument("--squad", default="")
    a.add_argument("--name", default="", help="the officer's full name (default: NAME)")
    a.set_defaults(func=cmd_users_add)
    lst = users_sub.add_parser("list", help="list the users")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=cmd_users_list)

    p = sub.add_parser("whoami", help="who is acting: the user, roles and squad")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_whoami)

    p = sub.add_parser("keys", help="the agency's SM2 signing key")
    keys_sub = p.add_subparsers(dest="keys_verb", required=True)
    k = keys_sub.add_parser("init", help="make the key pair (the passphrase: DESK_PASSPHRASE or standard input)")
    k.set_defaults(func=cmd_keys_init)


def read_secret(prompt: str) -> str:
    """A password or passphrase: asked for at a terminal, else the first line of standard input."""
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass(prompt)
    return sys.stdin.readline().rstrip("\r\n")


def cmd_users_add(args: argparse.Namespace) -> int:
    from desk.db.uow import unit_of_work
    from desk.services.logins import add_user

    password = read_secret("Password: ")
    with unit_of_work() as uow:
        row = add_user(uow, args.login, role=args.role, password=password, squad=args.squad, name=args.name)
    write_out(f"{row.login}\n")
    return 0


def cmd_users_list(args: argparse.Namespace) -> int:
    from desk.db.uow import unit_of_work
    from desk.services.directory import officers

    with unit_of_work(write=False) as uow:
        rows = [o for o in officers(uow) if o.login]
    if args.json:
        write_out(json.dumps([{"login": o.login, "name": o.name, "roles": list(o.roles), "squad": o.squad}
                              for o in rows], ensure_ascii=False, indent=1) + "\n")
    else:
        write_out("".join(f"{o.login}\t{o.name}\t{','.join(o.roles)}\t{o.squad}\n" for o in rows))
    return 0


def cmd_whoami(args: argparse.Namespace) -> int:
    from desk.db.uow import unit_of_work
    from desk.services.logins import whoami

    with unit_of_work(write=False) as uow:
        me = whoami(uow)
    if args.json:
        write_out(json.dumps(me.to_json(), ensure_ascii=False) + "\n")
    else:
        roles = ", ".join(me.roles) if me.roles is not None else "console (all rights)"
        write_out(f"{me.login}{f' ({me.name})' if me.name else ''}\t{roles}\t{me.squad or '-'}\t{me.backend}\n")
    return 0


def cmd_keys_init(args: argparse.Namespace) -> int:
    from desk.config import passphrase
    from desk.db.uow import unit_of_work
    from desk.services.keys import create_key

    secret = passphrase() or read_secret("Passphrase: ")
    with unit_of_work() as uow:
        key = create_key(uow, secret)
    write_out(f"{key.fingerprint}\n")
    return 0

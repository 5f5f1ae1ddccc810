"""Who is acting on a desktop: local accounts (scrypt), ``desk users``/``whoami``, the OS user in the audit log,
a clerk confined to his squad's cases, and the import/calendar permissions checked — refusals on record."""

from __future__ import annotations

import getpass
import io
import json

import pytest
from sqlalchemy import select

from desk.db.uow import unit_of_work
from desk.errors import UserError
from desk.models import AuditEntry, Credential
from desk.services import accounts, documents
from desk.services.accounts import DEMO_PASSWORD
from desk.services.cases import list_cases
from tests.conftest import SAMPLES, DeskEnv


def add(env: DeskEnv, monkeypatch: pytest.MonkeyPatch, *args: str,
        password: str = "a-long-password") -> tuple[int, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    result = env.run("users", "add", *args)
    return result.code, result.out + result.err


def entries(env: DeskEnv) -> list[tuple[str, str, dict[str, object]]]:
    with env.uow(write=False) as uow:
        return [(e.actor, e.action, e.detail) for e in uow.session.scalars(select(AuditEntry).order_by(AuditEntry.id))]


def test_passwords_are_salted_scrypt_and_compared_exactly() -> None:
    one, two = accounts.hash_password("s3cret-pass"), accounts.hash_password("s3cret-pass")
    assert one != two and one.startswith("scrypt$16384$8$1$")  # a fresh salt each time
    assert accounts.password_matches(one, "s3cret-pass") and accounts.password_matches(two, "s3cret-pass")
    assert not accounts.password_matches(one, "s3cret-pasS") and not accounts.password_matches(one, "")
    assert not accounts.password_matches("garbage", "s3cret-pass")


def test_users_add_list_and_whoami(desk_env: DeskEnv, monkeypatch: pytest.MonkeyPatch) -> None:
    if desk_env.backend != "sqlite":
        pytest.skip("on PostgreSQL users are database logins (test_identity_office)")
    assert add(desk_env, monkeypatch, "liming", "--role", "clerk", "--squad", "东湖街道中队", "--name", "李明") == (
        0, "liming\n")
    assert add(desk_env, monkeypatch, "qian", "--role", "archivist")[0] == 0
    listed = json.loads(desk_env.run("users", "list", "--json").out)
    assert listed == [{"login": "liming", "name": "李明", "roles": ["clerk"], "squad": "东湖街道中队"},
                      {"login": "qian", "name": "qian", "roles": ["archivist"], "squad": ""}]
    with desk_env.uow(write=False) as uow:
        stored = uow.session.get(Credential, "liming")
        assert stored is not None and accounts.password_matches(stored.password_hash, "a-long-password")
    me = json.loads(desk_env.run("whoami", "--json").out)
    assert me == {"login": getpass.getuser(), "name": "", "roles": None, "squad": None, "backend": "sqlite"}
    assert desk_env.run("whoami").out == f"{getpass.getuser()}\tconsole (all rights)\t-\tsqlite\n"
    # the console's acts carry the OS user's name, never "cli"
    assert {actor for actor, action, _ in entries(desk_env) if action == "user_added"} == {getpass.getuser()}


@pytest.mark.parametrize(("args", "password", "said"), [
    (("Li Ming", "--role", "clerk", "--squad", "x"), "a-long-password", "cannot be a login"),
    (("liming", "--role", "clerk"), "a-long-password", "give --squad for liming"),
    (("liming", "--role", "reviewer"), "short", "at least 8 characters"),
    (("liming", "--role", "mayor"), "a-long-password", "invalid choice"),
])
def test_users_add_refuses_bad_input_with_one_line(desk_env: DeskEnv, monkeypatch: pytest.MonkeyPatch,
                                                   args: tuple[str, ...], password: str, said: str) -> None:
    code, out = add(desk_env, monkeypatch, *args, password=password)
    assert code == 2 and said in out and "Traceback" not in out and len(out.strip().splitlines()) == 1


def test_a_login_is_taken_once(desk_env: DeskEnv, monkeypatch: pytest.MonkeyPatch) -> None:
    if desk_env.backend != "sqlite":
        pytest.skip("on PostgreSQL users are database logins (test_identity_office)")
    assert add(desk_env, monkeypatch, "qian", "--role", "archivist")[0] == 0
    assert add(desk_env, monkeypatch, "qian", "--role", "clerk", "--squad", "x") == (
        2, "The login “qian” exists already; choose another name.\n")


def test_sign_in_refuses_a_wrong_password_and_an_unknown_user_on_record(desk_env: DeskEnv) -> None:
    from desk.services.demo import make_demo

    with desk_env.uow() as uow:
        make_demo(uow, cases=1)
    assert accounts.authenticate("liuxy", DEMO_PASSWORD, desk_env.url).squad == "东湖街道中队"
    for login, password, why in (("liuxy", "wrong-password", "wrong_password"), ("nobody", "x", "unknown_user")):
        with pytest.raises(UserError) as refused:
            accounts.authenticate(login, password, desk_env.url)
        assert refused.value.render() == (f"Sign-in refused for “{login}”: unknown user or wrong password. "
                                          "Check both and try again.")
        assert entries(desk_env)[-1] == (login, "refused", {"reason": "sign_in_refused", "login": login, "why": why,
                                                            "desk_version": entries(desk_env)[-1][2]["desk_version"]})


def test_a_clerk_acts_on_his_squads_cases_only(desk_env: DeskEnv) -> None:
    from desk.services.demo import make_demo

    with desk_env.uow() as uow:
        make_demo(uow)
    clerk = {"actor": "liuxy", "roles": frozenset({"clerk"}), "squad": "东湖街道中队"}
    with unit_of_work(desk_env.url, write=False, **clerk) as uow:  # type: ignore[arg-type]
        rows = list_cases(uow)
    assert rows and {r.squad for r in rows} == {"东湖街道中队"}
    with desk_env.uow(write=False) as uow:
        other = next(r.id for r in list_cases(uow) if r.squad != "东湖街道中队" and r.status == "open")
    with pytest.raises(UserError) as refused, unit_of_work(desk_env.url, **clerk) as uow:  # type: ignore[arg-type]
        documents.draft(uow, other, "stop_order")
    assert refused.value.key == "case_other_squad"
    actor, action, detail = entries(desk_env)[-1]
    assert (actor, action, detail["reason"], detail["case"]) == ("liuxy", "refused", "case_other_squad", other)
    with unit_of_work(desk_env.url, **clerk) as uow:  # type: ignore[arg-type]
        own = next(r.id for r in list_cases(uow) if r.status == "open")
        assert documents.draft(uow, own, "stop_order").id


def test_import_and_calendar_are_checked(desk_env: DeskEnv, tmp_path: object) -> None:
    from pathlib import Path

    from desk.services.cases import import_case

    archivist = {"actor": "qian", "roles": frozenset({"archivist"})}
    with pytest.raises(UserError) as refused, unit_of_work(desk_env.url, **archivist) as uow:  # type: ignore[arg-type]
        import_case(uow, SAMPLES / "cases" / "general_clean.json")
    assert refused.value.render() == "Your role (archivist) may not import; ask a colleague who may."
    days = Path(str(tmp_path)) / "days.csv"
    days.write_text("date,working,note\n2026-12-31,false,x\n", encoding="utf-8")
    assert desk_env.run("calendar", "import", str(days)).code == 0  # the console operator may
    assert entries(desk_env)[-1][1] == "refused"

"""The office (PostgreSQL): real logins made by ``desk users add``, each proving with plain SQL what the database
refuses them — and through Desk that each role's refusals are the services' table (``access.PERMISSIONS``)."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from desk.services.access import PERMISSIONS
from tests.conftest import DeskEnv

SQUAD, OTHER_SQUAD = "东湖街道中队", "水果湖街道中队"
ROLES = ("clerk", "reviewer", "leader", "archivist")
REFUSED = psycopg.errors.InsufficientPrivilege


@dataclass
class Login:
    name: str
    role: str
    password: str
    env: DeskEnv

    @property
    def url(self) -> str:
        return make_url(self.env.url).set(username=self.name, password=self.password).render_as_string(
            hide_password=False)

    def sql(self) -> psycopg.Connection:
        """A plain psycopg connection as this login (what anyone with a SQL client could do)."""
        u = make_url(self.url)
        return psycopg.connect(host=u.host, port=u.port, dbname=u.database, user=u.username, password=u.password)

    def run(self, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str]:
        """A ``desk`` verb run by this person (DESK_DATABASE_URL is their login): (exit code, stdout + stderr)."""
        with monkeypatch.context() as m:
            m.setenv("DESK_DATABASE_URL", self.url)
            result = self.env.run(*args)
        return result.code, result.out + result.err


def add_user(env: DeskEnv, monkeypatch: pytest.MonkeyPatch, name: str, role: str, password: str, *extra: str) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    return env.run("users", "add", name, "--role", role, *extra).code


@pytest.fixture
def office(desk_env: DeskEnv, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Login]]:
    """The demo agency with four real logins (unique to this run; dropped afterwards: roles are cluster-wide)."""
    if desk_env.backend != "postgresql":
        pytest.skip("database logins are PostgreSQL's")
    assert desk_env.run("demo").code == 0
    tag = f"t{os.getpid()}_{Path(desk_env.url).name[-4:].replace('_', '')}"
    logins = {role: Login(f"{tag}_{role}", role, f"pw-{role}-{os.getpid()}", desk_env) for role in ROLES}
    try:
        for login in logins.values():
            squad = ("--squad", SQUAD) if login.role == "clerk" else ()
            assert add_user(desk_env, monkeypatch, login.name, login.role, login.password, *squad) == 0
        yield logins
    finally:
        from desk.db.engine import engine_for

        for login in logins.values():
            engine_for(login.url).dispose()
        with desk_env.uow() as uow:
            for login in logins.values():
                uow.session.execute(text(f'DROP ROLE IF EXISTS "{login.name}"'))


def case_of(env: DeskEnv, squad: str, status: str) -> int:
    with env.uow(write=False) as uow:
        return int(uow.session.scalar(text("SELECT min(id) FROM case_file WHERE squad = :s AND status = :t"),
                                      {"s": squad, "t": status}))


def test_a_clerk_neither_reads_nor_changes_another_squads_case(office: dict[str, Login], desk_env: DeskEnv) -> None:
    other, own = case_of(desk_env, OTHER_SQUAD, "open"), case_of(desk_env, SQUAD, "open")
    with office["clerk"].sql() as conn:
        squads = {row[0] for row in conn.execute("SELECT squad FROM case_file")}
        assert squads == {SQUAD}
        assert conn.execute("SELECT count(*) FROM document WHERE case_id = %s", (other,)).fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM party WHERE case_id = %s", (other,)).fetchone() == (0,)
        assert conn.execute("UPDATE case_file SET cause = 'x' WHERE id = %s", (other,)).rowcount == 0
        assert conn.execute("DELETE FROM event WHERE case_id = %s", (other,)).rowcount == 0
        assert conn.execute("UPDATE case_file SET cause = cause WHERE id = %s", (own,)).rowcount == 1  # his own
        with pytest.raises(REFUSED):  # nor can he move his case to another squad
            conn.execute("UPDATE case_file SET squad = %s WHERE id = %s", (OTHER_SQUAD, own))
        conn.rollback()
    with office["reviewer"].sql() as conn:  # reviewers (and leaders) see every squad
        assert len({row[0] for row in conn.execute("SELECT squad FROM case_file")}) == 4


def test_nobody_updates_or_deletes_an_audit_entry(office: dict[str, Login], desk_env: DeskEnv) -> None:
    for login in office.values():
        with login.sql() as conn:
            for statement in ("UPDATE audit_log SET actor = 'someone' WHERE id = 1", "DELETE FROM audit_log",
                              "TRUNCATE audit_log",
                              "INSERT INTO audit_log (at, actor, action, detail, prev_hash, hash) "
                              "SELECT now(), 'x', 'forged', '{}', hash, repeat('0', 64) FROM audit_log "
                              "ORDER BY id DESC LIMIT 1"):
                with pytest.raises(REFUSED):
                    conn.execute(statement)
                conn.rollback()
            with pytest.raises(REFUSED):  # the append function writes in the login's own name only
                conn.execute("SELECT desk_audit_append(now(), 'somebody_else', 'forged', NULL, NULL, '{}', "
                             "(SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), repeat('0', 64))")
    with desk_env.uow() as uow, pytest.raises(Exception, match="append-only"):  # not even the owner
        uow.session.execute(text("UPDATE audit_log SET actor = 'someone' WHERE id = 1"))


def test_nobody_changes_an_archived_case(office: dict[str, Login], desk_env: DeskEnv,
                                         monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    case = case_of(desk_env, OTHER_SQUAD, "closed")
    code, said = office["archivist"].run(monkeypatch, "archive", str(case), "-o", str(tmp_path / "p.zip"))
    assert code == 0, said
    for login in office.values():
        with login.sql() as conn:
            if login.role == "clerk":  # another squad's: he does not even see it
                assert conn.execute("UPDATE case_file SET cause = 'x' WHERE id = %s", (case,)).rowcount == 0
                continue
            for statement in ("UPDATE case_file SET cause = 'x' WHERE id = %s", "DELETE FROM case_file WHERE id = %s",
                              "UPDATE document SET fields = NULL WHERE case_id = %s",
                              "DELETE FROM party WHERE case_id = %s"):
                with pytest.raises(REFUSED):
                    conn.execute(statement, (case,))
                conn.rollback()
    with desk_env.uow() as uow, pytest.raises(Exception, match="archived and read-only"):  # nor the owner
        uow.session.execute(text("UPDATE case_file SET cause = 'x' WHERE id = :c"), {"c": case})


def test_a_reviewer_cannot_allocate_a_number(office: dict[str, Login]) -> None:
    with office["reviewer"].sql() as conn:
        for statement in ("SELECT desk_allocate_number(1, '罚', 2026)",
                          "UPDATE number_counter SET last_seq = last_seq + 1",
                          "INSERT INTO number_counter (agency_id, code, year, last_seq) VALUES (1, 'x', 2026, 1)"):
            with pytest.raises(REFUSED):
                conn.execute(statement)
            conn.rollback()
    with office["clerk"].sql() as conn:  # the issuing path: a clerk draws the next number, and only forward
        first = conn.execute("SELECT desk_allocate_number(1, '罚', 2026)").fetchone()
        assert conn.execute("SELECT desk_allocate_number(1, '罚', 2026)").fetchone() == (first[0] + 1,)  # type: ignore[index]
        with pytest.raises(REFUSED):
            conn.execute("UPDATE number_counter SET last_seq = 0")
        conn.rollback()


def test_whoami_tells_each_login_its_roles_and_squad(office: dict[str, Login], monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    for login in office.values():
        code, said = login.run(monkeypatch, "whoami", "--json")
        assert code == 0, said
        me = json.loads(said)
        assert (me["login"], me["roles"], me["backend"]) == (login.name, [login.role], "postgresql")
        assert me["squad"] == (SQUAD if login.role == "clerk" else "")


def test_every_roles_refusals_through_desk_match_the_services_table(
        office: dict[str, Login], desk_env: DeskEnv, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    own_open, own_closed = case_of(desk_env, SQUAD, "open"), case_of(desk_env, SQUAD, "closed")
    assert desk_env.run("draft", str(own_open), "stop_order").code == 0  # a draft for each to try issuing
    calendar_file = tmp_path / "days.csv"
    calendar_file.write_text("date,working,note\n2026-12-31,false,test\n", encoding="utf-8")
    for login in office.values():
        with desk_env.uow(write=False) as uow:
            draft = uow.session.scalar(text("SELECT max(id) FROM document WHERE status = 'draft'"))
        tries = {
            "draft": ("draft", str(own_open), "stop_order"),
            "issue": ("issue", str(draft)),
            "archive": ("archive", str(own_closed), "-o", str(tmp_path / f"{login.role}.zip")),
            "calendar": ("calendar", "import", str(calendar_file)),
        }
        for action, args in tries.items():
            code, said = login.run(monkeypatch, *args)
            refused = "may not" in said or "The database refused" in said
            assert refused == (login.role not in PERMISSIONS[action]), (login.role, action, code, said)
            if refused:
                assert code == 2 and "Traceback" not in said
        code, said = login.run(monkeypatch, "users", "add", f"{login.name}_x", "--role", "clerk", "--squad", SQUAD)
        assert (code, "may not" in said) == (2, True)  # only an administrator adds users
    with desk_env.uow(write=False) as uow:  # each refusal is on record, in the refused login's name
        refusals = set(uow.session.execute(text(
            "SELECT actor, detail->>'action' FROM audit_log WHERE action = 'refused'")).all())
    expected = {(login.name, action) for login in office.values() for action in ("draft", "issue", "archive",
                                                                                    "calendar", "users")
                if login.role not in PERMISSIONS[action]}
    assert expected <= refusals


def test_an_unknown_login_is_refused_cleanly(office: dict[str, Login], monkeypatch: pytest.MonkeyPatch) -> None:
    """(The test cluster trusts every local connection, so the server's own password check — scram-sha-256 in
    pg_hba.conf of an office — cannot be shown here; an unknown login it refuses all the same.)"""
    from desk.errors import UserError
    from desk.services.logins import connect_as

    for name in (f"nobody_{os.getpid()}", "Robert'); DROP TABLE case_file;--"):
        with pytest.raises(UserError) as refused:
            connect_as(office["clerk"].env.url, name, "x")
        assert refused.value.key in ("sign_in_refused", "login_invalid")
    code, said = office["clerk"].run(monkeypatch, "whoami")
    assert code == 0 and said.startswith(office["clerk"].name)
    with monkeypatch.context() as m:
        m.setenv("DESK_DATABASE_URL", make_url(office["clerk"].url).set(username=f"nobody_{os.getpid()}")
                 .render_as_string(hide_password=False))
        result = office["clerk"].env.run("whoami")
    assert result.code != 0 and "Traceback" not in result.err and "Cannot open the database" in result.err
    _url, me = connect_as(office["clerk"].env.url, office["clerk"].name, office["clerk"].password)
    assert me.roles == ("clerk",) and me.squad == SQUAD

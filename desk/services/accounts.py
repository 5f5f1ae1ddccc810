"""Local accounts: who may sign in to the window, with a password (scrypt, salted; compared in constant time).

On SQLite the desktop's accounts protect the window (the database file is the OS user's); on PostgreSQL each
person signs in with their own database login (``desk.services.logins``) and these rows are not used.
The first start asks for the administrator's password (``create_admin``).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from datetime import UTC, datetime

from sqlalchemy import func, select

from desk.db.uow import UnitOfWork, record_refusal, unit_of_work
from desk.errors import UserError
from desk.models import Agency, Credential, Officer
from desk.services import access, audit
from desk.services.directory import OfficerRow, officers

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
MIN_PASSWORD = 8
DEMO_PASSWORD = "desk-demo"  # every demo officer's password (README); never for real accounts
_LOGIN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")


def hash_password(password: str) -> str:
    """``scrypt$N$r$p$salt$key`` (base64), salted afresh each time."""
    salt = secrets.token_bytes(16)
    key = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32)
    b64 = base64.b64encode
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${b64(salt).decode()}${b64(key).decode()}"


def password_matches(stored: str, password: str) -> bool:
    try:
        scheme, n, r, p, salt, key = stored.split("$")
        expected = base64.b64decode(key)
        got = hashlib.scrypt(password.encode("utf-8"), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p),
                             dklen=len(expected))
    except (ValueError, TypeError):
        return False
    return scheme == "scrypt" and hmac.compare_digest(got, expected)


def check_login(login: str) -> str:
    """A login: lower-case letters, digits and ``_``, starting with a letter (also a PostgreSQL role name)."""
    if not (1 <= len(login) <= 60 and login[0].isalpha() and set(login) <= _LOGIN_CHARS):
        raise UserError("login_invalid", login=login)
    return login


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise UserError("password_too_short", minimum=MIN_PASSWORD)
    return password


def has_accounts(uow: UnitOfWork) -> bool:
    """Whether anyone can sign in with a password yet (if not, the window's first start asks for the admin's)."""
    return bool(uow.session.scalar(select(func.count()).select_from(Credential)))


def set_password(uow: UnitOfWork, login: str, password: str) -> None:
    found = uow.session.get(Credential, login)
    stored = hash_password(check_password(password))
    if found is None:
        uow.session.add(Credential(login=login, password_hash=stored, changed_at=datetime.now(UTC)))
    else:
        found.password_hash, found.changed_at = stored, datetime.now(UTC)
    uow.session.flush()


def _agency(uow: UnitOfWork) -> Agency:
    """The agency new users belong to: the first one (a fresh database gets a placeholder, renamed in settings)."""
    agency = uow.session.scalars(select(Agency).order_by(Agency.id).limit(1)).first()
    if agency is None:
        agency = Agency(name="", code="", squads=[], settings={})
        uow.session.add(agency)
        uow.session.flush()
    return agency


def add_officer(uow: UnitOfWork, login: str, *, roles: tuple[str, ...], name: str = "", squad: str = "",
                password: str | None = None) -> OfficerRow:
    """A new user (an officer with a login and roles); with ``password``, a local account too."""
    access.require(uow, "users")
    check_login(login)
    unknown = [r for r in roles if r not in access.ROLES]
    if unknown or not roles:
        raise UserError("bad_enum", value=",".join(unknown) or "-", choices=", ".join(access.ROLES))
    if roles == ("clerk",) and not squad:
        raise UserError("clerk_needs_squad", login=login)
    if uow.session.scalar(select(Officer.id).where(Officer.login == login)) is not None:
        raise UserError("login_taken", login=login)
    officer = Officer(agency=_agency(uow), name=name or login, squad=squad, login=login, roles=list(roles))
    uow.session.add(officer)
    if password is not None:
        set_password(uow, login, password)
    uow.session.flush()
    audit.record(uow, "user_added", login=login, roles=list(roles), squad=squad)
    return next(o for o in officers(uow) if o.login == login)


def create_admin(uow: UnitOfWork, login: str, password: str, *, name: str = "") -> OfficerRow:
    """The first start: the administrator's account (refused once any account exists)."""
    if has_accounts(uow):
        raise UserError("admin_exists")
    return add_officer(uow, login, roles=("admin",), name=name, password=password)


def demo_passwords(uow: UnitOfWork) -> int:
    """The demo's hook: every officer with a login and no password gets ``DEMO_PASSWORD``; the count."""
    have = set(uow.session.scalars(select(Credential.login)))
    logins = [o.login for o in officers(uow) if o.login and o.login not in have]
    for login in logins:
        set_password(uow, login, DEMO_PASSWORD)
    return len(logins)


def authenticate(login: str, password: str, url: str | None = None) -> OfficerRow:
    """The user signing in as ``login`` with ``password``; a refusal (unknown user or wrong password, told apart
    only in the audit log) is recorded there and raised as ``sign_in_refused``."""
    with unit_of_work(url, write=False, actor=login) as uow:
        found = next((o for o in officers(uow) if o.login == login), None)
        stored = uow.session.get(Credential, login)
        ok = stored is not None and password_matches(stored.password_hash, password)
        if found is not None and ok:
            return found
        reason = "unknown_user" if found is None else "no_password" if stored is None else "wrong_password"
        record_refusal(uow, "sign_in_refused", login=login, why=reason)
    raise UserError("sign_in_refused", login=login)

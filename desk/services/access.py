"""Who may do what. The window disables what a role may not do; the services refuse it too (and on PostgreSQL
the database's grants, row-level security and triggers enforce it once more: ``desk.db.pg_security``).

A unit of work opened for a signed-in user carries that user's roles (and a clerk's squad); one opened by the
command line or a system task carries ``roles=None`` (the operator at the console is trusted). Every refusal
is kept in the audit log (``refused``), in a transaction of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desk.db.uow import UnitOfWork, record_refusal
from desk.errors import UserError

if TYPE_CHECKING:
    from desk.models import Case

ROLES = ("clerk", "reviewer", "leader", "archivist", "admin")
PERMISSIONS: dict[str, frozenset[str]] = {
    "draft": frozenset({"clerk", "reviewer"}),
    "edit": frozenset({"clerk", "reviewer"}),
    "issue": frozenset({"clerk", "leader"}),
    "void": frozenset({"clerk", "leader"}),
    "serve": frozenset({"clerk"}),
    "import": frozenset({"clerk", "reviewer"}),
    "dossier": frozenset({"clerk", "reviewer", "archivist"}),
    "archive": frozenset({"archivist"}),
    "calendar": frozenset({"admin"}),
    "forms": frozenset({"clerk", "leader"}),
    "sign_off": frozenset({"leader"}),
    "discretion": frozenset({"admin"}),
    "settings": frozenset({"admin"}),
    "users": frozenset({"admin"}),
}
# roles that act on every squad's cases; a user with none of them (a clerk) acts on his own squad's only
ALL_SQUADS = frozenset({"reviewer", "leader", "archivist", "admin"})


def allowed(roles: frozenset[str] | None, action: str) -> bool:
    if roles is None or "admin" in roles:
        return True
    return bool(roles & PERMISSIONS[action])


def require(uow: UnitOfWork, action: str) -> None:
    """Refuse ``action`` (a user error: nothing changes) when the unit of work's user may not do it."""
    if not allowed(uow.roles, action):
        roles = sorted(uow.roles or ())
        uow.after_rollback.append(lambda: record_refusal(uow, "not_permitted", action=action, roles=roles))
        raise UserError("not_permitted", action=action, roles=", ".join(roles) or "-")


def squad_only(uow: UnitOfWork) -> str | None:
    """The squad a signed-in clerk is confined to (None: every squad)."""
    if uow.roles is None or uow.roles & ALL_SQUADS:
        return None
    return uow.squad or ""


def require_case(uow: UnitOfWork, case: Case) -> None:
    """Refuse another squad's case to a clerk (on PostgreSQL row-level security does not even show it)."""
    squad = squad_only(uow)
    if squad is not None and case.squad != squad:
        # read now: the rollback expires the case, and reading it then would open a transaction again
        case_id, its_squad, ref = case.id, case.squad, case.number or case.id
        uow.after_rollback.append(lambda: record_refusal(uow, "case_other_squad", case=case_id, squad=its_squad))
        raise UserError("case_other_squad", ref=ref, squad=its_squad or "-")

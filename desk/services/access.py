"""Who may do what. The window disables what a role may not do; the services refuse it too.

A unit of work opened for a signed-in user carries that user's roles; one opened by the command
line or a system task carries ``roles=None`` (the operator at the console is trusted).
"""

from __future__ import annotations

from desk.db.uow import UnitOfWork
from desk.errors import UserError

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
}


def allowed(roles: frozenset[str] | None, action: str) -> bool:
    if roles is None or "admin" in roles:
        return True
    return bool(roles & PERMISSIONS[action])


def require(uow: UnitOfWork, action: str) -> None:
    """Refuse ``action`` (a user error: nothing changes) when the unit of work's user may not do it."""
    if not allowed(uow.roles, action):
        raise UserError("not_permitted", action=action, roles=sorted(uow.roles or ()))

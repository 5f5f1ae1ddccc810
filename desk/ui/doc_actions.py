"""Why a document action is disabled, said in its tooltip (the services refuse the same)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desk.ui.text import DOCUMENT_STATUSES, _, word

if TYPE_CHECKING:
    from desk.casefile.facts import Document

NEEDS_DRAFT = ("edit", "issue")
NEEDS_ISSUED = ("void", "serve", "scan")


def why_disabled(action: str, one: Document | None, *, writable: bool, allowed: bool, selected: int) -> str:
    """The reason ``action`` cannot be done now, in the user's language."""
    if action in ("draft", *NEEDS_DRAFT, *NEEDS_ISSUED) and not writable:
        return _("The case is archived or not loaded: it cannot change.")
    if not allowed:
        return _("Your role may not do this.")
    if action == "draft":
        return ""
    if action == "print" and not selected:
        return _("Select the documents to print first.")
    if one is None:
        return _("Select one document first.")
    if action in NEEDS_DRAFT:
        status = word(DOCUMENT_STATUSES, one.status)
        return _("Only a draft can be changed or issued; this one is {status}.").format(status=status)
    if action == "serve" and one.served_on:
        return _("Its service is already recorded (record it again with “desk serve --correct”).")
    if action == "serve" and one.status == "issued":
        return _("This kind of document is not served.")
    if action in NEEDS_ISSUED:
        return _("Only an issued document can be voided, served or get a signed scan.")
    return ""

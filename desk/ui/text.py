"""Every word the window shows: gettext with English msgids, and the wording of the case format's codes.

``_`` translates now; ``N_`` only marks a msgid for the catalogs (tables below are translated when shown).
"""

from __future__ import annotations

from desk import config
from desk.i18n import gettext


def _(message: str) -> str:
    return gettext(message)


def N_(message: str) -> str:
    return message


CASE_STATUSES = {"open": N_("Open"), "closed": N_("Closed"), "archived": N_("Archived")}
DOCUMENT_STATUSES = {"draft": N_("Draft"), "issued": N_("Issued"), "void": N_("Void")}
PROCEDURES = {"summary": N_("Summary"), "general": N_("General")}
SEVERITIES = {"blocker": N_("Blockers"), "major": N_("Major defects"), "minor": N_("Minor defects")}
ROLES = {
    "clerk": N_("Clerk"),
    "reviewer": N_("Legal reviewer"),
    "leader": N_("Leader"),
    "archivist": N_("Archivist"),
    "admin": N_("Administrator"),
}
SERVICE_METHODS = {
    "direct": N_("Handed to the party"),
    "left": N_("Left at the address"),
    "post": N_("By post"),
    "electronic": N_("Electronic"),
    "entrusted": N_("Entrusted"),
    "notice": N_("Public notice"),
}
RETENTIONS = {"permanent": N_("Permanent"), "30y": N_("30 years"), "10y": N_("10 years")}
LANGUAGES = {"zh_CN": "简体中文", "zh_TW": "繁體中文", "en": "English"}
EVENTS = {
    "discovered": N_("Discovered"),
    "filed": N_("Filed"),
    "inspected": N_("Inspected on site"),
    "inquired": N_("Inquiry"),
    "evidence_preserved": N_("Evidence preserved"),
    "evidence_handled": N_("Preserved evidence handled"),
    "rectification_checked": N_("Rectification checked"),
    "notified": N_("Prior notice"),
    "statement": N_("Statement and defence"),
    "statement_waived": N_("Statement waived"),
    "hearing_requested": N_("Hearing requested"),
    "hearing_waived": N_("Hearing waived"),
    "hearing_notified": N_("Hearing notified"),
    "hearing_held": N_("Hearing held"),
    "investigation_concluded": N_("Investigation concluded"),
    "legal_review": N_("Legal review"),
    "collective_discussion": N_("Collective discussion"),
    "decided": N_("Decided"),
    "extension_approved": N_("Extension approved"),
    "paid": N_("Paid"),
    "installment_approved": N_("Instalments approved"),
    "reminded": N_("Reminded"),
    "enforcement_applied": N_("Court enforcement applied for"),
    "transferred": N_("Transferred"),
    "transfer_receipt": N_("Transfer received"),
    "published": N_("Published"),
    "withdrawn": N_("Withdrawn"),
    "reconsideration": N_("Reconsideration"),
    "litigation": N_("Litigation"),
    "closed": N_("Closed"),
}


def word(table: dict[str, str], code: str | None) -> str:
    """The translated wording of ``code`` in ``table`` (the code itself when the table lacks it)."""
    if not code:
        return ""
    return _(table[code]) if code in table else code


def kind_title(kind_id: str) -> str:
    """A document kind's title in the user's language."""
    from desk.procedure.messages import KindName, render

    return render("{title}", {"title": KindName(kind_id)}, config.language())


def document_name(reference: str) -> str:
    """A document as findings and deadlines name it (``Document.reference``): its number, else its kind's title
    in the user's language (the printed title stays the agency's)."""
    from desk.catalogue import catalogue

    return kind_title(reference) if reference in catalogue() else reference


def titles_in_ui_script(text: str) -> str:
    """A printed title naming document kinds (the dossier's index: 行政处罚决定书送达回证) with each kind's title
    in the zh_TW window's script; as printed in zh_CN and English (where the index stays the agency's)."""
    if config.language() != "zh_TW":
        return text
    from desk.catalogue import catalogue

    for kind_id in sorted(catalogue(), key=lambda k: -len(catalogue()[k].title)):
        text = text.replace(catalogue()[kind_id].title, kind_title(kind_id))
    return text


def choice_text(code: str) -> str:
    """A manifest choice as the user reads it: the printed wording in Chinese (in Taiwan's script in zh_TW),
    the code in English."""
    if config.language() == "en":
        return code.replace("_", " ")
    from desk.render.labels import label

    return gettext(label(code))


def field_label(label: str, label_en: str) -> str:
    """A manifest field's label in the user's language: zh_TW looks the Chinese label itself up (the catalog
    holds every printed wording, tools/po_zh_tw.py), English uses the manifest's own."""
    return label_en if config.language() == "en" else gettext(label)

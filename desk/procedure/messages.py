"""The wording of findings: English templates (the gettext msgids) filled with values in one language.

A template's values may be plain (text, numbers, dates) or need wording of their own: a ``Term`` is an
English phrase translated like the template; a ``KindName`` prints a document kind's title; a
``OneOf`` prints alternative kinds ("询问笔录或现场检查（勘验）笔录"). Lists print joined in the
language's way.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from desk.catalogue import catalogue
from desk.i18n import gettext

PENALTY_KIND_TERMS: dict[str, str] = {
    "warning": "warning",
    "circulated_criticism": "circulated criticism",
    "fine": "fine",
    "confiscate_gains": "confiscation of illegal gains",
    "confiscate_property": "confiscation of illegal property",
    "suspend_permit": "suspension of a permit",
    "lower_qualification": "lowering of a qualification",
    "revoke_permit": "revocation of a permit",
    "restrict_business": "restriction of business",
    "suspend_business": "suspension of production or business",
    "order_closure": "closure",
    "restrict_practice": "restriction of practice",
}
SERVICE_TERMS: dict[str, str] = {
    "direct": "direct service",
    "left": "service by leaving at the address",
    "post": "service by post",
    "electronic": "electronic service",
    "entrusted": "entrusted service",
    "notice": "service by public notice",
}


@dataclass(frozen=True)
class Term:
    """An English phrase printed in the reader's language."""

    en: str


@dataclass(frozen=True)
class KindName:
    """A document kind, printed by its title."""

    kind: str


@dataclass(frozen=True)
class OneOf:
    """Alternative document kinds, any one of which would do."""

    kinds: tuple[str, ...]


def penalty_kinds(kinds: Iterable[str]) -> tuple[Term, ...]:
    return tuple(Term(PENALTY_KIND_TERMS.get(k, k)) for k in kinds)


def kind_names(kinds: Iterable[str]) -> tuple[KindName, ...]:
    return tuple(KindName(k) for k in kinds)


def render(template: str, params: Mapping[str, object], lang: str) -> str:
    """``template`` translated into ``lang`` and filled with ``params`` worded in ``lang``."""
    return gettext(template, lang).format(**{k: _word(v, lang) for k, v in params.items()})


def _word(value: object, lang: str) -> str:
    if isinstance(value, Term):
        return gettext(value.en, lang)
    if isinstance(value, KindName):
        return _title(value.kind, lang)
    if isinstance(value, OneOf):
        return gettext(" or ", lang).join(_title(k, lang) for k in value.kinds)
    if isinstance(value, tuple | list):
        return ("、" if lang.startswith("zh") else ", ").join(_word(v, lang) for v in value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


def _title(kind_id: str, lang: str) -> str:
    known = catalogue().get(kind_id)
    if known is None:
        return kind_id
    if lang == "en":
        return known.title_en
    translated = gettext(known.title_en, lang)
    return translated if lang != "zh_CN" and translated != known.title_en else known.title

"""The render context: a document's field values formatted for print, plus what every form shows.

Besides one entry per field, the context holds ``agency_name``, ``number``, ``issued_on``,
``case_number`` and ``title``; a money field ``x`` also gives ``x_capitals`` (人民币伍仟元整), a
list or provisions field ``x_items`` (one text per item), an officers field ``x_certificates``, an
int field ``x_cn`` (三);
a kind with party fields gets ``party_block`` (the lines of the party's particulars) and
``party_identity`` (its credit code or ID document and number), and a kind
with ``penalty_kinds`` gets ``penalty_text``. Every value is a string, a bool or a tuple of
strings, so the context can cross threads and be stored as it is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from functools import cache

from desk.casefile.facts import Agency, Case, CaseFile, Officer
from desk.catalogue import Field, Kind, kind
from desk.errors import ValidationError
from desk.i18n import chinese_numeral, format_date, format_money, rmb_capitals
from desk.render.fields import read_fields
from desk.render.labels import label
from desk.render.wording import party_identity, party_lines, penalty_text

BLANK_DATE = "　　年　　月　　日"
_ILLEGAL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")
_PARTY_FIELDS = (
    "party_kind",
    "party_id_type",
    "party_id_number",
    "party_uscc",
    "party_representative",
    "party_address",
)


def clean(text: str) -> str:
    """Text safe in a DOCX run: no characters XML forbids; line ends as ``\\n`` (a line break)."""
    return _ILLEGAL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _moment(value: object) -> str:
    if isinstance(value, datetime):
        return f"{format_date(value.date())}{value.hour}时{value.minute:02d}分"
    if isinstance(value, date):
        return format_date(value)
    return f"{BLANK_DATE}　　时　　分"


def _printed(field: Field, value: object) -> dict[str, object]:
    name = field.name
    if field.type == "date":
        return {name: format_date(value) if isinstance(value, date) else BLANK_DATE}
    if field.type == "datetime":
        return {name: _moment(value)}
    if field.type == "money":
        amount = value if isinstance(value, Decimal) else None
        return {name: format_money(amount), f"{name}_capitals": rmb_capitals(amount) if amount is not None else ""}
    if field.type == "int":
        return {
            name: str(value) if value is not None else "",
            f"{name}_cn": chinese_numeral(int(str(value))) if value is not None else "",
        }
    if field.type == "bool":
        return {name: bool(value)}
    if field.type in ("list", "provisions"):
        items = tuple(clean(label(str(v))) for v in value) if isinstance(value, tuple) else ()
        return {name: "、".join(items), f"{name}_items": items}
    if field.type == "officers":
        officers = [o for o in value if isinstance(o, Officer)] if isinstance(value, tuple) else []
        return {
            name: clean("、".join(o.name for o in officers)),
            f"{name}_certificates": clean("、".join(o.certificate for o in officers if o.certificate)),
        }
    if name == "cause" and isinstance(value, str):  # templates say 涉嫌{{ cause }}: never 涉嫌涉嫌
        return {name: clean(value.removeprefix("涉嫌"))}
    if field.type == "choice":
        return {name: clean(label(str(value))) if value is not None else ""}
    return {name: clean(str(value)) if value is not None else ""}


def _text(values: Mapping[str, object], name: str) -> str:
    value = values.get(name)
    return clean(str(value)) if value is not None else ""


def _derived(k: Kind, values: Mapping[str, object]) -> dict[str, object]:
    names = {f.name for f in k.fields}
    out: dict[str, object] = {}
    if "party_name" in names and names & set(_PARTY_FIELDS):
        kind_ = _text(values, "party_kind") or "person"
        ids = {k: _text(values, f"party_{k}") for k in ("id_type", "id_number", "uscc")}
        out["party_block"] = party_lines(
            kind_,
            _text(values, "party_name"),
            representative=_text(values, "party_representative"),
            address=_text(values, "party_address"),
            **ids,
        )
        out["party_identity"] = "；".join(party_identity(kind_, **ids))
    if "penalty_kinds" in names:
        kinds = values.get("penalty_kinds")
        fine, confiscated = values.get("fine"), values.get("confiscated")
        out["penalty_text"] = penalty_text(
            kinds if isinstance(kinds, tuple) else (),
            fine if isinstance(fine, Decimal) else None,
            confiscated if isinstance(confiscated, Decimal) else None,
            _text(values, "confiscated_property"),
            _text(values, "penalty_other"),
        )
    return out


def build_context(
    kind_: Kind | str,
    cf: CaseFile,
    values: Mapping[str, object],
    number: str | None,
    issued_on: date | None,
) -> dict[str, object]:
    """The render context of one document; raises ``ValidationError`` when a value is invalid.

    Missing fields print blank (a draft may be rendered before it is complete); ``number`` is the
    document's own number (``None`` before issue), ``issued_on`` its date.
    """
    k = kind(kind_) if isinstance(kind_, str) else kind_
    typed, problems = read_fields(k, values)
    if problems:
        raise ValidationError(problems)
    context: dict[str, object] = {
        "agency_name": clean(cf.agency.name),
        "number": clean(number or ""),
        "issued_on": format_date(issued_on) or BLANK_DATE,
        "case_number": clean(cf.case.number or ""),
        "title": k.title,
        "draft_mark": "" if issued_on else "草　稿",  # a draft says so on every page, and has no number
        "pages_total": "　　",  # counted when the document is rendered (desk/services/documents.py)
    }
    for field in k.fields:
        context.update(_printed(field, typed[field.name]))
    context.update(_derived(k, typed))
    return context


_EMPTY_CASE = CaseFile(
    agency=Agency(name="", code=""), case=Case(number=None, cause="", procedure="general", outcome="pending")
)


@cache
def context_names(kind_id: str) -> frozenset[str]:
    """Every name a template of this kind may use: its fields and what ``build_context`` adds."""
    return frozenset(build_context(kind_id, _EMPTY_CASE, {}, None, None))

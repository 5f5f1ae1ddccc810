"""Checks of a document's field values beyond their types, shared by the services (``desk edit --set``,
saving a draft) and the editor's inline validation: ID numbers and credit codes by their check digits, and
dates in order (a 改正期限 after the issue date, an end after its start). Each problem names the field by its
label."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from desk.casefile.identifiers import valid_id_number, valid_uscc
from desk.catalogue import Field, Kind
from desk.errors import Problem

RESIDENT_ID_TYPES = ("", "居民身份证", "身份证")  # an ID number of another document (passport …) is not checked
AFTER_ISSUE = ("deadline",)  # dates that must fall after the document's issue date
IN_ORDER = (("started_at", "ended_at"),)  # (earlier, later) pairs within one document


def _day(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def check_values(kind: Kind, values: Mapping[str, object], issued_on: date | None = None) -> list[Problem]:
    """The problems of ``values`` a type check does not see. Dates that must follow the issue date are checked
    when ``issued_on`` is given (the issue date; the editor gives today's for a draft)."""
    fields = {f.name: f for f in kind.fields}
    problems: list[Problem] = []

    def fail(field: Field, key: str, **params: object) -> None:
        problems.append(Problem(field.name, key, label=field.label, **params))

    for name, field in fields.items():
        text = str(values.get(name) or "").strip()
        if not text:
            continue
        if name.endswith("id_number"):
            id_type = str(values.get(name.replace("id_number", "id_type")) or "").strip()
            if id_type in RESIDENT_ID_TYPES and not valid_id_number(text):
                fail(field, "field_id_number", value=text)
        elif name.endswith("uscc") and not valid_uscc(text):
            fail(field, "field_uscc", value=text)
    for name in AFTER_ISSUE if issued_on else ():
        day = _day(values.get(name))
        if name in fields and day is not None and issued_on and day <= issued_on:
            fail(fields[name], "field_after_issue", value=day.isoformat(), date=issued_on.isoformat())
    for first, second in IN_ORDER:
        start, end = _day(values.get(first)), _day(values.get(second))
        if first in fields and second in fields and start and end and str(values[second]) < str(values[first]):
            fail(fields[second], "field_before", value=str(values[second]), other=fields[first].label)
    return problems

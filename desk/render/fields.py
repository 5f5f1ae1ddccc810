"""Field values: read (from JSON, the command line or the UI) into typed values, and back.

A value may arrive as JSON (``"2026-03-24"``, ``5000``, a list), as a command-line string, or as
a typed Python value from ``default_fields``. ``typed`` turns any of them into the one Python
type of the field's manifest type; ``plain`` turns that back into JSON. Invalid values raise a
``Problem`` naming the field.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from desk.casefile import limits
from desk.casefile.facts import Officer
from desk.catalogue import Field, Kind
from desk.errors import FieldProblem, Problem, Term

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]([01]\d|2[0-3]):[0-5]\d\Z")
_ITEM_SEPARATORS = re.compile(r"[\n；;]")
_OFFICER_SEPARATORS = re.compile(r"[\n；;,，、]")
_TRUE = {"true", "1", "yes", "是"}
_FALSE = {"false", "0", "no", "否"}
EXPECTED = {
    "date": "a date (YYYY-MM-DD)",
    "datetime": "a date and time (YYYY-MM-DDTHH:MM)",
    "money": "an amount in yuan",
    "int": "a whole number",
    "bool": "true or false",
    "officers": "officers as name:certificate, separated by commas",
}


def _fail(field: Field, key: str, **params: object) -> Problem:
    """A problem of ``field``: ``where`` is its name (the editor's key), the message names its label."""
    return FieldProblem(field.name, key.replace("field_", "label_", 1), label=field.label, label_en=field.label_en,
                        **params)


def _bad_type(field: Field, value: object) -> Problem:
    return _fail(field, "field_type", expected=Term(EXPECTED.get(field.type, "text")), value=str(value)[:100])


def _within(field: Field, failure: limits.Failure) -> None:
    """The input boundary's limits (desk.casefile.limits), named by the field's label."""
    if failure is not None:
        key, params = failure
        raise Problem(field.name, key, **params)


def _is_empty(value: object) -> bool:
    return value is None or value == "" or (isinstance(value, list | tuple) and not value)


def _text(field: Field, value: object) -> str:
    if not isinstance(value, str):
        raise _bad_type(field, value)
    if field.max_length is not None and len(value) > field.max_length:
        raise _fail(field, "field_too_long", length=len(value), max_length=field.max_length)
    _within(field, limits.text_error(value))
    if field.type == "choice" and field.choices and value not in field.choices:
        raise _fail(field, "field_choice", value=value, choices=field.choices)
    return value


def _date(field: Field, value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _DATE.match(value):
        try:
            day = date.fromisoformat(value)
        except ValueError:
            raise _bad_type(field, value) from None
        _within(field, limits.date_error(day, past=False))
        return day
    raise _bad_type(field, value)


def _datetime(field: Field, value: object) -> date | datetime:
    """A moment; a bare date is allowed where the time is not known (it prints as a blank)."""
    if isinstance(value, datetime):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, str) and _DATETIME.match(value):
        try:
            moment = datetime.fromisoformat(value.replace(" ", "T"))
        except ValueError:
            raise _bad_type(field, value) from None
        _within(field, limits.date_error(moment.date(), past=False))
        return moment
    return _date(field, value)


def _number(field: Field, value: object) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
        raise _bad_type(field, value)
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        raise _bad_type(field, value) from None
    if not number.is_finite() or (field.type == "int" and number != number.to_integral_value()):
        raise _bad_type(field, value)
    if field.minimum is not None and number < Decimal(str(field.minimum)):
        raise _fail(field, "field_minimum", minimum=field.minimum, value=value)
    _within(field, limits.count_error(int(number)) if field.type == "int" else limits.amount_error(number))
    return number


def _bool(field: Field, value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    raise _bad_type(field, value)


def _items(field: Field, value: object) -> tuple[str, ...]:
    raw = _ITEM_SEPARATORS.split(value) if isinstance(value, str) else value
    if not isinstance(raw, list | tuple) or not all(isinstance(v, str) for v in raw):
        raise _fail(field, "field_type", expected=Term("a list of texts"), value=str(value)[:100])
    items = tuple(v.strip() for v in raw if v.strip())
    for item in items:
        _within(field, limits.text_error(item, limits.LIST_ITEM_TEXT))
    for item in items:
        if field.choices and item not in field.choices:
            raise _fail(field, "field_choice", value=item, choices=field.choices)
    return items


def _officer(field: Field, value: object) -> Officer:
    if isinstance(value, Officer):
        return value
    if isinstance(value, Mapping) and isinstance(value.get("name"), str):
        return Officer(name=value["name"], certificate=str(value.get("certificate") or ""))
    if isinstance(value, str) and value.strip():
        name, _, certificate = value.replace("：", ":").partition(":")
        return Officer(name=name.strip(), certificate=certificate.strip())
    raise _bad_type(field, value)


def _officers(field: Field, value: object) -> tuple[Officer, ...]:
    raw = [v for v in _OFFICER_SEPARATORS.split(value) if v.strip()] if isinstance(value, str) else value
    if not isinstance(raw, list | tuple):
        raise _bad_type(field, value)
    officers = tuple(_officer(field, v) for v in raw)
    for o in officers:
        _within(field, limits.text_error(o.name, limits.OFFICER["name"]))
        _within(field, limits.text_error(o.certificate, limits.OFFICER["certificate"]))
    return officers


def _int(field: Field, value: object) -> int:
    return int(_number(field, value))


_READERS: dict[str, Callable[[Field, object], object]] = {
    "date": _date,
    "datetime": _datetime,
    "money": _number,
    "int": _int,
    "bool": _bool,
    "list": _items,
    "provisions": _items,
    "officers": _officers,
}


def typed(field: Field, value: object) -> object:
    """The field's value as its Python type, ``None`` when empty; raises ``Problem`` when invalid."""
    if _is_empty(value):
        return None
    result = _READERS.get(field.type, _text)(field, value)
    return None if _is_empty(result) else result


def plain(value: object) -> object:
    """A typed value as JSON (what ``documents[].fields`` stores)."""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, Officer):
        return {"name": value.name, "certificate": value.certificate}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def read_fields(kind: Kind, values: Mapping[str, object]) -> tuple[dict[str, object], list[Problem]]:
    """Every declared field typed (missing → ``None``), and the problems found on the way."""
    declared = {f.name for f in kind.fields}
    problems = [Problem(name, "field_unknown", field=name, kind=kind.id) for name in values if name not in declared]
    out: dict[str, object] = {}
    for field in kind.fields:
        try:
            out[field.name] = typed(field, values.get(field.name))
        except Problem as problem:
            problems.append(problem)
            out[field.name] = None
    return out, problems


def required(field: Field) -> Problem:
    """The problem of a required field left empty."""
    return _fail(field, "label_required")


def validate_fields(kind: Kind, values: Mapping[str, object]) -> list[Problem]:
    """Every problem of ``values`` against the kind's manifest, each naming its field."""
    out, problems = read_fields(kind, values)
    failed = {p.where for p in problems}
    problems += [
        required(f) for f in kind.fields if f.required and out[f.name] is None and f.name not in failed
    ]
    return problems

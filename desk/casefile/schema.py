"""Reading ``desk-case/1``: validate a parsed JSON object completely, then build a ``CaseFile``.

Validation collects every problem (with its JSON path) before refusing, so one run of
``desk import`` tells the user all that is wrong. Checks against the database (numbers already
used) are the import service's; this module needs no database.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from desk.casefile import facts as f
from desk.casefile.identifiers import valid_id_number, valid_uscc
from desk.casefile.numbers import DEFAULT_PATTERN, parse_number
from desk.catalogue import catalogue
from desk.discretion.model import Circumstance, parse_circumstance
from desk.errors import Problem, ValidationError

FORMAT = "desk-case/1"
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d\Z")


@dataclass(frozen=True)
class Spec:
    """One key of an object: how to read it, whether it is required."""

    read: Callable[[Reader, str, Any], Any]
    required: bool = False


class Reader:
    """Walks a JSON object by specs, collecting problems instead of stopping at the first."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def fail(self, where: str, message: str, /, **params: object) -> None:
        self.problems.append(Problem(where, message, **params))

    def obj(self, where: str, value: Any, specs: dict[str, Spec]) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.fail(where, "bad_type", key=where, expected="an object")
            return {}
        out: dict[str, Any] = {}
        for key in value:
            if key not in specs:
                self.fail(_join(where, key), "unknown_key", key=key)
        for key, spec in specs.items():
            path = _join(where, key)
            if key not in value or value[key] is None:
                if spec.required:
                    self.fail(path, "missing_key", key=key)
                continue
            out[key] = spec.read(self, path, value[key])
        return out

    def items(self, where: str, value: Any, read: Callable[[Reader, str, Any], Any]) -> list[Any]:
        if not isinstance(value, list):
            self.fail(where, "bad_type", key=where, expected="a list")
            return []
        return [read(self, f"{where}[{i}]", v) for i, v in enumerate(value)]


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def text(r: Reader, where: str, v: Any) -> str | None:
    if not isinstance(v, str):
        r.fail(where, "bad_type", key=where.rsplit(".", 1)[-1], expected="text")
        return None
    return v


def flag(r: Reader, where: str, v: Any) -> bool | None:
    if not isinstance(v, bool):
        r.fail(where, "bad_type", key=where.rsplit(".", 1)[-1], expected="true or false")
        return None
    return v


def day(r: Reader, where: str, v: Any) -> date | None:
    if not isinstance(v, str) or not _DATE.match(v):
        r.fail(where, "bad_date", value=v)
        return None
    try:
        return date.fromisoformat(v)
    except ValueError:
        r.fail(where, "bad_date", value=v)
        return None


def clock(r: Reader, where: str, v: Any) -> str | None:
    if not isinstance(v, str) or not _TIME.match(v):
        r.fail(where, "bad_time", value=v)
        return None
    return v


def amount(r: Reader, where: str, v: Any) -> Decimal | None:
    if isinstance(v, bool) or not isinstance(v, int | float):
        r.fail(where, "bad_type", key=where.rsplit(".", 1)[-1], expected="a number")
        return None
    if v < 0:
        r.fail(where, "negative", value=v)
        return None
    return Decimal(str(v))


def count(r: Reader, where: str, v: Any) -> int | None:
    if isinstance(v, bool) or not isinstance(v, int):
        r.fail(where, "bad_type", key=where.rsplit(".", 1)[-1], expected="a whole number")
        return None
    if v < 0:
        r.fail(where, "negative", value=v)
        return None
    return v


def texts(r: Reader, where: str, v: Any) -> tuple[str, ...]:
    return tuple(x for x in r.items(where, v, text) if x is not None)


def enum(choices: tuple[str, ...]) -> Callable[[Reader, str, Any], str | None]:
    def read(r: Reader, where: str, v: Any) -> str | None:
        if v not in choices:
            r.fail(where, "bad_enum", value=v, choices=choices)
            return None
        return str(v)

    return read


def enums(choices: tuple[str, ...]) -> Callable[[Reader, str, Any], tuple[str, ...]]:
    one = enum(choices)

    def read(r: Reader, where: str, v: Any) -> tuple[str, ...]:
        return tuple(x for x in r.items(where, v, one) if x is not None)

    return read


def nested(specs: dict[str, Spec]) -> Callable[[Reader, str, Any], dict[str, Any]]:
    def read(r: Reader, where: str, v: Any) -> dict[str, Any]:
        return r.obj(where, v, specs)

    return read


def fields_object(r: Reader, where: str, v: Any) -> dict[str, object] | None:
    if not isinstance(v, dict):
        r.fail(where, "bad_type", key="fields", expected="an object")
        return None
    return dict(v)


def circumstances(r: Reader, where: str, v: Any) -> tuple[Circumstance, ...]:
    out = []
    for i, item in enumerate(r.items(where, v, text)):
        found = parse_circumstance(item) if item else None
        if found is None:
            r.fail(f"{where}[{i}]", "bad_circumstance", value=item or "")
        else:
            out.append(found)
    return tuple(out)


def kind_id(r: Reader, where: str, v: Any) -> str | None:
    if v not in catalogue():
        r.fail(where, "unknown_document_kind", value=v)
        return None
    return str(v)


R, T = Spec, text
AGENCY = {
    "name": R(T, True),
    "code": R(T, True),
    "squad": R(T),
    "reconsideration_body": R(T),
    "court": R(T),
    "number_pattern": R(T),
    "contact": R(nested({"person": R(T), "phone": R(T), "address": R(T)})),
    "payment": R(nested({"bank": R(T), "account_name": R(T), "account": R(T), "channel": R(T)})),
    "public_security": R(T),
    "transfer_to": R(T),
}
CASE = {
    "number": R(T),
    "cause": R(T, True),
    "domain": R(T),
    "source": R(enum(f.SOURCES)),
    "procedure": R(enum(f.PROCEDURES), True),
    "discovered_on": R(day),
    "violation_on": R(day),
    "place": R(T),
    "violation_at": R(clock),
    "facts": R(T),
    "evidence": R(texts),
    "violated": R(texts),
    "basis": R(texts),
    "discretion": R(
        nested({"level": R(T), "standard": R(T), "item": R(T), "version": R(T), "circumstances": R(circumstances)})
    ),
    "outcome": R(enum(f.OUTCOMES), True),
    "penalty": R(nested({"kinds": R(enums(f.PENALTY_KINDS)), "fine": R(amount), "confiscated": R(amount)})),
    "major": R(flag),
    "complex": R(flag),
    "endangers_safety": R(flag),
    "officers": R(lambda r, w, v: r.items(w, v, nested({"name": R(T, True), "certificate": R(T)}))),
    "retention": R(enum(f.RETENTIONS)),
}
PARTY = {
    "kind": R(enum(f.PARTY_KINDS), True),
    "name": R(T, True),
    "id_type": R(T),
    "id_number": R(T),
    "uscc": R(T),
    "legal_representative": R(T),
    "address": R(T),
    "phone": R(T),
}
EVENT = {
    "type": R(enum(f.EVENT_TYPES), True),
    "on": R(day, True),
    "at": R(clock),
    "by": R(T),
    "note": R(T),
    "amount": R(amount),
    "kinds": R(enums(f.PENALTY_KINDS)),
    "days": R(count),
    "leaders": R(texts),
}
DOCUMENT = {
    "kind": R(kind_id, True),
    "serves": R(T),
    "status": R(enum(f.DOCUMENT_STATUSES)),
    "number": R(T),
    "issued_on": R(day),
    "served_on": R(day),
    "service": R(enum(f.SERVICE_METHODS)),
    "receiver": R(T),
    "hearing_right": R(flag),
    "pages": R(count),
    "file": R(T),
    "fields": R(fields_object),
    "void_reason": R(T),
}
ATTACHMENT = {
    "title": R(T, True),
    "kind": R(T),
    "made_on": R(day),
    "made_by": R(T),
    "proves": R(T),
    "pages": R(count),
    "file": R(T),
    "sha256": R(T),
}
TOP = {
    "format": R(T, True),
    "agency": R(nested(AGENCY), True),
    "case": R(nested(CASE), True),
    "parties": R(lambda r, w, v: r.items(w, v, nested(PARTY))),
    "events": R(lambda r, w, v: r.items(w, v, nested(EVENT))),
    "documents": R(lambda r, w, v: r.items(w, v, nested(DOCUMENT))),
    "attachments": R(lambda r, w, v: r.items(w, v, nested(ATTACHMENT))),
}


def _check_party(r: Reader, where: str, p: dict[str, Any]) -> None:
    resident_id = p.get("id_type", "居民身份证") == "居民身份证"
    if p.get("id_number") and resident_id and not valid_id_number(p["id_number"]):
        r.fail(f"{where}.id_number", "bad_id_number", value=p["id_number"])
    if p.get("uscc") and not valid_uscc(p["uscc"]):
        r.fail(f"{where}.uscc", "bad_uscc", value=p["uscc"])
    if p.get("kind") == "organization" and "uscc" not in p:
        r.fail(f"{where}.uscc", "party_id_missing")


def _check_documents(r: Reader, agency: dict[str, Any], docs: list[dict[str, Any]], base: Path | None) -> None:
    pattern = agency.get("number_pattern") or DEFAULT_PATTERN
    seen: set[str] = set()
    kinds = catalogue()
    for i, d in enumerate(docs):
        number = d.get("number")
        if not number:
            continue
        where = f"documents[{i}].number"
        if number in seen:
            r.fail(where, "duplicate_number_in_file", value=number)
        seen.add(number)
        kind = kinds.get(d.get("kind", ""))
        parsed = parse_number(pattern, agency.get("code", ""), number)
        if kind and (parsed is None or parsed.code != kind.code):
            from desk.casefile.numbers import format_number

            example = format_number(pattern, agency=agency.get("code", ""), code=kind.code or "?", year=2026, seq=1)
            r.fail(where, "number_pattern", value=number, kind=kind.id, example=example)
    targets = {d["number"] for d in docs if d.get("number")} | {d["kind"] for d in docs if d.get("kind")}
    for i, d in enumerate(docs):
        if d.get("serves") and d["serves"] not in targets:
            r.fail(f"documents[{i}].serves", "serves_nowhere", value=d["serves"])
    _check_files(r, "documents", docs, base)


def _check_files(r: Reader, where: str, items: list[dict[str, Any]], base: Path | None) -> None:
    if base is None:
        return
    for i, item in enumerate(items):
        if item.get("file") and not (base / item["file"]).is_file():
            r.fail(f"{where}[{i}].file", "file_missing", value=item["file"])


def validate(raw: Any, base: Path | None = None) -> dict[str, Any]:
    """The checked content of a ``desk-case/1`` object; raises ``ValidationError`` naming every problem.

    ``base`` is the folder relative ``file`` paths are resolved against (None: files not checked).
    """
    r = Reader()
    if isinstance(raw, dict) and "format" in raw and raw["format"] != FORMAT:
        r.fail("format", "wrong_format", value=raw["format"])
        raise ValidationError(r.problems)
    data = r.obj("", raw, TOP)
    for i, p in enumerate(data.get("parties", [])):
        _check_party(r, f"parties[{i}]", p)
    _check_documents(r, data.get("agency", {}), data.get("documents", []), base)
    _check_files(r, "attachments", data.get("attachments", []), base)
    if r.problems:
        raise ValidationError(r.problems)
    return data


def build(data: dict[str, Any]) -> f.CaseFile:
    """A ``CaseFile`` from validated content (see ``validate``)."""
    a, c = data["agency"], data["case"]
    agency = f.Agency(**{k: v for k, v in a.items() if k not in ("contact", "payment")},
                      contact=f.Contact(**a.get("contact", {})), payment=f.Payment(**a.get("payment", {})))
    pen = c.get("penalty", {})
    case = f.Case(
        **{k: v for k, v in c.items() if k not in ("number", "discretion", "penalty", "officers")},
        number=c.get("number"),  # a case registered in Desk has none until it is filed
        discretion=f.Discretion(**c.get("discretion", {})),
        penalty=f.Penalty(kinds=pen.get("kinds", ()), fine=pen.get("fine"), confiscated=pen.get("confiscated")),
        officers=tuple(f.Officer(**o) for o in c.get("officers", [])),
    )
    docs = []
    for d in data.get("documents", []):
        status = d.pop("status", None) or ("issued" if d.get("issued_on") else "draft")
        docs.append(f.Document(status=status, **d))
    return f.CaseFile(
        agency=agency,
        case=case,
        parties=tuple(f.Party(**p) for p in data.get("parties", [])),
        events=tuple(f.Event(**{**e, **_tuples(e, "kinds", "leaders")}) for e in data.get("events", [])),
        documents=tuple(docs),
        attachments=tuple(f.Attachment(**x) for x in data.get("attachments", [])),
    )


def _tuples(obj: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {k: tuple(obj[k]) for k in keys if k in obj}


def load(raw: Any, base: Path | None = None) -> f.CaseFile:
    """Validate and build in one step."""
    return build(validate(raw, base))

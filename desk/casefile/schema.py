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
from desk.casefile import limits, paths
from desk.casefile.evidence_files import evidence_error
from desk.casefile.identifiers import valid_id_number, valid_uscc
from desk.casefile.numbers import DEFAULT_PATTERN, parse_number
from desk.catalogue import catalogue
from desk.discretion.model import Circumstance, parse_circumstance
from desk.errors import Problem, Term, ValidationError

FORMAT = "desk-case/1"
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d\Z")
_SHA256 = re.compile(r"[0-9a-f]{64}\Z")


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
            self.fail(where, "bad_type", key=where or "format", expected=Term("an object"))
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
            read = spec.read(self, path, value[key])
            if read is not None:  # an invalid value has its problem recorded: the checks after it skip it
                out[key] = read
        return out

    def items(self, where: str, value: Any, read: Callable[[Reader, str, Any], Any]) -> list[Any]:
        if not isinstance(value, list):
            self.fail(where, "bad_type", key=where, expected=Term("a list"))
            return []
        if len(value) > limits.LIST_ITEMS:
            self.fail(where, "too_many_items", count=len(value), limit=limits.LIST_ITEMS)
            return []
        return [read(self, f"{where}[{i}]", v) for i, v in enumerate(value)]


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _check(r: Reader, where: str, failure: limits.Failure) -> bool:
    """Record a limit's failure; True when the value passed."""
    if failure is None:
        return True
    r.fail(where, failure[0], **failure[1])
    return False


def text_of(limit: int) -> Callable[[Reader, str, Any], str | None]:
    """Text of at most ``limit`` characters (a column's length), without control characters."""

    def read(r: Reader, where: str, v: Any) -> str | None:
        if not isinstance(v, str):
            r.fail(where, "bad_type", key=where.rsplit(".", 1)[-1], expected=Term("text"))
            return None
        return v if _check(r, where, limits.text_error(v, limit)) else None

    return read


text = text_of(limits.LONG_TEXT)


def flag(r: Reader, where: str, v: Any) -> bool | None:
    if not isinstance(v, bool):
        r.fail(where, "bad_type", key=where.rsplit(".", 1)[-1], expected=Term("true or false"))
        return None
    return v


def day(r: Reader, where: str, v: Any) -> date | None:
    """A date of something that happened: 1990 … today."""
    if not isinstance(v, str) or not _DATE.match(v):
        r.fail(where, "bad_date", value=v)
        return None
    try:
        parsed = date.fromisoformat(v)
    except ValueError:
        r.fail(where, "bad_date", value=v)
        return None
    return parsed if _check(r, where, limits.date_error(parsed)) else None


def clock(r: Reader, where: str, v: Any) -> str | None:
    if not isinstance(v, str) or not _TIME.match(v):
        r.fail(where, "bad_time", value=v)
        return None
    return v


def amount(r: Reader, where: str, v: Any) -> Decimal | None:
    if isinstance(v, bool) or not isinstance(v, int | float):
        r.fail(where, "bad_type", key=where.rsplit(".", 1)[-1], expected=Term("a number"))
        return None
    return Decimal(str(v)) if _check(r, where, limits.amount_error(v)) else None


def count_of(limit: int) -> Callable[[Reader, str, Any], int | None]:
    def read(r: Reader, where: str, v: Any) -> int | None:
        if isinstance(v, bool) or not isinstance(v, int):
            r.fail(where, "bad_type", key=where.rsplit(".", 1)[-1], expected=Term("a whole number"))
            return None
        return v if _check(r, where, limits.count_error(v, limit)) else None

    return read


count = count_of(limits.COUNT_MAX)
days = count_of(limits.DAYS_MAX)


def texts_of(limit: int) -> Callable[[Reader, str, Any], tuple[str, ...]]:
    one = text_of(limit)

    def read(r: Reader, where: str, v: Any) -> tuple[str, ...]:
        return tuple(x for x in r.items(where, v, one) if x is not None)

    return read


texts = texts_of(limits.LIST_ITEM_TEXT)


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
    """A document's field values: names and texts within limits (the manifest checks them by kind)."""
    if not isinstance(v, dict):
        r.fail(where, "bad_type", key="fields", expected=Term("an object"))
        return None
    ok = _check(r, where, limits.json_depth_error(v, 4))
    if len(v) > limits.LIST_ITEMS:
        r.fail(where, "too_many_items", count=len(v), limit=limits.LIST_ITEMS)
        ok = False
    for name, value in v.items():
        ok &= _check(r, f"{where}.{name[:40]}", limits.text_error(name, 60))
        ok &= _field_value_ok(r, f"{where}.{name[:40]}", value)
    return dict(v) if ok else None


def _field_value_ok(r: Reader, where: str, value: Any) -> bool:
    if isinstance(value, str):
        return _check(r, where, limits.text_error(value))
    if isinstance(value, float) or (isinstance(value, int) and not isinstance(value, bool)):
        return _check(r, where, limits.amount_error(value))
    if isinstance(value, list):
        return len(value) <= limits.LIST_ITEMS and all([_field_value_ok(r, where, x) for x in value])
    if isinstance(value, dict):
        return all([_field_value_ok(r, where, x) for x in value.values()])
    return True


def sha256_hex(r: Reader, where: str, v: Any) -> str | None:
    if not isinstance(v, str) or not _SHA256.match(v):
        r.fail(where, "bad_sha256", value=str(v)[:80])
        return None
    return v


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


R = Spec


def lengths(table: dict[str, int]) -> Callable[[str], Callable[[Reader, str, Any], str | None]]:
    """``T("cause")``: text as long as the column of that key holds (desk.casefile.limits)."""
    return lambda key: text_of(table[key])


def listed(read: Callable[[Reader, str, Any], Any]) -> Callable[[Reader, str, Any], list[Any]]:
    return lambda r, w, v: r.items(w, v, read)


T = lengths(limits.AGENCY)
AGENCY = {
    "name": R(T("name"), True),
    "code": R(T("code"), True),
    "squad": R(T("squad")),
    "reconsideration_body": R(T("reconsideration_body")),
    "court": R(T("court")),
    "number_pattern": R(lambda r, w, v: v if _check(r, w, limits.pattern_error(v) if isinstance(v, str) else (
        "bad_type", {"key": "number_pattern", "expected": Term("text")})) else None),
    "contact": R(nested({k: R(text_of(n)) for k, n in limits.CONTACT.items()})),
    "payment": R(nested({k: R(text_of(n)) for k, n in limits.PAYMENT.items()})),
    "public_security": R(T("public_security")),
    "transfer_to": R(T("transfer_to")),
}
T = lengths(limits.CASE)
OFFICER = {"name": R(text_of(limits.OFFICER["name"]), True), "certificate": R(text_of(limits.OFFICER["certificate"]))}
CASE = {
    "number": R(T("number")),
    "cause": R(T("cause"), True),
    "domain": R(T("domain")),
    "source": R(enum(f.SOURCES)),
    "procedure": R(enum(f.PROCEDURES), True),
    "discovered_on": R(day),
    "violation_on": R(day),
    "place": R(T("place")),
    "violation_at": R(clock),
    "facts": R(T("facts")),
    "evidence": R(texts),
    "violated": R(texts),
    "basis": R(texts),
    "discretion": R(nested({**{k: R(text_of(n)) for k, n in limits.DISCRETION.items()},
                            "circumstances": R(circumstances)})),
    "outcome": R(enum(f.OUTCOMES), True),
    "penalty": R(nested({"kinds": R(enums(f.PENALTY_KINDS)), "fine": R(amount), "confiscated": R(amount)})),
    "major": R(flag),
    "complex": R(flag),
    "endangers_safety": R(flag),
    "officers": R(listed(nested(OFFICER))),
    "retention": R(enum(f.RETENTIONS)),
}
T = lengths(limits.PARTY)
PARTY = {
    "kind": R(enum(f.PARTY_KINDS), True),
    "name": R(T("name"), True),
    "id_type": R(T("id_type")),
    "id_number": R(T("id_number")),
    "uscc": R(T("uscc")),
    "legal_representative": R(T("legal_representative")),
    "address": R(T("address")),
    "phone": R(T("phone")),
}
T = lengths(limits.EVENT)
EVENT = {
    "type": R(enum(f.EVENT_TYPES), True),
    "on": R(day, True),
    "at": R(clock),
    "by": R(T("by")),
    "note": R(T("note")),
    "amount": R(amount),
    "kinds": R(enums(f.PENALTY_KINDS)),
    "days": R(days),
    "leaders": R(texts_of(limits.LEADER)),
}
T = lengths(limits.DOCUMENT)
DOCUMENT = {
    "kind": R(kind_id, True),
    "serves": R(T("serves")),
    "status": R(enum(f.DOCUMENT_STATUSES)),
    "number": R(T("number")),
    "issued_on": R(day),
    "served_on": R(day),
    "service": R(enum(f.SERVICE_METHODS)),
    "receiver": R(T("receiver")),
    "hearing_right": R(flag),
    "pages": R(count),
    "file": R(text_of(limits.PATH_TEXT)),
    "fields": R(fields_object),
    "void_reason": R(T("void_reason")),
}
T = lengths(limits.ATTACHMENT)
ATTACHMENT = {
    "title": R(T("title"), True),
    "kind": R(T("kind")),
    "made_on": R(day),
    "made_by": R(T("made_by")),
    "proves": R(T("proves")),
    "pages": R(count),
    "file": R(text_of(limits.PATH_TEXT)),
    "sha256": R(sha256_hex),
}
TOP = {
    "format": R(text, True),
    "agency": R(nested(AGENCY), True),
    "case": R(nested(CASE), True),
    "parties": R(listed(nested(PARTY))),
    "events": R(listed(nested(EVENT))),
    "documents": R(listed(nested(DOCUMENT))),
    "attachments": R(listed(nested(ATTACHMENT))),
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
    if not agency.get("code") or not agency.get("name"):
        return  # the agency block has its own problem: numbers cannot be judged without it
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
            r.fail(where, "number_pattern", value=number, kind=Term(kind.title), example=example)
        elif parsed is not None and _check(r, where, limits.seq_error(parsed.seq)):
            _check(r, where, limits.year_error(parsed.year))
    targets = {d["number"] for d in docs if d.get("number")} | {d["kind"] for d in docs if d.get("kind")}
    for i, d in enumerate(docs):
        if d.get("serves") and d["serves"] not in targets:
            r.fail(f"documents[{i}].serves", "serves_nowhere", value=d["serves"])
    _check_files(r, "documents", docs, base)


def _check_files(r: Reader, where: str, items: list[dict[str, Any]], base: Path | None) -> None:
    if base is None:
        return
    for i, item in enumerate(items):
        if item.get("file") and _check(r, f"{where}[{i}].file", paths.confined_error(base, item["file"])):
            _check(r, f"{where}[{i}].file", evidence_error(base / item["file"], item["file"]))


def validate(raw: Any, base: Path | None = None) -> dict[str, Any]:
    """The checked content of a ``desk-case/1`` object; raises ``ValidationError`` naming every problem.

    ``base`` is the folder relative ``file`` paths are resolved against (None: files not checked).
    """
    r = Reader()
    if isinstance(raw, dict) and "format" in raw and raw["format"] != FORMAT:
        r.fail("format", "wrong_format", value=str(raw["format"])[:100])
        raise ValidationError(r.problems)
    if _check(r, "", limits.json_depth_error(raw)) is False:
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

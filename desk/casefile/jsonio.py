"""Writing ``desk-case/1``: a ``CaseFile`` as the JSON object of case-format.md, keys in a fixed order.

Export → import → export must give byte-identical text, so the output depends only on the data:
keys in the order of the format, absent values left out (``penalty`` is always written whole).
"""

from __future__ import annotations

import json
from dataclasses import fields, is_dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from desk.casefile import facts as f
from desk.casefile import limits, schema
from desk.errors import Term, UserError

_DEFAULT_PATTERN = f.Agency(name="", code="").number_pattern


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _object(obj: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    assert is_dataclass(obj)
    out: dict[str, Any] = {}
    for fld in fields(obj):
        value = getattr(obj, fld.name)
        if fld.name in skip or value is None:
            continue
        out[fld.name] = _plain(value)
    return out


def _ordered(obj: dict[str, Any], spec: dict[str, Any]) -> dict[str, Any]:
    """Keys in the order the format lists them (the schema's specs are written in that order)."""
    return {k: obj[k] for k in spec if k in obj}


def to_dict(cf: f.CaseFile) -> dict[str, Any]:
    agency = _object(cf.agency, skip=("settings", "contact", "payment"))
    for key in ("contact", "payment"):  # written only when set (case-format.md, additions)
        block = {k: v for k, v in _object(getattr(cf.agency, key)).items() if v}
        if block:
            agency[key] = block
    for key in ("public_security", "transfer_to"):
        if not agency.get(key):
            agency.pop(key, None)
    if agency.get("number_pattern") == _DEFAULT_PATTERN:
        del agency["number_pattern"]
    case = _object(cf.case, skip=("discretion", "penalty", "officers", "endangers_safety"))
    if not cf.case.place:
        del case["place"]
    case["discretion"] = _object(cf.case.discretion, skip=("circumstances",))
    if cf.case.discretion.circumstances:
        case["discretion"]["circumstances"] = [c.text for c in cf.case.discretion.circumstances]
    case["penalty"] = {
        "kinds": list(cf.case.penalty.kinds),
        "fine": _plain(cf.case.penalty.fine),
        "confiscated": _plain(cf.case.penalty.confiscated),
    }
    if cf.case.endangers_safety:
        case["endangers_safety"] = True
    case["officers"] = [_object(o) for o in cf.case.officers]
    documents = []
    for d in cf.documents:
        doc = _object(d, skip=("id",))
        if d.status == ("issued" if d.issued_on else "draft"):
            del doc["status"]  # the status the importer infers need not be written
        documents.append(_ordered(doc, schema.DOCUMENT))
    return {
        "format": schema.FORMAT,
        "agency": _ordered(agency, schema.AGENCY),
        "case": _ordered(case, schema.CASE),
        "parties": [_ordered(_object(p), schema.PARTY) for p in cf.parties],
        "events": [_ordered(_object(e), schema.EVENT) for e in cf.events],
        "documents": documents,
        "attachments": [_ordered(_object(a), schema.ATTACHMENT) for a in cf.attachments],
    }


def _integer(text: str) -> int | float:
    """An integer; one of hundreds of digits becomes infinity, which the schema refuses at its key."""
    return int(text) if len(text) <= 300 else float("inf")


def read_json(path: Path) -> Any:
    """A UTF-8 JSON file, bounded in size and depth; ``UserError`` (one line) for anything else.

    ``Infinity``, ``NaN``, ``1e400`` and integers of hundreds of digits are read as infinite or not-a-number
    floats, so that the schema refuses them naming their key (``case.penalty.fine``).
    """
    try:
        size = path.stat().st_size
        if size > limits.JSON_FILE_BYTES:
            raise UserError("file_too_large", path=path, size=size, limit=limits.JSON_FILE_BYTES)
        data = path.read_bytes()
    except IsADirectoryError:
        raise UserError("file_unreadable", path=path, detail=Term("it is a folder")) from None
    except OSError as exc:
        raise UserError("file_unreadable", path=path, detail=exc.strerror or exc) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError("not_utf8", path=path, position=exc.start) from None
    try:
        raw = json.loads(text, parse_int=_integer)
    except json.JSONDecodeError as exc:
        raise UserError("json_syntax", line=exc.lineno, column=exc.colno) from None
    except RecursionError:
        raise UserError("json_too_deep", limit=limits.JSON_DEPTH) from None
    failure = limits.json_depth_error(raw)
    if failure is not None:
        raise UserError(failure[0], **failure[1])
    return raw


def dumps(cf: f.CaseFile) -> str:
    return json.dumps(to_dict(cf), ensure_ascii=False, indent=2) + "\n"

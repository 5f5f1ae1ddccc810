"""The explicit limits of every value that enters Desk — one place, the same on SQLite and PostgreSQL.

Text lengths are read from the models' columns, so a limit can never drift from what the database holds
(SQLite would accept a longer value silently; PostgreSQL refuses it with a DataError). Each check returns
``None`` when the value is fine, else ``(message key, parameters)`` for a ``Problem`` or ``UserError``:
the case-file schema, ``--set``/``--on``, record values, settings, profiles, fonts.toml and calendar files
all call these functions and so give the same messages.
"""

from __future__ import annotations

import math
import string
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import String

from desk.errors import Problem, UserError
from desk.models import Agency, Attachment, Case, Document, Event, Officer, Party
from desk.models.calendar import CalendarDay

Failure = tuple[str, dict[str, object]] | None

LONG_TEXT = 20_000  # a Text column (facts, notes, reasons): a long page of prose, not a megabyte
LIST_ITEMS = 200  # entries of a list (evidence, basis, officers, leaders …)
LIST_ITEM_TEXT = 300  # one entry of a list of texts
AMOUNT_MAX = Decimal(10) ** 10  # yuan
AMOUNT_DECIMALS = 2
COUNT_MAX = 100_000  # pages, counts
DAYS_MAX = 3_650  # a period in days (extensions, waits)
SEQ_MAX = 1_000_000  # a document's or archive's sequence number in one year
SEQ_WIDTH_MAX = 8  # {seq:08} at most
EARLIEST = date(1990, 1, 1)  # nothing Desk records happened before the 行政处罚法's forerunners went digital
LATEST_FUTURE = date(2100, 12, 31)  # an upper bound for dates that may lie ahead (deadlines, calendars)
JSON_DEPTH = 16  # nested objects/lists of a case file (it needs 4)
JSON_FILE_BYTES = 32 * 1024 * 1024  # a case file is metadata; its evidence comes as separate files
SETTINGS_FILE_BYTES = 1024 * 1024  # a profile, fonts.toml or calendar file
PATH_TEXT = 1_000  # a relative file path in a case file
IMAGE_PIXELS = 80_000_000  # a 80-megapixel photo decodes to ~320 MB: the most a dossier page needs
NUMBER_PLACEHOLDERS = ("agency", "code", "year", "seq")
ARCHIVE_PLACEHOLDERS = ("agency", "year", "seq")


def column_length(model: type[Any], attr: str) -> int:
    """The length of a string column, or LONG_TEXT for an unbounded text column."""
    col_type = model.__table__.c[attr].type
    if isinstance(col_type, String) and col_type.length:
        return int(col_type.length)
    return LONG_TEXT


def _lengths(model: type[Any], *attrs: str, **renamed: str) -> dict[str, int]:
    out = {a: column_length(model, a) for a in attrs}
    out.update({key: column_length(model, attr) for key, attr in renamed.items()})
    return out


# key of the case format → longest text its column holds
AGENCY = {**_lengths(Agency, "name", "code", "reconsideration_body", "court", "number_pattern", "public_security",
                    "transfer_to"),
          "squad": column_length(Case, "squad")}
CONTACT = {key: column_length(Agency, f"contact_{key}") for key in ("person", "phone", "address")}
PAYMENT = {key: column_length(Agency, f"payment_{key}") for key in ("bank", "account_name", "account", "channel")}
CASE = _lengths(Case, "number", "cause", "domain", "facts", "retention", "place")
DISCRETION = {"level": LIST_ITEM_TEXT, "standard": LIST_ITEM_TEXT, "item": LIST_ITEM_TEXT, "version": LIST_ITEM_TEXT}
OFFICER = _lengths(Officer, "name", "certificate")
PARTY = _lengths(Party, "name", "id_type", "id_number", "uscc", "legal_representative", "address", "phone")
EVENT = _lengths(Event, "by", "note")
LEADER = column_length(Event, "by")
DOCUMENT = _lengths(Document, "number", "serves", "receiver", "void_reason")
ATTACHMENT = _lengths(Attachment, "title", "kind", "made_by", "proves", "sha256")
FILE_NAME = column_length(Attachment, "file_name")
CALENDAR_NOTE = column_length(CalendarDay, "note")


def require(failure: Failure, field: str | None = None) -> None:
    """Raise the failure as a ``UserError`` (prefixed by ``field`` when given); nothing when it is None."""
    if failure is None:
        return
    key, params = failure
    if field is None:
        raise UserError(key, **params)
    raise Problem(field, key, **params)


def text_error(value: str, limit: int = LONG_TEXT) -> Failure:
    """Too long, or holding a character no database column keeps (NUL, controls, lone surrogates)."""
    if len(value) > limit:
        return "text_too_long", {"length": len(value), "limit": limit}
    for ch in value:
        code = ord(ch)
        if (code < 32 and ch not in "\t\n\r") or 0xD800 <= code <= 0xDFFF or code == 0x7F:
            return "text_control", {"code": f"U+{code:04X}"}
    return None


def amount_error(value: Any) -> Failure:
    """A sum of money in yuan: finite, 0 ≤ value ≤ 10^10, at most two decimals."""
    if isinstance(value, bool):
        return "bad_amount", {"value": value}
    try:
        d = Decimal(str(value)) if isinstance(value, int | float | str | Decimal) else None
    except InvalidOperation:
        d = None
    if d is None or not d.is_finite() or (isinstance(value, float) and not math.isfinite(value)):
        return "bad_amount", {"value": value}
    if d < 0:
        return "negative", {"value": value}
    if d > AMOUNT_MAX:
        return "amount_too_large", {"value": value, "limit": AMOUNT_MAX}
    exponent = d.normalize().as_tuple().exponent
    if isinstance(exponent, int) and exponent < -AMOUNT_DECIMALS:
        return "amount_decimals", {"value": value}
    return None


def count_error(value: int, limit: int = COUNT_MAX) -> Failure:
    if value < 0:
        return "negative", {"value": value}
    if value > limit:
        return "number_too_large", {"value": value, "limit": limit}
    return None


def days_error(value: int) -> Failure:
    return count_error(value, DAYS_MAX)


def date_error(value: date, *, past: bool = True, today: date | None = None) -> Failure:
    """Not before 1990; not after today where the date records something that happened (``past``)."""
    latest = (today or date.today()) if past else LATEST_FUTURE
    if value < EARLIEST:
        return "date_too_early", {"value": value.isoformat(), "earliest": EARLIEST.isoformat()}
    if value > latest:
        key = "date_in_future" if past else "date_too_late"
        return key, {"value": value.isoformat(), "latest": latest.isoformat()}
    return None


def year_error(year: int, today: date | None = None) -> Failure:
    """A number's year: from 1990 to this year."""
    if not EARLIEST.year <= year <= (today or date.today()).year:
        return "year_out_of_range", {"value": year, "earliest": EARLIEST.year, "latest": (today or date.today()).year}
    return None


def seq_error(seq: int) -> Failure:
    return ("seq_too_large", {"value": seq, "limit": SEQ_MAX}) if seq > SEQ_MAX else None


def pattern_error(pattern: str, placeholders: tuple[str, ...] = NUMBER_PLACEHOLDERS,
                  limit: int = 100) -> Failure:
    """A number pattern: only the documented placeholders, each once, ``{seq}`` with a width ≤ 8 at most."""
    if (failure := text_error(pattern, limit)) is not None:
        return failure
    try:
        parts = list(string.Formatter().parse(pattern))
    except ValueError as exc:
        return "pattern_invalid", {"pattern": pattern, "detail": str(exc)}
    names = []
    for _literal, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in placeholders or conversion:
            return "pattern_placeholder", {"pattern": pattern, "name": name, "choices": placeholders}
        if spec and not (name == "seq" and spec.isdigit() and int(spec) <= SEQ_WIDTH_MAX):
            return "pattern_width", {"pattern": pattern, "spec": spec, "limit": SEQ_WIDTH_MAX}
        names.append(name)
    required = placeholders if placeholders == NUMBER_PLACEHOLDERS else ("seq",)
    if sorted(set(names)) != sorted(names) or any(p not in names for p in required):
        return "pattern_placeholder", {"pattern": pattern, "name": ", ".join(names) or "-", "choices": placeholders}
    return None


def read_settings_text(path: Path) -> str:
    """A small UTF-8 settings file (calendar, profile, fonts.toml) as text; ``UserError`` when it is not one."""
    try:
        size = path.stat().st_size
        if size > SETTINGS_FILE_BYTES:
            raise UserError("file_too_large", path=path, size=size, limit=SETTINGS_FILE_BYTES)
        data = path.read_bytes()
    except OSError as exc:
        raise UserError("file_unreadable", path=path, detail=exc.strerror or str(exc)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError("not_utf8", path=path, position=exc.start) from None


def json_depth_error(value: Any, limit: int = JSON_DEPTH) -> Failure:
    """Nested deeper than ``limit`` (walked without recursion)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict | list):
            if depth > limit:
                return "json_too_deep", {"limit": limit}
            children = node.values() if isinstance(node, dict) else node
            stack.extend((c, depth + 1) for c in children)
    return None

"""Reading a discretion standard file (TOML, or XLSX with the same columns) into a checked ``Standard``.

The TOML layout is discretion.md's. The XLSX layout carries the same keys: a sheet ``standard`` with
one ``key | value`` row each (name, version, valid_from, valid_to) and a sheet ``items`` whose first row
names the columns ``id, act, violated, basis, subject, statutory_min, statutory_max, kinds, level,
when, fine_min, fine_max, outcome`` — one row per tier; an item's own columns are filled on its first
row (a row with an empty ``id`` continues the item above); lists are one entry per line.

Every problem of the file is collected (naming the item and tier) before the file is refused, so one
run tells the administrator all that is wrong; a refused file loads nothing.
"""

from __future__ import annotations

import tomllib
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from desk.casefile.facts import PENALTY_KINDS
from desk.casefile.schema import Reader, amount
from desk.discretion.model import SUBJECTS, TIER_OUTCOMES, Item, Standard, Tier
from desk.errors import UserError, ValidationError

XLSX_COLUMNS = ("id", "act", "violated", "basis", "subject", "statutory_min", "statutory_max", "kinds", "level",
                "when", "fine_min", "fine_max", "outcome")
_STANDARD_KEYS = ("name", "version", "valid_from", "valid_to")
_ITEM_KEYS = ("id", "act", "violated", "basis", "subject", "statutory", "tiers")
_TIER_KEYS = ("level", "when", "fine", "outcome")


def read_file(path: Path) -> Standard:
    """The standard in ``path`` (``.toml`` or ``.xlsx``); raises a ``UserError`` naming every problem."""
    suffix = path.suffix.lower()
    if suffix not in (".toml", ".xlsx"):
        raise UserError("discretion_file_type", path=path.name)
    try:
        raw = read_xlsx(path) if suffix == ".xlsx" else tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UserError("file_unreadable", path=path, detail=exc.strerror or exc) from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UserError("discretion_not_toml", path=path.name, detail=exc) from exc
    return standard(raw)


def standard(raw: Any) -> Standard:
    """A checked ``Standard`` from the parsed file (discretion.md's keys)."""
    p = Reader()
    if not isinstance(raw, dict):
        raw = {}
    for key in set(raw) - {"standard", "items"}:
        p.fail(key, "unknown_key", key=key)
    head = raw.get("standard")
    if not isinstance(head, dict):
        p.fail("standard", "missing_key", key="standard")
        head = {}
    for key in set(head) - set(_STANDARD_KEYS):
        p.fail(f"standard.{key}", "unknown_key", key=key)
    name = _text(p, "standard.name", head.get("name"), required=True)
    version = _text(p, "standard.version", head.get("version"), required=True)
    valid_from = _day(p, "standard.valid_from", head.get("valid_from"), required=True)
    valid_to = _day(p, "standard.valid_to", head.get("valid_to"), required=False)
    if valid_from and valid_to and valid_to < valid_from:
        p.fail("standard.valid_to", "discretion_dates", to=valid_to, start=valid_from)
    items_raw = raw.get("items")
    if not isinstance(items_raw, list) or not items_raw:
        p.fail("items", "missing_key", key="items")
        items_raw = []
    items = [_item(p, i, r) for i, r in enumerate(items_raw)]
    seen: set[str] = set()
    for item in items:
        if item is not None and item.id in seen:
            p.fail(f"item {item.id}", "discretion_duplicate_item", value=item.id)
        if item is not None:
            seen.add(item.id)
    if p.problems:
        raise ValidationError(p.problems, "discretion_invalid")
    assert name is not None and version is not None and valid_from is not None
    return Standard(name, version, valid_from, valid_to, tuple(i for i in items if i is not None))


def _item(p: Reader, index: int, raw: Any) -> Item | None:
    if not isinstance(raw, dict):
        p.fail(f"items[{index}]", "bad_type", key=f"items[{index}]", expected="a table")
        return None
    where = f"item {raw.get('id') or index + 1}"
    count = len(p.problems)
    for key in set(raw) - set(_ITEM_KEYS):
        p.fail(f"{where}.{key}", "unknown_key", key=key)
    item_id = _text(p, f"{where}.id", raw.get("id"), required=True)
    act = _text(p, f"{where}.act", raw.get("act"), required=True)
    violated = _texts(p, f"{where}.violated", raw.get("violated"))
    basis = _texts(p, f"{where}.basis", raw.get("basis"))
    subject = raw.get("subject", "any")
    if subject not in SUBJECTS:
        p.fail(f"{where}.subject", "bad_enum", value=subject, choices=", ".join(SUBJECTS))
    statutory = raw.get("statutory")
    if not isinstance(statutory, dict):
        p.fail(f"{where}.statutory", "missing_key", key="statutory")
        statutory = {}
    for key in set(statutory) - {"min", "max", "kinds"}:
        p.fail(f"{where}.statutory.{key}", "unknown_key", key=key)
    smin = _amount(p, f"{where}.statutory.min", statutory.get("min"))
    smax = _amount(p, f"{where}.statutory.max", statutory.get("max"))
    if smin is not None and smax is not None and smin > smax:
        p.fail(f"{where}.statutory", "discretion_inverted", min=smin, max=smax)
    kinds = _texts(p, f"{where}.statutory.kinds", statutory.get("kinds"))
    for kind in kinds:
        if kind not in PENALTY_KINDS:
            p.fail(f"{where}.statutory.kinds", "discretion_kind", value=kind, choices=", ".join(PENALTY_KINDS))
    tiers_raw = raw.get("tiers") or []
    if not isinstance(tiers_raw, list):
        p.fail(f"{where}.tiers", "bad_type", key="tiers", expected="a list of tables")
        tiers_raw = []
    tiers = [_tier(p, where, t, smin, smax) for t in tiers_raw]
    _overlaps(p, where, [t for t in tiers if t is not None])
    if len(p.problems) > count:
        return None
    assert item_id and act and smin is not None and smax is not None
    return Item(item_id, act, violated, basis, subject, smin, smax, kinds, tuple(t for t in tiers if t is not None))


def _tier(p: Reader, where: str, raw: Any, smin: Decimal | None, smax: Decimal | None) -> Tier | None:
    if not isinstance(raw, dict):
        p.fail(f"{where}.tiers", "bad_type", key="tiers", expected="a list of tables")
        return None
    level = _text(p, f"{where}.tiers.level", raw.get("level"), required=True) or "?"
    at = f"{where}, tier {level}"
    for key in set(raw) - set(_TIER_KEYS):
        p.fail(f"{at}.{key}", "unknown_key", key=key)
    when = _text(p, f"{at}.when", raw.get("when"), required=True)
    outcome = raw.get("outcome")
    if outcome is not None and outcome not in TIER_OUTCOMES:
        p.fail(f"{at}.outcome", "bad_enum", value=outcome, choices=", ".join(TIER_OUTCOMES))
    fine = raw.get("fine")
    if fine is None:
        if outcome is None:
            p.fail(at, "discretion_tier_amount", level=level)
        return Tier(level, when or "", outcome=outcome)
    if not isinstance(fine, dict) or set(fine) - {"min", "max"}:
        p.fail(f"{at}.fine", "bad_type", key="fine", expected="{ min = …, max = … }")
        return None
    fmin = _amount(p, f"{at}.fine.min", fine.get("min"))
    fmax = _amount(p, f"{at}.fine.max", fine.get("max"))
    if fmin is None or fmax is None:
        return None
    if fmin > fmax:
        p.fail(at, "discretion_inverted", min=fmin, max=fmax)
    elif smin is not None and smax is not None and (fmin < smin or fmax > smax):
        p.fail(at, "discretion_outside", level=level, min=fmin, max=fmax, smin=smin, smax=smax)
    return Tier(level, when or "", fmin, fmax, outcome)


def _overlaps(p: Reader, where: str, tiers: list[Tier]) -> None:
    """Tiers may share a boundary amount (50 000–100 000, 100 000–300 000) but not more."""
    ranged = [t for t in tiers if t.fine_min is not None and t.fine_max is not None and t.fine_min <= t.fine_max]
    for i, a in enumerate(ranged):
        for b in ranged[i + 1:]:
            assert a.fine_min is not None and a.fine_max is not None and b.fine_min is not None
            assert b.fine_max is not None
            if a.fine_min < b.fine_max and b.fine_min < a.fine_max:
                p.fail(where, "discretion_overlap", a=a.level, b=b.level,
                      a_range=f"{a.fine_min}–{a.fine_max}", b_range=f"{b.fine_min}–{b.fine_max}")
    levels = [t.level for t in tiers]
    for level in {lv for lv in levels if levels.count(lv) > 1}:
        p.fail(where, "discretion_duplicate_tier", level=level)


def _text(p: Reader, where: str, value: Any, *, required: bool) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            p.fail(where, "missing_key", key=where.rsplit(".", 1)[-1])
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = format(Decimal(str(value)).normalize(), "f")
    if not isinstance(value, str):
        p.fail(where, "bad_type", key=where.rsplit(".", 1)[-1], expected="text")
        return None
    return value.strip()


def _texts(p: Reader, where: str, value: Any) -> tuple[str, ...]:
    if value is None:
        p.fail(where, "missing_key", key=where.rsplit(".", 1)[-1])
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        p.fail(where, "bad_type", key=where.rsplit(".", 1)[-1], expected="a list of texts")
        return ()
    out = tuple(v.strip() for v in value if v.strip())
    if not out:
        p.fail(where, "missing_key", key=where.rsplit(".", 1)[-1])
    return out


def _day(p: Reader, where: str, value: Any, *, required: bool) -> date | None:
    if value is None or value == "":
        if required:
            p.fail(where, "missing_key", key=where.rsplit(".", 1)[-1])
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        p.fail(where, "bad_date", value=value)
        return None


def _amount(p: Reader, where: str, value: Any) -> Decimal | None:
    if value is None or value == "":
        p.fail(where, "missing_key", key=where.rsplit(".", 1)[-1])
        return None
    return amount(p, where, value)


# — XLSX —

def read_xlsx(path: Path) -> dict[str, Any]:
    """The XLSX layout as the TOML's parsed keys (validated by ``standard`` like a TOML file)."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is no workbook
        raise UserError("discretion_not_xlsx", path=path.name, detail=exc) from exc
    try:
        if "standard" not in book.sheetnames or "items" not in book.sheetnames:
            raise UserError("discretion_sheets", path=path.name)
        head = {str(r[0]).strip(): r[1] for r in book["standard"].iter_rows(values_only=True) if r and r[0]}
        rows = list(book["items"].iter_rows(values_only=True))
    finally:
        book.close()
    return {"standard": head, "items": _xlsx_items(rows)}


def _xlsx_items(rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    if not rows:
        return []
    names = [str(c).strip() if c is not None else "" for c in rows[0]]
    items: list[dict[str, Any]] = []
    for row in rows[1:]:
        cells = {n: v for n, v in zip(names, row, strict=False) if n and v not in (None, "")}
        if not cells:
            continue
        if "id" in cells or not items:
            items.append(_xlsx_item(cells))
        tier = {k: cells[c] for k, c in (("level", "level"), ("when", "when"), ("outcome", "outcome")) if c in cells}
        if "fine_min" in cells or "fine_max" in cells:
            tier["fine"] = {k: cells[f"fine_{k}"] for k in ("min", "max") if f"fine_{k}" in cells}
        if tier:
            items[-1]["tiers"].append(tier)
    return items


def _xlsx_item(cells: dict[str, Any]) -> dict[str, Any]:
    item: dict[str, Any] = {k: cells[k] for k in ("id", "act", "subject") if k in cells}
    for key in ("violated", "basis"):
        if key in cells:
            item[key] = _lines(cells[key])
    statutory: dict[str, Any] = {k: cells[f"statutory_{k}"] for k in ("min", "max") if f"statutory_{k}" in cells}
    if "kinds" in cells:
        statutory["kinds"] = _lines(cells["kinds"])
    item["statutory"] = statutory
    item["tiers"] = []
    return item


def _lines(value: Any) -> list[str]:
    return [v.strip() for v in str(value).replace("；", "\n").splitlines() if v.strip()]


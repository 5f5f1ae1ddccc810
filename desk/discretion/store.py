"""Discretion standards in the database: import a version, list them, and resolve what a case cites.

A version, once loaded, is never changed or replaced: a case decided under 2025-1 keeps citing 2025-1
after 2026-1 is loaded. ``attach`` gives a case's snapshot the standard it cites, so the pure rules and
templates read it without touching the database.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.casefile import facts as f
from desk.db.uow import UnitOfWork
from desk.discretion.model import Circumstance, Cited, Item, Standard, Tier, matching
from desk.discretion.reader import read_file
from desk.errors import NotFound, UserError
from desk.models import DiscretionStandard
from desk.services import access, audit


def import_file(uow: UnitOfWork, path: Path) -> Standard:
    """Load the standard in ``path`` as a new version (nothing is loaded when the file has a problem)."""
    access.require(uow, "discretion")
    std = read_file(path)
    load(uow, std)
    return std


def load(uow: UnitOfWork, std: Standard) -> DiscretionStandard:
    """Store ``std`` as a new version; refuses a version already loaded."""
    s = uow.session
    exists = s.scalars(
        select(DiscretionStandard.id).where(DiscretionStandard.name == std.name,
                                            DiscretionStandard.version == std.version)
    ).first()
    if exists is not None:
        raise UserError("discretion_version_exists", name=std.name, version=std.version)
    items = [_item_row(i) for i in std.items]
    content = json.dumps([std.name, std.version, str(std.valid_from), str(std.valid_to), items], ensure_ascii=False)
    row = DiscretionStandard(name=std.name, version=std.version, valid_from=std.valid_from, valid_to=std.valid_to,
                             items=items, sha256=hashlib.sha256(content.encode()).hexdigest(),
                             loaded_at=datetime.now(UTC), loaded_by=uow.actor)
    s.add(row)
    s.flush()

    audit.record(uow, "discretion_loaded", name=std.name, version=std.version, items=len(std.items))
    return row


# parsed versions by content hash: a loaded version never changes, so each is parsed once per process
_PARSED: dict[str, Standard] = {}


def standards(session: Session) -> list[Standard]:
    """Every loaded version, by name and validity."""
    hashes = list(session.scalars(select(DiscretionStandard.sha256).order_by(DiscretionStandard.name,
                                                                             DiscretionStandard.valid_from)))
    missing = [h for h in hashes if h not in _PARSED]
    if missing:
        for row in session.scalars(select(DiscretionStandard).where(DiscretionStandard.sha256.in_(missing))):
            _PARSED[row.sha256] = _standard(row)
    return [_PARSED[h] for h in hashes]


def find(session: Session, version: str, item_id: str) -> tuple[Standard, Item]:
    """The version and item a case cites; ``NotFound`` when not loaded."""
    for std in standards(session):
        item = std.item(item_id) if std.version == version else None
        if item is not None:
            return std, item
    raise NotFound("discretion_unknown_item", item=item_id, version=version)


def cited(session: Session, case: f.Case) -> Cited:
    """What the database has of the standard ``case`` cites (see ``Cited``)."""
    loaded = standards(session)
    d = case.discretion
    matches = tuple(matching([i for s in loaded for i in s.items], case.violated))
    found = next(((s, s.item(d.item)) for s in loaded if d.item and s.version == d.version and s.item(d.item)),
                 None)
    if found is None:
        return Cited(loaded=bool(loaded), matches=matches)
    std, item = found
    versions = tuple(replace(s, items=()) for s in loaded if s.name == std.name)
    return Cited(loaded=True, standard=replace(std, items=()), item=item, versions=versions, matches=matches)


def attach(uow: UnitOfWork, cf: f.CaseFile) -> f.CaseFile:
    """``cf`` with the standard it cites resolved from the database."""
    return replace(cf, cited=cited(uow.session, cf.case))


def apply(uow: UnitOfWork, case_ref: str | int, *, version: str, item: str, level: str,
          circumstances: Sequence[Circumstance] = ()) -> f.Discretion:
    """Record on the case the item, version and tier applied, and its circumstances."""
    from desk.services.cases import ensure_writable, resolve
    from desk.services.mapping import discretion_facts, discretion_row

    access.require(uow, "edit")
    case = resolve(uow, case_ref)
    ensure_writable(case)
    std, found = find(uow.session, version, item)
    if found.tier(level) is None:
        raise UserError("discretion_unknown_tier", item=item, level=level,
                        levels="、".join(t.level for t in found.tiers))
    old = discretion_facts(case.discretion or {})
    new = replace(old, item=item, version=version, level=level, circumstances=tuple(circumstances),
                  standard=f"{std.name}（{std.version}）第{item}项")
    case.discretion = discretion_row(new)
    case.updated_at = datetime.now(UTC)

    audit.record(uow, "discretion_applied", case_id=case.id, item=item, version=version, level=level)
    return new


def _item_row(item: Item) -> dict[str, Any]:
    return {
        "id": item.id, "act": item.act, "violated": list(item.violated), "basis": list(item.basis),
        "subject": item.subject, "statutory": {"min": str(item.statutory_min), "max": str(item.statutory_max),
                                               "kinds": list(item.kinds)},
        "tiers": [{"level": t.level, "when": t.when, "outcome": t.outcome,
                   "fine": None if t.fine_min is None else {"min": str(t.fine_min), "max": str(t.fine_max)}}
                  for t in item.tiers],
    }


def _standard(row: DiscretionStandard) -> Standard:
    items = tuple(
        Item(
            id=i["id"], act=i["act"], violated=tuple(i["violated"]), basis=tuple(i["basis"]), subject=i["subject"],
            statutory_min=Decimal(i["statutory"]["min"]), statutory_max=Decimal(i["statutory"]["max"]),
            kinds=tuple(i["statutory"]["kinds"]),
            tiers=tuple(
                Tier(t["level"], t["when"], Decimal(t["fine"]["min"]) if t["fine"] else None,
                     Decimal(t["fine"]["max"]) if t["fine"] else None, t["outcome"])
                for t in i["tiers"]
            ),
        )
        for i in row.items
    )
    return Standard(row.name, row.version, row.valid_from, row.valid_to, items)

"""The demo's discretion standard (江城市城市管理行政处罚裁量基准 2025-1) and what the demo cases apply.

``load`` puts the shipped standard in the database; ``governed`` makes a demo scenario follow the
governing law of its item (its provisions, a fine inside the chosen tier, the penalty kinds the law
allows, and the hearing the fine calls for); ``discretion`` is the item, version and tier a demo case
records. The demo (desk/services/demo.py) calls these three.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import select

from desk.casefile import facts as f
from desk.db.uow import UnitOfWork
from desk.discretion.model import Circumstance, Item, Standard, Tier
from desk.discretion.reader import read_file
from desk.discretion.store import load as store
from desk.models import DiscretionStandard

SHIPPED = Path(__file__).parent / "standards" / "jiangcheng-2025-1.toml"
# a demo case's cause → the item it falls under, the tier decided and the circumstances recorded
CAUSES: dict[str, tuple[str, str, tuple[Circumstance, ...]]] = {
    "随意倾倒建筑垃圾": ("6", "较轻", ()),
    "占用城市道路堆放物料": (
        "12", "较轻",
        (Circumstance("从轻", "《中华人民共和国行政处罚法》第三十二条第（一）项 主动消除或者减轻违法行为危害后果"),),
    ),
}
S = TypeVar("S")


@cache
def shipped() -> Standard:
    return read_file(SHIPPED)


def load(uow: UnitOfWork) -> Standard:
    """The shipped standard, loaded into the database unless that version already is."""
    std = shipped()
    present = uow.session.scalars(
        select(DiscretionStandard.id).where(DiscretionStandard.name == std.name,
                                            DiscretionStandard.version == std.version)
    ).first()
    if present is None:
        store(uow, std)
    return std


def _applied(cause: str) -> tuple[Item, Tier, tuple[Circumstance, ...]] | None:
    found = CAUSES.get(cause)
    if found is None:
        return None
    item_id, level, circumstances = found
    item = shipped().item(item_id)
    assert item is not None
    tier = item.tier(level)
    assert tier is not None and tier.fine_min is not None and tier.fine_max is not None
    return item, tier, circumstances


def demo_fine(tier: Tier) -> Decimal:
    """A round amount inside the tier: its lower quarter, to the hundred (above a zero minimum)."""
    assert tier.fine_min is not None and tier.fine_max is not None
    amount = tier.fine_min + (tier.fine_max - tier.fine_min) / 4
    return max(Decimal(100), (amount / 100).to_integral_value() * 100)


def governed(scenarios: Sequence[S]) -> tuple[S, ...]:
    """The demo's scenarios (dataclasses with cause, violated, basis, kinds, fine, hearing) under the
    governing law of their item; scenarios whose cause has no item are unchanged."""
    threshold = {"organization": f.AgencySettings().hearing_threshold_organization}
    out = []
    for s in scenarios:
        found = _applied(str(getattr(s, "cause", "")))
        if found is None:
            out.append(s)
            continue
        item, tier, _ = found
        fine = demo_fine(tier)
        kinds = tuple(k for k in getattr(s, "kinds", ()) if k in item.kinds) or ("fine",)
        hearing = bool(getattr(s, "hearing", False)) or fine >= threshold.get(
            item.subject, f.AgencySettings().hearing_threshold_person)
        changes: dict[str, Any] = {"violated": "、".join(item.violated), "basis": "、".join(item.basis),
                                   "kinds": kinds, "fine": int(fine), "hearing": hearing}
        out.append(replace(s, **changes))  # type: ignore[type-var]
    return tuple(out)


def discretion(cause: str) -> f.Discretion | None:
    """The item, version, tier and circumstances a demo case of ``cause`` records (None: no item)."""
    found = _applied(cause)
    if found is None:
        return None
    item, tier, circumstances = found
    std = shipped()
    return f.Discretion(level=tier.level, standard=f"{std.name}（{std.version}）第{item.id}项", item=item.id,
                        version=std.version, circumstances=circumstances)


def apply_to(uow: UnitOfWork, case_id: int, cause: str) -> None:
    """Record on a stored demo case the item, version, tier and circumstances of its cause (if it has an item)."""
    from desk.discretion.store import apply

    d = discretion(cause)
    if d is not None and d.item and d.version:
        apply(uow, case_id, version=d.version, item=d.item, level=d.level, circumstances=d.circumstances)

"""What the window offers when a reviewer picks the discretion applied (pure; tested without Qt).

``candidates`` lists the items a case can cite: of the versions in force on the day, for the party's
kind, optionally only those whose provisions the case's violated provisions cite, and matching a
search text. ``departures`` says where a fine lies against the statutory and the tier's range.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from desk.discretion.model import Item, Standard, Tier, articles


@dataclass(frozen=True)
class Candidate:
    standard: Standard
    item: Item


def candidates(loaded: Sequence[Standard], *, on: date, violated: Iterable[str] = (), party_kind: str = "",
               individual_business_as_organization: bool = False, only_matching: bool = True,
               search: str = "") -> list[Candidate]:
    """The items a case may cite on ``on`` (versions in force then; every version when none is)."""
    in_force = [s for s in loaded if s.in_force(on)] or list(loaded)
    cited = articles(violated)
    words = search.split()
    out = []
    for std in in_force:
        for item in std.items:
            if party_kind and not item.applies_to(party_kind, individual_business_as_organization):
                continue
            if only_matching and cited and not articles(item.violated) & cited:
                continue
            text = " ".join((item.id, item.act, *item.violated, *item.basis))
            if all(w in text for w in words):
                out.append(Candidate(std, item))
    return out


@dataclass(frozen=True)
class Departure:
    """Where a fine lies: ``above_law`` / ``below_law`` (the statutory range) or ``above_tier`` /
    ``below_tier``, and whether a recorded circumstance allows it."""

    kind: str
    allowed: bool


def departures(item: Item, tier: Tier | None, fine: Decimal | None, effects: Iterable[str]) -> list[Departure]:
    if fine is None:
        return []
    effects = set(effects)
    out = []
    if fine > item.statutory_max:
        out.append(Departure("above_law", False))
    elif fine < item.statutory_min:
        out.append(Departure("below_law", "减轻" in effects))
    if tier is not None and tier.fine_min is not None and tier.fine_max is not None and not tier.contains(fine):
        below = fine < tier.fine_min
        out.append(Departure("below_tier" if below else "above_tier",
                             bool(effects & ({"从轻", "减轻"} if below else {"从重"}))))
    return out

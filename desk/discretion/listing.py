"""The loaded standards as ``desk discretion list`` prints them (text, or JSON for other tools)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from desk.discretion.model import Standard
from desk.discretion.reasoning import amount_range


def listing_json(loaded: Sequence[Standard]) -> list[dict[str, Any]]:
    return [
        {
            "name": s.name,
            "version": s.version,
            "valid_from": s.valid_from.isoformat(),
            "valid_to": s.valid_to.isoformat() if s.valid_to else None,
            "items": [
                {
                    "id": i.id,
                    "act": i.act,
                    "violated": list(i.violated),
                    "basis": list(i.basis),
                    "subject": i.subject,
                    "statutory": {"min": _num(i.statutory_min), "max": _num(i.statutory_max), "kinds": list(i.kinds)},
                    "tiers": [
                        {"level": t.level, "when": t.when, "outcome": t.outcome,
                         "fine": None if t.fine_min is None else {"min": _num(t.fine_min), "max": _num(t.fine_max)}}
                        for t in i.tiers
                    ],
                }
                for i in s.items
            ],
        }
        for s in loaded
    ]


def _num(value: object) -> int | float:
    text = str(value)
    return int(text) if text.lstrip("-").isdigit() else float(text)


def listing_text(loaded: Sequence[Standard]) -> str:
    lines = []
    for s in loaded:
        until = s.valid_to.isoformat() if s.valid_to else "…"
        lines.append(f"{s.name}  {s.version}  {s.valid_from.isoformat()}–{until}  ({len(s.items)})")
        for i in s.items:
            tiers = "；".join(f"{t.level} {amount_range(t.fine_min, t.fine_max) or '不予处罚'}" for t in i.tiers)
            lines.append(f"  {i.id:>4}  {i.act}  [{amount_range(i.statutory_min, i.statutory_max)}]  {tiers}")
    return "".join(line + "\n" for line in lines)

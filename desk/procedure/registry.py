"""Where each rule's condition is registered: a pure function of the case yielding what is wrong."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from desk.casefile.facts import Document, Event
from desk.procedure.context import Context

Params = Mapping[str, Any]


@dataclass(frozen=True)
class Violation:
    """One thing a rule found wrong: a message key of the rule, its values, and what it concerns."""

    message: str
    params: Mapping[str, object] = field(default_factory=dict)
    documents: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    due: date | None = None
    actual: date | None = None


Predicate = Callable[[Context, Params], Iterable[Violation]]
PREDICATES: dict[str, Predicate] = {}


def predicate(*rule_ids: str) -> Callable[[Predicate], Predicate]:
    """Register the decorated function as the condition of ``rule_ids``."""

    def register(func: Predicate) -> Predicate:
        for rule_id in rule_ids:
            if rule_id in PREDICATES:
                raise ValueError(f"{rule_id} has two predicates")
            PREDICATES[rule_id] = func
        return func

    return register


def violation(
    message: str,
    *,
    docs: Iterable[Document] = (),
    events: Iterable[Event] = (),
    due: date | None = None,
    actual: date | None = None,
    values: Mapping[str, object] | None = None,
    **params: object,
) -> Violation:
    """A violation; the message's values come as keywords, or as ``values`` when built elsewhere."""
    return Violation(
        message,
        {**(values or {}), **params},
        documents=tuple(dict.fromkeys(d.reference for d in docs)),
        events=tuple(f"{e.type} {e.on.isoformat()}" for e in events),
        due=due,
        actual=actual,
    )

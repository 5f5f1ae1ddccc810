"""A discretion standard as immutable data (../shared/domain/discretion.md).

Amounts are ``Decimal`` yuan. Nothing here touches the database or the file system: the checker, the
templates and the window read these objects.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

SUBJECTS = ("person", "organization", "any")
# 从轻 (lighter within the range), 减轻 (below the statutory minimum), 从重 (heavier within the range)
EFFECTS = ("从轻", "减轻", "从重")
TIER_OUTCOMES = ("no_penalty_minor",)
# the grounds the window offers for a circumstance (行政处罚法 Art 30–32, 49); others are typed as text
GROUNDS = (
    ("从轻", "《中华人民共和国行政处罚法》第三十二条第（一）项 主动消除或者减轻违法行为危害后果"),
    ("减轻", "《中华人民共和国行政处罚法》第三十二条第（一）项 主动消除或者减轻违法行为危害后果"),
    ("从轻", "《中华人民共和国行政处罚法》第三十二条第（二）项 受他人胁迫或者诱骗实施违法行为"),
    ("从轻", "《中华人民共和国行政处罚法》第三十二条第（三）项 主动供述行政机关尚未掌握的违法行为"),
    ("从轻", "《中华人民共和国行政处罚法》第三十二条第（四）项 配合行政机关查处违法行为有立功表现"),
    ("减轻", "《中华人民共和国行政处罚法》第三十条 已满十四周岁不满十八周岁的未成年人有违法行为"),
    ("从轻", "《中华人民共和国行政处罚法》第三十一条 尚未完全丧失辨认或者控制自己行为能力的精神病人、智力残疾人"
             "有违法行为"),
    ("从重", "《中华人民共和国行政处罚法》第四十九条 违反突发事件应对措施"),
)
_TITLE = re.compile(r"《([^》]+)》([^《]*)")
_ARTICLE = re.compile(r"第([零〇一二三四五六七八九十百千]+)条")


@dataclass(frozen=True)
class Tier:
    """One 裁量阶次: its level, the conditions under which it applies, and its fine range or outcome."""

    level: str
    when: str
    fine_min: Decimal | None = None
    fine_max: Decimal | None = None
    outcome: str | None = None

    def contains(self, amount: Decimal) -> bool:
        if self.fine_min is None or self.fine_max is None:
            return False
        return self.fine_min <= amount <= self.fine_max


@dataclass(frozen=True)
class Item:
    """One act of the standard: the provisions, the statutory range and its tiers."""

    id: str
    act: str
    violated: tuple[str, ...]
    basis: tuple[str, ...]
    subject: str
    statutory_min: Decimal
    statutory_max: Decimal
    kinds: tuple[str, ...]
    tiers: tuple[Tier, ...] = ()

    def tier(self, level: str) -> Tier | None:
        return next((t for t in self.tiers if t.level == level), None)

    def applies_to(self, party_kind: str, individual_business_as_organization: bool = False) -> bool:
        """Whether a party of ``party_kind`` is this item's subject."""
        if self.subject == "any":
            return True
        as_org = party_kind == "organization" or (
            party_kind == "individual_business" and individual_business_as_organization
        )
        return (self.subject == "organization") == as_org

    def in_statutory(self, amount: Decimal) -> bool:
        return self.statutory_min <= amount <= self.statutory_max


@dataclass(frozen=True)
class Standard:
    """One version of an agency's standard."""

    name: str
    version: str
    valid_from: date
    valid_to: date | None = None
    items: tuple[Item, ...] = ()

    def item(self, item_id: str) -> Item | None:
        return next((i for i in self.items if i.id == item_id), None)

    def in_force(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)


def articles(provisions: Iterable[str]) -> set[tuple[str, str]]:
    """The (act, article) pairs the provisions cite: ``《城市道路管理条例》第二十七条第（一）项、第三十条``
    gives (城市道路管理条例, 二十七) and (城市道路管理条例, 三十)."""
    found = set()
    for text in provisions:
        for title, rest in _TITLE.findall(text):
            found |= {(title.removeprefix("中华人民共和国"), a) for a in _ARTICLE.findall(rest)}
    return found


def matching(items: Sequence[Item], violated: Iterable[str]) -> list[Item]:
    """The items whose provisions violated share an article with ``violated``."""
    cited = articles(violated)
    return [i for i in items if articles(i.violated) & cited]


class Circumstance(str):
    """A recorded 从轻/减轻/从重 circumstance and its legal ground (行政处罚法 Art 30–32 or another law).

    It is the text the case file writes (``减轻：<ground>``), so it is stored and exported as it is."""

    def __new__(cls, effect: str, ground: str) -> Circumstance:
        return super().__new__(cls, f"{effect}：{ground}")

    def __getnewargs__(self) -> tuple[str, str]:  # type: ignore[override]
        return self.effect, self.ground

    @property
    def effect(self) -> str:
        return self[:2]

    @property
    def ground(self) -> str:
        return self[3:]

    @property
    def text(self) -> str:
        return str(self)


def parse_circumstance(text: str) -> Circumstance | None:
    """``减轻：<ground>`` (or ``减轻: …``, ``减轻 …``) as a circumstance; None when it names no effect or ground."""
    text = text.strip()
    effect = text[:2]
    ground = text[2:].lstrip("：: ").strip()
    if effect not in EFFECTS or not ground:
        return None
    return Circumstance(effect, ground)


@dataclass(frozen=True)
class Cited:
    """What the database knows of the standard a case cites, resolved when the snapshot is built.

    ``loaded``: any standard is loaded at all; ``standard``: the cited version (its header, without
    items) and ``item`` the cited item, both None when not loaded; ``versions``: the headers of every
    loaded version of the cited standard (to tell which one was in force on the decision date).
    """

    loaded: bool
    standard: Standard | None = None
    item: Item | None = None
    versions: tuple[Standard, ...] = ()
    # loaded items whose provisions the case's violated provisions cite (the items it should pick from)
    matches: tuple[Item, ...] = ()

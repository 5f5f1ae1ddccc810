"""What the 事先告知书, 调查终结报告 and 决定书 print of the discretion applied (pure, from the snapshot).

``applied`` names the standard, version and item (the ``discretion_standard`` field's default);
``reasoning`` says why this tier and which circumstances were weighed (the ``discretion`` field's).
"""

from __future__ import annotations

from decimal import Decimal

from desk.casefile.facts import CaseFile
from desk.discretion.model import Item, Tier
from desk.i18n import format_money

_OUTCOMES = {"no_penalty_minor": "依照《中华人民共和国行政处罚法》第三十三条第一款可以不予行政处罚"}


def amount_range(low: Decimal | None, high: Decimal | None) -> str:
    """``5,000元以上50,000元以下``; ``20,000元以下`` when the law gives only a maximum."""
    if low is None or high is None:
        return ""
    if low == 0:
        return f"{format_money(high)}元以下"
    return f"{format_money(low)}元以上{format_money(high)}元以下"


def applied(cf: CaseFile) -> str | None:
    """``《江城市城市管理行政处罚裁量基准》（2025-1版）第1项`` — None unless the cited item is loaded."""
    cited = cf.cited
    if cited is None or cited.standard is None or cited.item is None:
        return None
    return f"《{cited.standard.name}》（{cited.standard.version}版）第{cited.item.id}项"


def _tier_sentence(item: Item, tier: Tier | None) -> str:
    statutory = amount_range(item.statutory_min, item.statutory_max)
    text = f"本案违法行为属于该基准第{item.id}项“{item.act}”，法定罚款幅度为{statutory}"
    if tier is None:
        return text + "。"
    text += f"；违法情节符合“{tier.level}”阶次（{tier.when}），"
    if tier.outcome:
        return text + f"{_OUTCOMES.get(tier.outcome, tier.outcome)}。"
    return text + f"该阶次罚款幅度为{amount_range(tier.fine_min, tier.fine_max)}。"


def reasoning(cf: CaseFile) -> str | None:
    """The tier applied and the circumstances weighed, in one paragraph; None when there is nothing to say."""
    d = cf.case.discretion
    parts = []
    item = cf.cited.item if cf.cited else None
    if item is not None:
        parts.append(_tier_sentence(item, item.tier(d.level)))
    if d.circumstances:
        weighed = "；".join(f"{c.effect}处罚情节：{c.ground}" for c in d.circumstances)
        parts.append(f"裁量时考虑了以下情节：{weighed}。")
    return "".join(parts) or None

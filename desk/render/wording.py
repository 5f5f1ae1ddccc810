"""Fixed wording assembled from field values: amounts, the penalty, the party block.

Pure functions of already-typed values (``Decimal``, tuples of codes); ``context.py`` prints with
them and ``defaults.py`` drafts default sentences with them.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from desk.i18n import format_money, rmb_capitals
from desk.render.labels import PENALTY_KINDS

_MONEY_KINDS = {"fine": "罚款", "confiscate_gains": "没收违法所得"}


def amount_phrase(amount: Decimal | None) -> str:
    """``人民币伍仟元整（5,000元）`` — capitals first, figures in brackets; empty when no amount."""
    if amount is None:
        return ""
    return f"{rmb_capitals(amount)}（{format_money(amount)}元）"


def penalty_text(
    kinds: Sequence[str],
    fine: Decimal | None,
    confiscated: Decimal | None,
    property_: str = "",
    other: str = "",
) -> str:
    """``警告；罚款人民币伍仟元整（5,000元）`` — one item per kind, one amount each (never a range)."""
    items = []
    for code in kinds:
        label = PENALTY_KINDS.get(code, code)
        if code == "fine" and fine is not None:
            items.append(label + amount_phrase(fine))
        elif code == "confiscate_gains" and confiscated is not None:
            items.append(label + amount_phrase(confiscated))
        elif code == "confiscate_property" and property_:
            items.append(f"{label}（{property_}）")
        else:
            items.append(label)
    text = "；".join(items)
    return f"{text}（{other}）" if other and text else text or other


def party_identity(kind: str, *, id_type: str = "", id_number: str = "", uscc: str = "") -> tuple[str, ...]:
    """How the party is identified: its credit code, its ID document, or both (个体工商户)."""
    person = f"{id_type or '身份证件'}号码：{id_number}" if id_number else ""
    if kind == "organization":
        lines = [f"统一社会信用代码：{uscc}" if uscc else ""]
    elif kind == "individual_business":
        lines = [f"统一社会信用代码：{uscc}" if uscc else "", f"经营者{person}" if person else ""]
    else:
        lines = [person]
    return tuple(line for line in lines if line)


def party_lines(
    kind: str,
    name: str,
    *,
    id_type: str = "",
    id_number: str = "",
    uscc: str = "",
    representative: str = "",
    address: str = "",
) -> tuple[str, ...]:
    """The party block of a decision: name, identifier, representative, address — by kind of party."""
    identity = party_identity(kind, id_type=id_type, id_number=id_number, uscc=uscc)
    if kind == "organization":
        head = [f"当事人：{name}"]
        tail = [f"法定代表人（负责人）：{representative}" if representative else "", f"住所：{address}"]
    elif kind == "individual_business":
        head = [f"当事人：{name}（个体工商户）"]
        tail = [f"经营者：{representative}" if representative else "", f"经营场所：{address}"]
    else:
        head = [f"当事人：{name}"]
        tail = [f"住址：{address}"]
    return tuple(line for line in (*head, *identity, *tail) if line)

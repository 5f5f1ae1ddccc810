"""Personal data in a publication list, masked by Desk's default rule (政府信息公开条例 Art 15).

A natural person's name keeps the surname — one character, or two for a compound surname — and every
other character becomes 某 (梁红梅 → 梁某某, 欧阳明 → 欧阳某). An individual business (个体工商户) shows its
business name and its operator masked the same way. ID numbers, phone numbers and the addresses of natural
persons never appear: the free texts published (the facts) are scrubbed of them. Organisations keep their
name, credit code and legal representative.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# 复姓 of the 百家姓 and those still common; two characters are kept for these
_COMPOUND = (
    "欧阳 司马 诸葛 上官 司徒 东方 独孤 南宫 万俟 闻人 夏侯 皇甫 尉迟 公羊 澹台 "
    "公冶 宗政 濮阳 淳于 单于 太叔 申屠 公孙 仲孙 轩辕 令狐 钟离 宇文 长孙 慕容 "
    "鲜于 闾丘 司空 亓官 司寇 子车 颛孙 端木 巫马 公西 漆雕 乐正 壤驷 公良 拓跋 "
    "夹谷 宰父 谷梁 段干 百里 东郭 南门 呼延 羊舌 微生 梁丘 左丘 东门 西门 第五 "
    "歐陽 司馬 諸葛 上官 東方 獨孤 夏侯 皇甫 尉遲 令狐 鍾離 宇文 長孫 慕容 軒轅 "
    "呼延 "
)
COMPOUND_SURNAMES = frozenset(_COMPOUND.split())
MASK = "某"
# 18-character resident ID numbers (and 15-digit old ones), mobile and landline phone numbers
ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])")
PHONE = re.compile(r"(?<!\d)(?:\+?86[- ]?)?(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})(?!\d)")
REMOVED = "***"


def surname(name: str) -> str:
    """The surname of a Chinese personal name (two characters for a compound surname)."""
    name = name.strip()
    return name[:2] if name[:2] in COMPOUND_SURNAMES else name[:1]


def mask_name(name: str | None) -> str:
    """梁红梅 → 梁某某, 欧阳明 → 欧阳某; a name of the surname alone still gets one 某."""
    if not name or not name.strip():
        return ""
    name = name.strip()
    kept = surname(name)
    return kept + MASK * max(1, len(name) - len(kept))


def scrub(text: str, *, names: Iterable[str] = (), addresses: Iterable[str] = ()) -> str:
    """``text`` without the given persons' names (masked), their addresses, ID numbers and phone numbers."""
    for name in _longest_first(names):
        if name in text:
            text = text.replace(name, mask_name(name))
    for address in _longest_first(addresses):
        text = text.replace(address, REMOVED)
    text = ID_NUMBER.sub(REMOVED, text)
    return PHONE.sub(REMOVED, text)


def _longest_first(texts: Iterable[str]) -> list[str]:
    """The distinct non-blank texts, stripped, longest first (a name inside a longer one is replaced last)."""
    return sorted({t for text in texts if text and (t := text.strip())}, key=len, reverse=True)


def party_text(kind: str, name: str, operator: str | None) -> str:
    """How the party is named in the list: a person masked; a business with its operator masked."""
    if kind == "person":
        return mask_name(name)
    if kind == "individual_business" and operator:
        return f"{name}（经营者：{mask_name(operator)}）"
    return name

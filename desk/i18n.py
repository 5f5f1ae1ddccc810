"""Translations (gettext catalogs read with babel) and Chinese formatting of dates and money."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

from desk import config

LOCALE_DIR = Path(__file__).parent / "locale"


@cache
def _catalog(lang: str) -> dict[str, str]:
    path = LOCALE_DIR / lang / "LC_MESSAGES" / "desk.po"
    if not path.exists():
        return {}
    from babel.messages.pofile import read_po

    with path.open("rb") as f:
        catalog = read_po(f, locale=lang)
    return {str(m.id): str(m.string) for m in catalog if m.id and m.string and not m.fuzzy}


def gettext(message: str, lang: str | None = None) -> str:
    """``message`` (the English msgid) in ``lang``, default the user's language."""
    return _catalog(lang or config.language()).get(message, message)


def _(message: str) -> str:
    return gettext(message)


def format_date(day: date | None) -> str:
    """``2026年11月21日`` (no zero padding, as printed on documents)."""
    if day is None:
        return ""
    return f"{day.year}年{day.month}月{day.day}日"


def format_money(amount: Decimal | int | float | None) -> str:
    """Figures as printed on documents: ``3,400`` or ``3,400.50`` (yuan)."""
    if amount is None:
        return ""
    value = Decimal(str(amount)).quantize(Decimal("0.01"))
    text = f"{value:,.2f}"
    return text[:-3] if text.endswith(".00") else text


_DIGITS = {True: "零壹贰叁肆伍陆柒捌玖", False: "零一二三四五六七八九"}
_UNITS = {True: ("", "拾", "佰", "仟"), False: ("", "十", "百", "千")}
_GROUPS = ("", "万", "亿")


def _four(n: int, capital: bool) -> str:
    """1–9999 in Chinese numerals, a run of zeros inside written as one 零."""
    digits, units = _DIGITS[capital], _UNITS[capital]
    out, zero = "", False
    for pos in (3, 2, 1, 0):
        d = n // 10**pos % 10
        if d == 0:
            zero = zero or bool(out)
        else:
            out += (digits[0] if zero else "") + digits[d] + units[pos]
            zero = False
    return out


def chinese_numeral(n: int, *, capital: bool = False) -> str:
    """``n`` in Chinese numerals: 三, 十五, 一百零一, 一万零一十; with ``capital`` 壹拾伍 (financial writing)."""
    if n < 0 or n >= 10**12:
        raise ValueError(f"{n} is outside 0 … 10^12")
    if n == 0:
        return _DIGITS[capital][0]
    groups = []
    while n:
        n, group = divmod(n, 10000)
        groups.append(group)
    out, gap = "", False
    for i in reversed(range(len(groups))):
        group = groups[i]
        if group == 0:
            gap = bool(out)
            continue
        if out and (gap or group < 1000):
            out += _DIGITS[capital][0]
        out += _four(group, capital) + _GROUPS[i]
        gap = False
    if not capital and out.startswith("一十"):
        out = out[1:]  # 十五, not 一十五 (but 壹拾伍 in capitals)
    return out


def rmb_capitals(amount: Decimal | int | float) -> str:
    """``人民币叁仟肆佰元整`` — the amount in RMB capitals as 《支付结算办法》 writes them: 整 after 元, none after
    角 or 分; 零 for a missing 角 before 分 (壹仟零壹拾元零壹分)."""
    value = Decimal(str(amount)).quantize(Decimal("0.01"))
    if value < 0:
        raise ValueError("negative amount")
    cents = int(value * 100)
    yuan, jiao, fen = cents // 100, cents // 10 % 10, cents % 10
    digits = _DIGITS[True]
    text = chinese_numeral(yuan, capital=True) + "元" if yuan else ""
    if not jiao and not fen:
        return "人民币" + (text or "零元") + "整"
    if jiao:
        text += digits[jiao] + "角"
    elif yuan:
        text += digits[0]
    if fen:
        text += digits[fen] + "分"
    return "人民币" + text

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


def rmb_capitals(amount: Decimal | int | float) -> str:
    """``人民币叁仟肆佰元整`` — the amount in RMB capitals, as financial documents require."""
    import cn2an

    value = Decimal(str(amount)).quantize(Decimal("0.01"))
    if value < 0:
        raise ValueError("negative amount")
    text = cn2an.an2cn(str(value), "rmb")
    return "人民币" + text

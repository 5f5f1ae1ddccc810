"""Regenerate the zh_TW catalog from zh_CN with OpenCC s2tw (Taiwan standard characters) and 「」 quotes.

No phrase swaps: s2twp would turn the law's 程序 into 程式. zh_CN is the language the messages are written
in; zh_TW follows it mechanically so the two never drift. Run after editing
desk/locale/zh_CN/LC_MESSAGES/desk.po; a test checks they agree.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

LOCALE = Path(__file__).resolve().parents[1] / "desk" / "locale"
STAMP = datetime(2026, 11, 21, tzinfo=UTC)  # fixed, so the file is the same on every run
_QUOTES = str.maketrans({"“": "「", "”": "」", "‘": "『", "’": "』"})


@cache
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("s2tw")


def to_taiwan(text: str) -> str:
    return str(_converter().convert(text)).translate(_QUOTES)


def taiwan_catalog() -> Catalog:
    with (LOCALE / "zh_CN" / "LC_MESSAGES" / "desk.po").open("rb") as f:
        source = read_po(f, locale="zh_CN")
    out = Catalog(locale="zh_TW", project="desk", charset="utf-8", creation_date=STAMP, revision_date=STAMP)
    for m in source:
        if m.id:
            out.add(m.id, to_taiwan(str(m.string)), auto_comments=m.auto_comments, context=m.context)
    return out


def render(catalog: Catalog) -> bytes:
    import io

    buf = io.BytesIO()
    write_po(buf, catalog, width=0, sort_output=False)
    return buf.getvalue()


if __name__ == "__main__":
    (LOCALE / "zh_TW" / "LC_MESSAGES" / "desk.po").write_bytes(render(taiwan_catalog()))
    sys.exit(0)

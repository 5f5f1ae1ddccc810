"""Regenerate the zh_TW catalog from zh_CN with OpenCC (s2twp: Taiwan characters and terms) and 「」 quotes.

zh_CN is the language the messages are written in; zh_TW follows it mechanically so the two never
drift. Run after editing desk/locale/zh_CN/LC_MESSAGES/desk.po; a test checks they agree.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

LOCALE = Path(__file__).resolve().parents[1] / "desk" / "locale"
_QUOTES = str.maketrans({"“": "「", "”": "」", "‘": "『", "’": "』"})


def to_taiwan(text: str) -> str:
    import opencc

    return str(opencc.OpenCC("s2twp").convert(text)).translate(_QUOTES)


def taiwan_catalog() -> Catalog:
    with (LOCALE / "zh_CN" / "LC_MESSAGES" / "desk.po").open("rb") as f:
        source = read_po(f, locale="zh_CN")
    out = Catalog(locale="zh_TW", project="desk", charset="utf-8")
    for m in source:
        if m.id:
            out.add(m.id, to_taiwan(str(m.string)), auto_comments=m.auto_comments, context=m.context)
    return out


def render(catalog: Catalog) -> bytes:
    import io

    buf = io.BytesIO()
    write_po(buf, catalog, width=0, omit_header=True, sort_output=False)
    return buf.getvalue()


if __name__ == "__main__":
    (LOCALE / "zh_TW" / "LC_MESSAGES" / "desk.po").write_bytes(render(taiwan_catalog()))
    sys.exit(0)

"""zh_TW is zh_CN in Taiwan characters and terms (OpenCC s2tw) with 「」 quotes: run tools/po_zh_tw.py."""

from __future__ import annotations

from babel.messages.pofile import read_po

from desk.i18n import LOCALE_DIR
from tools.po_zh_tw import to_taiwan


def _catalog(lang: str) -> dict[str, str]:
    with (LOCALE_DIR / lang / "LC_MESSAGES" / "desk.po").open("rb") as f:
        return {str(m.id): str(m.string) for m in read_po(f) if m.id}


def test_zh_tw_is_converted_from_zh_cn() -> None:
    cn, tw = _catalog("zh_CN"), _catalog("zh_TW")
    assert set(tw) == set(cn)
    stale = [msgid for msgid, text in cn.items() if tw[msgid] != to_taiwan(text)]
    assert stale == [], "run python tools/po_zh_tw.py"


def test_conversion_keeps_legal_terms_and_uses_corner_quotes() -> None:
    assert to_taiwan("简易程序“desk”打印文件") == "簡易程序「desk」打印文件"

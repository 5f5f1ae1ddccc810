"""zh_TW is zh_CN in Taiwan characters and terms (OpenCC s2tw) with 「」 quotes: run tools/po_zh_tw.py."""

from __future__ import annotations

from babel.messages.pofile import read_po

from desk.i18n import LOCALE_DIR
from tools.po_zh_tw import is_ui, printed_wordings, to_taiwan


def _catalog(lang: str) -> dict[str, str]:
    with (LOCALE_DIR / lang / "LC_MESSAGES" / "desk.po").open("rb") as f:
        return {str(m.id): str(m.string) for m in read_po(f) if m.id}


def test_zh_tw_is_converted_from_zh_cn() -> None:
    cn, tw = _catalog("zh_CN"), _catalog("zh_TW")
    printed = set(printed_wordings()) - set(cn)  # the printed wordings the window shows, looked up by themselves
    assert set(tw) == set(cn) | printed
    assert {w: tw[w] for w in printed} == {w: to_taiwan(w) for w in printed}
    with (LOCALE_DIR / "zh_CN" / "LC_MESSAGES" / "desk.po").open("rb") as f:
        ui = {str(m.id) for m in read_po(f) if m.id and is_ui(m.locations)}
    stale = [msgid for msgid, text in cn.items() if tw[msgid] != to_taiwan(text, ui=msgid in ui)]
    assert stale == [], "run python tools/po_zh_tw.py"


def test_conversion_keeps_legal_terms_and_uses_corner_quotes() -> None:
    assert to_taiwan("简易程序“desk”打印文件") == "簡易程序「desk」列印文件"  # 程序 and 文件 are the law's words
    assert to_taiwan("无法打开数据库，请运行“desk init”") == "無法開啟資料庫，請執行「desk init」"
    assert to_taiwan("《政府信息公开条例》") == "《政府信息公開條例》"  # a law is cited by its own title


def test_the_windows_words_use_taiwan_ui_terms() -> None:
    tw = _catalog("zh_TW")
    assert to_taiwan("视图 设置 帮助 打印 保存", ui=True) == "檢視 設定 說明 列印 儲存"
    assert to_taiwan("简易程序", ui=True) == "簡易程序"  # the law's 程序 stays
    assert tw["&Save"] == "儲存(&S)" and tw["&Print…"] == "列印(&P)…"

"""Regenerate the zh_TW catalog from zh_CN with OpenCC s2tw (Taiwan standard characters) and 「」 quotes,
then, for the window's own words (messages of desk/ui), a curated glossary of Taiwan UI terms.

OpenCC's s2twp does phrase swaps too, but not only UI ones: it turns the law's 程序 (procedure) into 程式
(program) and 文件 into 檔案 even where 文件 is an archival document (卷内文件目录). So s2tw does the
characters everywhere, and ``UI_TERMS`` — reviewed by hand — the UI vocabulary of the window only
(檢視 not 視圖, 設定 not 設置, 說明 not 幫助, 列印 not 打印, 檔案 for a file …). zh_CN is the language the
messages are written in; zh_TW follows it so the two never drift. Run after editing
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


# after s2tw; longer terms first where one contains another. 程序 (the law's procedure) is never touched.
UI_TERMS = {
    "視圖": "檢視", "設置": "設定", "幫助": "說明", "打印機": "印表機", "打印": "列印", "保存": "儲存",
    "另存為": "另存新檔", "所有文件": "所有檔案", "文件夾": "資料夾", "刷新": "重新整理", "菜單": "選單",
    "默認": "預設", "信息": "訊息", "搜索": "搜尋", "查找": "尋找", "打開": "開啟", "窗口": "視窗",
    "標籤頁": "分頁", "數據庫": "資料庫", "數據": "資料", "用戶": "使用者", "登錄": "登入", "軟件": "軟體",
    "添加": "新增", "導出": "匯出", "導入": "匯入", "屏幕": "螢幕", "鏈接": "連結", "粘貼": "貼上",
    "文件": "檔案", "日曆": "行事曆",
}


# The computing words any message may use (an error of the command line names the database too); none of them
# occurs in a law's title or an article Desk quotes, unlike 信息 (政府信息公开条例) or 文件 (卷内文件目录).
COMPUTING_TERMS = {
    key: UI_TERMS[key] for key in ("數據庫", "數據", "默認", "打印", "用戶", "登錄", "文件夾", "搜索", "導出", "導入",
                                   "打開", "添加", "軟件", "屏幕", "鏈接")
} | {"運行": "執行", "字段": "欄位", "命令行": "命令列"}


def to_taiwan(text: str, *, ui: bool = False) -> str:
    """zh_CN → zh_TW characters and quotes, with Taiwan's computing terms; ``ui``: the window's words, with
    every Taiwan UI term."""
    out = str(_converter().convert(text)).translate(_QUOTES)
    for mainland, taiwan in ({**COMPUTING_TERMS, **UI_TERMS} if ui else COMPUTING_TERMS).items():
        out = out.replace(mainland, taiwan)
    return out


def is_ui(locations: object) -> bool:
    """A message of the window (its catalog location is under desk/ui)."""
    return any(str(where).startswith("desk/ui") for where, _line in locations)  # type: ignore[attr-defined]


def taiwan_catalog() -> Catalog:
    with (LOCALE / "zh_CN" / "LC_MESSAGES" / "desk.po").open("rb") as f:
        source = read_po(f, locale="zh_CN")
    out = Catalog(locale="zh_TW", project="desk", charset="utf-8", creation_date=STAMP, revision_date=STAMP)
    for m in source:
        if m.id:
            out.add(m.id, to_taiwan(str(m.string), ui=is_ui(m.locations)), auto_comments=m.auto_comments,
                    locations=m.locations, context=m.context)
    for wording, where in printed_wordings().items():
        if wording not in out:
            out.add(wording, to_taiwan(wording), auto_comments=[f"printed wording shown in the window: {where}"])
    return out


def printed_wordings() -> dict[str, str]:
    """The Chinese words the window shows as a document prints them — every template field's label and every
    choice's wording — with where each comes from. The zh_TW window looks them up by the Chinese text itself
    (desk.ui.text.field_label, choice_text): an English label may stand for two Chinese ones (Conclusion:
    复核结论, 审核结论)."""
    from desk.catalogue import catalogue
    from desk.render.labels import CHOICE_LABELS

    found: dict[str, str] = {}
    for kind_id, k in sorted(catalogue().items()):
        for field in k.fields:
            found.setdefault(field.label, f"desk/templates/{kind_id}/manifest.toml")
    for wording in CHOICE_LABELS.values():
        found.setdefault(wording, "desk/render/labels.py")
    return found


def render(catalog: Catalog) -> bytes:
    import io

    buf = io.BytesIO()
    write_po(buf, catalog, width=0, sort_output=False)
    return buf.getvalue()


if __name__ == "__main__":
    (LOCALE / "zh_TW" / "LC_MESSAGES" / "desk.po").write_bytes(render(taiwan_catalog()))
    sys.exit(0)

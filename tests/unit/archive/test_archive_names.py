"""Portable, NFC file names inside a package."""

from __future__ import annotations

import unicodedata

from desk.archive.names import MAX_STEM, item_name, portable


def test_names_are_nfc() -> None:
    name = portable(unicodedata.normalize("NFD", "café 照片"))
    assert name == unicodedata.normalize("NFC", "café 照片")
    assert unicodedata.is_normalized("NFC", name)


def test_unsafe_characters_and_reserved_names() -> None:
    assert portable('a/b\\c:d*e?f"g<h>i|j%k\nl') == "a_b_c_d_e_f_g_h_i_j_k_l"
    assert portable("  ..hidden.  ") == "hidden"
    assert portable("CON") == "file_CON"
    assert portable("...") == "file"


def test_item_name() -> None:
    name = item_name(3, "立案审批表", "东综执立字〔2026〕21号", suffix=".PDF")
    assert name == "03-立案审批表-东综执立字〔2026〕21号.pdf"
    assert item_name(4, "送达回证", None, suffix=".docx") == "04-送达回证.docx"
    long = item_name(5, "长" * 300, suffix=".pdf")
    assert len(long) == len("05-") + MAX_STEM + len(".pdf")

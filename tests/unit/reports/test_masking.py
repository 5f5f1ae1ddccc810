"""Desk's default masking rule for the publication list (CLI.md): surname kept, every other character 某."""

from __future__ import annotations

import pytest

from desk.reports.masking import mask_name, party_text, scrub


@pytest.mark.parametrize(("name", "masked"), [
    ("梁红梅", "梁某某"), ("欧阳明", "欧阳某"), ("王五", "王某"), ("司马相如", "司马某某"), ("诸葛亮", "诸葛某"),
    ("上官婉儿", "上官某某"), ("慕容复", "慕容某"), ("欧阳", "欧阳某"), ("王", "王某"), (" 李四 ", "李某"), ("", ""),
])
def test_mask_name(name: str, masked: str) -> None:
    assert mask_name(name) == masked


def test_party_text_by_kind() -> None:
    assert party_text("person", "梁红梅", None) == "梁某某"
    assert party_text("individual_business", "东湖区福满楼小吃店", "欧阳明") == "东湖区福满楼小吃店（经营者：欧阳某）"
    assert party_text("organization", "江城市华联商贸有限公司", "赵六") == "江城市华联商贸有限公司"


def test_scrub_removes_names_ids_phones_and_addresses() -> None:
    text = ("当事人欧阳明华（身份证号码42010619900101123X，电话13912345678，座机027-87654321，"
            "住址江城市东湖区梨园路1号）与欧阳明共同实施，旧证号420106900101123。")
    out = scrub(text, names=["欧阳明华", "欧阳明"], addresses=["江城市东湖区梨园路1号"])
    secrets = ("欧阳明华", "欧阳明共", "42010619900101123X", "13912345678", "027-87654321", "梨园路", "420106900101123")
    for secret in secrets:
        assert secret not in out
    assert out.startswith("当事人欧阳某某（身份证号码***，电话***，座机***，住址***）与欧阳某共同实施")


def test_scrub_keeps_amounts_dates_and_document_numbers() -> None:
    text = "2026年3月5日作出东综执罚决字〔2026〕12号决定，罚款人民币20000元，统一社会信用代码91420100MA4K00010R。"
    assert scrub(text) == text

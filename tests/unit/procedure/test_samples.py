"""Every fixture case and shared sample case gives exactly the rule ids and archivability its .expect.json names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desk.casefile import schema
from desk.procedure.checker import check
from tests.conftest import case_files

from .cases import TODAY, sample


def test_fixture_cases_are_there() -> None:
    assert len(case_files(shared=False)) >= 5


@pytest.mark.parametrize("path", case_files())
def test_sample_gives_expected_findings(path: Path) -> None:
    expected = json.loads(path.with_suffix(".expect.json").read_text(encoding="utf-8"))
    report = check(schema.load(json.loads(path.read_text(encoding="utf-8"))), today=TODAY)
    assert sorted({f.rule for f in report.findings}) == sorted(expected["rules"])
    assert report.archivable is expected["archivable"]


def test_report_json_follows_the_contract() -> None:
    report = check(sample("hearing_right_missing"), today=TODAY)
    out = report.to_json("东综执立字〔2026〕22号")
    assert out["case"] == "东综执立字〔2026〕22号"
    assert out["archivable"] is False
    assert out["score"] == 60  # two blockers at 20 each
    assert {"rule", "severity", "message", "documents", "due"} <= set(out["findings"][0])
    hearing = next(f for f in out["findings"] if f["rule"] == "R-HEARING-RIGHT")
    assert hearing["severity"] == "blocker"
    assert hearing["documents"] == ["东综执罚告字〔2026〕22号"]
    assert hearing["message"].startswith("罚款 20000 元已达听证标准")
    json.dumps(out, ensure_ascii=False)


def test_clean_report_json() -> None:
    out = check(sample("general_clean"), today=TODAY).to_json("东综执立字〔2026〕21号")
    assert out == {"case": "东综执立字〔2026〕21号", "archivable": True, "score": 100, "findings": []}


def test_message_follows_the_user_language(monkeypatch: pytest.MonkeyPatch) -> None:
    report = check(sample("summary_over_limit"), today=TODAY)
    monkeypatch.setenv("DESK_LANG", "en")
    assert report.to_json("x")["findings"][0]["message"] == (
        "A fine of 500 yuan exceeds the summary-procedure limit of 200 yuan for a person."
    )
    monkeypatch.setenv("DESK_LANG", "zh_TW")
    assert report.to_json("x")["findings"][0]["message"] == "罰款 500 元超過簡易程序對公民罰款 200 元的上限。"
    monkeypatch.setenv("DESK_LANG", "zh_CN")
    assert report.findings[0].message == "罚款 500 元超过简易程序对公民罚款 200 元的上限。"
    assert report.to_json("x")["findings"][0]["message"] == report.findings[0].message

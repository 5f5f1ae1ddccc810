"""desk check and desk calendar through the command line, on every backend."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, DeskEnv, case_files


def _import(env: DeskEnv, path: Path) -> str:
    result = env.run("import", str(path))
    assert result.code == 0, result.err
    return result.out.strip()


@pytest.mark.parametrize("sample", case_files())
def test_check_json_and_exit_code(desk_env: DeskEnv, sample: Path) -> None:
    expected = json.loads(sample.with_suffix(".expect.json").read_text(encoding="utf-8"))
    case_id = _import(desk_env, sample)
    result = desk_env.run("check", case_id, "--json")
    assert result.code == (0 if expected["archivable"] else 1), result.err
    report = json.loads(result.out)
    assert report["archivable"] is expected["archivable"]
    assert sorted({f["rule"] for f in report["findings"]}) == sorted(expected["rules"])
    assert report["case"] == json.loads(sample.read_text(encoding="utf-8"))["case"]["number"]


def test_check_by_number_text_and_all(desk_env: DeskEnv) -> None:
    clean = _import(desk_env, FIXTURES / "cases" / "general_clean.json")
    text = desk_env.run("check", "东综执立字〔2026〕21号")
    assert text.code == 0 and "may be archived, score 100/100" in text.out
    assert desk_env.run("check", "--all").code == 0
    _import(desk_env, FIXTURES / "cases" / "hearing_right_missing.json")
    every = desk_env.run("check", "--all", "--json")
    assert every.code == 1
    assert [r["archivable"] for r in json.loads(every.out)] == [True, False]
    assert desk_env.run("check", clean, "--all").code == 2
    assert desk_env.run("check", "nonexistent").code == 2


def test_calendar_import_and_show(desk_env: DeskEnv, tmp_path: Path) -> None:
    missing = desk_env.run("calendar", "show", "2027")
    assert missing.code == 2 and "2027" in missing.err
    data = tmp_path / "2027.toml"
    data.write_text('[2027]\n"元旦" = { rest = [2027-01-01], work = [] }\n', encoding="utf-8")
    imported = desk_env.run("calendar", "import", str(data))
    assert imported.code == 0, imported.err
    assert imported.out.startswith("1 day(s)")
    shown = desk_env.run("calendar", "show", "2027")
    assert shown.code == 0 and shown.out.split() == ["2027-01-01", "rest", "day", "元旦"]
    csv = tmp_path / "fix.csv"
    csv.write_text("2026-03-02,false,test closure\n", encoding="utf-8")
    assert desk_env.run("calendar", "import", str(csv)).code == 0
    assert "2026-03-02  rest day  test closure" in desk_env.run("calendar", "show", "2026").out
    bad = tmp_path / "bad.csv"
    bad.write_text("2026-03-02,perhaps,x\n", encoding="utf-8")
    assert desk_env.run("calendar", "import", str(bad)).code == 2


def test_check_all_in_worker_processes_prints_what_one_process_prints(desk_env: DeskEnv,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing
    import sys

    samples = [p for p in sorted((FIXTURES / "cases").glob("*.json")) if not p.name.endswith(".expect.json")]
    for sample in samples:
        _import(desk_env, sample)
    monkeypatch.setattr("os.cpu_count", lambda: 1)
    alone = desk_env.run("check", "--all", "--json")
    contexts: list[str] = []
    real = multiprocessing.get_context

    def spy(method: str | None = None) -> object:
        contexts.append(str(method))
        return real(method)

    monkeypatch.setattr("os.cpu_count", lambda: 3)
    monkeypatch.setattr("desk.services.review.RUN", 2)  # runs of two cases, handed out to the workers
    monkeypatch.setattr(multiprocessing, "get_context", spy)
    shared = desk_env.run("check", "--all", "--json")
    if sys.platform.startswith("linux"):
        assert contexts == ["fork"]
    assert shared.code == alone.code == 1, shared.err
    assert shared.out == alone.out
    assert len(json.loads(shared.out)) == len(samples) > 2 * 2  # more runs than one

"""desk discretion import/list/apply, the checker on stored cases, the demo's printed reasoning; every backend."""

from __future__ import annotations

import io
import json
from pathlib import Path

from docx import Document as Docx
from sqlalchemy import select

from desk.casefile import jsonio, schema
from desk.discretion.demo import SHIPPED
from desk.discretion.listing import listing_json
from desk.discretion.reader import read_file
from desk.models import Case, DiscretionStandard
from tests.conftest import DeskEnv
from tests.unit.discretion.test_reader import GOOD, _xlsx

ART32_1 = "《中华人民共和国行政处罚法》第三十二条第（一）项 主动消除或者减轻违法行为危害后果"


def listed(env: DeskEnv) -> list[dict[str, object]]:
    result = env.run("discretion", "list", "--json")
    assert result.code == 0, result.err
    return list(json.loads(result.out))


def test_import_a_version_then_list_it(desk_env: DeskEnv) -> None:
    result = desk_env.run("discretion", "import", str(SHIPPED))
    assert result.code == 0, result.err
    assert result.out == "Loaded 江城市城市管理行政处罚裁量基准 version 2025-1: 16 item(s).\n"
    (std,) = listed(desk_env)
    assert (std["version"], std["valid_from"], std["valid_to"]) == ("2025-1", "2025-01-01", None)
    assert std == listing_json([read_file(SHIPPED)])[0]
    text = desk_env.run("discretion", "list").out
    assert "     1  随意倾倒、抛撒、堆放或者焚烧生活垃圾（单位）  [50,000元以上500,000元以下]" in text


def test_a_version_is_loaded_once_and_older_versions_stay(desk_env: DeskEnv, tmp_path: Path) -> None:
    assert desk_env.run("discretion", "import", str(SHIPPED)).code == 0
    again = desk_env.run("discretion", "import", str(SHIPPED))
    assert again.code == 2 and "already loaded" in again.err
    newer = tmp_path / "2026.toml"
    newer.write_text(SHIPPED.read_text(encoding="utf-8").replace('version = "2025-1"', 'version = "2026-1"'),
                     encoding="utf-8")
    assert desk_env.run("discretion", "import", str(newer)).code == 0
    assert [s["version"] for s in listed(desk_env)] == ["2025-1", "2026-1"]


def test_a_bad_file_loads_nothing_and_names_the_item(desk_env: DeskEnv, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(GOOD.replace("fine = { min = 300000, max = 500000 }", "fine = { min = 300000, max = 600000 }")
                   .replace('version = "2026-1"\n', ""), encoding="utf-8")
    result = desk_env.run("discretion", "import", str(bad))
    assert result.code == 2
    assert result.err.splitlines() == [
        "The discretion standard has 2 problem(s); nothing was loaded:",
        "  - standard.version: “version” is required.",
        "  - item 31, tier 严重: tier “严重”: 300000–600000 yuan lies outside the statutory range 50000–500000 yuan.",
    ]
    assert listed(desk_env) == []
    with desk_env.uow(write=False) as uow:
        assert uow.session.scalars(select(DiscretionStandard)).all() == []


def test_an_xlsx_imports_to_the_same_standard_as_the_toml(desk_env: DeskEnv, tmp_path: Path) -> None:
    result = desk_env.run("discretion", "import", str(_xlsx(tmp_path)))
    assert result.code == 0, result.err
    toml = tmp_path / "same.toml"
    toml.write_text(GOOD, encoding="utf-8")
    assert listed(desk_env) == listing_json([read_file(toml)])


def _text(uow: object, doc_id: int) -> str:
    from desk.services import documents

    docx = Docx(io.BytesIO(documents.docx_bytes(uow, doc_id)))  # type: ignore[arg-type]
    cells = [c.text for t in docx.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in docx.paragraphs] + cells)


def test_the_demo_decision_and_notice_print_item_version_tier_and_circumstances(desk_env: DeskEnv) -> None:
    assert desk_env.run("demo", "--cases", "12").code == 0
    with desk_env.uow(write=False) as uow:
        road = next(c for c in uow.session.scalars(select(Case))
                    if c.discretion.get("item") == "12" and c.status == "closed")
        printed = {d.kind: _text(uow, d.id) for d in road.documents if d.status == "issued"
                   and d.kind in ("penalty_prior_notice", "penalty_decision", "investigation_report")}
    assert set(printed) == {"penalty_prior_notice", "penalty_decision", "investigation_report"}
    for kind, text in printed.items():
        assert "本案适用《江城市城市管理行政处罚裁量基准》（2025-1版）第12项。" in text, kind
        assert "本案违法行为属于该基准第12项" in text, kind
        assert "违法情节符合“较轻”阶次（占用面积10平方米以下且3日以下，经责令后立即改正）" in text, kind
        assert "该阶次罚款幅度为4,000元以下" in text, kind
        assert f"从轻处罚情节：{ART32_1}" in text, kind
        assert text.count("《江城市城市管理行政处罚裁量基准》（2025-1版）") == 1, kind  # stated once, not 参照… again
    assert "本机关拟对你（单位）作出如下行政处罚：罚款人民币壹仟元整（1,000元）" in printed["penalty_prior_notice"]


def test_closed_demo_cases_that_apply_the_standard_have_no_discretion_finding(desk_env: DeskEnv) -> None:
    desk_env.run("demo", "--cases", "12")
    rows = json.loads(desk_env.run("cases", "--json", "--status", "closed").out)
    for row in rows:
        report = json.loads(desk_env.run("check", str(row["id"]), "--json").out)
        assert not [f for f in report["findings"] if f["rule"].startswith("R-DISCRETION")], row["number"]


def test_apply_a_tier_to_a_case_and_the_check_judges_it(desk_env: DeskEnv) -> None:
    desk_env.run("demo", "--cases", "12")
    with desk_env.uow(write=False) as uow:
        number = next(c.number for c in uow.session.scalars(select(Case))
                      if c.discretion.get("item") == "6" and c.status == "closed")
    # the fine of 150 000 lies below the 一般 tier (300 000–600 000): a departure no circumstance explains
    applied = desk_env.run("discretion", "apply", number, "--version", "2025-1", "--item", "6", "--tier", "一般")
    assert applied.code == 0, applied.err
    findings = json.loads(desk_env.run("check", number, "--json").out)["findings"]
    assert [(f["rule"], f["severity"]) for f in findings] == [("R-DISCRETION-TIER", "major")]
    assert "150000 yuan lies outside the 一般 tier's range of 300000–600000 yuan" in findings[0]["message"]
    lighter = f"从轻：{ART32_1}"
    desk_env.run("discretion", "apply", number, "--version", "2025-1", "--item", "6", "--tier", "一般",
                 "--circumstance", lighter)
    assert json.loads(desk_env.run("check", number, "--json").out)["findings"] == []
    unknown = desk_env.run("discretion", "apply", number, "--version", "2025-1", "--item", "6", "--tier", "特别严重")
    assert unknown.code == 2 and "Item 6 has no tier “特别严重”; its tiers are: 较轻、一般、严重." in unknown.err
    bad = desk_env.run("discretion", "apply", number, "--version", "2025-1", "--item", "6", "--tier", "一般",
                       "--circumstance", "情节轻微")
    assert bad.code == 2 and "must start with 从轻, 减轻 or 从重" in bad.err


def test_item_version_and_circumstances_round_trip_through_desk_case(desk_env: DeskEnv) -> None:
    desk_env.run("demo", "--cases", "12")
    with desk_env.uow(write=False) as uow:
        case_id = next(c.id for c in uow.session.scalars(select(Case)) if c.discretion.get("circumstances"))
    exported = desk_env.run("export", str(case_id)).out
    discretion = json.loads(exported)["case"]["discretion"]
    assert discretion == {
        "level": "较轻", "standard": "江城市城市管理行政处罚裁量基准（2025-1）第12项", "item": "12",
        "version": "2025-1", "circumstances": [f"从轻：{ART32_1}"],
    }
    assert jsonio.dumps(schema.load(json.loads(exported))) == exported
    # a case without them writes none of the new keys
    with desk_env.uow(write=False) as uow:
        plain = next(c.id for c in uow.session.scalars(select(Case)) if not c.discretion.get("item"))
    assert set(json.loads(desk_env.run("export", str(plain)).out)["case"]["discretion"]) <= {"level", "standard"}


def test_an_imported_circumstance_without_effect_is_refused(desk_env: DeskEnv, tmp_path: Path) -> None:
    desk_env.run("demo", "--cases", "12")
    with desk_env.uow(write=False) as uow:
        case_id = next(c.id for c in uow.session.scalars(select(Case)) if c.discretion.get("circumstances"))
    data = json.loads(desk_env.run("export", str(case_id)).out)
    data["case"]["discretion"]["circumstances"] = ["主动消除危害后果"]
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = desk_env.run("import", str(path))
    assert result.code == 2
    assert "case.discretion.circumstances[0]: “主动消除危害后果” must start with 从轻, 减轻 or 从重" in result.err


def test_a_demo_case_made_through_the_services_gets_its_item_applied(desk_env: DeskEnv) -> None:
    """``desk.discretion.demo.apply_to``: what a demo built through ``desk new``/``update`` calls per case."""
    from desk.discretion.demo import apply_to

    desk_env.run("demo", "--cases", "12")
    with desk_env.uow() as uow:
        case = next(c for c in uow.session.scalars(select(Case)) if not c.discretion.get("item"))
        apply_to(uow, case.id, "占用城市道路堆放物料")
        apply_to(uow, case.id, "无证经营食品摊贩")  # no item for this cause: nothing changes
    with desk_env.uow(write=False) as uow:
        stored = uow.session.get(Case, case.id)
        assert stored is not None
        assert stored.discretion == {
            "level": "较轻", "standard": "江城市城市管理行政处罚裁量基准（2025-1）第12项", "item": "12",
            "version": "2025-1", "circumstances": [f"从轻：{ART32_1}"]}

"""desk stats over a synthetic year of 33 cases: JSON, XLSX and PDF against tables computed by hand.

The expectations below were counted by hand from the table in reports_year.py (see the comments); the
command line, the XLSX read back with openpyxl (charts present) and the PDF's extracted text must all agree.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from desk.casefile.facts import PENALTY_KINDS
from tests.conftest import DeskEnv
from tests.integration.reports_year import C1, C2, C3, A, B, import_year


def kinds(**found: int) -> dict[str, int]:
    return {k: found.get(k, 0) for k in PENALTY_KINDS}


MARCH = {
    "period": "2026-03", "from": "2026-03-01", "to": "2026-03-31",
    # opened in March: G3 G4 G5 N1 T1 P1 G16 (filed), S1 S2 (summary, on their decision)
    "filed": 9,
    "closed": 5,  # G1 N1 T1 S1 S2
    "decided": 8, "summary": 2, "general": 6,  # G1 G2 G3 G4 N1 G16 · S1 S2
    "penalties": kinds(fine=4, confiscate_gains=1, suspend_business=1, warning=1),  # G1 G2 S1 G16 · G3 · G4 · S2
    "fines": 58200,  # 2000 + 50000 + 5000 + 200 + 1000
    "confiscated": 1200,  # G3
    "paid": 8400,  # G1 2000, G3 6200, S1 200
    "no_penalty": 1, "hearings": 1,  # N1 · G2
    "transfers": {"criminal": 1, "jurisdiction": 0},  # T1
    "by_squad": {A: {"filed": 5, "closed": 3, "decided": 4, "fines": 53200},
                 B: {"filed": 4, "closed": 2, "decided": 4, "fines": 5000}},
    "by_cause": {C1: 5, C3: 3, C2: 1},
    "carried_over": {"in": 3, "out": 7},  # G1 G2 P3 · G2 G3 G4 G5 P1 P3 G16
    "checks": [{"id": "kinds_sum_to_penalty_decisions", "ok": True, "left": 7, "right": 7},
               {"id": "filed_and_carried_in_equal_closed_and_carried_out", "ok": True, "left": 12, "right": 12}],
}
OCTOBER = {
    "period": "2026-10", "from": "2026-10-01", "to": "2026-10-31",
    "filed": 6,  # G8 N4 P2 · T2 (on its transfer) · S3 S4
    "closed": 8,  # G6 G7 G8 N2 T2 S3 S4 G13
    "decided": 6, "summary": 2, "general": 4,  # G7 G8 N2 N4 · S3 S4
    "penalties": kinds(fine=3, order_closure=1),  # G8 S3 S4 · G7
    "fines": 100950,  # 100000 + 800 + 100 + 50
    "confiscated": 0,
    "paid": 113950,  # G6 3000, G7 100000, G8 800, S3 100, S4 50, G13 10000
    "no_penalty": 2, "hearings": 0,  # N2 N4 · (G7's hearing was in September)
    "transfers": {"criminal": 0, "jurisdiction": 1},  # T2
    "by_squad": {A: {"filed": 3, "closed": 4, "decided": 5, "fines": 100900},
                 B: {"filed": 3, "closed": 4, "decided": 1, "fines": 50}},
    "by_cause": {C2: 3, C1: 2, C3: 1},
    "carried_over": {"in": 7, "out": 5},  # G6 G7 N2 G13 P1 P3 G16 · P1 P2 P3 G16 N4
    "checks": [{"id": "kinds_sum_to_penalty_decisions", "ok": True, "left": 4, "right": 4},
               {"id": "filed_and_carried_in_equal_closed_and_carried_out", "ok": True, "left": 13, "right": 13}],
}
YEAR_2026 = {
    "period": "2026", "from": "2026-01-01", "to": "2026-12-31",
    "filed": 31,  # all 33 but G12 and P3 (filed in 2025)
    "closed": 27,  # all but G11 G16 G17 P1 P2 P3
    "decided": 27, "summary": 6, "general": 21,  # 23 penalties + 4 no-penalty
    "penalties": kinds(fine=17, warning=2, confiscate_gains=1, confiscate_property=1, suspend_business=1,
                       order_closure=1),
    "fines": 205200,
    "confiscated": 4200,  # G3 1200 + G10 3000
    "paid": 207600,
    "no_penalty": 4, "hearings": 2,
    "transfers": {"criminal": 2, "jurisdiction": 1},
    "by_squad": {A: {"filed": 16, "closed": 14, "decided": 15, "fines": 184750},
                 B: {"filed": 15, "closed": 13, "decided": 12, "fines": 20450}},
    "by_cause": {C2: 12, C1: 11, C3: 8},
    "carried_over": {"in": 2, "out": 6},  # G12 P3 · G11 G16 G17 P1 P2 P3
    "checks": [{"id": "kinds_sum_to_penalty_decisions", "ok": True, "left": 23, "right": 23},
               {"id": "filed_and_carried_in_equal_closed_and_carried_out", "ok": True, "left": 33, "right": 33}],
}
PERIODS = (("--month", "2026-03", MARCH), ("--month", "2026-10", OCTOBER), ("--year", "2026", YEAR_2026))


def sheet_values(path: Path) -> dict[str, dict[str, list[Any]]]:
    """sheet title → first column → the row's other values (from row 3: row 1 the title, row 2 the header)."""
    wb = load_workbook(path)
    found: dict[str, dict[str, list[Any]]] = {}
    for ws in wb.worksheets:
        rows = {}
        for row in ws.iter_rows(min_row=3, values_only=True):
            if row[0] is None:
                break
            rows[str(row[0])] = list(row[1:])
        found[ws.title] = rows
        assert len(ws._charts) == 1, f"sheet {ws.title} has no chart"
    return found


def test_year_stats_agree_with_hand_counts_in_json_xlsx_and_pdf(desk_env: DeskEnv, tmp_path: Path) -> None:
    import_year(desk_env, tmp_path)
    for option, value, expected in PERIODS:
        result = desk_env.run("stats", option, value, "--json")
        assert result.code == 0, result.err
        assert json.loads(result.out) == expected, value

        xlsx, pdf = tmp_path / f"{value}.xlsx", tmp_path / f"{value}.pdf"
        assert desk_env.run("stats", option, value, "--xlsx", str(xlsx), "--pdf", str(pdf)).code == 0
        sheets = sheet_values(xlsx)
        overview = sheets["办案总体情况"]
        assert overview["立案"][0] == expected["filed"]
        for label, key in (("结案", "closed"), ("作出处理决定", "decided"), ("其中简易程序", "summary"),
                           ("其中普通程序", "general"), ("不予行政处罚", "no_penalty"), ("举行听证", "hearings")):
            assert overview[label][0] == expected[key], label
        assert overview["移送司法机关"][0] == expected["transfers"]["criminal"]
        assert overview["期末未结"][0] == expected["carried_over"]["out"]
        kinds_sheet = sheets["行政处罚种类(按最重处罚计一次)"]
        from desk.render.labels import PENALTY_KINDS as LABELS

        assert {LABELS[k]: n for k, n in expected["penalties"].items()} == {k: v[0] for k, v in kinds_sheet.items()}
        money = sheets["罚没款(元)"]
        assert [money["罚款（决定）"][0], money["没收（决定）"][0], money["已缴纳"][0]] == [
            expected["fines"], expected["confiscated"], expected["paid"]]
        squads = sheets["各中队办案情况"]
        assert {k: v[:4] for k, v in squads.items()} == {
            k: [v["filed"], v["closed"], v["decided"], v["fines"]] for k, v in expected["by_squad"].items()}
        assert {k: v[0] for k, v in sheets["立案案由分布"].items()} == expected["by_cause"]

        text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
        compact = "".join(text.split())
        assert f"统计期间：{expected['from']}至{expected['to']}" in compact
        assert f"立案{expected['filed']}" in compact and f"结案{expected['closed']}" in compact
        assert f"作出处理决定{expected['decided']}" in compact
        assert f"罚款（决定）{expected['fines']:,}" in compact
        assert f"已缴纳{expected['paid']:,}" in compact
        for squad, v in expected["by_squad"].items():
            assert f"{squad}{v['filed']}{v['closed']}{v['decided']}{v['fines']:,}" in compact
        for cause, n in expected["by_cause"].items():
            assert f"{cause}{n}" in compact
        assert compact.count("通过") == 2 and "不符" not in compact


def test_a_period_without_cases_gives_zeros(desk_env: DeskEnv) -> None:
    result = desk_env.run("stats", "--month", "2019-02", "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert (data["filed"], data["closed"], data["decided"], data["fines"], data["paid"]) == (0, 0, 0, 0, 0)
    assert data["penalties"] == kinds() and data["by_squad"] == {} and data["by_cause"] == {}
    assert all(c["ok"] for c in data["checks"])
    listed = desk_env.run("publish", "--from", "2019-01-01", "--to", "2019-12-31", "--json")
    assert listed.code == 0 and json.loads(listed.out) == []


@pytest.mark.parametrize("args", [
    ("stats", "--month", "2026-13"),
    ("stats", "--month", "March"),
    ("stats", "--year", "26"),
    ("publish", "--from", "2026-10-31", "--to", "2026-10-01"),
    ("publish", "--from", "2026-02-30", "--to", "2026-03-01"),
    ("stats", "--year", "2026", "--xlsx", "/nonexistent-folder/x.xlsx"),
    ("stats", "--year", "2026", "--pdf", "/nonexistent-folder/x.pdf"),
    ("publish", "--from", "2026-01-01", "--to", "2026-12-31", "--csv", "/nonexistent-folder/x.csv"),
    ("publish", "--from", "2026-01-01", "--to", "2026-12-31", "--xlsx", "/proc/x.xlsx"),
])
def test_bad_input_exits_2_with_one_line(desk_env: DeskEnv, args: tuple[str, ...]) -> None:
    result = desk_env.run(*args)
    assert result.code == 2, result.err
    assert len(result.err.strip().splitlines()) == 1 and "Traceback" not in result.err
    assert not list(Path("/nonexistent-folder").parent.glob(".x.*"))


def test_payments_recorded_by_documents_count_as_paid(desk_env: DeskEnv) -> None:
    """A case carried in Desk records its payment by issuing a 罚没款缴纳凭证登记 (the ``paid`` event is implied,
    not stored): the year's ``paid`` is what those registrations and the recorded payments say."""
    from datetime import date

    assert desk_env.run("demo").code == 0
    year = date.today().year
    expected = 0.0
    for row in json.loads(desk_env.run("cases", "--json").out):
        case = json.loads(desk_env.run("export", str(row["id"])).out)
        recorded = [e for e in case["events"] if e["type"] == "paid" and e["on"].startswith(str(year))]
        expected += sum(float(e.get("amount") or 0) for e in recorded)
        if not any(e["type"] == "paid" for e in case["events"]):
            for d in case["documents"]:
                fields = d.get("fields") or {}
                if d["kind"] == "payment_record" and d.get("status") != "void" and d.get("issued_on") and str(
                        fields.get("paid_on") or d["issued_on"]).startswith(str(year)):
                    expected += float(fields["amount"])
    stats = json.loads(desk_env.run("stats", "--year", str(year), "--json").out)
    assert expected > 0 and stats["paid"] == expected

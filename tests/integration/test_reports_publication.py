"""desk publish over the synthetic year: the contract's keys, deadlines across 春节 and 国庆 2026 (make-up
Saturdays count), statuses, recording publication and withdrawal, and masking in every output format."""

from __future__ import annotations

import csv
import json
import re
from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import select

from desk.reports import periods
from desk.reports.tables import PUBLICATION_COLUMNS
from desk.services.reports import publication_list
from tests.conftest import DeskEnv
from tests.integration.reports_year import YEAR, import_year, organisations, private_strings

CONTRACT_KEYS = {"number", "decided_on", "cause", "party", "party_kind", "uscc", "legal_representative", "facts",
                 "basis", "penalty", "fine", "confiscated", "agency", "execution", "publish_by", "published_on"}
TODAY = date(2026, 12, 7)
ID_18 = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
LANDLINE = re.compile(r"(?<!\d)0\d{2,3}-\d{7,8}(?!\d)")


def listing(env: DeskEnv, start: str, end: str) -> list[dict[str, object]]:
    with env.uow(write=False) as uow:
        return publication_list(uow, periods.between(start, end), TODAY)


def by_case(entries: list[dict[str, object]], ids: dict[str, int]) -> dict[str, dict[str, object]]:
    keys = {v: k for k, v in ids.items()}
    return {keys[int(str(e["case_id"]))]: e for e in entries}


def test_the_list_keys_deadlines_and_statuses(desk_env: DeskEnv, tmp_path: Path) -> None:
    ids = import_year(desk_env, tmp_path)
    result = desk_env.run("publish", "--from", "2026-01-01", "--to", "2026-12-31", "--json")
    assert result.code == 0, result.err
    entries = json.loads(result.out)
    # 23 penalty decisions in 2026, less the two whose only penalty is a warning (G5, S2)
    assert len(entries) == 21 and all(set(e) >= CONTRACT_KEYS for e in entries)
    listed = {e["number"] for e in entries}
    assert "东综执罚决字〔2026〕5号" not in listed and "东综执简罚决字〔2026〕23号" not in listed  # G5, S2
    assert [e["decided_on"] for e in entries] == sorted(e["decided_on"] for e in entries)

    year = by_case(listing(desk_env, "2026-01-01", "2026-12-31"), ids)
    # 春节 2026: 02-14 (Sat) and 02-28 (Sat) are make-up working days, 02-15..02-23 rest
    assert year["S5"]["publish_by"] == date(2026, 2, 28) and year["S5"]["status"] == "published"
    # 国庆 2026: 10-01..10-07 rest, 10-10 (Sat) a make-up working day
    assert year["G13"]["publish_by"] == date(2026, 10, 15)  # decided 09-30
    assert year["G6"]["publish_by"] == date(2026, 10, 14)  # decided 09-29
    assert year["G7"]["publish_by"] == year["S3"]["publish_by"] == date(2026, 10, 19)  # decided 10-09
    assert year["G16"]["publish_by"] == date(2026, 3, 30)  # an ordinary fortnight
    assert year["G8"]["publish_by"] == date(2026, 11, 2) and year["G8"]["status"] == "published_late"
    assert year["S3"]["status"] == "overdue" and year["G3"]["status"] == "overdue"
    assert year["G16"]["status"] == "withdrawn" and year["G16"]["withdrawn_on"] == date(2026, 4, 20)
    assert year["G17"]["publish_by"] == date(2026, 12, 8) and year["G17"]["status"] == "due"  # decided 11-27
    assert year["G11"]["execution"] == "unpaid" and year["G1"]["execution"] == "paid"
    assert year["G3"]["penalty"] == "罚款人民币5000元；没收违法所得人民币1200元"
    assert year["G3"]["fine"] == 5000 and year["G3"]["confiscated"] == 1200
    assert year["G7"]["agency"] == "江城市东湖区综合行政执法局"

    october = by_case(listing(desk_env, "2026-10-01", "2026-10-31"), ids)
    assert sorted(october) == ["G7", "G8", "S3", "S4"]
    assert october["S4"]["publish_by"] == date(2026, 11, 10)


def test_warning_only_decisions_listed_when_the_setting_says_so(desk_env: DeskEnv, tmp_path: Path) -> None:
    import_year(desk_env, tmp_path)
    from desk.models import Agency

    with desk_env.uow() as uow:
        agency = uow.session.scalars(select(Agency)).one()
        agency.settings = {**agency.settings, "publish_warnings": True}
    entries = json.loads(desk_env.run("publish", "--from", "2026-01-01", "--to", "2026-12-31", "--json").out)
    assert len(entries) == 23
    assert {e["penalty"] for e in entries} >= {"警告"}


def test_recording_publication_and_withdrawal(desk_env: DeskEnv, tmp_path: Path) -> None:
    ids = import_year(desk_env, tmp_path)
    s3 = str(ids["S3"])
    assert desk_env.run("publish", "--record", s3, "--on", "2026-10-16").code == 0
    entry = by_case(listing(desk_env, "2026-10-01", "2026-10-31"), ids)["S3"]
    assert entry["published_on"] == date(2026, 10, 16) and entry["status"] == "published"
    exported = json.loads(desk_env.run("export", s3).out)
    assert {"type": "published", "on": "2026-10-16"} in exported["events"]

    # the decision is revoked (voided): the publication must be withdrawn within 3 working days
    from desk.models import Document

    with desk_env.uow() as uow:
        doc = uow.session.scalars(select(Document).where(Document.case_id == ids["S3"])).one()
        doc.status, doc.void_reason = "void", "行政复议决定撤销"
        from datetime import datetime

        doc.updated_at = datetime(2026, 10, 30, 9, 0)
    revoked = by_case(listing(desk_env, "2026-10-01", "2026-10-31"), ids)["S3"]  # still listed: to be withdrawn
    assert revoked["status"] == "to_withdraw" and revoked["withdraw_by"] == date(2026, 11, 4)  # Fri 30 → Wed 4
    assert revoked["number"] and revoked["decided_on"] == date(2026, 10, 9)
    assert desk_env.run("publish", "--withdraw", s3, "--on", "2026-11-02", "--reason", "处罚决定被撤销").code == 0
    assert by_case(listing(desk_env, "2026-10-01", "2026-10-31"), ids)["S3"]["status"] == "withdrawn"
    g1 = str(ids["G1"])
    with desk_env.uow() as uow:
        doc = uow.session.scalars(select(Document).where(Document.case_id == ids["G1"],
                                                         Document.kind == "penalty_decision")).one()
        replacement = Document(case_id=doc.case_id, agency_id=doc.agency_id, position=9, kind="penalty_decision",
                               status="issued", number="东综执罚决字〔2026〕99号", issued_on=doc.issued_on,
                               created_at=doc.created_at, updated_at=doc.updated_at)
        doc.status, doc.void_reason, doc.updated_at = "void", "变更处罚决定", datetime(2026, 3, 20, 10, 0)
        uow.session.add(replacement)
    entry = by_case(listing(desk_env, "2026-03-01", "2026-03-31"), ids)["G1"]
    assert entry["status"] == "to_withdraw" and entry["withdraw_by"] == date(2026, 3, 25)  # Fri 20 → Wed 25
    bad = desk_env.run("publish", "--withdraw", g1, "--on", "2026-03-23")
    assert bad.code == 2 and "--reason" in bad.err
    assert desk_env.run("publish", "--withdraw", g1, "--on", "2026-03-23", "--reason", "处罚决定已变更").code == 0
    entry = by_case(listing(desk_env, "2026-03-01", "2026-03-31"), ids)["G1"]
    assert entry["status"] == "withdrawn" and entry["withdrawn_on"] == date(2026, 3, 23)

    for args in (("--record", str(ids["N1"]), "--on", "2026-04-01"),  # a no-penalty decision is not published
                 ("--record", str(ids["G11"]), "--on", "2026-11-01"),  # before its decision (11-18)
                 ("--record", str(ids["G11"]), "--on", "2099-01-01"),  # after today
                 ("--withdraw", str(ids["G11"]), "--on", "2026-11-20", "--reason", "x"),  # never published
                 ("--record", "no-such-case", "--on", "2026-11-20")):
        result = desk_env.run("publish", *args)
        assert result.code == 2 and len(result.err.strip().splitlines()) == 1, (args, result.err)


def test_no_personal_data_in_any_publication_output(desk_env: DeskEnv, tmp_path: Path) -> None:
    import_year(desk_env, tmp_path)
    xlsx, csv_path = tmp_path / "list.xlsx", tmp_path / "list.csv"
    span = ("--from", "2026-01-01", "--to", "2026-12-31")
    as_json = desk_env.run("publish", *span, "--json")
    as_text = desk_env.run("publish", *span)
    assert desk_env.run("publish", *span, "--xlsx", str(xlsx), "--csv", str(csv_path)).code == 0
    wb = load_workbook(xlsx)
    sheet = wb.active
    assert sheet is not None
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert tuple(rows[0]) == PUBLICATION_COLUMNS and len(rows) == 22
    csv_rows = list(csv.reader(csv_path.read_text(encoding="utf-8-sig").splitlines()))
    assert tuple(csv_rows[0]) == PUBLICATION_COLUMNS and len(csv_rows) == 22
    outputs = {
        "json": as_json.out, "text": as_text.out,
        "xlsx": "\n".join("\t".join("" if v is None else str(v) for v in r) for r in rows),
        "csv": csv_path.read_text(encoding="utf-8-sig"),
    }
    private = private_strings()
    for name, text in outputs.items():
        for secret in private:
            assert secret not in text, (name, secret)
        assert not ID_18.search(text), (name, ID_18.search(text))
        assert not MOBILE.search(text) and not LANDLINE.search(text), name
        for masked in ("欧阳某某", "梁某某", "司马某", "诸葛某某", "上官某某", "东湖区G3小吃店（经营者：黄某某）"):
            assert masked in text, (name, masked)
        for org, code, representative in organisations():
            decided = next(s for s in YEAR if f"江城市{s.key}商贸有限公司" == org)
            if decided.outcome == "penalty" and decided.kinds != ("warning",):
                assert org in text, (name, org)
                assert name == "text" or (code in text and representative in text), (name, org)
    entries = json.loads(as_json.out)
    g3 = next(e for e in entries if e["party"].startswith("东湖区G3"))
    assert g3["party_kind"] == "individual_business" and g3["uscc"] and g3["legal_representative"] is None
    g1 = next(e for e in entries if e["party"] == "欧阳某某")
    assert g1["uscc"] is None and g1["legal_representative"] is None and "欧阳某某" in g1["facts"]


def test_reading_every_case_or_only_the_periods_lists_the_same_rows(desk_env: DeskEnv, tmp_path: Path) -> None:
    """The list reads every case when the period's decisions are most of them (a year), else looks the period's
    cases up (a month): both ways give the same rows, a voided decision's included."""
    from datetime import datetime

    from desk.models import Document
    from desk.reports.listing import decision_rows
    from desk.reports.milestones import decided_between

    ids = import_year(desk_env, tmp_path)
    with desk_env.uow() as uow:
        doc = uow.session.scalars(select(Document).where(Document.case_id == ids["G16"],
                                                         Document.kind == "penalty_decision")).one()
        doc.status, doc.void_reason, doc.updated_at = "void", "行政复议决定撤销", datetime(2026, 4, 14, 9, 0)
    with desk_env.uow(write=False) as uow:
        for period in (periods.year("2026"), periods.month("2026-03"), periods.month("2026-10")):
            among = decided_between(period.start, period.end, voided=True)
            for warnings in (False, True):
                every = sorted(uow.session.execute(decision_rows(period, warnings)).all())
                some = sorted(uow.session.execute(decision_rows(period, warnings, among)).all())
                assert every and every == some, (period, warnings)
        rows = uow.session.execute(decision_rows(periods.month("2026-03"), False)).all()
        g16 = [r for r in rows if r.id == ids["G16"]]
        assert g16 and g16[0].voided and g16[0].voided.date() == date(2026, 4, 14) and g16[0].number

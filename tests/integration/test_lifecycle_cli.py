"""Cases carried from ``desk new`` to ``desk archive`` + ``desk verify`` with CLI verbs only (issue #11).

Dates are counted back from today in working days, so the cases are always in the past; the field values a
clerk would type come from ``desk export`` of the case and ``demo_fields.fields_for`` (the demo's values).
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

from desk.casefile import schema
from desk.casefile.identifiers import id_number_check_digit
from desk.procedure.calendar import shipped_calendar
from desk.services.demo import GROUNDS, PROPOSALS
from desk.services.demo_fields import fields_for
from desk.services.demo_people import _uscc
from tests.conftest import DeskEnv

TODAY = date.today()
ID_NUMBER = "42010219900307123" + id_number_check_digit("42010219900307123")
ORG = {"party": "江城市恒达建材有限公司", "uscc": _uscc(__import__("random").Random(7))}


def wd(day: date, n: int) -> date:
    return shipped_calendar().add_working_days(day, n) if n > 0 else day


def back(n: int) -> date:
    """The ``n``-th working day before today."""
    cal, day = shipped_calendar(), TODAY
    while n:
        day -= timedelta(days=1)
        n -= cal.is_working_day(day)
    return day


def ok(env: DeskEnv, *args: str) -> str:
    result = env.run(*args)
    assert result.code == 0, (args, result.err)
    return result.out.strip()


def _text(value: object) -> str:
    if isinstance(value, list):
        return ";".join(f"{v['name']}:{v['certificate']}" if isinstance(v, dict) else str(v) for v in value)
    return str(value)


def issue(env: DeskEnv, case: str, kind: str, on: date, served: bool = False, **values: object) -> str:
    """Draft (with what a clerk would type), issue on ``on`` and, for served kinds, serve the same day."""
    cf = schema.load(json.loads(ok(env, "export", case)))
    given = {**fields_for(kind, cf, on=on), **values}
    begun = values.get("started_at")
    if isinstance(begun, str) and "ended_at" not in values:  # a record ends after it begins: 40 minutes later
        given["ended_at"] = (datetime.fromisoformat(begun) + timedelta(minutes=40)).isoformat(timespec="minutes")
    sets = [x for name, v in given.items() for x in ("--set", f"{name}={_text(v)}")]
    doc = ok(env, "draft", case, kind, *sets)
    number = ok(env, "issue", doc, "--on", on.isoformat())
    if served:
        ok(env, "serve", doc, "--on", on.isoformat(), "--method", "direct", "--receiver", "王建华")
    return number or doc


def new_case(env: DeskEnv, start: date, *, procedure: str = "general", fine: int = 8000, party: str = "org",
             kinds: str = "fine") -> str:
    ok(env, "demo", "--cases", "0")  # the demo agency and its roster of officers
    who = (["--party", ORG["party"], "--party-kind", "organization", "--uscc", ORG["uscc"],
            "--legal-representative", "王建华"] if party == "org" else
           ["--party", "王建华", "--party-kind", "person", "--id-number", ID_NUMBER])
    case = ok(env, "new", "--cause", "随意倾倒建筑垃圾", *who, "--address", "江城市东湖区珞喻路1号",
              "--discovered", start.isoformat(), "--violation-on", start.isoformat(), "--place", "珞喻路1号路口",
              "--procedure", procedure, "--officer", "陈建国", "--officer", "刘晓燕")
    sets = {"facts": f"{start.year}年{start.month}月{start.day}日，当事人在珞喻路1号路口随意倾倒建筑垃圾约5立方米。",
            "evidence": "现场检查笔录;询问笔录;现场照片4张", "violated": "《城市建筑垃圾管理规定》第十五条",
            "basis": "《城市建筑垃圾管理规定》第二十六条", "discretion.level": "一般",
            "discretion.standard": "江城市城市管理行政处罚裁量基准 第12项", "penalty.kinds": kinds,
            "penalty.fine": str(fine), "violation_at": "09:30"}
    ok(env, "update", case, *[x for k, v in sets.items() for x in ("--set", f"{k}={v}")])
    return case


def investigate(env: DeskEnv, case: str, start: date, outcome: str = "penalty") -> date:
    """Up to the 调查终结报告; a case ending without a penalty gives its proposal and why no penalty is weighed."""
    issue(env, case, "case_source_register", start)
    issue(env, case, "onsite_inspection_record", start, started_at=f"{start.isoformat()}T09:30")
    filed = wd(start, 1)
    issue(env, case, "filing_approval", filed)
    day = wd(filed, 2)
    issue(env, case, "inquiry_record", day, started_at=f"{day.isoformat()}T10:00")
    day = wd(day, 3)
    issue(env, case, "investigation_report", day,
          **({"proposal": PROPOSALS[outcome], "discretion": GROUNDS[outcome]} if outcome in PROPOSALS else {}))
    return day


def notify(env: DeskEnv, case: str, day: date, fine: int, hearing: bool = False) -> str:
    return issue(env, case, "penalty_prior_notice", day, served=True, fine=fine, penalty_kinds="fine",
                 hearing_right=str(hearing).lower())


def archive(env: DeskEnv, case: str, tmp_path: Path) -> None:
    check = env.run("check", case, "--json")
    assert check.code == 0, check.out
    assert json.loads(check.out)["archivable"] is True
    package = tmp_path / "case.zip"
    ok(env, "archive", case, "-o", str(package))
    assert env.run("verify", str(package)).code == 0


def decide_and_close(env: DeskEnv, case: str, day: date, fine: int) -> None:
    decision = issue(env, case, "penalty_decision", day, served=True, fine=fine, penalty_kinds="fine")
    ok(env, "record", case, "published", "--on", wd(day, 2).isoformat())
    paid = day + timedelta(days=6)
    issue(env, case, "payment_record", paid, paid_on=paid.isoformat(), amount=fine, decision_number=decision)
    issue(env, case, "closing_approval", wd(paid, 1))


def test_general_penalty_case_new_to_archive(desk_env: DeskEnv, tmp_path: Path) -> None:
    start = back(30)
    case = new_case(desk_env, start)
    assert ok(desk_env, "cases", "--json").count('"pending"') == 1
    notice_day = wd(investigate(desk_env, case, start), 1)
    notify(desk_env, case, notice_day, 8000)
    # inside the 3 working days of the statement period: the guard refuses with the first lawful date
    early = wd(notice_day, 1)
    cf = schema.load(json.loads(ok(desk_env, "export", case)))
    values = {**fields_for("penalty_decision", cf), "fine": 8000, "penalty_kinds": "fine"}
    doc = ok(desk_env, "draft", case, "penalty_decision",
             *[x for n, v in values.items() for x in ("--set", f"{n}={_text(v)}")])
    refused = desk_env.run("issue", doc, "--on", early.isoformat())
    first = wd(notice_day, 3) + timedelta(days=1)
    assert refused.code == 1 and "R-NOTICE-WAIT" in refused.err and first.isoformat() in refused.err
    decide_and_close(desk_env, case, wd(notice_day, 4), 8000)
    events = json.loads(ok(desk_env, "events", case, "--json"))
    types = [e["type"] for e in events]
    for implied in ("inspected", "filed", "inquired", "investigation_concluded", "notified", "decided", "paid",
                    "closed"):
        assert implied in types, implied
    decided = next(e for e in events if e["type"] == "decided")
    assert "罚决字" in decided["source"]
    listed = json.loads(ok(desk_env, "cases", "--json"))[0]
    assert listed["outcome"] == "penalty" and listed["number"] and "立字" in listed["number"]
    archive(desk_env, case, tmp_path)


def test_statement_waived_lets_the_decision_through(desk_env: DeskEnv) -> None:
    start = back(20)
    case = new_case(desk_env, start)
    notice_day = wd(investigate(desk_env, case, start), 1)
    notify(desk_env, case, notice_day, 8000)
    ok(desk_env, "record", case, "statement_waived", "--on", wd(notice_day, 1).isoformat(), "--note", "书面放弃")
    issue(desk_env, case, "penalty_decision", wd(notice_day, 1), fine=8000, penalty_kinds="fine")


def test_guard_refuses_heavier_than_notified_and_voiding_restores(desk_env: DeskEnv) -> None:
    start = back(25)
    case = new_case(desk_env, start)
    notice_day = wd(investigate(desk_env, case, start), 1)
    notify(desk_env, case, notice_day, 8000)
    cf = schema.load(json.loads(ok(desk_env, "export", case)))
    values = {**fields_for("penalty_decision", cf), "fine": 9000, "penalty_kinds": "fine"}
    doc = ok(desk_env, "draft", case, "penalty_decision",
             *[x for n, v in values.items() for x in ("--set", f"{n}={_text(v)}")])
    heavier = desk_env.run("issue", doc, "--on", wd(notice_day, 4).isoformat())
    assert heavier.code == 1 and "R-NO-HEAVIER" in heavier.err
    number = issue(desk_env, case, "penalty_decision", wd(notice_day, 4), fine=6000, penalty_kinds="fine")
    assert json.loads(ok(desk_env, "cases", "--json"))[0]["outcome"] == "penalty"
    assert json.loads(ok(desk_env, "export", case))["case"]["penalty"]["fine"] == 6000
    ok(desk_env, "void", number, "--reason", "决定书记载有误")
    after = json.loads(ok(desk_env, "export", case))["case"]
    assert after["outcome"] == "pending" and after["penalty"]["fine"] == 8000
    assert "decided" not in [e["type"] for e in json.loads(ok(desk_env, "events", case, "--json"))]


def test_bad_input_and_out_of_order_events(desk_env: DeskEnv) -> None:
    start = back(20)
    case = new_case(desk_env, start)
    future = (TODAY + timedelta(days=1)).isoformat()
    before = (start - timedelta(days=1)).isoformat()
    assert desk_env.run("record", case, "paid", "--on", start.isoformat(), "--amount", "100").code == 2
    assert desk_env.run("record", case, "statement", "--on", future).code == 2
    assert desk_env.run("record", case, "statement", "--on", before).code == 2
    assert desk_env.run("record", case, "hearing_requested", "--on", start.isoformat()).code == 2
    closing = desk_env.run("record", case, "closed", "--on", start.isoformat())
    assert closing.code == 2 and "closed" in closing.err
    assert desk_env.run("update", case, "--set", "penalty.fine=abc").code == 2
    assert desk_env.run("update", case, "--set", "number=X").code == 2
    bad_id = desk_env.run("new", "--cause", "x", "--party", "王某", "--party-kind", "person", "--id-number",
                          "420102199003071234", "--address", "某路", "--discovered", start.isoformat(),
                          "--officer", "陈建国", "--officer", "刘晓燕")
    assert bad_id.code == 2 and "--id-number" in bad_id.err
    one = desk_env.run("new", "--cause", "x", "--party", "王某", "--party-kind", "person", "--address", "某路",
                       "--discovered", start.isoformat(), "--officer", "陈建国", "--officer", "无名氏")
    assert one.code == 2 and "无名氏" in one.err
    assert len(json.loads(ok(desk_env, "cases", "--json"))) == 1  # nothing changed
    doc = ok(desk_env, "draft", case, "case_source_register")
    assert desk_env.run("issue", doc, "--on", future).code == 2
    inquiry = ok(desk_env, "draft", case, "inquiry_record")  # no transcript nor times: required fields are empty
    blank = desk_env.run("issue", inquiry, "--on", start.isoformat())
    # refused by the issue guard (exit 1), each empty field named by its label only (CLI.md)
    assert blank.code == 1, blank.err
    assert "“Record” is required" in blank.err and "“Started at” is required" in blank.err
    assert "transcript" not in blank.err and "started_at" not in blank.err
    issue(desk_env, case, "onsite_inspection_record", start, started_at=f"{start.isoformat()}T09:30")
    issue(desk_env, case, "filing_approval", wd(start, 1))
    notice_day = wd(start, 2)
    notice = notify(desk_env, case, notice_day, 8000)
    again = desk_env.run("serve", notice, "--on", notice_day.isoformat(), "--method", "direct")
    assert again.code == 2
    corrected = desk_env.run("serve", notice, "--on", notice_day.isoformat(), "--method", "left",
                             "--correct", "送达方式记录有误")
    assert corrected.code == 0, corrected.err
    assert desk_env.run("serve", notice, "--on", future, "--method", "direct", "--correct", "x").code == 2


def test_hearing_case_new_to_archive(desk_env: DeskEnv, tmp_path: Path) -> None:
    start = back(45)
    case = new_case(desk_env, start, fine=150000)
    ok(desk_env, "update", case, "--set", "major=true")
    notice_day = wd(investigate(desk_env, case, start), 1)
    notify(desk_env, case, notice_day, 150000, hearing=True)
    ok(desk_env, "record", case, "hearing_requested", "--on", wd(notice_day, 2).isoformat())
    day = wd(notice_day, 3)
    hearing_at = wd(day, 8)
    issue(desk_env, case, "hearing_notice", day, served=True, hearing_at=f"{hearing_at.isoformat()}T09:30")
    issue(desk_env, case, "hearing_record", hearing_at, started_at=f"{hearing_at.isoformat()}T09:30")
    issue(desk_env, case, "hearing_report", hearing_at, hearing_at=f"{hearing_at.isoformat()}T09:30")
    issue(desk_env, case, "legal_review_opinion", wd(hearing_at, 2))
    decide_and_close(desk_env, case, wd(hearing_at, 3), 150000)
    archive(desk_env, case, tmp_path)


def test_summary_case_new_to_archive(desk_env: DeskEnv, tmp_path: Path) -> None:
    start = back(5)
    case = new_case(desk_env, start, procedure="summary", fine=200, party="person")
    assert ok(desk_env, "next", case, "--json").count("summary_penalty_decision") == 1
    over = desk_env.run("draft", case, "summary_penalty_decision", "--set", "fine=500")
    cf = schema.load(json.loads(ok(desk_env, "export", case)))
    values = {**fields_for("summary_penalty_decision", cf), "fine": 500, "penalty_kinds": "fine",
              "violation_at": f"{start.isoformat()}T09:30"}
    doc = over.out.strip() if over.code == 0 else ok(
        desk_env, "draft", case, "summary_penalty_decision",
        *[x for n, v in values.items() for x in ("--set", f"{n}={_text(v)}")])
    ok(desk_env, "edit", doc, *[x for n, v in values.items() for x in ("--set", f"{n}={_text(v)}")])
    refused = desk_env.run("issue", doc, "--on", start.isoformat())
    assert refused.code == 1 and "R-SUMMARY-LIMIT" in refused.err
    ok(desk_env, "edit", doc, "--set", "fine=200")
    number = ok(desk_env, "issue", doc, "--on", start.isoformat())
    ok(desk_env, "serve", doc, "--on", start.isoformat(), "--method", "direct", "--receiver", "王建华")
    assert json.loads(ok(desk_env, "cases", "--json"))[0]["number"] == number
    ok(desk_env, "record", case, "paid", "--on", start.isoformat(), "--amount", "200")
    ok(desk_env, "record", case, "closed", "--on", start.isoformat())
    archive(desk_env, case, tmp_path)


def test_no_penalty_case_new_to_archive(desk_env: DeskEnv, tmp_path: Path) -> None:
    start = back(30)
    case = new_case(desk_env, start, fine=0, kinds="")
    notice_day = wd(investigate(desk_env, case, start, "no_penalty_minor"), 1)
    issue(desk_env, case, "penalty_prior_notice", notice_day, served=True, penalty_kinds="warning",
          discretion=GROUNDS["no_penalty_minor"])
    day = wd(notice_day, 4)
    issue(desk_env, case, "collective_discussion_record", day, held_at=f"{day.isoformat()}T14:00")
    issue(desk_env, case, "no_penalty_decision", day, served=True,
          reasons="当事人首次违法且危害后果轻微，并及时改正。",
          no_penalty_basis="《中华人民共和国行政处罚法》第三十三条第一款")
    assert json.loads(ok(desk_env, "cases", "--json"))[0]["outcome"] == "no_penalty_minor"
    issue(desk_env, case, "closing_approval", wd(day, 1))
    archive(desk_env, case, tmp_path)


def test_criminal_transfer_case_new_to_archive(desk_env: DeskEnv, tmp_path: Path) -> None:
    start = back(20)
    case = new_case(desk_env, start, fine=0, kinds="")
    day = wd(investigate(desk_env, case, start, "criminal_transfer"), 1)
    issue(desk_env, case, "criminal_transfer", day)
    assert json.loads(ok(desk_env, "cases", "--json"))[0]["outcome"] == "criminal_transfer"
    ok(desk_env, "record", case, "transfer_receipt", "--on", wd(day, 1).isoformat(), "--note", "公安分局签收")
    issue(desk_env, case, "closing_approval", wd(day, 2))
    archive(desk_env, case, tmp_path)

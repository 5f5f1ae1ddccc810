"""A synthetic year of 33 cases for the report tests, imported as desk-case/1 JSON.

Every outcome, both procedures, persons, individual businesses and organisations, two squads, three causes;
decisions recorded by documents for most cases and by events for some (G2, N2, T1), by both for G8; G1 filed
by its 立案审批表. The expected tables in test_reports_year.py are computed by hand from this table.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from desk.casefile.identifiers import id_number_check_digit, organization_code_check_digit, uscc_check_digit

AGENCY = {"name": "江城市东湖区综合行政执法局", "code": "东综执"}
A, B = "东湖街道中队", "关山街道中队"
C1, C2, C3 = "占用城市道路堆放物料", "擅自设置户外广告设施", "随意倾倒建筑垃圾"
PERSONS = {  # the natural persons whose data must never leak (names, ID numbers, phones, addresses)
    "G1": "欧阳明华", "G5": "陈晓", "G6": "梁红梅", "G9": "司马光", "G11": "诸葛云飞", "G13": "上官婉儿",
    "G16": "李建国", "G17": "王五", "N1": "赵敏", "T1": "孙立", "T3": "周强", "P1": "吴刚", "S1": "郑和平",
    "S4": "冯亮", "S6": "钱多多", "N4": "何伟",
}
OPERATORS = {"G3": "黄大勇", "G8": "慕容复", "N3": "林小芳", "P3": "马丽", "S3": "胡一刀", "G15": "朱八"}


@dataclass(frozen=True)
class Spec:
    key: str
    squad: str
    cause: str
    procedure: str
    outcome: str
    kinds: tuple[str, ...] = ()
    fine: int | None = None
    confiscated: int | None = None
    filed: str | None = None
    decided: str | None = None
    transferred: str | None = None
    hearing: str | None = None
    paid: tuple[str, int] | None = None
    closed: str | None = None
    published: str | None = None
    withdrawn: str | None = None


def _spec(key: str, squad: str, cause: str, procedure: str, outcome: str, **kw: Any) -> Spec:
    return Spec(key, squad, cause, procedure, outcome, **kw)


G, S = "general", "summary"
YEAR = [
    _spec("G1", A, C1, G, "penalty", kinds=("fine",), fine=2000, filed="2026-02-10", decided="2026-03-05",
          paid=("2026-03-12", 2000), closed="2026-03-20", published="2026-03-09"),
    _spec("G2", A, C2, G, "penalty", kinds=("warning", "fine"), fine=50000, filed="2026-02-20",
          decided="2026-03-16", hearing="2026-03-10", paid=("2026-04-02", 50000), closed="2026-04-10",
          published="2026-03-20"),
    _spec("G3", B, C1, G, "penalty", kinds=("fine", "confiscate_gains"), fine=5000, confiscated=1200,
          filed="2026-03-02", decided="2026-03-25", paid=("2026-03-30", 6200), closed="2026-04-05"),
    _spec("G4", B, C3, G, "penalty", kinds=("suspend_business",), filed="2026-03-05", decided="2026-03-31",
          closed="2026-05-06", published="2026-04-03"),
    _spec("G5", A, C3, G, "penalty", kinds=("warning",), filed="2026-03-10", decided="2026-04-08",
          closed="2026-04-15"),
    _spec("G6", B, C2, G, "penalty", kinds=("fine",), fine=3000, filed="2026-09-10", decided="2026-09-29",
          paid=("2026-10-12", 3000), closed="2026-10-16", published="2026-10-12"),
    _spec("G7", A, C2, G, "penalty", kinds=("fine", "order_closure"), fine=100000, filed="2026-09-01",
          decided="2026-10-09", hearing="2026-09-28", paid=("2026-10-20", 100000), closed="2026-10-27",
          published="2026-10-19"),
    _spec("G8", A, C1, G, "penalty", kinds=("warning", "fine"), fine=800, filed="2026-10-08", decided="2026-10-22",
          paid=("2026-10-22", 800), closed="2026-10-30", published="2026-11-10"),
    _spec("G9", B, C3, G, "penalty", kinds=("fine",), fine=1500, filed="2026-11-02", decided="2026-11-20",
          paid=("2026-11-25", 1500), closed="2026-11-30", published="2026-11-24"),
    _spec("G10", B, C1, G, "penalty", kinds=("confiscate_property",), confiscated=3000, filed="2026-06-01",
          decided="2026-06-24", paid=("2026-06-30", 3000), closed="2026-07-01"),
    _spec("G11", A, C2, G, "penalty", kinds=("fine",), fine=500, filed="2026-11-01", decided="2026-11-18"),
    _spec("G12", A, C3, G, "penalty", kinds=("fine",), fine=20000, filed="2025-12-10", decided="2026-01-15",
          paid=("2026-01-20", 20000), closed="2026-01-25", published="2026-01-19"),
    _spec("N1", B, C1, G, "no_penalty_minor", filed="2026-03-03", decided="2026-03-27", closed="2026-03-31"),
    _spec("N2", A, C2, G, "no_penalty_unfounded", filed="2026-09-15", decided="2026-10-13", closed="2026-10-20"),
    _spec("N3", B, C3, G, "no_penalty_minor", filed="2026-05-06", decided="2026-05-20", closed="2026-05-28"),
    _spec("T1", A, C3, G, "criminal_transfer", filed="2026-03-04", transferred="2026-03-18", closed="2026-03-26"),
    _spec("T2", B, C2, G, "jurisdiction_transfer", transferred="2026-10-14", closed="2026-10-21"),
    _spec("T3", B, C1, G, "criminal_transfer", filed="2026-07-01", transferred="2026-07-15", closed="2026-07-20"),
    _spec("P1", A, C1, G, "pending", filed="2026-03-20"),
    _spec("P2", B, C2, G, "pending", filed="2026-10-28"),
    _spec("P3", A, C3, G, "pending", filed="2025-11-20"),
    _spec("S1", A, C1, S, "penalty", kinds=("fine",), fine=200, decided="2026-03-11", paid=("2026-03-11", 200),
          closed="2026-03-11", published="2026-03-13"),
    _spec("S2", B, C2, S, "penalty", kinds=("warning",), decided="2026-03-19", closed="2026-03-19"),
    _spec("S3", A, C1, S, "penalty", kinds=("fine",), fine=100, decided="2026-10-09", paid=("2026-10-09", 100),
          closed="2026-10-09"),
    _spec("S4", B, C3, S, "penalty", kinds=("fine",), fine=50, decided="2026-10-30", paid=("2026-10-30", 50),
          closed="2026-10-30", published="2026-11-03"),
    _spec("S5", A, C2, S, "penalty", kinds=("fine",), fine=2000, decided="2026-02-12", paid=("2026-02-12", 2000),
          closed="2026-02-12", published="2026-02-27"),
    _spec("S6", A, C3, S, "penalty", kinds=("warning", "fine"), fine=150, decided="2026-06-05",
          paid=("2026-06-05", 150), closed="2026-06-05"),
    _spec("G13", B, C2, G, "penalty", kinds=("fine",), fine=10000, filed="2026-09-05", decided="2026-09-30",
          paid=("2026-10-15", 10000), closed="2026-10-23", published="2026-10-15"),
    _spec("G14", A, C1, G, "penalty", kinds=("fine",), fine=8000, filed="2026-08-03", decided="2026-08-28",
          paid=("2026-09-10", 8000), closed="2026-09-15", published="2026-09-02"),
    _spec("G15", B, C2, G, "penalty", kinds=("warning", "fine"), fine=600, filed="2026-04-01", decided="2026-04-24",
          paid=("2026-05-08", 600), closed="2026-05-12", published="2026-04-29"),
    _spec("G16", A, C1, G, "penalty", kinds=("fine",), fine=1000, filed="2026-03-01", decided="2026-03-19",
          published="2026-03-26", withdrawn="2026-04-20"),
    _spec("G17", B, C3, G, "penalty", kinds=("fine",), fine=300, filed="2026-11-10", decided="2026-11-27"),
    _spec("N4", A, C2, G, "no_penalty_minor", filed="2026-10-08", decided="2026-10-29", closed="2026-11-05"),
]
DECIDED_BY_EVENT = {"G2", "N2"}
DECIDED_BY_BOTH = {"G8"}
FILED_BY_DOCUMENT = {"G1"}


def id_number(i: int) -> str:
    first17 = f"42010619{80 + i % 20:02d}0{1 + i % 9}{10 + i % 18:02d}{300 + i:03d}"
    return first17 + id_number_check_digit(first17)


def uscc(i: int, registration: str = "91") -> str:
    org = f"MA4K{i:04d}"
    org += organization_code_check_digit(org)
    body = registration + "420100" + org
    return body + uscc_check_digit(body)


def phone(i: int) -> str:
    return f"139{27000000 + i:08d}"


def address(i: int) -> str:
    return f"江城市东湖区梨园路{i + 1}号{i + 2}栋{i + 3}01室"


def party(key: str, i: int) -> dict[str, Any]:
    if key in PERSONS:
        return {"kind": "person", "name": PERSONS[key], "id_type": "居民身份证", "id_number": id_number(i),
                "address": address(i), "phone": phone(i)}
    if key in OPERATORS:
        return {"kind": "individual_business", "name": f"东湖区{key}小吃店", "uscc": uscc(i, "92"),
                "legal_representative": OPERATORS[key], "id_type": "居民身份证", "id_number": id_number(i),
                "address": address(i), "phone": phone(i)}
    return {"kind": "organization", "name": f"江城市{key}商贸有限公司", "uscc": uscc(i),
            "legal_representative": f"法人{key}", "address": f"江城市东湖区公司路{i}号", "phone": f"027-8765{i:04d}"}


def facts(p: dict[str, Any]) -> str:
    """The facts as a clerk writes them: naming the party, with ID number, phone and address (to be masked)."""
    who = p.get("legal_representative") if p["kind"] == "individual_business" else p["name"]
    return (f"当事人{p['name']}（{who}，身份证号码{p.get('id_number') or '无'}，联系电话{p['phone']}，"
            f"住址{p['address']}）未经批准在东湖路占道堆放物料，经责令改正逾期未改正。")


def case_number(i: int, spec: Spec) -> str:
    return f"东综执立字〔2026〕{900 + i if spec.key in FILED_BY_DOCUMENT else i + 1}号"


def case_json(i: int, spec: Spec) -> dict[str, Any]:
    p = party(spec.key, i)
    events: list[dict[str, Any]] = []
    documents: list[dict[str, Any]] = []

    def event(kind: str, on: str | None, **extra: Any) -> None:
        if on:
            events.append({"type": kind, "on": on, **extra})

    if spec.key in FILED_BY_DOCUMENT:
        documents.append({"kind": "filing_approval", "number": case_number(i, spec), "issued_on": spec.filed})
    else:
        event("filed", spec.filed)
    event("hearing_held", spec.hearing)
    if spec.decided:
        if spec.key in DECIDED_BY_EVENT | DECIDED_BY_BOTH:
            event("decided", spec.decided)
        if spec.key not in DECIDED_BY_EVENT:
            kind, code = (("summary_penalty_decision", "简罚决") if spec.procedure == "summary"
                          else ("penalty_decision", "罚决") if spec.outcome == "penalty"
                          else ("no_penalty_decision", "不罚"))
            documents.append({"kind": kind, "number": f"东综执{code}字〔2026〕{i + 1}号", "issued_on": spec.decided})
    if spec.transferred:
        if spec.outcome == "jurisdiction_transfer":
            documents.append({"kind": "case_transfer_letter", "number": f"东综执移字〔2026〕{i + 1}号",
                              "issued_on": spec.transferred})
        else:
            event("transferred", spec.transferred)
    if spec.paid:
        event("paid", spec.paid[0], amount=spec.paid[1])
    event("published", spec.published)
    event("withdrawn", spec.withdrawn, note="处罚决定经行政复议被撤销")
    event("closed", spec.closed)
    events.sort(key=lambda e: e["on"])
    case: dict[str, Any] = {
        "number": case_number(i, spec),
        "cause": spec.cause, "procedure": spec.procedure, "outcome": spec.outcome, "facts": facts(p),
        "basis": ["《城市市容和环境卫生管理条例》第三十六条"],
        "officers": [{"name": "张执法", "certificate": "42010001"}, {"name": "李执法", "certificate": "42010002"}],
    }
    if spec.kinds:
        case["penalty"] = {"kinds": list(spec.kinds), "fine": spec.fine, "confiscated": spec.confiscated}
    return {"format": "desk-case/1", "agency": {**AGENCY, "squad": spec.squad}, "case": case, "parties": [p],
            "events": events, "documents": documents}


def import_year(env: Any, folder: Path) -> dict[str, int]:
    """Import the year through ``desk import``; the case ids by key."""
    ids = {}
    for i, spec in enumerate(YEAR):
        path = folder / f"{spec.key}.json"
        path.write_text(json.dumps(case_json(i, spec), ensure_ascii=False), encoding="utf-8")
        result = env.run("import", str(path))
        assert result.code == 0, result.err
        ids[spec.key] = int(result.out)
    return ids


def private_strings() -> list[str]:
    """Every natural person's name, ID number, phone and address of the year (must never be published)."""
    found = []
    for i, spec in enumerate(YEAR):
        p = party(spec.key, i)
        if p["kind"] == "person":
            found += [p["name"], p["id_number"], p["phone"], p["address"]]
        elif p["kind"] == "individual_business":
            found += [p["legal_representative"], p["id_number"], p["phone"], p["address"]]
    return found


def organisations() -> list[tuple[str, str, str]]:
    return [(p["name"], p["uscc"], p["legal_representative"]) for p in (party(s.key, i) for i, s in enumerate(YEAR))
            if p["kind"] == "organization"]


def d(text: str) -> date:
    return date.fromisoformat(text)

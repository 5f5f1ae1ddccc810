"""desk demo: a believable agency and cases over every procedure kind, closed ones lawful."""

from __future__ import annotations

import json

from sqlalchemy import select

from desk.models import Agency, Officer
from tests.conftest import DeskEnv


def test_demo_twelve_cases_cover_the_procedures(desk_env: DeskEnv) -> None:
    made = desk_env.run("demo", "--cases", "12")
    assert made.code == 0, made.err
    assert len(made.out.split()) == 12
    rows = json.loads(desk_env.run("cases", "--json").out)
    assert len(rows) == 12
    assert {"summary", "general"} <= {r["procedure"] for r in rows}
    assert {"penalty", "no_penalty_minor", "criminal_transfer", "jurisdiction_transfer"} <= {r["outcome"] for r in rows}
    assert {"open", "closed"} <= {r["status"] for r in rows}
    # the demo is made through the services: its hearing is held by the issued 听证笔录 (an implied event)
    events = [json.loads(desk_env.run("events", str(r["id"]), "--json").out) for r in rows]
    assert any(e["type"] == "hearing_held" and e["source"] != "recorded" for case_events in events
               for e in case_events), "a case had a hearing"
    assert any(e["type"] == "hearing_requested" and e["source"] == "recorded" for case_events in events
               for e in case_events)


def test_closed_demo_cases_pass_the_check(desk_env: DeskEnv) -> None:
    desk_env.run("demo", "--cases", "12")
    rows = json.loads(desk_env.run("cases", "--json", "--status", "closed").out)
    assert len(rows) >= 7
    for row in rows:
        report = json.loads(desk_env.run("check", str(row["id"]), "--json").out)
        assert report["findings"] == [], (row["number"], report["findings"])
        assert report["archivable"] is True and report["score"] == 100


def test_demo_agency_officers_and_numbers(desk_env: DeskEnv) -> None:
    desk_env.run("demo", "--cases", "12")
    with desk_env.uow(write=False) as uow:
        agency = uow.session.scalars(select(Agency)).one()
        assert agency.code == "东综执" and agency.court.endswith("人民法院") and agency.reconsideration_body
        assert len(agency.squads) >= 3
        officers = list(uow.session.scalars(select(Officer)))
        assert all(o.certificate.isdigit() and len(o.certificate) == 11 for o in officers)
        assert {"clerk", "reviewer", "leader", "archivist", "admin"} <= {r for o in officers for r in o.roles}
    numbers = [r["number"] for r in json.loads(desk_env.run("cases", "--json").out) if "立字" in (r["number"] or "")]
    assert numbers == [f"东综执立字〔2026〕{i}号" for i in range(1, len(numbers) + 1)]


def test_demo_refuses_a_database_with_cases(desk_env: DeskEnv) -> None:
    desk_env.run("demo", "--cases", "2")
    again = desk_env.run("demo", "--cases", "2")
    assert again.code == 2 and "Traceback" not in again.err
    assert len(json.loads(desk_env.run("cases", "--json").out)) == 2


def test_case_list_filters_in_the_database(desk_env: DeskEnv) -> None:
    from desk.services.cases import list_cases

    desk_env.run("demo", "--cases", "12")
    with desk_env.uow(write=False) as uow:
        every = list_cases(uow)
        summary = list_cases(uow, procedure="summary")
        squad = list_cases(uow, squad="水果湖街道中队")
        chosen = list_cases(uow, ids={every[2].id, every[5].id})
        page = list_cases(uow, limit=5, offset=5)
    assert summary and all(r.procedure == "summary" for r in summary) and len(summary) < len(every)
    assert squad and all(r.squad == "水果湖街道中队" for r in squad)
    assert [r.id for r in chosen] == [every[2].id, every[5].id]
    assert [r.id for r in page] == [r.id for r in every[5:10]]

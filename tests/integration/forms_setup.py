"""A self-contained agency for the forms tests: two squads, a roster, and summary cases of each squad."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desk.models import Agency, Officer
from tests.conftest import DeskEnv
from tests.integration.fit_to_serve import SETTINGS

EAST, SOUTH = "东湖街道中队", "珞南街道中队"
ROSTER = (("陈建国", "42010023001", EAST), ("刘晓燕", "42010023017", EAST), ("王磊", "42010023025", SOUTH),
          ("赵敏", "42010023031", SOUTH))
ON = "2026-03-05"
FACTS = "当事人将小型汽车停放在人行道上，妨碍行人通行。"


def summary_case(squad: str, officers: tuple[str, str], party: str, seq: int) -> dict[str, Any]:
    certs = {name: cert for name, cert, _ in ROSTER}
    return {
        "format": "desk-case/1",
        "agency": {"name": "江城市东湖区综合行政执法局", "code": "东综执", "squad": squad,
                   "reconsideration_body": "江城市东湖区人民政府", "court": "江城市东湖区人民法院"},
        "case": {"number": f"东综执立字〔2026〕{seq}号", "facts": FACTS, "cause": "在人行道上违法停放机动车",
                 "domain": "市容环境卫生", "source": "patrol",
                 "procedure": "summary", "discovered_on": ON, "violation_on": ON,
                 "evidence": ["现场照片2张"], "violated": ["《江城市市容和环境卫生管理条例》第二十条"],
                 "basis": ["《江城市市容和环境卫生管理条例》第四十六条"], "outcome": "penalty",
                 "penalty": {"kinds": ["fine"], "fine": 50, "confiscated": None}, "major": False, "complex": False,
                 "officers": [{"name": n, "certificate": certs[n]} for n in officers], "retention": "10y"},
        "parties": [{"kind": "person", "name": party, "id_type": "居民身份证", "id_number": "420102199107153419",
                     "address": "江城市东湖区卓刀泉南路6号2栋301室", "phone": "13907150000"}],
        "events": [{"type": "discovered", "on": ON, "by": officers[0]}],
        "documents": [],
        "attachments": [],
    }


def agency_with_two_squads(env: DeskEnv, tmp: Path) -> tuple[str, str]:
    """Two summary cases (east squad: 陈建国 + 刘晓燕; south squad: 王磊 + 赵敏) and the agency's roster."""
    ids = []
    for seq, (squad, officers, party) in enumerate(((EAST, ("陈建国", "刘晓燕"), "郑小军"),
                                                    (SOUTH, ("王磊", "赵敏"), "李华")), start=91):
        path = tmp / f"{party}.json"
        path.write_text(json.dumps(summary_case(squad, officers, party, seq), ensure_ascii=False), encoding="utf-8")
        result = env.run("import", str(path))
        assert result.code == 0, result.err
        ids.append(result.out.strip())
    with env.uow() as uow:
        agency = uow.session.scalars(select(Agency)).one()
        assert agency.squads == [EAST, SOUTH]
        uow.session.add_all(Officer(agency_id=agency.id, name=n, certificate=c, squad=s, roles=["clerk"])
                            for n, c, s in ROSTER)
    # documents require the agency's contact and payment fields
    settings = env.run("settings", "set", *SETTINGS)
    assert settings.code == 0, settings.err
    return ids[0], ids[1]


def draft_summary(env: DeskEnv, case_id: str) -> str:
    result = env.run("draft", case_id, "summary_penalty_decision", "--set", "place=珞喻路128号门前")
    assert result.code == 0, result.err
    return result.out.strip()

"""The search box's stored key (case_file.search_key): number, party, cause and every document number, brackets
and full-width digits normalized; kept when a case is imported, its party or cause changes, a document is issued
or voided — on both backends."""

from __future__ import annotations

import json

from sqlalchemy import select

from desk.models import Case, Document
from desk.services.search_key import key_of, normalized
from tests.conftest import DeskEnv
from tests.integration.test_numbering import INQUIRY, _case


def found(env: DeskEnv, text: str) -> list[int]:
    result = env.run("cases", "--json", "--search", text)
    assert result.code == 0, result.err
    return [row["id"] for row in json.loads(result.out)]


def stored_and_expected(env: DeskEnv, case_id: int) -> tuple[str, str]:
    with env.uow(write=False) as uow:
        case = uow.session.get(Case, case_id)
        assert case is not None
        numbers = uow.session.scalars(select(Document.number).where(Document.case_id == case_id)
                                      .order_by(Document.id))
        return case.search_key, key_of(case.number, case.party_name, case.cause, numbers)


def test_normalizing_brackets_width_and_case() -> None:
    typed = (" 立字(2026)8号 ", "立字［2026］8号", "立字【２０２６】8号", "立字（2026）8号", "立字[2026]8号")
    assert {normalized(t) for t in typed} == {"立字〔2026〕8号"}
    assert normalized("ABC有限公司") == "abc有限公司"
    assert key_of("立字〔2026〕8号", "王某", "倾倒", ["罚决字〔2026〕7号", None, "罚决字〔2026〕7号"]) == \
        "立字〔2026〕8号\n王某\n倾倒\n罚决字〔2026〕7号"


def test_the_key_follows_the_case_and_its_documents(desk_env: DeskEnv) -> None:
    case_id = int(_case(desk_env))
    stored, expected = stored_and_expected(desk_env, case_id)
    assert stored == expected and stored  # imported: number, party, cause and the imported numbers
    draft = desk_env.run("draft", str(case_id), "inquiry_notice", *INQUIRY).out.strip()
    assert found(desk_env, "询字(2026)1号") == []
    number = desk_env.run("issue", draft, "--on", "2026-11-20").out.strip()
    assert number == "东综执询字〔2026〕1号"
    assert found(desk_env, "询字(2026)1号") == [case_id] == found(desk_env, "询字［２０２６］1")
    assert desk_env.run("void", number, "--reason", "当事人姓名有误").code == 0
    assert found(desk_env, "询字[2026]1号") == [case_id]  # a voided number stays on the case's record
    assert stored_and_expected(desk_env, case_id)[0] == stored_and_expected(desk_env, case_id)[1]
    assert found(desk_env, "50%_x") == [] and found(desk_env, "%") == []  # typed % and _ are plain characters


def test_a_new_case_is_found_by_its_changed_party_and_cause(desk_env: DeskEnv) -> None:
    assert desk_env.run("demo", "--cases", "0").code == 0  # the demo agency and its officers
    made = desk_env.run("new", "--cause", "随意倾倒建筑垃圾", "--party", "王某", "--party-kind", "person",
                        "--address", "某路", "--discovered", "2026-11-02", "--officer", "陈建国", "--officer", "刘晓燕")
    assert made.code == 0, made.err
    case_id = int(made.out.strip())
    assert found(desk_env, "倾倒建筑") == [case_id] == found(desk_env, "王某")
    assert desk_env.run("update", str(case_id), "--set", "party.name=江城市恒通物流有限公司").code == 0
    assert desk_env.run("update", str(case_id), "--set", "cause=占用城市道路堆放物料").code == 0
    assert found(desk_env, "恒通物流") == [case_id] == found(desk_env, "道路堆放")
    assert found(desk_env, "王某") == [] and found(desk_env, "倾倒建筑") == []
    stored, expected = stored_and_expected(desk_env, case_id)
    assert stored == expected

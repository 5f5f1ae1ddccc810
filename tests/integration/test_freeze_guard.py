"""A write path that forgets ensure_writable still cannot change an archived case."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desk.errors import DeskError, FrozenError
from desk.models import Case, Document, Event
from tests.conftest import FIXTURES, DeskEnv


def _archived(env: DeskEnv) -> int:
    case_id = int(env.run("import", str(FIXTURES / "cases" / "general_clean.json")).out)
    with env.uow() as uow:
        uow.session.get(Case, case_id).status = "archived"  # the archiving transaction's own change passes
    return case_id


def test_direct_changes_to_an_archived_case_are_refused(desk_env: DeskEnv) -> None:
    case_id = _archived(desk_env)
    with pytest.raises(FrozenError), desk_env.uow() as uow:
        uow.session.get(Case, case_id).cause = "改过的案由"
    with pytest.raises(FrozenError), desk_env.uow() as uow:
        doc = uow.session.scalars(select(Document).where(Document.case_id == case_id)).first()
        doc.number = "东综执罚决字〔2026〕99号"
    with pytest.raises(DeskError), desk_env.uow() as uow:
        case = uow.session.get(Case, case_id)
        case.events.append(Event(type="closed", on=case.events[0].on))
    with desk_env.uow(write=False) as uow:
        case = uow.session.get(Case, case_id)
        assert case.cause == "随意倾倒生活垃圾" and len(case.events) == 10


def test_open_cases_are_not_affected(desk_env: DeskEnv) -> None:
    case_id = int(desk_env.run("import", str(FIXTURES / "cases" / "general_clean.json")).out)
    with desk_env.uow() as uow:
        uow.session.get(Case, case_id).cause = "随意倾倒餐厨垃圾"
    with desk_env.uow(write=False) as uow:
        assert uow.session.get(Case, case_id).cause == "随意倾倒餐厨垃圾"

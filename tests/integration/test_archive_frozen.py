"""An archived case is read-only on every write path: each attempt is a user error (exit 2) changing nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from desk.errors import FrozenError
from desk.models import Document
from desk.services import documents, evidence
from tests.conftest import DeskEnv
from tests.integration.archive_cases import imported, snapshot


@pytest.fixture
def frozen(desk_env: DeskEnv, tmp_path: Path) -> tuple[str, str, str]:
    """An archived case with a draft left in it: (case id, draft id, an issued served document's id)."""
    case_id = imported(desk_env, "general_clean")
    draft = desk_env.run("draft", case_id, "inquiry_notice", "--set", "inquiry_at=2026-03-05T09:00",
                         "--set", "inquiry_place=东湖街道中队")
    assert draft.code == 0, draft.err
    with desk_env.uow(write=False) as uow:
        decision = uow.session.scalars(select(Document.id).where(Document.kind == "penalty_decision")).one()
    assert desk_env.run("archive", case_id, "-o", str(tmp_path / "p.zip")).code == 0
    return case_id, draft.out.strip(), str(decision)


@pytest.mark.parametrize("verb", [
    ("draft", "{case}", "inquiry_notice"),
    ("edit", "{draft}", "--set", "inquiry_place=别处"),
    ("issue", "{draft}"),
    ("serve", "{issued}", "--on", "2026-03-25", "--method", "post"),
    ("void", "{issued}", "--reason", "改动归档案件"),
    ("archive", "{case}", "-o", "{tmp}/again.zip"),
], ids=lambda v: v[0])
def test_command_line_writes_are_refused(desk_env: DeskEnv, frozen: tuple[str, str, str], tmp_path: Path,
                                         verb: tuple[str, ...]) -> None:
    case_id, draft, issued = frozen
    before = snapshot(desk_env)
    args = [a.format(case=case_id, draft=draft, issued=issued, tmp=tmp_path) for a in verb]
    result = desk_env.run(*args)
    assert result.code == 2, result.err
    assert "archived and read-only" in result.err
    assert snapshot(desk_env) == before
    assert not (tmp_path / "again.zip").exists()


def test_service_writes_are_refused(desk_env: DeskEnv, frozen: tuple[str, str, str], tmp_path: Path) -> None:
    case_id, draft, issued = frozen
    photo = tmp_path / "photo.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n")
    attempts = [
        lambda uow: documents.draft(uow, case_id, "inquiry_notice"),
        lambda uow: documents.edit(uow, draft, {"inquiry_place": "别处"}),
        lambda uow: documents.issue(uow, draft, on=date(2026, 4, 3)),
        lambda uow: documents.serve(uow, issued, on=date(2026, 4, 3), method="post"),
        lambda uow: documents.void(uow, issued, reason="x"),
        lambda uow: evidence.add_attachment(uow, case_id, photo, title="补充照片"),
    ]
    for attempt in attempts:
        with pytest.raises(FrozenError), desk_env.uow() as uow:
            attempt(uow)


def test_reading_an_archived_case_still_works(desk_env: DeskEnv, frozen: tuple[str, str, str],
                                              tmp_path: Path) -> None:
    case_id, _, issued = frozen
    assert desk_env.run("export", case_id).code == 0
    assert desk_env.run("check", case_id).code == 0
    assert desk_env.run("render", issued, "--docx", str(tmp_path / "d.docx")).code == 0

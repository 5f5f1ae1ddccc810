"""A cold ``desk render`` finds an issued document's frozen DOCX with one query: the same bytes as the ORM's path."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from desk.models import Document
from desk.services import documents
from desk.services.frozen_docx import issued_docx
from tests.conftest import DeskEnv


def _demo_with_a_draft(env: DeskEnv) -> None:
    assert env.run("demo", "--cases", "12").code == 0
    drafted = env.run("draft", "2", "inquiry_record")
    assert drafted.code == 0, drafted.err


def test_the_frozen_docx_of_every_document_is_the_orms(desk_env: DeskEnv) -> None:
    _demo_with_a_draft(desk_env)
    with desk_env.uow(write=False) as uow:
        docs = [(d.id, d.number, d.status) for d in uow.session.scalars(select(Document))]
        assert {status for _, _, status in docs} >= {"draft", "issued"}
        for doc_id, number, status in docs:
            fast = issued_docx(str(doc_id))
            if status == "draft":
                assert fast is None  # rendered from the case: the full path's
                continue
            assert fast is not None and fast == documents.docx_bytes(uow, doc_id)
            if number:
                assert issued_docx(number) == fast
    assert issued_docx("东综执罚决字〔2099〕1号") is None and issued_docx("") is None and issued_docx("9" * 300) is None


def test_render_answers_as_before_for_issued_drafts_and_unknown(desk_env: DeskEnv, tmp_path: Path) -> None:
    _demo_with_a_draft(desk_env)
    with desk_env.uow(write=False) as uow:
        issued = uow.session.scalars(select(Document).where(Document.status == "issued")).first()
        draft = uow.session.scalars(select(Document).where(Document.status == "draft")).first()
        assert issued is not None and issued.number and draft is not None
        expected = documents.docx_bytes(uow, issued.id)
        number, draft_id = issued.number, draft.id
    done = desk_env.run("render", number, "--docx", str(tmp_path / "i.docx"), "--pdf", str(tmp_path / "i.pdf"))
    assert done.code == 0, done.err
    assert (tmp_path / "i.docx").read_bytes() == expected and (tmp_path / "i.pdf").read_bytes().startswith(b"%PDF")
    assert desk_env.run("render", str(draft_id), "--docx", str(tmp_path / "d.docx")).code == 0
    missing = desk_env.run("render", "东综执罚决字〔2099〕1号", "--pdf", str(tmp_path / "m.pdf"))
    assert missing.code == 2 and "2099" in missing.err and not (tmp_path / "m.pdf").exists()

"""Every core kind drafts for a demo case and a sample case, issues with a number in sequence, and
renders to DOCX with no template tag left and the party, number and dates in it."""

from __future__ import annotations

import io
from datetime import date

import docx
import pytest

from desk.casefile.numbers import DEFAULT_PATTERN, parse_number
from desk.catalogue import Field, catalogue
from desk.services import documents
from desk.services.cases import resolve
from tests.conftest import FIXTURES, DeskEnv

CORE = [k for k in catalogue().values() if k.set == "core"]
ON = date(2026, 11, 20)


def sample_value(field: Field, party: str) -> object:
    """A value a reviewer could type for a required field the case has no default for."""
    by_type: dict[str, object] = {
        "date": "2026-11-27", "datetime": "2026-11-25T09:30", "money": 100, "int": 1, "bool": True,
        "list": ["现场照片2张"], "provisions": ["《城市市容和环境卫生管理条例》第十四条"], "party": party,
        "officers": [{"name": "陈建国", "certificate": "42010023001"},
                     {"name": "刘晓燕", "certificate": "42010023017"}],
    }
    if field.type == "choice" or (field.type == "list" and field.choices):
        return field.choices[0] if field.type == "choice" else [field.choices[0]]
    return by_type.get(field.type, f"{field.label}（示例）")


def docx_text(data: bytes) -> str:
    d = docx.Document(io.BytesIO(data))
    parts = [p.text for p in d.paragraphs]
    parts += [c.text for t in d.tables for row in t.rows for c in row.cells]
    return "\n".join(parts)


@pytest.mark.parametrize("source", ["demo", "sample"])
def test_every_core_kind_drafts_issues_and_renders(desk_env: DeskEnv, source: str,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    # every kind issued on one day is no lawful procedure: this test is about rendering, so the issue guard
    # (tests/integration/test_lifecycle_cli.py) is switched off here
    monkeypatch.setattr("desk.procedure.guard.guarded_rules", lambda kind_id: [])
    if source == "demo":
        case_ref = desk_env.run("demo", "--cases", "10").out.split()[9]
    else:
        case_ref = desk_env.run("import", str(FIXTURES / "cases" / "hearing_clean.json")).out.strip()
    with desk_env.uow(write=False) as uow:
        squad = resolve(uow, case_ref).squad
    # the 当场处罚决定书 is entered on a pre-printed form of a block the case's squad holds (forms, #20)
    assert desk_env.run("forms", "add", "--code", "简罚决", "--year", "2026", "--from", "9001", "--to", "9050",
                        "--squad", squad).code == 0
    seen: dict[str, list[int]] = {}
    undated = []
    for k in CORE:
        with desk_env.uow() as uow:
            draft = documents.draft(uow, case_ref, k.id, today=ON)
            missing = {f.name: sample_value(f, draft.case.party_name) for f in k.fields
                       if f.required and (draft.fields or {}).get(f.name) in (None, "", [])}
            if missing:
                documents.edit(uow, draft.id, missing)
            issued = documents.issue(uow, draft.id, on=ON)
            number, party_name, data = issued.number, issued.case.party_name, documents.docx_bytes(uow, issued.id)
            dates = {ON} | {date.fromisoformat(str(v)[:10]) for f in k.fields if f.type in ("date", "datetime")
                            if (v := (issued.fields or {}).get(f.name))}
        text = docx_text(data)
        assert "{{" not in text and "{%" not in text, k.id
        assert party_name in text, k.id
        if k.numbered:
            parsed = parse_number(DEFAULT_PATTERN, "东综执", number or "")
            assert parsed is not None and parsed.code == k.code and parsed.year == 2026, (k.id, number)
            seen.setdefault(k.code, []).append(parsed.seq)
            assert number in text, (k.id, number)
        if not any(f"{d.year}年{d.month}月{d.day}日" in text for d in dates):
            undated.append(k.id)
    assert undated == list(SIGNED_BY_HAND), undated
    for code, seqs in seen.items():  # each code's numbers follow on from the case's own, without a gap
        assert seqs == sorted(seqs) and seqs == list(range(seqs[0], seqs[0] + len(seqs))), code


# forms whose date the signer writes by hand (the printed form leaves 年 月 日 blank)
SIGNED_BY_HAND = ("service_address_confirmation",)

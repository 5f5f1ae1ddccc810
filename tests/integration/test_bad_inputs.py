"""Our own bad inputs: each is refused with exit 2, names the problem, and changes nothing."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURES, DeskEnv

BASE = json.loads((FIXTURES / "cases" / "general_clean.json").read_text(encoding="utf-8"))
Doc = dict[str, Any]


def _set(path: str, value: Any) -> Callable[[Doc], None]:
    def apply(doc: Doc) -> None:
        *head, last = path.split(".")
        node: Any = doc
        for part in head:
            node = node[int(part)] if part.isdigit() else node[part]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value

    return apply


def _delete(path: str) -> Callable[[Doc], None]:
    def apply(doc: Doc) -> None:
        *head, last = path.split(".")
        node: Any = doc
        for part in head:
            node = node[int(part)] if part.isdigit() else node[part]
        del node[last]

    return apply


PERSON = {"kind": "person", "name": "王五", "id_type": "居民身份证", "id_number": "420102199107153419"}
BAD_INPUTS: dict[str, tuple[Callable[[Doc], None], str]] = {
    "unknown_top_key": (_set("extra", 1), "extra"),
    "unknown_party_key": (_set("parties.0.mobile", "1"), "mobile"),
    "unknown_event_key": (_set("events.0.when", "x"), "when"),
    "unknown_document_key": (_set("documents.0.title", "x"), "title"),
    "bad_event_type": (_set("events.0.type", "found"), "found"),
    "bad_source": (_set("case.source", "hotline"), "hotline"),
    "bad_outcome": (_set("case.outcome", "fined"), "fined"),
    "bad_penalty_kind": (_set("case.penalty.kinds", ["fine", "jail"]), "jail"),
    "bad_retention": (_set("case.retention", "5y"), "5y"),
    "bad_service": (_set("documents.5.service", "fax"), "fax"),
    "impossible_date": (_set("case.discovered_on", "2026-13-01"), "2026-13-01"),
    "date_wrong_shape": (_set("documents.0.issued_on", "2026/03/02"), "2026/03/02"),
    "bad_time": (_set("events.0.at", "25:00"), "25:00"),
    "fine_as_text": (_set("case.penalty.fine", "5000"), "fine"),
    "negative_paid": (_set("events.8.amount", -1), "amount"),
    "pages_not_integer": (_set("documents.1.pages", 2.5), "pages"),
    "flag_not_bool": (_set("case.major", "no"), "major"),
    "missing_cause": (_delete("case.cause"), "cause"),
    "missing_agency": (_delete("agency"), "agency"),
    "missing_event_date": (_delete("events.0.on"), "on"),
    "id_bad_birthdate": (_set("parties.0", {**PERSON, "id_number": "420102199102303417"}), "id_number"),
    "id_too_short": (_set("parties.0", {**PERSON, "id_number": "42010219910715341"}), "id_number"),
    "uscc_bad_org_code": (_set("parties.0.uscc", "91420100MA4KXR2L1X"), "uscc"),
    "organization_without_uscc": (_delete("parties.0.uscc"), "uscc"),
    "number_without_brackets": (_set("documents.2.number", "东综执立字[2026]21号"), "东综执立字[2026]21号"),
    "number_of_other_kind": (_set("documents.7.number", "东综执罚告字〔2026〕30号"), "东综执罚告字〔2026〕30号"),
    "number_zero": (_set("documents.7.number", "东综执罚决字〔2026〕0号"), "东综执罚决字〔2026〕0号"),
    "serves_unknown_kind": (_set("documents.6.serves", "hearing_notice"), "hearing_notice"),
    "parties_not_list": (_set("parties", {"kind": "person"}), "parties"),
    "attachment_file_missing": (_set("attachments", [{"title": "照片", "file": "files/none.jpg"}]), "files/none.jpg"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_own_bad_input_refused(desk_env: DeskEnv, tmp_path: Path, name: str) -> None:
    mutate, expected = BAD_INPUTS[name]
    doc = copy.deepcopy(BASE)
    mutate(doc)
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    result = desk_env.run("import", str(path))
    assert result.code == 2, result.out
    assert expected in result.err
    assert "Traceback" not in result.err
    assert json.loads(desk_env.run("cases", "--json").out) == []


def test_every_problem_is_named_at_once(desk_env: DeskEnv, tmp_path: Path) -> None:
    doc = copy.deepcopy(BASE)
    doc["case"]["procedure"] = "fast"
    doc["events"][0]["on"] = "2026-02-30"
    doc["parties"][0]["uscc"] = "91420100MA4KXR2L0Y"
    path = tmp_path / "many.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    result = desk_env.run("import", str(path))
    assert result.code == 2
    for text in ("fast", "2026-02-30", "91420100MA4KXR2L0Y", "3 problem"):
        assert text in result.err


def test_message_in_chinese_by_default(desk_env: DeskEnv, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESK_LANG", "zh_CN")
    result = desk_env.run("import", str(FIXTURES / "bad" / "unknown_kind.json"))
    assert result.code == 2
    assert "未知的文书种类" in result.err


def test_unreadable_file_is_a_user_error(desk_env: DeskEnv, tmp_path: Path) -> None:
    result = desk_env.run("import", str(tmp_path / "absent.json"))
    assert result.code == 2
    assert "absent.json" in result.err

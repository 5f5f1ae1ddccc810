"""Every text the check prints exists in English, Simplified and Traditional Chinese, with the same values."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desk.errors import MESSAGES
from desk.i18n import gettext
from desk.procedure import messages
from desk.procedure.deadlines import CANDIDATES
from desk.procedure.predicates.content import ELEMENT_TERMS
from desk.procedure.ruleset import rules

DESK = Path(messages.__file__).resolve().parents[1]


def _source_strings(pattern: str, *paths: Path) -> set[str]:
    return {m["text"] for p in paths for m in re.finditer(pattern, p.read_text(encoding="utf-8"))}


def msgids() -> list[str]:
    ids = {r.title for r in rules().values()}
    ids |= {m for r in rules().values() for m in r.messages.values()}
    for terms in (messages.PENALTY_KIND_TERMS, messages.SERVICE_TERMS, ELEMENT_TERMS):
        ids |= set(terms.values())
    ids |= _source_strings(r'Term\("(?P<text>[^"]+)"\)', *(DESK / "procedure").rglob("*.py"))
    ids |= {what for _, what, _ in CANDIDATES} | {" or ", "blocker", "major", "minor"}
    cli = (DESK / "cli" / "check.py", DESK / "cli" / "calendar.py")
    ids |= _source_strings(r'_\(\s*(?P<q>["\'])(?P<text>.+?)(?P=q)\s*\)', *cli)
    ids |= {MESSAGES[k] for k in ("calendar_missing", "calendar_file_invalid", "calendar_file_kind")}
    return sorted(i for i in ids if i)


def _placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"\{(\w+)\}", text))


def test_msgids_found() -> None:
    assert len(msgids()) > 150


@pytest.mark.parametrize("lang", ["zh_CN", "zh_TW"])
def test_every_message_is_translated(lang: str) -> None:
    untranslated = [m for m in msgids() if gettext(m, lang) == m and re.search(r"[a-z]{3}", m)]
    assert untranslated == []
    wrong = [m for m in msgids() if _placeholders(gettext(m, lang)) != _placeholders(m)]
    assert wrong == []


def test_kind_and_alternatives_are_worded_per_language() -> None:
    params = {"kinds": (messages.OneOf(("onsite_inspection_record", "inquiry_record")),)}
    template = rules()["R-COMPLETE"].messages["missing"]
    assert messages.render(template, params, "zh_CN") == "卷内缺少：现场检查（勘验）笔录或询问笔录。"
    english = messages.render(template, params, "en")
    assert english == "Missing from the file: On-site inspection record or Inquiry record."

"""Helpers for the template tests: the fixture cases, filling a kind, reading a DOCX back."""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from datetime import date

from docx import Document
from docx.oxml.ns import qn

from desk.casefile import schema
from desk.casefile.facts import CaseFile
from desk.catalogue import Kind, catalogue
from desk.render.docx_fill import build_context, default_fields, render_docx
from tests.conftest import FIXTURES

CASES = FIXTURES / "cases"
TODAY = date(2026, 4, 1)
ISSUED = date(2026, 3, 24)
SPECIAL_NAME = '江城市H&M<味香>"园"餐饮有限公司'


def sample_names() -> list[str]:
    return sorted(p.stem for p in CASES.glob("*.json") if not p.name.endswith(".expect.json"))


def sample(name: str) -> CaseFile:
    path = CASES / f"{name}.json"
    return schema.load(json.loads(path.read_text(encoding="utf-8")), path.parent)


def core_kinds() -> list[Kind]:
    return [k for k in catalogue().values() if k.set == "core"]


def number_for(k: Kind) -> str | None:
    return f"东综执{k.code}字〔2026〕7号" if k.numbered else None


def fill(
    kind_id: str,
    cf: CaseFile,
    changes: Mapping[str, object] | None = None,
    *,
    number: str | None = None,
) -> bytes:
    """The kind filled from the case's defaults, with ``changes`` applied."""
    values = {**default_fields(kind_id, cf, today=TODAY), **(changes or {})}
    return render_docx(kind_id, build_context(kind_id, cf, values, number, ISSUED))


def paragraphs(data: bytes) -> list[str]:
    """Every paragraph's text (body and table cells) in document order; a line break reads as ``\\n``."""
    body = Document(io.BytesIO(data)).element.body
    out = []
    for p in body.iter(qn("w:p")):
        parts = []
        for node in p.iter(qn("w:t"), qn("w:br")):
            parts.append("\n" if node.tag == qn("w:br") else node.text or "")
        out.append("".join(parts))
    return out


def text(data: bytes) -> str:
    return "\n".join(paragraphs(data))

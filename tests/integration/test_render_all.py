"""``desk render CASE --all``: every issued document of a case from one process, named by title and number."""

from __future__ import annotations

import json
from pathlib import Path

import pdfplumber

from tests.conftest import DeskEnv


def test_render_all_writes_each_issued_document(desk_env: DeskEnv, tmp_path: Path) -> None:
    assert desk_env.run("demo", "--cases", "3").code == 0
    case = json.loads(desk_env.run("export", "2").out)
    issued = [d for d in case["documents"] if d.get("issued_on") and d.get("status") != "void"]
    result = desk_env.run("render", "2", "--all", "--pdf", str(tmp_path / "pdf"), "--docx", str(tmp_path / "docx"))
    assert result.code == 0, result.err
    pdfs = sorted((tmp_path / "pdf").glob("*.pdf"))
    assert len(pdfs) == len(sorted((tmp_path / "docx").glob("*.docx"))) == len(issued)
    assert result.out.splitlines() == [str(p) for pair in zip(sorted((tmp_path / "docx").glob("*.docx")), pdfs,
                                                              strict=True) for p in pair]
    numbered = {d["number"] for d in issued if d.get("number")}
    named = {n for n in numbered for p in pdfs if n in p.name}
    assert named == numbered
    for pdf in pdfs:
        with pdfplumber.open(pdf) as doc:
            text = "".join("".join((page.extract_text() or "").split()) for page in doc.pages)
        number = next((n for n in numbered if n in pdf.name), None)
        assert number is None or number in text


def test_render_all_of_an_unknown_case_is_refused(desk_env: DeskEnv, tmp_path: Path) -> None:
    result = desk_env.run("render", "999", "--all", "--pdf", str(tmp_path))
    assert result.code == 2 and "999" in result.err and "Traceback" not in result.err

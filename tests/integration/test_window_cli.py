"""The command line side of the window's checks: ``desk edit --set`` refuses a bad ID number or credit code
(the editor's validator), ``desk scan`` attaches a signed scan and the dossier binds it in the document's place."""

from __future__ import annotations

from pathlib import Path

import pikepdf
from reportlab.pdfgen.canvas import Canvas

from desk.casefile.identifiers import id_number_check_digit
from tests.conftest import DeskEnv

GOOD_ID = "42010219900307123"
GOOD_ID += id_number_check_digit(GOOD_ID)


def _demo(env: DeskEnv) -> None:
    from desk.services.demo import make_demo

    with env.uow() as uow:
        make_demo(uow)


def _draft(env: DeskEnv) -> str:
    result = env.run("draft", "10", "penalty_decision")
    assert result.code == 0, result.err
    return result.out.split()[0]


def test_edit_set_refuses_a_bad_id_number(desk_env: DeskEnv) -> None:
    _demo(desk_env)
    doc = _draft(desk_env)
    bad = GOOD_ID[:17] + ("1" if GOOD_ID[17] != "1" else "2")
    result = desk_env.run("edit", doc, "--set", f"party_id_number={bad}")
    assert result.code == 2 and bad in result.err and "check digit" in result.err
    assert desk_env.run("edit", doc, "--set", f"party_id_number={GOOD_ID}").code == 0


def test_edit_set_refuses_a_bad_credit_code(desk_env: DeskEnv) -> None:
    _demo(desk_env)
    doc = _draft(desk_env)
    result = desk_env.run("edit", doc, "--set", "party_uscc=91420100MA4KXXXX1Z")
    assert result.code == 2 and "unified social credit code" in result.err


def test_desk_scan_binds_the_scan_with_its_note(desk_env: DeskEnv, tmp_path: Path) -> None:
    from desk.services.cases import load_casefile
    from desk.services.dossier import build_dossier

    _demo(desk_env)
    with desk_env.uow(write=False) as uow:
        decision = next(d for d in load_casefile(uow, 2).documents if d.kind == "penalty_decision")
    scan = tmp_path / "签章.pdf"
    canvas = Canvas(str(scan))
    canvas.drawString(72, 760, "SCANNED 0427")
    canvas.save()
    result = desk_env.run("scan", decision.number or str(decision.id), str(scan))
    assert result.code == 0, result.err
    with desk_env.uow(write=False) as uow:
        out = build_dossier(uow, 2, volume="main", out=tmp_path / "main.pdf").path
    pdf = pikepdf.open(out)
    text = "".join(bytes(pikepdf.unparse_content_stream(pikepdf.parse_content_stream(page))).decode("latin-1")
                   for page in pdf.pages)
    assert "SCANNED 0427" in text
    refused = desk_env.run("scan", decision.number or str(decision.id), str(tmp_path / "missing.pdf"))
    assert refused.code == 2


def test_a_rebuilt_dossier_of_an_archived_case_carries_its_archive_number(desk_env: DeskEnv, tmp_path: Path) -> None:
    import shutil
    import subprocess

    import pytest

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) reads the cover")
    _demo(desk_env)
    archived = desk_env.run("archive", "2", "--out", str(tmp_path / "pkg.zip"))
    assert archived.code == 0, archived.err
    number = archived.out.split()[0]
    assert desk_env.run("dossier", "2", "-o", str(tmp_path / "re.pdf")).code == 0
    cover = subprocess.run(["pdftotext", "-l", "1", str(tmp_path / "re.pdf"), "-"], capture_output=True,
                           text=True, check=True).stdout
    assert number in cover and "档" in cover

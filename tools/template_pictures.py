"""Pictures of filled templates as LibreOffice shows them: docs/templates/<kind>-<page>.png.

    python -m tools.template_pictures [KIND…]     # default: every kind

Fills each kind as issued for the shared sample case hearing_clean.json (the agency's contact and payment
set, what the case cannot give typed as desk/services/demo_fields.py does), converts the DOCX with
``soffice --headless --convert-to pdf`` (private profile) and rasterises it with ``pdftoppm -png -r 60``.
The official fonts are rarely installed on a build machine, so a private fontconfig file maps them to
the closest free CJK faces (宋 → AR PL UMing, 仿宋/楷 → AR PL UKai, 黑 → WenQuanYi Zen Hei) for the
pictures only; the DOCX keeps the official names.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path

from desk.casefile.facts import CaseFile, Contact, Payment
from desk.casefile.numbers import format_number
from desk.casefile.schema import load
from desk.catalogue import catalogue, kind
from desk.render.docx_fill import build_context, default_fields, render_docx
from desk.render.pages import with_page_total
from desk.services.demo_fields import fields_for

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT.parent / "shared" / "samples" / "cases"
OUT = ROOT / "docs" / "templates"
ALIASES = {
    "方正小标宋简体": "AR PL UMing CN",
    "宋体": "AR PL UMing CN",
    "仿宋_GB2312": "AR PL UKai CN",
    "仿宋": "AR PL UKai CN",
    "黑体": "WenQuanYi Zen Hei",
}


def fontconfig(folder: Path) -> Path:
    rules = "".join(
        f'<match target="pattern"><test name="family"><string>{name}</string></test>'
        f'<edit name="family" mode="assign" binding="strong"><string>{face}</string></edit></match>'
        for name, face in ALIASES.items()
    )
    conf = folder / "fonts.conf"
    conf.write_text(f'<?xml version="1.0"?><fontconfig><include>/etc/fonts/fonts.conf</include>{rules}</fontconfig>')
    return conf


DAY = date(2026, 11, 20)
AGENCY = {
    "contact": Contact(person="陈建国", phone="027-87654321", address="江城市东湖区中北路88号"),
    "payment": Payment(bank="中国农业银行江城东湖支行", account_name="江城市东湖区财政局非税收入汇缴结算户",
                       account="17052101040012345", channel="湖北省非税收入电子缴款平台"),
    "public_security": "江城市公安局东湖分局",
    "transfer_to": "江城市东湖区市场监督管理局",
}


def filled(kind_id: str, cf: CaseFile) -> bytes:
    """The DOCX of ``kind_id`` as issued on DAY for ``cf``, every required value given."""
    k = kind(kind_id)
    values = default_fields(kind_id, cf, today=DAY)
    values.update({n: v for n, v in fields_for(kind_id, cf, on=DAY).items() if values.get(n) in (None, "", [])})
    number = format_number(cf.agency.number_pattern, agency=cf.agency.code, code=k.code, year=DAY.year, seq=8) \
        if k.numbered else None
    context = build_context(k, cf, values, number, DAY)
    return with_page_total(kind_id, context, render_docx(kind_id, context))


def pictures(kinds: list[str], work: Path, env: dict[str, str]) -> list[Path]:
    sample = SAMPLES / "hearing_clean.json"
    cf = load(json.loads(sample.read_text(encoding="utf-8")), sample.parent)
    cf = replace(cf, agency=replace(cf.agency, **AGENCY))
    paths = []
    for kind_id in kinds:
        docx = work / f"{kind_id}.docx"
        docx.write_bytes(filled(kind_id, cf))
        paths.append(str(docx))
    profile = f"-env:UserInstallation=file://{work}/lo-profile"
    cmd = ["soffice", profile, "--headless", "--convert-to", "pdf", "--outdir", str(work), *paths]
    subprocess.run(cmd, check=True, env=env, capture_output=True, timeout=900)
    OUT.mkdir(parents=True, exist_ok=True)
    out = []
    for kind_id in kinds:
        for old in OUT.glob(f"{kind_id}-*.png"):
            old.unlink()
        pdf = work / f"{kind_id}.pdf"
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(OUT / kind_id)], check=True)
        out += sorted(OUT.glob(f"{kind_id}-*.png"))
    return out


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory(prefix="desk-pictures-") as tmp:
        work = Path(tmp)
        env = {**os.environ, "FONTCONFIG_FILE": str(fontconfig(work))}
        for path in pictures(argv or sorted(catalogue()), work, env):
            print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

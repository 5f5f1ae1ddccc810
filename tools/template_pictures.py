"""Pictures of filled templates as LibreOffice shows them: docs/templates/<kind>-<page>.png.

    python -m tools.template_pictures [KIND…]     # default: penalty_decision filing_approval

Fills each kind from the shared sample case general_clean.json, converts the DOCX with
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
from datetime import date
from pathlib import Path

from desk.casefile.schema import load
from desk.catalogue import kind
from desk.render.docx_fill import build_context, default_fields, render_docx

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


def picture(kind_id: str, work: Path, env: dict[str, str]) -> list[Path]:
    sample = SAMPLES / "general_clean.json"
    cf = load(json.loads(sample.read_text(encoding="utf-8")), sample.parent)
    k = kind(kind_id)
    number = next((d.number for d in cf.documents_of(kind_id) if d.number), None)
    context = build_context(k, cf, default_fields(kind_id, cf, today=date(2026, 3, 24)), number, date(2026, 3, 24))
    docx = work / f"{kind_id}.docx"
    docx.write_bytes(render_docx(kind_id, context))
    profile = f"-env:UserInstallation=file://{work}/lo-profile"
    cmd = ["soffice", profile, "--headless", "--convert-to", "pdf", "--outdir", str(work), str(docx)]
    subprocess.run(cmd, check=True, env=env, capture_output=True, timeout=180)
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob(f"{kind_id}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(docx.with_suffix(".pdf")), str(OUT / kind_id)], check=True)
    return sorted(OUT.glob(f"{kind_id}-*.png"))


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory(prefix="desk-pictures-") as tmp:
        work = Path(tmp)
        env = {**os.environ, "FONTCONFIG_FILE": str(fontconfig(work))}
        for kind_id in argv or ["penalty_decision", "filing_approval"]:
            for path in picture(kind_id, work, env):
                print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

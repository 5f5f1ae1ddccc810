"""Desk's PDF renderer against LibreOffice on the same 20 filled DOCX files, in one run.

    python bench/render_pdf.py [--rounds N] [--pictures DIR]

Desk renders each document on its own (``render_pdf``, in this process, after one warm-up render: fonts are
parsed and registered once per process) and all 20 as one volume (``render_many``). LibreOffice converts each
document in its own ``soffice`` process, and all 20 in one batched call. Both sides print with the same fonts
(``desk.render.pdf.libreoffice`` gives LibreOffice Desk's font aliases). Medians per document and the ratios are
printed. ``--pictures DIR`` also writes side-by-side pictures (Desk left, LibreOffice right, ``pdftoppm -r 60``)
of a decision, a 立案审批表 and a 询问笔录.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PIL import Image

from desk.casefile.schema import load
from desk.catalogue import catalogue
from desk.render.docx_fill import build_context, default_fields, render_docx
from desk.render.pdf import render_many, render_pdf
from desk.render.pdf.libreoffice import convert, soffice

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "fixtures" / "cases" / "general_clean.json"
ISSUED = date(2026, 3, 24)
PICTURED = {"penalty_decision": "decision", "filing_approval": "filing_approval", "inquiry_record": "inquiry_record"}
COUNT = 20


def filled_documents() -> dict[str, bytes]:
    """20 kinds, the pictured three first, filled from the general fixture case."""
    case = load(json.loads(SAMPLE.read_text(encoding="utf-8")), SAMPLE.parent)
    core = [k for k in catalogue().values() if k.set == "core"]
    kinds = [k for k in core if k.id in PICTURED] + [k for k in core if k.id not in PICTURED]
    docs = {}
    for k in kinds[:COUNT]:
        number = f"东综执{k.code}字〔2026〕7号" if k.numbered else None
        context = build_context(k.id, case, default_fields(k.id, case, today=ISSUED), number, ISSUED)
        docs[k.id] = render_docx(k.id, context)
    return docs


def timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def side_by_side(desk: bytes, libreoffice: bytes, out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        pages = []
        for side, pdf in (("desk", desk), ("lo", libreoffice)):
            (Path(tmp) / f"{side}.pdf").write_bytes(pdf)
            subprocess.run(["pdftoppm", "-r", "60", "-png", f"{tmp}/{side}.pdf", f"{tmp}/{side}"], check=True)
            pages.append([Image.open(p) for p in sorted(Path(tmp).glob(f"{side}-*.png"))])
        width, height = pages[0][0].size
        rows = max(len(pages[0]), len(pages[1]))
        picture = Image.new("RGB", (2 * width + 20, rows * (height + 10)), "white")
        for column, images in enumerate(pages):
            for row, image in enumerate(images):
                picture.paste(image, (column * (width + 20), row * (height + 10)))
        picture.save(out)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="Desk rounds (LibreOffice: 3)")
    parser.add_argument("--pictures", type=Path, help="write side-by-side PNGs into this folder")
    args = parser.parse_args(argv)
    if soffice() is None:
        print("LibreOffice (soffice) is not installed", file=sys.stderr)
        return 1
    docs = filled_documents()
    work = Path(tempfile.mkdtemp(prefix="desk-bench-"))
    paths = []
    for name, docx in docs.items():
        paths.append(work / f"{name}.docx")
        paths[-1].write_bytes(docx)

    render_pdf(docs["penalty_decision"])  # warm-up: fonts parsed and registered once per process
    desk = [timed(lambda d=d: render_pdf(d)) for _ in range(args.rounds) for d in docs.values()]
    decision = [timed(lambda: render_pdf(docs["penalty_decision"])) for _ in range(args.rounds * 4)]
    volume = [timed(lambda: render_many(list(docs.values()))) / len(docs) for _ in range(args.rounds)]

    convert(paths[:1], work / "warm")  # warm-up: LibreOffice's private profile is created on first use
    single = [timed(lambda p=p: convert([p], work / "single")) for p in paths]
    batch = [timed(lambda: convert(paths, work / "batch")) / len(paths) for _ in range(3)]

    desk_ms, lo_single, lo_batch = (statistics.median(x) * 1000 for x in (desk, single, batch))
    print(f"{len(docs)} filled documents; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"{'median per document':<40}{'ms':>9}")
    print(f"{'Desk, one document per call':<40}{desk_ms:9.1f}")
    print(f"{'Desk, all in one volume':<40}{statistics.median(volume) * 1000:9.1f}")
    print(f"{'Desk, 行政处罚决定书':<36}{statistics.median(decision) * 1000:9.1f}")
    print(f"{'LibreOffice, one process per document':<40}{lo_single:9.1f}   {lo_single / desk_ms:5.1f} × Desk")
    print(f"{'LibreOffice, one batched call':<40}{lo_batch:9.1f}   {lo_batch / desk_ms:5.1f} × Desk")
    if args.pictures:
        args.pictures.mkdir(parents=True, exist_ok=True)
        for kind, label in PICTURED.items():
            out = args.pictures / f"{label}.png"
            side_by_side(render_pdf(docs[kind]), (work / "batch" / f"{kind}.pdf").read_bytes(), out)
            print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

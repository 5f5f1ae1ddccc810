"""Filling and rendering documents: Desk against LibreOffice on the same DOCX, in one run.

    python bench/render_pdf.py [--rounds N] [--pictures DIR]

What a user meets, each figure against its target (issue #19):
- warm process, NEW content: every keystroke of the live preview fills the template with other values and
  renders a PDF nobody rendered before. Each round changes the facts and the fine of every document, so no
  cache can answer; fill and PDF are timed apart and together;
- LibreOffice converting the same DOCX: one ``soffice`` process per document, and one batched call;
- cache hits (the same DOCX bytes again) are printed apart, labelled, without a target.
The whole-process figures (``desk render DOC --pdf`` against ``soffice``) are in bench/cli.py.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import Figure, at_least, demo_home, show, timed

PICTURED = {"penalty_decision": "decision", "filing_approval": "filing_approval", "inquiry_record": "inquiry_record"}
COUNT = 20
ISSUED = date(2026, 3, 24)


def demo_case(folder: Path):  # type: ignore[no-untyped-def]
    """The snapshot of the demo's first general-procedure penalty case."""
    import os

    os.environ.update(demo_home(folder))
    from desk.db.uow import unit_of_work
    from desk.services.cases import list_cases, load_casefile

    with unit_of_work(write=False) as uow:
        rows = list_cases(uow)
        chosen = next((r for r in rows if r.procedure == "general" and r.outcome == "penalty"), rows[0])
        return load_casefile(uow, chosen.id)


def fill(kind_id: str, cf, round_no: int) -> bytes:  # type: ignore[no-untyped-def]
    """The DOCX of ``kind_id`` for the case as it is in round ``round_no`` (other facts, another fine)."""
    from desk.catalogue import kind
    from desk.render.context import build_context
    from desk.render.defaults import default_fields
    from desk.render.docx_fill import render_docx

    case = replace(cf.case, facts=f"{cf.case.facts}（第{round_no}次修改）",
                   penalty=replace(cf.case.penalty, fine=Decimal(1000 + round_no)))
    cf = replace(cf, case=case)
    number = f"东综执{kind(kind_id).code}字〔2026〕{round_no + 1}号" if kind(kind_id).numbered else None
    return render_docx(kind_id, build_context(kind_id, cf, default_fields(kind_id, cf, today=ISSUED), number, ISSUED))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--pictures", type=Path, help="write side-by-side PNGs (Desk | LibreOffice) here")
    args = parser.parse_args(argv)
    from desk.catalogue import catalogue
    from desk.render.pdf import render_many, render_pdf
    from desk.render.pdf.libreoffice import convert, soffice

    if soffice() is None:
        print("LibreOffice (soffice) is not installed", file=sys.stderr)
        return 1
    work = Path(tempfile.mkdtemp(prefix="desk-bench-"))
    cf = demo_case(work / "home")
    core = [k.id for k in catalogue().values() if k.set == "core"]
    kinds = [k for k in PICTURED if k in core] + [k for k in core if k not in PICTURED][: COUNT - len(PICTURED)]

    render_pdf(fill("penalty_decision", cf, 0))  # warm-up: fonts parsed and registered once per process
    fills, pdfs, decision = [], [], []
    last: dict[str, bytes] = {}
    for r in range(1, args.rounds + 1):
        for k in kinds:
            seconds_fill = timed(lambda k=k, r=r: last.__setitem__(k, fill(k, cf, r)))
            seconds_pdf = timed(lambda k=k: render_pdf(last[k]))
            fills.append(seconds_fill)
            pdfs.append(seconds_pdf)
            if k == "penalty_decision":
                decision.append(seconds_fill + seconds_pdf)
    volume_new = []
    for r in range(args.rounds + 1, 2 * args.rounds + 1):
        docs = [fill(k, cf, r) for k in kinds]
        volume_new.append(timed(lambda docs=docs: render_many(docs)) / len(docs))
    hit_one = [timed(lambda: render_pdf(last["penalty_decision"])) for _ in range(args.rounds)]
    same = list(last.values())
    render_many(same)
    hit_volume = [timed(lambda: render_many(same)) / len(same) for _ in range(args.rounds)]

    paths = []
    for k, data in last.items():
        paths.append(work / f"{k}.docx")
        paths[-1].write_bytes(data)
    convert(paths[:1], work / "warm")  # LibreOffice's private profile is created on first use
    single = [timed(lambda p=p: convert([p], work / "single")) for p in paths]
    batch = [timed(lambda: convert(paths, work / "batch")) / len(paths) for _ in range(3)]

    ms = lambda xs: statistics.median(xs) * 1000  # noqa: E731
    desk_decision, lo_single, lo_batch = ms(decision), ms(single), ms(batch)
    desk_doc = ms([f + p for f, p in zip(fills, pdfs, strict=True)])
    show(f"{len(kinds)} kinds × {args.rounds} rounds of new content (median per document)", [
        Figure("Desk fill (docxtpl), new content", ms(fills), "ms"),
        Figure("Desk PDF, new content", ms(pdfs), "ms"),
        Figure("Desk fill + PDF, new content", desk_doc, "ms"),
        Figure("Desk fill + PDF, 行政处罚决定书", desk_decision, "ms"),
        Figure("Desk PDF, new content, one volume", ms(volume_new), "ms"),
        Figure("LibreOffice, one process per document", lo_single, "ms"),
        Figure("LibreOffice, one batched call", lo_batch, "ms"),
        at_least("决定书: soffice process / Desk fill + PDF", lo_single / desk_decision, "×", 40),
        at_least("决定书: soffice batched / Desk fill + PDF", lo_batch / desk_decision, "×", 4),
    ], cache_hits=[
        Figure("Desk PDF of the same 决定书 DOCX again", ms(hit_one), "ms"),
        Figure("Desk volume of the same 20 DOCX again", ms(hit_volume), "ms"),
    ])
    if args.pictures:
        args.pictures.mkdir(parents=True, exist_ok=True)
        for k, label in PICTURED.items():
            out = args.pictures / f"{label}.png"
            side_by_side(render_pdf(last[k]), (work / "batch" / f"{k}.pdf").read_bytes(), out)
            print(f"wrote {out}")
    return 0


def side_by_side(desk: bytes, libreoffice: bytes, out: Path) -> None:
    from PIL import Image

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


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

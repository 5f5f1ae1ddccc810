"""Binding a 300-page main volume: Desk's binder against the naive way, each in its own process.

    python bench/dossier.py [--documents 30] [--scans 8] [--scan-pages 20] [--photos 40]

The case: ``--documents`` documents drafted and issued in Desk (frozen DOCX), evidence of ``--scans`` scanned
PDFs of ``--scan-pages`` pages and ``--photos`` pictures (half JPEG, half PNG): 200 evidence pages by default.

- desk: ``build_dossier`` — the documents laid out in one reportlab pass, evidence merged with pikepdf, stamps as
  overlays;
- naive: each document rendered to its own PDF, every part merged with pypdf, each page stamped with pypdf
  (``merge_page`` of a full-page reportlab stamp).

Two cases of the same shape but other content (number, facts, dates, evidence) are imported. Each variant runs in
a child process that builds three volumes: case A cold (fonts not yet loaded: a fresh Desk), then case B warm (a
running Desk binding the next case: NEW content, what a user meets), then case A again — a cache hit, printed
apart and labelled, never the headline. The child reports its peak RSS (``resource.getrusage``) and its CPU time
(pages per CPU second: what a loaded, shared machine does not blur).
"bytes per generated page" leaves out the evidence files' own bytes: (file size − evidence bytes) / pages Desk
drew (documents, sheets, captioned pictures).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import Figure, at_least, at_most, show

ISSUABLE = ("penalty_decision", "penalty_prior_notice", "stop_order", "hearing_right_notice", "demand_notice",
            "filing_approval", "service_address_confirmation", "case_source_register", "decision_approval",
            "closing_approval")
SAMPLE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "cases" / "general_clean.json"
TARGETS = {"warm_pps": 1000, "cold_pps": 400, "kib_per_page": 40, "rss_mb": 300}


def scan_pdf(path: Path, pages: int, seed: int) -> None:
    """A scanned-looking PDF: each page one grey JPEG of ruled text lines at 100 dpi."""
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    rng = random.Random(seed)
    c = Canvas(str(path), pagesize=A4)
    for _ in range(pages):
        img = Image.new("L", (827, 1169), 250)
        draw = ImageDraw.Draw(img)
        for y in range(90, 1080, 34):
            x = 80
            while x < 740:
                w = rng.randint(10, 60)
                draw.rectangle((x, y, x + w, y + 14), fill=rng.randint(20, 90))
                x += w + rng.randint(6, 14)
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=55)
        c.drawImage(ImageReader(io.BytesIO(buf.getvalue())), 0, 0, *A4)
        c.showPage()
    c.save()


def photo(path: Path, seed: int) -> None:
    """A 1600×1200 picture of coloured shapes (JPEG or PNG by the file's suffix)."""
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    img = Image.new("RGB", (1600, 1200), (rng.randint(0, 255), 180, 200))
    draw = ImageDraw.Draw(img)
    for _ in range(25):
        x, y = rng.randint(0, 1500), rng.randint(0, 1100)
        draw.ellipse((x, y, x + rng.randint(40, 300), y + rng.randint(40, 300)),
                     fill=(rng.randint(0, 255), rng.randint(0, 255), rng.randint(0, 255)))
    img.save(path, quality=80) if path.suffix == ".jpg" else img.save(path)


def evidence_case(folder: Path, *, scans: int, scan_pages: int, photos: int, other: int = 0) -> Path:
    """A ``desk-case/1`` file (the general sample without its documents) with generated evidence; ``other`` > 0
    gives another case of the same shape: its own number, facts and evidence pictures."""
    from dataclasses import asdict

    from desk.services.demo_people import AGENCY

    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["documents"] = []
    # the office's contact and payment account, as a configured agency has them (a decision and a demand print them)
    data["agency"].update(contact=asdict(AGENCY.contact), payment=asdict(AGENCY.payment))
    if other:
        data["case"]["number"] = data["case"]["number"].replace("〕", "〕9", 1) if data["case"].get("number") else None
        data["case"]["facts"] = f"{data['case']['facts']}（另案{other}：时间、地点与数量均不相同）"
    files = folder / "files"
    files.mkdir(parents=True, exist_ok=True)
    attachments = []
    for i in range(scans):
        scan_pdf(files / f"scan{i}.pdf", scan_pages, i + 1000 * other)
        attachments.append({"title": f"书证材料{i + 1}", "kind": "documentary", "made_on": "2026-03-05",
                            "made_by": "陈建国", "proves": "当事人的经营情况", "pages": scan_pages,
                            "file": f"files/scan{i}.pdf"})
    for i in range(photos):
        name = f"photo{i}.jpg" if i % 2 == 0 else f"photo{i}.png"
        photo(files / name, i + 1000 * other)
        attachments.append({"title": f"现场照片（{i + 1}）", "kind": "photo", "made_on": "2026-03-02",
                            "made_by": "刘晓燕", "proves": "当事人将餐厨垃圾倾倒于人行道绿化带内的事实",
                            "pages": 1, "file": f"files/{name}"})
    data["attachments"] = attachments
    path = folder / "case.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def issue_documents(case_id: int, count: int, first_day: int = 3) -> None:
    """Draft and issue ``count`` documents (kinds taken in turn) so each has its frozen DOCX."""
    import desk.procedure.guard as guard
    from desk.db.uow import unit_of_work
    from desk.services import documents
    from desk.services.cases import load_casefile
    from desk.services.demo_fields import fields_for

    # kinds taken in turn are no lawful order of issue: the bench binds documents, so the guard's order rules are
    # off while they are issued (as tests/integration/test_every_kind.py does); completeness is still checked
    guarded, guard.guarded_rules = guard.guarded_rules, lambda kind_id: []
    try:
        with unit_of_work() as uow:
            for i in range(count):
                kind, on = ISSUABLE[i % len(ISSUABLE)], date(2026, 3, first_day + i % 20)
                values = fields_for(kind, load_casefile(uow, case_id), on=on)  # what a clerk types
                doc = documents.draft(uow, case_id, kind, values, today=on)
                documents.issue(uow, doc.id, on=on)
    finally:
        guard.guarded_rules = guarded


def _desk(case_id: int, out: Path) -> int:
    from desk.db.uow import unit_of_work
    from desk.services.dossier import build_dossier

    with unit_of_work(write=False) as uow:
        return build_dossier(uow, case_id, volume="main", out=out).pages


def _naive_picture(path: Path, caption: str, font: str) -> bytes:
    """One picture page the naive way: reportlab draws the picture and a caption line on its own PDF."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, initialFontName=font)
    c.drawImage(str(path), 57, 160, A4[0] - 114, A4[1] - 220, preserveAspectRatio=True)
    c.setFont(font, 11)
    c.drawString(57, 120, caption)
    c.save()
    return buf.getvalue()


def _naive(case_id: int, out: Path) -> int:
    """Each document and picture to its own PDF; the sheets as the binder draws them; pypdf merges and stamps."""
    from pypdf import PdfReader, PdfWriter
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from desk.db.uow import unit_of_work
    from desk.dossier.front import front_facts
    from desk.dossier.layout import lay_out
    from desk.dossier.plan import plan_volume
    from desk.dossier.profile import load_profile
    from desk.dossier.sheets import IndexRow
    from desk.dossier.typeset import Typesetter
    from desk.render.pdf import render_pdf
    from desk.services import documents
    from desk.services.cases import load_casefile
    from desk.services.dossier_sources import stored_path

    ts = Typesetter()
    with unit_of_work(write=False) as uow:
        cf = load_casefile(uow, case_id)
        plan = plan_volume(cf, load_profile("default"), "main")
        parts: list[PdfReader] = []
        for item in plan.items:
            if item.medium == "docx":
                assert item.document and item.document.id
                data = render_pdf(documents.docx_bytes(uow, item.document.id))
            elif item.medium == "pdf":
                data = stored_path(item.file or "").read_bytes()
            else:
                data = _naive_picture(stored_path(item.file or ""), f"{item.title} {item.author}", ts.song.name)
            parts.append(PdfReader(io.BytesIO(data)))
    counts = [len(p.pages) for p in parts]
    starts = [1 + sum(counts[:i]) for i in range(len(counts))]
    front = front_facts(cf, volume_title="正卷", volume_no=1, volume_count=2, items=len(parts), pages=sum(counts),
                        archive_number=None, filed_by=None, checked_by=None, checked_date=None, today=date.today())
    rows = [IndexRow(it.number or "", it.author, it.title, it.on, s, s + c - 1, it.note)
            for it, s, c in zip(plan.items, starts, counts, strict=True)]
    laid = lay_out(ts, front, rows, [], plan.remarks)
    sheets = PdfReader(io.BytesIO(laid.pdf))
    writer = PdfWriter()
    for name in ("cover", "index"):
        for p in laid.parts[name]:
            writer.add_page(sheets.pages[p])
    number = 1
    for part in parts:
        for page in part.pages:
            buf = io.BytesIO()
            c = Canvas(buf, pagesize=A4, initialFontName=ts.latin.name)
            c.setFont(ts.latin.name, 12)
            c.drawRightString(A4[0] - 34, A4[1] - 38, str(number))
            c.save()
            added = writer.add_page(page)
            added.merge_page(PdfReader(io.BytesIO(buf.getvalue())).pages[0])
            number += 1
    for p in laid.parts["reference"]:
        writer.add_page(sheets.pages[p])
    with out.open("wb") as f:
        writer.write(f)
    return len(writer.pages)


def child(variant: str, case_a: int, case_b: int, out: Path) -> dict[str, float]:
    """Case A cold, case B warm (new content), case A again (cache hit)."""
    build = _desk if variant == "desk" else _naive
    timings, cpu, pages = [], [], []
    for case_id in (case_a, case_b, case_a):
        t0, c0 = time.perf_counter(), time.process_time()
        pages.append(build(case_id, out))
        timings.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    rss_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"pages": pages[0], "cold_pps": pages[0] / timings[0], "warm_pps": pages[1] / timings[1],
            "cold_cpu_pps": pages[0] / cpu[0], "warm_cpu_pps": pages[1] / cpu[1],
            "hit_pps": pages[2] / timings[2], "bytes": out.stat().st_size, "rss_mb": rss_kib / 1024}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--documents", type=int, default=30)
    ap.add_argument("--scans", type=int, default=8)
    ap.add_argument("--scan-pages", type=int, default=20)
    ap.add_argument("--photos", type=int, default=40)
    ap.add_argument("--child", choices=("desk", "naive"), help=argparse.SUPPRESS)
    ap.add_argument("--case", type=int, nargs=2, help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.child, *args.case, args.out)))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        env = {**os.environ, "DESK_HOME": str(home)}
        env.pop("DESK_DATABASE_URL", None)
        os.environ.update(env)
        os.environ.pop("DESK_DATABASE_URL", None)
        from desk.db.uow import unit_of_work
        from desk.services.cases import import_case

        cases = []
        for other in (0, 1):
            path = evidence_case(home / f"in{other}", scans=args.scans, scan_pages=args.scan_pages,
                                 photos=args.photos, other=other)
            with unit_of_work() as uow:
                cases.append(import_case(uow, path))
            issue_documents(cases[-1], args.documents, first_day=3 + other)
        evidence = sum(f.stat().st_size for f in (home / "in0" / "files").iterdir())
        results = {}
        for variant in ("desk", "naive"):
            out = home / f"{variant}.pdf"
            done = subprocess.run([sys.executable, __file__, "--child", variant, "--case", *map(str, cases),
                                   "--out", str(out)], env=env, capture_output=True, text=True, check=True)
            results[variant] = json.loads(done.stdout.strip().splitlines()[-1])
        drawn = results["desk"]["pages"] - args.scans * args.scan_pages
        d, n = results["desk"], results["naive"]
        for r in (d, n):
            r["kib_page"] = (r["bytes"] - evidence) / drawn / 1024
        show(f"binding a {d['pages']}-page main volume ({args.documents} documents, "
             f"{args.scans * args.scan_pages} + {args.photos} evidence pages, {evidence / 2**20:.1f} MiB evidence)", [
            at_least("Desk, cold process (case A)", d["cold_pps"], "pages/s", TARGETS["cold_pps"]),
            at_least("Desk, warm process, next case (new content)", d["warm_pps"], "pages/s", TARGETS["warm_pps"]),
            Figure("Desk, cold process, per CPU second", d["cold_cpu_pps"], "pages/s"),
            Figure("Desk, warm process, new content, per CPU second", d["warm_cpu_pps"], "pages/s"),
            Figure("naive (pypdf), cold process", n["cold_pps"], "pages/s"),
            Figure("naive (pypdf), warm process, next case", n["warm_pps"], "pages/s"),
            Figure("Desk / naive, warm, new content", d["warm_pps"] / n["warm_pps"], "×"),
            at_most("Desk, KiB per generated page", d["kib_page"], "KiB", TARGETS["kib_per_page"]),
            Figure("naive, KiB per generated page", n["kib_page"], "KiB"),
            at_most("Desk, peak RSS", d["rss_mb"], "MB", TARGETS["rss_mb"]),
            Figure("naive, peak RSS", n["rss_mb"], "MB"),
        ], cache_hits=[Figure("Desk, case A bound again (same content)", d["hit_pps"], "pages/s")])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

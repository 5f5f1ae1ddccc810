"""How long filling one 行政处罚决定书 takes: docxtpl alone vs Desk's full fill, median of N runs.

    python bench/render_docx.py [N]        # default N = 200

docxtpl alone: ``DocxTemplate(template).render(context)`` and save, with a plain Jinja environment
and a ready context. Desk's full fill: defaults from the case, validation, the render context, and
``render_docx`` (sandboxed, strict, autoescaping environment). Reference: docxtpl alone ≈ 15 ms per
document on this machine class.
"""

from __future__ import annotations

import io
import json
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from docxtpl import DocxTemplate

from desk.casefile.schema import load
from desk.render.docx_fill import build_context, default_fields, render_docx, template_for, validate_fields

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "fixtures" / "cases" / "general_clean.json"
NUMBER = "东综执罚决字〔2026〕21号"
ISSUED = date(2026, 3, 24)


def median_ms(run: Callable[[], object], n: int) -> float:
    run()  # warm up: imports, caches
    times = []
    for _ in range(n):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main(argv: list[str]) -> int:
    n = int(argv[0]) if argv else 200
    cf = load(json.loads(SAMPLE.read_text(encoding="utf-8")), SAMPLE.parent)
    template = template_for("penalty_decision")
    ready = build_context("penalty_decision", cf, default_fields("penalty_decision", cf, today=ISSUED), NUMBER, ISSUED)

    def docxtpl_alone() -> bytes:
        doc = DocxTemplate(str(template))
        doc.render(dict(ready))
        out = io.BytesIO()
        doc.save(out)
        return out.getvalue()

    def desk_fill() -> bytes:
        values = default_fields("penalty_decision", cf, today=ISSUED)
        if validate_fields("penalty_decision", values):
            raise SystemExit("the sample's defaults do not validate")
        return render_docx("penalty_decision", build_context("penalty_decision", cf, values, NUMBER, ISSUED))

    alone, desk = median_ms(docxtpl_alone, n), median_ms(desk_fill, n)
    print(f"行政处罚决定书, median of {n} runs")
    print(f"{'docxtpl alone':<18}{alone:8.2f} ms")
    print(f"{'Desk full fill':<18}{desk:8.2f} ms")
    print(f"{'ratio Desk/docxtpl':<18}{desk / alone:8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

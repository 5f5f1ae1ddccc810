"""The command line as a process, what scripts and users wait for: ``desk`` against ``soffice``, in one run.

    python bench/cli.py [--runs 5]

- ``desk --help`` (target ≤ 0.15 s);
- ``desk render DOC --pdf`` of an issued 行政处罚决定书 against ``soffice --headless --convert-to pdf`` of the very
  same DOCX, each a whole process (target: Desk ≥ 3× faster). Desk keeps what reportlab parses out of a font
  file in the user's cache folder (desk.render.font_cache): every run but the first ever on a machine reads it.
  That figure is the one against the target, labelled so; the first-ever run (an empty font cache each time) is
  printed beside it;
- ``desk render CASE --all --pdf DIR`` (one process for a case's documents) against one ``desk render`` process
  per document.
Every figure is the median of ``--runs`` fresh processes after one unmeasured run, wall time and CPU time (user
+ system of the process and its children: what judges progress on a shared machine). Desk runs as installed:
its modules byte-compiled.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import Figure, as_installed, at_least, at_most, demo_home, desk_command, process_times, show


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    from desk.render.pdf.libreoffice import soffice

    office = soffice()
    if office is None:
        print("LibreOffice (soffice) is not installed", file=sys.stderr)
        return 1
    work = Path(tempfile.mkdtemp(prefix="desk-bench-cli-"))
    env = as_installed({**demo_home(work / "home"), "DESK_CACHE": str(work / "cache")})
    desk = desk_command()
    rows = json.loads(subprocess.run([*desk, "cases", "--json"], env=env, capture_output=True, check=True).stdout)
    case = next(r for r in rows if r["procedure"] == "general" and r["outcome"] == "penalty")
    exported = json.loads(subprocess.run([*desk, "export", str(case["id"])], env=env, capture_output=True,
                                         check=True).stdout)
    decision = next(d["number"] for d in exported["documents"] if d["kind"] == "penalty_decision")
    issued = [d for d in exported["documents"] if d.get("issued_on") and d.get("status") != "void"]
    docx = work / "decision.docx"
    subprocess.run([*desk, "render", decision, "--docx", str(docx)], env=env, check=True, stdout=subprocess.DEVNULL)

    def first_ever(i: int) -> dict[str, str]:  # a font cache nobody filled
        return {**env, "DESK_CACHE": str(work / f"empty-cache-{i}")}

    render = [*desk, "render", decision, "--pdf", str(work / "d.pdf")]
    help_s, help_cpu = process_times([*desk, "--help"], lambda _: env, args.runs)
    render_s, render_cpu = process_times(render, lambda _: env, args.runs)
    first_s, first_cpu = process_times(render, first_ever, args.runs)
    profile = f"-env:UserInstallation=file://{work / 'lo-profile'}"
    office_s, office_cpu = process_times([office, profile, "--headless", "--convert-to", "pdf", "--outdir",
                                          str(work / "lo"), str(docx)], lambda _: env, args.runs)
    all_s, _ = process_times([*desk, "render", str(case["id"]), "--all", "--pdf", str(work / "all")],
                             lambda _: env, args.runs)
    show(f"whole processes (median of {args.runs}); {len(issued)} issued documents in case {case['number']}", [
        at_most("desk --help", help_s, "s", 0.15),
        Figure("desk --help, CPU", help_cpu, "s"),
        Figure("desk render 决定书 --pdf (font cache on disk)", render_s, "s"),
        Figure("desk render 决定书 --pdf, first run ever (no font cache)", first_s, "s"),
        Figure("soffice --convert-to pdf, same DOCX", office_s, "s"),
        at_least("soffice / desk render (font cache on disk)", office_s / render_s, "×", 3),
        at_least("soffice / desk render, first run ever", office_s / first_s, "×", 3),
        Figure("CPU: desk render (font cache on disk)", render_cpu, "s"),
        Figure("CPU: desk render, first run ever", first_cpu, "s"),
        Figure("CPU: soffice", office_cpu, "s"),
        Figure("CPU: soffice / desk render (font cache on disk)", office_cpu / render_cpu, "×"),
        Figure(f"desk render CASE --all ({len(issued)} documents)", all_s, "s"),
        Figure(f"one desk render per document (×{len(issued)}, estimated)", render_s * len(issued), "s"),
        Figure("per document: --all / one process each", all_s / (render_s * len(issued)), "×"),
    ])
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

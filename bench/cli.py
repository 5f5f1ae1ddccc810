"""The command line as a process, what scripts and users wait for: ``desk`` against ``soffice``, in one run.

    python bench/cli.py [--runs 5]

- ``desk --help`` (target ≤ 0.15 s);
- ``desk render DOC --pdf`` of an issued 行政处罚决定书 against ``soffice --headless --convert-to pdf`` of the very
  same DOCX, each a whole process (target: Desk ≥ 3× faster);
- ``desk render CASE --all --pdf DIR`` (one process for a case's documents) against one ``desk render`` process
  per document.
Every figure is the median of ``--runs`` fresh processes after one unmeasured run.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import Figure, at_least, at_most, demo_home, desk_command, process_seconds, show


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
    env = demo_home(work / "home")
    desk = desk_command()
    rows = json.loads(subprocess.run([*desk, "cases", "--json"], env=env, capture_output=True, check=True).stdout)
    case = next(r for r in rows if r["procedure"] == "general" and r["outcome"] == "penalty")
    exported = json.loads(subprocess.run([*desk, "export", str(case["id"])], env=env, capture_output=True,
                                         check=True).stdout)
    decision = next(d["number"] for d in exported["documents"] if d["kind"] == "penalty_decision")
    issued = [d for d in exported["documents"] if d.get("issued_on") and d.get("status") != "void"]
    docx = work / "decision.docx"
    subprocess.run([*desk, "render", decision, "--docx", str(docx)], env=env, check=True, stdout=subprocess.DEVNULL)

    help_s = process_seconds([*desk, "--help"], env, args.runs)
    render_s = process_seconds([*desk, "render", decision, "--pdf", str(work / "d.pdf")], env, args.runs)
    profile = f"-env:UserInstallation=file://{work / 'lo-profile'}"
    office_s = process_seconds([office, profile, "--headless", "--convert-to", "pdf", "--outdir", str(work / "lo"),
                                str(docx)], env, args.runs)
    all_s = process_seconds([*desk, "render", str(case["id"]), "--all", "--pdf", str(work / "all")], env, args.runs)
    show(f"whole processes (median of {args.runs}); {len(issued)} issued documents in case {case['number']}", [
        at_most("desk --help", help_s, "s", 0.15),
        Figure("desk render 决定书 --pdf", render_s, "s"),
        Figure("soffice --convert-to pdf, same DOCX", office_s, "s"),
        at_least("soffice / desk render", office_s / render_s, "×", 3),
        Figure(f"desk render CASE --all ({len(issued)} documents)", all_s, "s"),
        Figure(f"one desk render per document (×{len(issued)}, estimated)", render_s * len(issued), "s"),
        Figure("per document: --all / one process each", all_s / (render_s * len(issued)), "×"),
    ])
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

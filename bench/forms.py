"""Pre-numbered forms: what entering a form costs over a counter number, and how long a block's reconciliation takes.

    python bench/forms.py [--issues 30] [--forms 2000] [--used 1500]

- issue: a 当场行政处罚决定书 issued with ``--form`` (the block row locked, its used numbers read) against the same
  kind taking the next counter number (agency setting ``pre_numbered_kinds = []``), on SQLite; median ms per issue
  and their ratio (the render dominates both);
- reconcile: a block of ``--forms`` forms, ``--used`` of them carried by documents and 1 in 20 of the rest spoiled;
  median seconds of the reconciliation rows, the XLSX and the PDF (pages counted), and of ``forms list``.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
ON = date(2026, 3, 5)


def median_s(fn: Callable[[], object], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def issue_ms(url: str, case_id: str, count: int, *, forms: bool) -> float:
    from desk.db.uow import unit_of_work
    from desk.services import documents

    times = []
    for i in range(count):
        with unit_of_work(url) as uow:
            doc_id = documents.draft(uow, case_id, "summary_penalty_decision", {"place": "珞喻路128号门前"}).id
        start = time.perf_counter()
        with unit_of_work(url) as uow:
            documents.issue(uow, doc_id, on=ON, form=str(1001 + 2 * i) if forms else None)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--issues", type=int, default=30)
    parser.add_argument("--forms", type=int, default=2000)
    parser.add_argument("--used", type=int, default=1500)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="desk-bench-forms-"))
    url = f"sqlite:///{home / 'desk.sqlite3'}"
    os.environ.update(DESK_HOME=str(home), DESK_DATABASE_URL=url, DESK_LANG="zh_CN")

    from sqlalchemy import select

    from desk.casefile.numbers import format_number
    from desk.db.uow import unit_of_work
    from desk.models import Agency, Document, FormBlock, FormSpoiled
    from desk.services import forms, forms_report
    from tests.conftest import DeskEnv
    from tests.integration.forms_setup import EAST, agency_with_two_squads

    env = DeskEnv(home, url, "sqlite")
    east_case, _ = agency_with_two_squads(env, home)
    with unit_of_work(url) as uow:  # first the counter (no block registered yet), then forms of a block
        agency = uow.session.scalars(select(Agency)).one()
        agency.settings = {**agency.settings, "pre_numbered_kinds": []}
    counter = issue_ms(url, east_case, args.issues, forms=False)
    with unit_of_work(url) as uow:
        uow.session.scalars(select(Agency)).one().settings = {}
        forms.add(uow, code="简罚决", year=2026, first=1001, last=1000 + 2 * args.issues, squad=EAST)
    with_form = issue_ms(url, east_case, args.issues, forms=True)
    print(f"issue: with --form {with_form:.1f} ms, counter {counter:.1f} ms (median of {args.issues}); "
          f"ratio {with_form / counter:.2f}")

    first = 100_001
    with unit_of_work(url) as uow:
        agency = uow.session.scalars(select(Agency)).one()
        block = forms.add(uow, code="简罚决", year=2026, first=first, last=first + args.forms - 1, squad=EAST)
        case_id = int(east_case)
        now = datetime.now(UTC)
        for i in range(args.used):
            seq = first + i * args.forms // args.used
            number = format_number(agency.number_pattern, agency=agency.code, code="简罚决", year=2026, seq=seq)
            uow.session.add(Document(case_id=case_id, agency_id=agency.id, kind="summary_penalty_decision",
                                     status="issued", number=number, code="简罚决", year=2026, seq=seq, issued_on=ON,
                                     created_at=now, updated_at=now))
        uow.session.flush()
        free = forms.unused(uow, uow.session.get(FormBlock, block.id))  # type: ignore[arg-type]
        block_id = block.id
        for seq in free[::20]:
            uow.session.add(FormSpoiled(block_id=block_id, seq=seq, reason="污损", at=now))

    def rows() -> object:
        with unit_of_work(url, write=False) as uow:
            return forms_report.reconcile(uow, block_id)

    r = rows()
    assert isinstance(r, forms_report.Reconciliation) and len(r.lines) == args.forms
    t_rows = median_s(rows)
    t_xlsx = median_s(lambda: forms_report.xlsx_bytes(r))
    pdf = forms_report.pdf_bytes(r)
    t_pdf = median_s(lambda: forms_report.pdf_bytes(r))

    def listing() -> object:
        with unit_of_work(url, write=False) as uow:
            return forms.blocks(uow)

    t_list = median_s(listing)
    import pypdf

    pages = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
    print(f"reconcile {args.forms} forms ({r.count('used')} used, {r.count('spoiled')} spoiled, "
          f"{r.count('unused')} unused): rows {t_rows:.3f} s, XLSX {t_xlsx:.3f} s, PDF {t_pdf:.2f} s "
          f"({pages} pages, {pages / t_pdf:.0f} pages/s), forms list {t_list:.3f} s (median of 3)")


if __name__ == "__main__":
    main()

"""Numbers and issuing: draft + issue in a warm process on SQLite (target ≥ 50 documents/s), and number
allocation alone on PostgreSQL with 8 writing processes (target ≥ 1 000 numbers/s, no gap, no duplicate).

    python bench/numbering.py [--documents 200] [--writers 8] [--numbers 250] [--pg postgresql+psycopg://…]

The PostgreSQL figure needs an administrator's URL (``--pg``, else ``DESK_TEST_PG_URL`` as ``dev.sh test`` sets
it): a database is created for the run and dropped after it. Each writer allocates in its own transactions, one
number per transaction, as desktops issuing at the same time do; the counter row is the point they queue on.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import Figure, at_least, demo_home, show

KIND = "inquiry_notice"
FIELDS = {"inquiry_at": "2026-11-25T09:30", "inquiry_place": "东湖街道中队办公室"}

WRITER = """
import sys
from desk.db.uow import unit_of_work
from desk.models import Agency
from desk.services import numbering
url, count = sys.argv[1], int(sys.argv[2])
with unit_of_work(url, write=False) as uow:
    agency_id = uow.session.query(Agency.id).scalar()
print("ready", flush=True)
sys.stdin.readline()
for _ in range(count):
    with unit_of_work(url, actor="bench") as uow:
        numbering.allocate(uow, uow.session.get(Agency, agency_id), "询", 2026, document_id=None)
"""


def draft_and_issue(count: int) -> float:
    """Documents per second drafted and issued (each in its own transaction) in this warm process."""
    from desk.db.uow import unit_of_work
    from desk.services import documents
    from desk.services.cases import list_cases

    with unit_of_work(write=False) as uow:
        case_id = next(r.id for r in list_cases(uow) if r.status == "open" and r.procedure == "general")

    def one() -> None:
        with unit_of_work(actor="bench") as uow:
            doc_id = documents.draft(uow, case_id, KIND, FIELDS, today=date.today()).id
        with unit_of_work(actor="bench") as uow:
            documents.issue(uow, doc_id, on=date.today())

    one()  # warm: templates compiled, fonts and engine ready
    start = time.perf_counter()
    for _ in range(count):
        one()
    return count / (time.perf_counter() - start)


def postgres_allocation(admin_url: str, writers: int, numbers: int) -> tuple[float, int, int]:
    """Numbers/s of ``writers`` processes allocating ``numbers`` each; returns (rate, spent, distinct)."""
    from sqlalchemy import create_engine, func, select, text

    from desk.db.uow import unit_of_work
    from desk.models import Agency, NumberLog

    name = f"desk_bench_{os.getpid()}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    url = admin_url.rsplit("/", 1)[0] + f"/{name}"
    try:
        with unit_of_work(url) as uow:
            uow.session.add(Agency(name="江城市东湖区综合行政执法局", code="东综执", squads=[], settings={}))
        procs = [subprocess.Popen([sys.executable, "-c", WRITER, url, str(numbers)], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, text=True) for _ in range(writers)]
        for p in procs:
            assert p.stdout is not None and p.stdout.readline().strip() == "ready"
        start = time.perf_counter()
        for p in procs:
            assert p.stdin is not None
            p.stdin.write("go\n")
            p.stdin.flush()
        for p in procs:
            assert p.wait() == 0
        seconds = time.perf_counter() - start
        with unit_of_work(url, write=False) as uow:
            spent = uow.session.scalar(select(func.count(NumberLog.id))) or 0
            distinct = uow.session.scalar(select(func.count(func.distinct(NumberLog.seq)))) or 0
            top = uow.session.scalar(select(func.max(NumberLog.seq))) or 0
        assert spent == distinct == top == writers * numbers, (spent, distinct, top)
        return spent / seconds, spent, distinct
    finally:
        from desk.db.engine import engine_for

        engine_for(url).dispose()
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--numbers", type=int, default=250)
    parser.add_argument("--pg", default=os.environ.get("DESK_TEST_PG_URL"))
    args = parser.parse_args(argv)
    os.environ.update(demo_home(Path(tempfile.mkdtemp(prefix="desk-bench-numbering-"))))
    figures = [at_least(f"draft + issue ({KIND}), warm process, SQLite", draft_and_issue(args.documents),
                        "docs/s", 50)]
    if args.pg:
        rate, spent, _ = postgres_allocation(args.pg, args.writers, args.numbers)
        figures += [at_least(f"allocation, PostgreSQL, {args.writers} writer processes", rate, "numbers/s", 1000),
                    Figure("numbers spent, no gap, no duplicate", spent, "")]
    else:
        print("no PostgreSQL URL (--pg or DESK_TEST_PG_URL): the allocation figure is left out", file=sys.stderr)
    show("numbering", figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

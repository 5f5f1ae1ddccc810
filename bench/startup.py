"""How fast the window opens and searches.

1. startup: from process start to the main window shown, on a database of 10 000 cases (target ≤ 1.0 s),
   and on to the first page of rows shown; a fresh ``desk`` process each run, offscreen;
2. search: from a query typed (after the debounce) to its first page of rows in the case list, on 100 000
   cases (target ≤ 100 ms), for a case number, a party, a cause and a text found nowhere (a full scan).

The databases are the demo (agency, officers, 12 real cases) plus bulk-inserted case rows, each with its prior
notice and decision numbered (SQLAlchemy core, a temporary SQLite file; the search key written as the services
write it, desk.services.search_key). Prints the median of several runs.

    python bench/startup.py [--runs 7] [--only startup|search]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import WINDOW_CHILD

STARTUP_CASES = 10_000
SEARCH_CASES = 100_000
STARTUP_TARGET_S = 1.0
SEARCH_TARGET_MS = 100.0
SEARCHES = {"case number": "东综执立字〔2026〕5", "brackets typed": "立字(2026)5", "decision number": "罚决字[2026]7",
            "party": "恒通", "cause": "建筑垃圾", "nowhere": "并不存在的文字"}

# the child: open the window as ``desk gui`` does; report when the case table first paints, and when its first
# page of rows is in
CHILD = WINDOW_CHILD + """
def rows():
    marks["rows"] = time.time()
    app.quit()
window.cases.model.page_loaded.connect(rows)
app.exec()
print(json.dumps(marks))
"""


def make_database(home: Path, cases: int, open_every: int = 33) -> None:
    """The demo, then ``cases`` in all, bulk-inserted (one in ``open_every`` open, 3 %; the rest closed or
    archived)."""
    os.environ["DESK_HOME"] = str(home)
    os.environ["DESK_DATABASE_URL"] = f"sqlite:///{home / 'desk.sqlite3'}"
    from sqlalchemy import insert, select

    from desk.db.uow import unit_of_work
    from desk.models import Agency, Case, Document
    from desk.services.demo import SCENARIOS, make_demo
    from desk.services.demo_people import SQUADS, organization, person
    from desk.services.search_key import key_of

    with unit_of_work(actor="bench") as uow:
        make_demo(uow)
        agency_id = uow.session.scalars(select(Agency.id)).one()
    rng = random.Random(7)
    now = datetime.now(UTC)
    start = date(2021, 1, 4)
    rows, documents = [], []
    for i in range(12, cases):
        s = SCENARIOS[i % len(SCENARIOS)]
        party = (person if i % 3 else organization)(rng)
        filed = start + timedelta(days=i * 1800 // cases)
        number = f"东综执立字〔{filed.year}〕{i}号"
        numbered = [(kind, f"东综执{code}字〔{filed.year}〕{i}号")
                    for kind, code in (("penalty_prior_notice", "罚告"), ("penalty_decision", "罚决"))]
        documents.append(numbered)
        rows.append({
            "agency_id": agency_id, "number": number, "cause": s.cause, "domain": s.domain,
            "source": "patrol", "procedure": s.procedure, "outcome": s.outcome, "squad": SQUADS[i % len(SQUADS)],
            "discovered_on": filed, "violation_on": filed, "filed_on": filed, "facts": "", "evidence": [],
            "violated": [s.violated], "basis": [s.basis], "discretion": {}, "penalty_kinds": list(s.kinds),
            "officers": [], "status": "open" if i % open_every == 0 else ("archived" if i % 2 else "closed"),
            "party_name": party.name, "created_at": now, "updated_at": now,
            "search_key": key_of(number, party.name, s.cause, [n for _kind, n in numbered]),
        })
    with unit_of_work(actor="bench") as uow:
        for chunk in range(0, len(rows), 5000):
            uow.session.execute(insert(Case), rows[chunk:chunk + 5000])
        ids: dict[str, int] = {number: id_ for number, id_ in uow.session.execute(select(Case.number, Case.id))}
        docs = [{"case_id": ids[row["number"]], "agency_id": agency_id, "kind": kind, "status": "issued",
                 "number": number, "created_at": now, "updated_at": now}
                for row, numbered in zip(rows, documents, strict=True) for kind, number in numbered]
        for chunk in range(0, len(docs), 5000):
            uow.session.execute(insert(Document), docs[chunk:chunk + 5000])


def startup(home: Path, runs: int) -> tuple[list[float], list[float]]:
    env = {**os.environ, "DESK_HOME": str(home), "DESK_DATABASE_URL": f"sqlite:///{home / 'desk.sqlite3'}",
           "QT_QPA_PLATFORM": "offscreen", "DESK_LANG": "zh_CN"}
    shown, rows = [], []
    for run in range(runs + 1):  # the first run warms the disk cache and is not counted
        began = time.time()
        out = subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, check=True)
        marks = json.loads(out.stdout.strip().splitlines()[-1])
        if run:
            shown.append(marks["shown"] - began)
            rows.append(marks["rows"] - began)
    return shown, rows


# the search before the stored key (migration window3): three LIKEs on the case and an EXISTS into its documents;
# and the query list_cases makes now (desk.services.search_key), both as SQL alone
BEFORE_SQL = """SELECT c.id FROM case_file c WHERE c.number LIKE :p ESCAPE '\\' OR c.party_name LIKE :p ESCAPE '\\'
OR c.cause LIKE :p ESCAPE '\\' OR EXISTS (SELECT 1 FROM document d WHERE d.case_id = c.id AND d.number LIKE :p
ESCAPE '\\') ORDER BY c.id LIMIT 200"""
NOW_SQL = """SELECT c.id FROM case_file c WHERE c.id IN (SELECT k.id FROM case_file k WHERE instr(k.search_key, :t) > 0)
ORDER BY c.id LIMIT 200"""


def search_sql(home: Path, runs: int) -> tuple[float, float]:
    """Medians of the old query and of today's over a text found nowhere (a full scan), in the same database."""
    import sqlite3

    from desk.services.search_key import normalized

    text = SEARCHES["nowhere"]
    db = sqlite3.connect(home / "desk.sqlite3")
    out = []
    for sql, params in ((BEFORE_SQL, {"p": f"%{text}%"}), (NOW_SQL, {"t": normalized(text)})):
        db.execute(sql, params).fetchall()  # warm the cache
        times = []
        for _ in range(runs):
            began = time.perf_counter()
            db.execute(sql, params).fetchall()
            times.append(time.perf_counter() - began)
        out.append(statistics.median(times))
    db.close()
    return out[0], out[1]


def search(home: Path, runs: int) -> dict[str, list[float]]:
    """In this process: the case list's model asked for each search, timed to its first page."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from desk.ui.main_window import MainWindow
    from desk.ui.ops.cases import CaseQuery
    from desk.ui.session import OPERATOR, Session

    app = QApplication.instance() or QApplication([])
    window = MainWindow()
    model, session = window.cases.model, Session(OPERATOR)
    times: dict[str, list[float]] = {name: [] for name in SEARCHES}
    for run in range(runs + 1):
        for name, text in SEARCHES.items():
            loop = QEventLoop()
            model.page_loaded.connect(loop.quit)
            began = time.perf_counter()
            model.start(session, CaseQuery(search=text))
            loop.exec()
            model.page_loaded.disconnect(loop.quit)
            if run:
                times[name].append(time.perf_counter() - began)
    window.runner.pool.waitForDone()
    del app
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--only", choices=("startup", "search"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="desk-bench-") as tmp:
        small, big = Path(tmp) / "10k", Path(tmp) / "100k"
        made = time.perf_counter()
        ok = True
        if args.only != "search":
            subprocess.run([sys.executable, __file__, "--make", str(small), str(STARTUP_CASES)], check=True)
        if args.only != "startup":
            subprocess.run([sys.executable, __file__, "--make", str(big), str(SEARCH_CASES)], check=True)
        print(f"databases made in {time.perf_counter() - made:.1f} s (load average {os.getloadavg()[0]:.1f})")

        if args.only != "search":
            shown, rows = startup(small, args.runs)
            print(f"startup on {STARTUP_CASES} cases, median of {args.runs}: window shown "
                  f"{statistics.median(shown):.3f} s (target ≤ {STARTUP_TARGET_S} s), first rows shown "
                  f"{statistics.median(rows):.3f} s")
            ok = statistics.median(shown) <= STARTUP_TARGET_S

        if args.only != "startup":
            os.environ["DESK_HOME"] = str(big)
            os.environ["DESK_DATABASE_URL"] = f"sqlite:///{big / 'desk.sqlite3'}"
            times = search(big, args.runs)
            for name, values in times.items():
                print(f"search on {SEARCH_CASES} cases, {name} “{SEARCHES[name]}”: median "
                      f"{1000 * statistics.median(values):.1f} ms (target ≤ {SEARCH_TARGET_MS:.0f} ms)")
            ok = ok and 1000 * max(statistics.median(v) for v in times.values()) <= SEARCH_TARGET_MS
            before, now = search_sql(big, args.runs)
            print(f"SQL alone, text found nowhere: before the stored key (3 LIKEs + EXISTS over documents) "
                  f"{1000 * before:.1f} ms, now {1000 * now:.1f} ms: {before / now:.1f}× quicker")
        print(f"load average {os.getloadavg()[0]:.1f}; " + ("targets met" if ok else "targets missed"))
    return 0 if ok else 1


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] in ("--make", "--make-open"):  # --make-open: every case open
        make_database(Path(sys.argv[2]), int(sys.argv[3]), open_every=1 if sys.argv[1] == "--make-open" else 33)
        sys.exit(0)
    sys.exit(main())

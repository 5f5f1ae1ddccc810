"""Statistics and the publication list over 100 000 cases: Desk's SQL aggregates against the naive way.

    python bench/reports.py [--cases 100000] [--sample 2000] [--url sqlite:///…]

The cases (a year of work: every outcome, both procedures, four squads, twenty causes, ~7 events and one
decision document per decided case) are inserted in bulk with SQL into a fresh SQLite database (or the
database ``--url`` names). Then, three runs each, the median of:

- ``stats --year``, ``stats --month`` and ``publish`` for the year (Desk: ``desk.reports``, SQL aggregates);
- the naive way: load every case's snapshot (``load_casefile``) and count in Python. It is timed on
  ``--sample`` cases and extrapolated linearly to all cases (it is far too slow to run on 100 000).

Target: each Desk figure ≤ 2 s.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SQUADS = ("东湖街道中队", "水果湖街道中队", "珞南街道中队", "关山街道中队")
CAUSES = tuple(f"违法行为类别{i:02d}" for i in range(20))
OUTCOMES = (("penalty", 70), ("no_penalty_minor", 8), ("no_penalty_unfounded", 4), ("criminal_transfer", 3),
            ("jurisdiction_transfer", 5), ("pending", 10))
KINDS = (["fine"], ["warning", "fine"], ["warning"], ["fine", "confiscate_gains"], ["suspend_business"])
TARGET_S = 2.0


def _rows(n: int, agency_id: int, rng: random.Random) -> dict[str, list[dict[str, Any]]]:
    now = datetime.now(UTC)
    cases: list[dict[str, Any]] = []
    parties: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    docs: list[dict[str, Any]] = []
    outcomes = [o for o, w in OUTCOMES for _ in range(w)]
    seq = 0
    for cid in range(1, n + 1):
        summary = rng.random() < 0.2
        outcome = "penalty" if summary else rng.choice(outcomes)
        filed = date(2026, 1, 1) + timedelta(days=rng.randrange(330))
        kinds = rng.choice(KINDS) if outcome == "penalty" else []
        fine = rng.choice((200, 500, 2000, 5000, 20000)) if "fine" in kinds else None
        conf = 1200 if "confiscate_gains" in kinds else None
        cases.append({"id": cid, "agency_id": agency_id, "number": f"东综执立字〔2026〕{cid}号",
                      "cause": rng.choice(CAUSES),
                      "procedure": "summary" if summary else "general", "outcome": outcome,
                      "squad": rng.choice(SQUADS), "filed_on": None if summary else filed, "facts": "当事人……",
                      "basis": ["《某条例》第十条"], "penalty_kinds": kinds, "fine": fine, "confiscated": conf,
                      "party_name": f"当事人{cid}", "status": "open", "created_at": now, "updated_at": now,
                      "evidence": [], "violated": [], "discretion": {}, "officers": []})
        kind = rng.choice(("person", "individual_business", "organization"))
        parties.append({"case_id": cid, "position": 0, "kind": kind, "name": f"张{cid}",
                        "legal_representative": "李四" if kind != "person" else None,
                        "uscc": "91420100MA4K0000XX" if kind != "person" else None,
                        "id_number": "420106199001011234", "address": "江城市某路1号", "phone": "13800000000"})
        day = filed
        trail = [] if summary else ["filed", "inspected", "inquired", "notified"]
        if outcome in ("penalty", "no_penalty_minor", "no_penalty_unfounded"):
            trail.append("decided")
        elif outcome.endswith("transfer"):
            trail.append("transferred")
        for t in trail:
            events.append({"case_id": cid, "position": len(events), "type": t, "on": day})
            day += timedelta(days=rng.randrange(1, 12))
        if outcome == "penalty":
            decided = day - timedelta(days=1)
            seq += 1
            code = "简罚决" if summary else "罚决"
            docs.append({"case_id": cid, "agency_id": agency_id, "position": 0, "kind":
                         "summary_penalty_decision" if summary else "penalty_decision", "status": "issued",
                         "number": f"东综执{code}字〔2026〕{seq}号", "issued_on": decided, "created_at": now,
                         "updated_at": now})
            if fine and rng.random() < 0.8:
                events.append({"case_id": cid, "position": 90, "type": "paid", "on": day, "amount": fine})
            if rng.random() < 0.7:
                events.append({"case_id": cid, "position": 91, "type": "published", "on": day})
        if outcome != "pending" and rng.random() < 0.8:
            events.append({"case_id": cid, "position": 99, "type": "closed", "on": day + timedelta(days=5)})
    return {"case_file": cases, "party": parties, "event": events, "document": docs}


def build(url: str, n: int) -> float:
    from sqlalchemy import insert

    from desk.db.uow import unit_of_work
    from desk.models import Agency, Case, Document, Event, Party

    started = time.perf_counter()
    rng = random.Random(16)
    with unit_of_work(url) as uow:
        agency = Agency(name="江城市东湖区综合行政执法局", code="东综执", squads=list(SQUADS), settings={})
        uow.session.add(agency)
        uow.session.flush()
        rows = _rows(n, agency.id, rng)
        conn = uow.session.connection()
        for model, key in ((Case, "case_file"), (Party, "party"), (Event, "event"), (Document, "document")):
            conn.execute(insert(model.__table__), rows[key])
    return time.perf_counter() - started


def naive(url: str, ids: list[int], year: int) -> None:
    """Load each snapshot and count the year's figures in Python (what the SQL replaces)."""
    from desk.db.uow import unit_of_work
    from desk.services.cases import load_casefile

    totals: dict[str, Any] = {"filed": 0, "decided": 0, "fines": 0, "published": 0}
    with unit_of_work(url, write=False) as uow:
        for cid in ids:
            cf = load_casefile(uow, cid)
            filed = cf.events_of("filed")
            decided = [e.on for e in cf.events_of("decided")] + [d.issued_on for d in cf.issued_of(
                "penalty_decision", "summary_penalty_decision") if d.issued_on]
            if filed and filed[0].on.year == year:
                totals["filed"] += 1
            if decided and min(decided).year == year:
                totals["decided"] += 1
                totals["fines"] += cf.case.penalty.fine or 0
                totals["published"] += bool(cf.events_of("published"))


def median_time(fn: Any, runs: int = 3) -> tuple[float, float]:
    """Median wall-clock and CPU seconds (the CPU time of this process: what a shared machine's load hides)."""
    wall, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return statistics.median(wall), statistics.median(cpu)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--sample", type=int, default=2000)
    parser.add_argument("--url")
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="desk-bench-reports-")
    os.environ["DESK_HOME"] = home
    url = args.url or f"sqlite:///{home}/desk.sqlite"

    from desk.db.uow import unit_of_work
    from desk.reports import periods
    from desk.services.reports import publication_list, stats

    print(f"inserting {args.cases} cases … {build(url, args.cases):.1f} s")
    year, month = periods.year("2026"), periods.month("2026-06")
    results: dict[str, tuple[float, float]] = {}
    sizes: dict[str, int] = {}
    with unit_of_work(url, write=False) as uow:
        results["stats --year"] = median_time(lambda: stats(uow, year))
        results["stats --month"] = median_time(lambda: stats(uow, month))
        results["publish --month"] = median_time(lambda: sizes.setdefault("month", len(
            publication_list(uow, month, date(2026, 12, 31)))))
        results["publish (year)"] = median_time(lambda: sizes.setdefault("publish", len(
            publication_list(uow, year, date(2026, 12, 31)))))
        decided = stats(uow, year)["decided"]
    sample = list(range(1, min(args.sample, args.cases) + 1))
    naive_sample, naive_cpu = median_time(lambda: naive(url, sample, 2026), runs=1)
    naive_all = naive_sample * args.cases / len(sample)
    naive_all_cpu = naive_cpu * args.cases / len(sample)
    print(f"{args.cases} cases, {decided} decided in 2026, {sizes['publish']} decisions listed for "
          f"publication in the year, {sizes['month']} in 2026-06")
    print(f"naive loop over snapshots: {naive_sample:.2f} s ({naive_cpu:.2f} s CPU) for {len(sample)} cases, "
          f"extrapolated to {args.cases}: {naive_all:.0f} s (too slow to run in full)")
    load = os.getloadavg()
    print(f"machine: {os.cpu_count()} cores, load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} "
          "(figures scale with the load of a shared machine)")
    ok = True
    for name, (seconds, cpu) in results.items():
        verdict = "ok" if seconds <= TARGET_S else "TOO SLOW"
        ok &= seconds <= TARGET_S
        print(f"{name:<16} median {seconds:6.3f} s wall, {cpu:6.3f} s CPU   target ≤ {TARGET_S:.0f} s  {verdict}   "
              f"naive/desk = {naive_all / seconds:,.0f}× wall, {naive_all_cpu / cpu:,.0f}× CPU")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

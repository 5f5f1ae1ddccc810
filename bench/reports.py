"""Statistics and the publication list over 100 000 cases: Desk's SQL aggregates against the naive way.

    python bench/reports.py [--cases 100000] [--sample 2000] [--url sqlite:///…]

The cases (a year of work: every outcome, both procedures, four squads, twenty causes, ~7 events and one
decision document per decided case) are inserted in bulk with SQL into a fresh SQLite database (or the
database ``--url`` names). Then, in one process, for ``stats`` and ``publish`` of a month and of the year:

- Desk (``desk.services.reports``: SQL aggregates, Python only for the rows it lists): median wall and CPU
  seconds of three runs;
- the naive way, what the SQL replaces: every case's snapshot loaded (``iter_casefiles``, in batches) and the
  figures counted, or the list built (a calendar walk per deadline), in Python. It is timed once on
  ``--sample`` cases and extrapolated linearly to all cases (far too slow to run on 100 000); a month costs
  it as much as the year (it must read every case to find the month's).

Target: each Desk figure ≤ 2 s wall (printed beside it with the ratio naive/Desk in CPU time).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SQUADS = ("东湖街道中队", "水果湖街道中队", "珞南街道中队", "关山街道中队")
CAUSES = tuple(f"违法行为类别{i:02d}" for i in range(20))
OUTCOMES = (("penalty", 70), ("no_penalty_minor", 8), ("no_penalty_unfounded", 4), ("criminal_transfer", 3),
            ("jurisdiction_transfer", 5), ("pending", 10))
KINDS = (["fine"], ["warning", "fine"], ["warning"], ["fine", "confiscate_gains"], ["suspend_business"])
DECIDED = ("penalty", "no_penalty_minor", "no_penalty_unfounded")
PENALTY_DECISIONS = ("penalty_decision", "summary_penalty_decision")
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


def _first(cf: Any, kind: str) -> date | None:
    found = cf.events_of(kind)  # recorded events and those the issued documents imply, oldest first
    return found[0].on if found else None


def naive_stats(uow: Any, ids: list[int], period: Any) -> dict[str, Any]:
    """The statistics the naive way: every case's snapshot loaded (in batches), its figures counted in Python."""
    from desk.casefile.facts import PENALTY_KINDS
    from desk.services.cases import iter_casefiles

    def inside(day: date | None) -> bool:
        return day is not None and period.start <= day <= period.end

    totals: dict[str, Any] = {"filed": 0, "closed": 0, "decided": 0, "fines": Decimal(0), "paid": Decimal(0)}
    kinds = dict.fromkeys(PENALTY_KINDS, 0)
    causes: dict[str, int] = {}
    for cf in iter_casefiles(uow, ids):
        filed = _first(cf, "filed") or _first(cf, "decided") or _first(cf, "transferred")
        totals["filed"] += inside(filed)
        totals["closed"] += inside(_first(cf, "closed"))
        if inside(filed):
            causes[cf.case.cause] = causes.get(cf.case.cause, 0) + 1
        if inside(_first(cf, "decided")) and cf.case.outcome in DECIDED:
            totals["decided"] += 1
            if cf.case.outcome == "penalty":
                totals["fines"] += cf.case.penalty.fine or 0
                heaviest = [k for k in PENALTY_KINDS if k in cf.case.penalty.kinds]
                if heaviest:
                    kinds[heaviest[-1]] += 1
        totals["paid"] += sum((e.amount or 0 for e in cf.events_of("paid") if inside(e.on)), Decimal(0))
    return {**totals, "kinds": kinds, "causes": causes}


def naive_publication(uow: Any, ids: list[int], period: Any) -> list[dict[str, Any]]:
    """The publication list the naive way: every snapshot loaded, the deadline counted by walking the calendar
    for each decision, the party masked in Python."""
    from desk.reports.deadlines import Deadlines
    from desk.reports.masking import mask_name, party_text, scrub
    from desk.services import calendar_admin
    from desk.services.cases import iter_casefiles

    calendar = calendar_admin.calendar(uow.session)
    entries = []
    for cf in iter_casefiles(uow, ids):
        decided = _first(cf, "decided")
        if cf.case.outcome != "penalty" or decided is None or not period.start <= decided <= period.end:
            continue
        party = cf.main_party
        published = cf.events_of("published")
        entries.append({
            "number": next((d.number for d in cf.issued_of(*PENALTY_DECISIONS)), ""),
            "decided_on": decided,
            "party": party_text(party.kind, party.name, party.legal_representative) if party else "",
            "operator": mask_name(party.legal_representative) if party else None,
            "facts": scrub(cf.case.facts, names=[party.name] if party else []),
            "publish_by": Deadlines(calendar).after(decided, 7)[0],  # a fresh walk per decision
            "published_on": published[-1].on if published else None,
        })
    return entries


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
    parser.add_argument("--sample", type=int, default=2000, help="cases the naive loops read (then extrapolated)")
    parser.add_argument("--url")
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="desk-bench-reports-")
    os.environ["DESK_HOME"] = home
    try:
        return run(args, args.url or f"sqlite:///{home}/desk.sqlite")
    finally:
        shutil.rmtree(home, ignore_errors=True)  # its database is 130 MB


def run(args: argparse.Namespace, url: str) -> int:

    from desk.db.uow import unit_of_work
    from desk.reports import periods
    from desk.services.reports import publication_list, stats

    print(f"inserting {args.cases} cases … {build(url, args.cases):.1f} s")
    year, month = periods.year("2026"), periods.month("2026-06")
    today = date(2026, 12, 31)
    sample = list(range(1, min(args.sample, args.cases) + 1))
    scale = args.cases / len(sample)
    rows: list[tuple[str, tuple[float, float], tuple[float, float]]] = []
    with unit_of_work(url, write=False) as uow:
        for name, period in (("stats --month 2026-06", month), ("stats --year 2026", year)):
            desk = median_time(partial(stats, uow, period))
            rows.append((name, desk, median_time(partial(naive_stats, uow, sample, period), runs=1)))
        for name, period in (("publish --month 2026-06", month), ("publish --year 2026", year)):
            desk = median_time(partial(publication_list, uow, period, today))
            listed = len(publication_list(uow, period, today))
            naive = median_time(partial(naive_publication, uow, sample, period), runs=1)
            rows.append((f"{name} ({listed} listed)", desk, naive))
        decided = stats(uow, year)["decided"]
    load = os.getloadavg()
    print(f"{args.cases} cases, {decided} decided in 2026; Desk: median of 3 runs in one process (SQL aggregates)")
    print(f"naive: a Python loop over the snapshots of every case (desk.services.cases.iter_casefiles, in batches),"
          f" timed once on {len(sample)} cases and extrapolated ×{scale:g} (too slow to run on all; a month's list"
          " or statistics must read every case too)")
    print(f"machine: {os.cpu_count()} cores, load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} "
          "(wall figures grow with the load of a shared machine; CPU figures much less)")
    ok = True
    print(f"{'':<40}{'wall':>8}{'CPU':>8}   {'target':<10}{'':<8}{'naive (extrapolated)':>22}  {'naive/Desk CPU':>14}")
    for name, (wall, cpu), (naive_wall, naive_cpu) in rows:
        met = wall <= TARGET_S
        ok &= met
        print(f"{name:<40}{wall:7.2f}s{cpu:7.2f}s   ≤ {TARGET_S:.0f} s wall {'met' if met else 'MISSED':<6}"
              f"{naive_wall * scale:10.1f} s wall {naive_cpu * scale:6.1f} s CPU  {naive_cpu * scale / cpu:9,.0f}×")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

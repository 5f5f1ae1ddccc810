"""The annual review: ``desk check --all`` over 10 000 cases (target ≥ 2 000 cases/s), against the naive loop.

    python bench/check.py [--cases 10000]

The database is the demo's 12 cases (every procedure and stage, with their documents and events) copied
until there are ``--cases`` of them, each copy with its own numbers. Figures:
- ``desk check --all --json`` as a whole process (start-up, migration check, loading, checking, printing; the
  runs of cases checked in one worker process per core where the system forks: ``desk.services.review``);
- in a warm process, one process: snapshots loaded a batch at a time (``iter_casefiles``) and checked;
- the naive loop the command used before: one ``load_casefile`` (five queries) per case, measured on a
  sample of the same database, for the ratio.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import Figure, at_least, demo_home, desk_command, show

_SEQ = re.compile(r"〕(\d+)号")


def copy_cases(url: str, total: int) -> None:
    """Copy the demo's cases (with parties, events, documents, attachments) until ``total`` cases exist."""
    from sqlalchemy import create_engine, insert, select

    from desk.models import Attachment, Case, Document, Event, Party

    engine = create_engine(url)
    with engine.begin() as conn:
        def rows(model):  # type: ignore[no-untyped-def]
            return [dict(r._mapping) for r in conn.execute(select(model.__table__))]

        cases, children = rows(Case), {m: rows(m) for m in (Party, Event, Attachment)}
        documents = rows(Document)
        next_id = {m: max((r["id"] for r in rows(m)), default=0) + 1 for m in (Case, Party, Event, Document,
                                                                                 Attachment)}
        copy = 0
        while len(cases) * (copy + 1) < total:
            copy += 1
            new_cases, new_children, new_docs = [], {m: [] for m in children}, []  # type: ignore[var-annotated]
            case_ids, doc_ids = {}, {}
            for c in cases[: total - len(cases) * copy]:
                case_ids[c["id"]] = next_id[Case]
                next_id[Case] += 1
                new_cases.append({**c, "id": case_ids[c["id"]], "number": bump(c["number"], copy)})
            for m, items in children.items():
                for r in items:
                    if r["case_id"] in case_ids:
                        new_children[m].append({**r, "id": next_id[m], "case_id": case_ids[r["case_id"]]})
                        next_id[m] += 1
            for d in documents:
                if d["case_id"] in case_ids:
                    doc_ids[d["id"]] = next_id[Document]
                    next_id[Document] += 1
            for d in documents:
                if d["case_id"] in case_ids:
                    new_docs.append({**d, "id": doc_ids[d["id"]], "case_id": case_ids[d["case_id"]],
                                     "number": bump(d["number"], copy), "serves": bump(d["serves"], copy),
                                     "serves_id": doc_ids.get(d["serves_id"])})
            conn.execute(insert(Case.__table__), new_cases)
            for m, items in new_children.items():
                if items:
                    conn.execute(insert(m.__table__), items)
            conn.execute(insert(Document.__table__), new_docs)
    engine.dispose()


def bump(number: str | None, copy: int) -> str | None:
    """The same number ``copy`` × 1000 further on: unique, and still the agency's pattern."""
    if not number:
        return number
    return _SEQ.sub(lambda m: f"〕{int(m.group(1)) + 1000 * copy}号", number)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--naive-sample", type=int, default=1_000)
    args = parser.parse_args(argv)
    home = Path(tempfile.mkdtemp(prefix="desk-bench-check-"))
    env = demo_home(home)
    os.environ.update(env)
    copy_cases(env["DESK_DATABASE_URL"], args.cases)

    start = time.perf_counter()
    out = subprocess.run([*desk_command(), "check", "--all", "--json"], env=env, capture_output=True, check=False)
    process_s = time.perf_counter() - start
    assert out.returncode in (0, 1), out.stderr.decode()
    checked = out.stdout.count(b'"archivable"')

    from desk.db.uow import unit_of_work
    from desk.procedure.checker import check
    from desk.services.calendar_admin import calendar
    from desk.services.cases import all_case_ids, iter_casefiles, load_casefile

    with unit_of_work(write=False) as uow:
        cal = calendar(uow.session)
        start = time.perf_counter()
        warm = sum(1 for cf in iter_casefiles(uow) if check(cf, calendar=cal))
        warm_s = time.perf_counter() - start
        sample = all_case_ids(uow)[: args.naive_sample]
        start = time.perf_counter()
        for ref in sample:
            check(load_casefile(uow, ref), calendar=cal)
        naive_s = time.perf_counter() - start
    naive_rate, warm_rate = len(sample) / naive_s, warm / warm_s
    show(f"desk check --all over {checked} cases", [
        at_least("desk check --all --json, whole process", checked / process_s, "cases/s", 2000),
        Figure("warm process, batched snapshots", warm_rate, "cases/s"),
        Figure(f"naive: load_casefile per case ({len(sample)} cases)", naive_rate, "cases/s"),
        Figure("batched / naive", warm_rate / naive_rate, "×"),
    ])
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""What resolving a case's discretion standard costs when its snapshot is built, median of N runs.

    python bench/discretion.py [N]        # default N = 50

On the demo database (a temporary SQLite file): ``load_casefile`` for every case, and the part of it that
resolves the cited standard (``desk.discretion.store.attach``) with the parsed versions cached (as in a
running Desk) and with the cache emptied before each case (every version parsed again from its JSON).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable


def median_ms(run: Callable[[], object], n: int, count: int) -> float:
    run()  # warm up: imports, caches
    times = []
    for _ in range(n):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) / count)
    return statistics.median(times) * 1000


def main(n: int) -> None:
    os.environ["DESK_HOME"] = tempfile.mkdtemp(prefix="desk-bench-")
    os.environ.pop("DESK_DATABASE_URL", None)
    from desk.db.uow import unit_of_work
    from desk.discretion import store
    from desk.services.cases import all_case_ids, load_casefile
    from desk.services.demo import make_demo

    with unit_of_work() as uow:
        make_demo(uow)
    with unit_of_work(write=False) as uow:
        ids = all_case_ids(uow)
        snapshots = [load_casefile(uow, i) for i in ids]

        def cold() -> None:
            for cf in snapshots:
                store._PARSED.clear()
                store.attach(uow, cf)

        load = median_ms(lambda: [load_casefile(uow, i) for i in ids], n, len(ids))
        warm = median_ms(lambda: [store.attach(uow, cf) for cf in snapshots], n, len(ids))
        parsed = median_ms(cold, n, len(ids))
    print(f"load_casefile            {load:7.2f} ms per case ({len(ids)} cases)")
    print(f"  attach, versions cached {warm:7.2f} ms per case ({warm / load:.0%} of the load)")
    print(f"  attach, parsed each time {parsed:6.2f} ms per case (cache saves {parsed / warm:.1f}×)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50)

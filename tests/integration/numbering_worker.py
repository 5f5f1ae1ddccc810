"""A desktop issuing documents as fast as it can (run as a separate process by test_numbering)."""

from __future__ import annotations

import sys
from datetime import date

from desk.db.uow import unit_of_work
from desk.services import documents


def main(url: str, case_id: str, count: int, kind: str) -> None:
    for _ in range(count):
        with unit_of_work(url, actor="worker") as uow:
            doc = documents.draft(uow, case_id, kind, today=date(2026, 11, 20))
            documents.issue(uow, doc.id, on=date(2026, 11, 20))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4])

"""A desktop issuing documents as fast as it can (run as a separate process by test_numbering)."""

from __future__ import annotations

import sys
from datetime import date

from desk.db.uow import unit_of_work
from desk.services import documents

FIELDS = {"inquiry_notice": {"inquiry_at": "2026-11-25T09:30", "inquiry_place": "东湖街道中队办公室"}}


def main(url: str, case_id: str, count: int, kind: str) -> None:
    for _ in range(count):
        with unit_of_work(url, actor="worker") as uow:
            doc_id = documents.draft(uow, case_id, kind, FIELDS.get(kind), today=date(2026, 11, 20)).id
        with unit_of_work(url, actor="worker") as uow:
            documents.issue(uow, doc_id, on=date(2026, 11, 20))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4])

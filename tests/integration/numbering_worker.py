"""A desktop issuing documents as fast as it can (run as a separate process by test_numbering)."""

from __future__ import annotations

import sys
from datetime import date

from desk.db.uow import unit_of_work
from desk.services import documents

CONTACT = {"contact_phone": "027-87654321", "contact_address": "江城市东湖区中北路88号"}
FIELDS = {"inquiry_notice": {"inquiry_at": "2026-11-25T09:30", "inquiry_place": "东湖街道中队办公室", **CONTACT},
          "stop_order": CONTACT, "rectification_order": {**CONTACT, "deadline": "2026-11-30",
                                                         "correction": "立即清理现场，恢复原状。"}}


def main(url: str, case_id: str, count: int, kind: str) -> None:
    for _ in range(count):
        with unit_of_work(url, actor="worker") as uow:
            doc_id = documents.draft(uow, case_id, kind, FIELDS.get(kind), today=date(2026, 11, 20)).id
        with unit_of_work(url, actor="worker") as uow:
            documents.issue(uow, doc_id, on=date(2026, 11, 20))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4])

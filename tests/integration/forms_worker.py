"""A desktop entering summary decisions on pre-numbered forms as fast as it can (run as a separate process by
test_forms_concurrency): ``next`` takes the proposed next form each time; ``race`` enters every number of the
range itself, skipping those another desktop used first. Prints the numbers it issued, one a line."""

from __future__ import annotations

import sys
from datetime import date

from desk.db.uow import unit_of_work
from desk.errors import UserError
from desk.services import documents

ON = date(2026, 3, 5)


def _draft(url: str, case_id: str) -> int:
    with unit_of_work(url, actor="worker") as uow:
        return documents.draft(uow, case_id, "summary_penalty_decision", {"place": "珞喻路128号门前"}, today=ON).id


def main(url: str, case_id: str, mode: str, first: int, last: int, count: int) -> None:
    issued: list[str] = []
    forms = [None] * count if mode == "next" else [str(seq) for seq in range(first, last + 1)]
    for form in forms:
        doc_id = _draft(url, case_id)
        try:
            with unit_of_work(url, actor="worker") as uow:
                issued.append(str(documents.issue(uow, doc_id, on=ON, form=form).number))
        except UserError as exc:
            if exc.key not in ("form_used", "form_spoiled"):
                raise
    print("\n".join(issued))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]))

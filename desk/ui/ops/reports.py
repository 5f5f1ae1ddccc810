"""Ops of the 统计 and 公示 views: they run on the background thread and return plain data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desk.ui.session import Session


@dataclass(frozen=True)
class StatsResult:
    stats: dict[str, Any]
    agency: str


def load_stats(session: Session, period: str) -> StatsResult:
    """``period`` is ``YYYY-MM`` or ``YYYY``."""
    from desk.reports import periods
    from desk.services.reports import agency_name, stats

    chosen = periods.month(period) if "-" in period else periods.year(period)
    with session.uow(write=False) as uow:
        return StatsResult(stats(uow, chosen), agency_name(uow))


def export_stats(result: StatsResult, path: Path) -> Path:
    from desk.reports.pdf import stats_pdf
    from desk.reports.xlsx import stats_xlsx

    if path.suffix.lower() == ".pdf":
        stats_pdf(result.stats, path, result.agency)
    else:
        stats_xlsx(result.stats, path)
    return path


def load_publication(session: Session, start: date, end: date, today: date | None = None) -> list[dict[str, Any]]:
    from desk.reports.periods import Period
    from desk.services.reports import publication_list

    with session.uow(write=False) as uow:
        return publication_list(uow, Period(start, end, f"{start}—{end}"), today)


def export_publication(entries: list[dict[str, Any]], path: Path, title: str) -> Path:
    from desk.reports.xlsx import publication_csv, publication_xlsx

    if path.suffix.lower() == ".csv":
        publication_csv(entries, path)
    else:
        publication_xlsx(entries, path, title)
    return path


def record_published(session: Session, case_id: int, on: date) -> None:
    from desk.services.reports import record_published as record

    with session.uow() as uow:
        record(uow, case_id, on)

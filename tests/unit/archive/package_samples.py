"""Payload data for a small archive package (no database, no dossier)."""

from __future__ import annotations

import unicodedata
import zipfile
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path

from desk.archive.metadata import CaseDescription, FileRecord, LogEvent, PayloadItem
from desk.archive.names import item_name
from desk.archive.package import Description

CASE = CaseDescription(
    archive_number="20260001", agency="江城市东湖区综合行政执法局", agency_code="东综执",
    title="江城市味香园餐饮管理有限公司随意倾倒生活垃圾案", case_number="东综执立字〔2026〕21号",
    decision_number="东综执罚决字〔2026〕21号", cause="随意倾倒生活垃圾", party="江城市味香园餐饮管理有限公司",
    procedure="general", outcome="penalty", squad="东湖街道中队", officers=("陈建国", "刘晓燕"),
    filed_on=date(2026, 3, 3), closed_on=date(2026, 4, 2), retention="30y", archived_on=date(2026, 4, 20),
    check_score=100,
)
EVENTS = (LogEvent(1, datetime(2026, 4, 20, 8, 0), "cli", "case_imported", None, "0.1.0"),
          LogEvent(2, datetime(2026, 4, 20, 9, 0), "cli", "document_issued", "东综执罚决字〔2026〕21号", "0.1.0"))
WHEN = datetime(2026, 4, 20, 9, 30)


def seal_with(case: CaseDescription = CASE, anchor: str = "2:" + "ab" * 32):
    def seal(records: Sequence[FileRecord]) -> Description:
        return Description(case, EVENTS, anchor)

    return seal


def sample_items(tmp: Path) -> list[PayloadItem]:
    photo = tmp / "photo.jpg"
    photo.write_bytes(bytes(range(256)) * 40)
    # a name as macOS would hand it over (NFD): the package must hold it in NFC
    decomposed = unicodedata.normalize("NFD", "现场照片（café）")
    return [
        PayloadItem(f"dossier/{item_name(1, '正卷', suffix='.pdf')}", b"%PDF-1.7 main volume\n" * 50, "正卷",
                    "dossier", pages=12, media_type="application/pdf"),
        PayloadItem(f"dossier/{item_name(2, '副卷', suffix='.pdf')}", b"%PDF-1.7 sub volume\n" * 30, "副卷",
                    "dossier", pages=5, media_type="application/pdf"),
        PayloadItem(f"documents/{item_name(3, '行政处罚决定书', '东综执罚决字〔2026〕21号', suffix='.docx')}",
                    b"PK docx bytes" * 10, "行政处罚决定书", "document", number="东综执罚决字〔2026〕21号",
                    date=date(2026, 3, 24), pages=3),
        PayloadItem(f"evidence/{item_name(4, decomposed, suffix='.JPG')}", photo, "现场照片", "evidence",
                    media_type="image/jpeg"),
    ]


Entries = dict[str, bytes]


def rezip(package: Path, target: Path, change: Callable[[Entries], object]) -> Path:
    """``package`` re-zipped to ``target`` with its entries changed (as someone editing an unzipped copy would)."""
    with zipfile.ZipFile(package) as zf:
        entries = {i.filename: zf.read(i) for i in zf.infolist()}
    change(entries)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return target


def payload(package: Path) -> list[str]:
    """The names of the payload files in a package."""
    return [n for n in zipfile.ZipFile(package).namelist() if n.startswith("data/")]

"""What a package says about its case and each of its files: ``data/metadata.json`` and ``data/metadata.xml``.

The elements follow DA/T 46 (文书类电子文件元数据方案) in spirit: the case (案卷) and every file carry
档号, 题名, 责任者, 文号, 日期, 页数, 保管期限 and their computer-file metadata (name, size, format,
digests); the 业务实体 entries are the case's event log, drawn from the audit log.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from desk import __version__

SCHEMA = "desk-archive-metadata/1"
RETENTION_LABELS = {"permanent": "永久", "30y": "30年", "10y": "10年"}
ACTION_LABELS = {
    "case_imported": "创建",
    "evidence_added": "添加证据",
    "document_drafted": "起草",
    "document_edited": "修改",
    "document_issued": "签发",
    "document_served": "送达",
    "document_voided": "作废",
    "dossier_bound": "组卷装订",
    "case_checked": "归档检查",
    "case_archived": "归档",
}


@dataclass(frozen=True)
class CaseDescription:
    """The case as its cover and the archive catalogue describe it."""

    archive_number: str
    agency: str
    agency_code: str
    title: str
    case_number: str | None
    decision_number: str | None
    cause: str
    party: str
    procedure: str
    outcome: str
    squad: str
    officers: tuple[str, ...]
    filed_on: date | None
    closed_on: date | None
    retention: str
    archived_on: date
    check_score: int


@dataclass(frozen=True)
class PayloadItem:
    """One payload file: where it goes under ``data/``, where its bytes come from, and what it is."""

    name: str
    source: Path | bytes
    title: str
    role: str  # dossier | document | evidence
    number: str | None = None
    responsible: str = ""
    date: date | None = None
    pages: int | None = None
    media_type: str = "application/octet-stream"
    sha256: str | None = None  # what the bytes must hash to (a stored original): anything else is refused


@dataclass(frozen=True)
class FileRecord:
    item: PayloadItem
    size: int
    digests: dict[str, str]


@dataclass(frozen=True)
class LogEvent:
    """One audit entry of the case."""

    entry: int
    at: datetime
    actor: str
    action: str
    document: str | None = None
    desk_version: str = ""
    detail: dict[str, Any] = field(default_factory=dict)


def _day(d: date | None) -> str | None:
    return d.strftime("%Y%m%d") if d else None


Fields = list[tuple[str, str, object]]  # (JSON key, DA/T 46 element, value)


def _case_fields(case: CaseDescription, files: list[FileRecord], audit_anchor: str) -> Fields:
    return [
        ("archive_number", "档号", case.archive_number),
        ("agency", "全宗名称", case.agency),
        ("agency_code", "机构代字", case.agency_code),
        ("title", "题名", case.title),
        ("responsible", "责任者", case.agency),
        ("case_number", "案件编号", case.case_number),
        ("decision_number", "文号", case.decision_number),
        ("cause", "案由", case.cause),
        ("party", "当事人", case.party),
        ("procedure", "程序", case.procedure),
        ("outcome", "处理结果", case.outcome),
        ("squad", "承办机构", case.squad),
        ("officers", "承办人", list(case.officers)),
        ("filed_on", "立案日期", _day(case.filed_on)),
        ("closed_on", "结案日期", _day(case.closed_on)),
        ("archived_on", "归档日期", _day(case.archived_on)),
        ("retention", "保管期限", RETENTION_LABELS.get(case.retention, case.retention)),
        ("check_score", "审查得分", case.check_score),
        ("items", "件数", sum(1 for r in files if r.item.role != "dossier")),
        ("pages", "页数", sum(r.item.pages or 0 for r in files if r.item.role == "dossier")),
        ("audit_anchor", "审计锚点", audit_anchor),
    ]


def _file_fields(i: int, r: FileRecord, case: CaseDescription) -> Fields:
    it = r.item
    return [
        ("archive_number", "档号", f"{case.archive_number}-{i:04d}"),
        ("title", "题名", it.title),
        ("responsible", "责任者", it.responsible),
        ("number", "文号", it.number),
        ("date", "日期", _day(it.date)),
        ("pages", "页数", it.pages),
        ("retention", "保管期限", RETENTION_LABELS.get(case.retention, case.retention)),
        ("path", "计算机文件名", f"data/{it.name}"),
        ("size", "计算机文件大小", r.size),
        ("media_type", "格式信息", it.media_type),
    ]


def _event_fields(e: LogEvent) -> Fields:
    return [
        ("entry", "序号", e.entry),
        ("action", "业务行为", ACTION_LABELS.get(e.action, e.action)),
        ("code", "行为代码", e.action),
        ("at", "行为时间", e.at.isoformat()),
        ("actor", "机构人员名称", e.actor),
        ("document", "文书", e.document),
        ("desk_version", "软件版本", e.desk_version),
    ]


def to_json(case: CaseDescription, files: list[FileRecord], events: list[LogEvent], audit_anchor: str) -> bytes:
    body = {
        "schema": SCHEMA,
        "generator": f"Desk {__version__}",
        "case": {key: value for key, _, value in _case_fields(case, files, audit_anchor)},
        "files": [{**{key: value for key, _, value in _file_fields(i, r, case)}, "role": r.item.role,
                   "checksums": r.digests} for i, r in enumerate(files, 1)],
        "events": [{**{key: value for key, _, value in _event_fields(e)}, "detail": e.detail} for e in events],
    }
    return (json.dumps(body, ensure_ascii=False, indent=2, default=str) + "\n").encode("utf-8")


def _fill(parent: ET.Element, fields: Fields) -> None:
    for _, tag, value in fields:
        el = ET.SubElement(parent, tag)
        el.text = "、".join(map(str, value)) if isinstance(value, list) else "" if value is None else str(value)


def to_xml(case: CaseDescription, files: list[FileRecord], events: list[LogEvent], audit_anchor: str) -> bytes:
    root = ET.Element("电子档案", {"方案": "DA/T 46", "格式": SCHEMA})
    vol = ET.SubElement(root, "案卷")
    _fill(vol, _case_fields(case, files, audit_anchor))
    for i, r in enumerate(files, 1):
        f = ET.SubElement(vol, "文件", {"类别": r.item.role})
        _fill(f, _file_fields(i, r, case))
        for alg, digest in r.digests.items():
            ET.SubElement(f, "数字摘要", {"摘要算法": alg.upper()}).text = digest
    for e in events:
        _fill(ET.SubElement(vol, "业务实体"), _event_fields(e))
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"

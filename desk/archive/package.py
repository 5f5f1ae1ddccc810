"""The archive package: one ZIP holding a BagIt 1.0 bag of the case, written atomically.

Layout (at the root of the ZIP, so ``unzip`` gives a bag any BagIt tool validates)::

    bagit.txt  bag-info.txt  manifest-sha256.txt  manifest-sm3.txt
    tagmanifest-sha256.txt  tagmanifest-sm3.txt
    data/<payload items>  data/metadata.json  data/metadata.xml

Every file is read once: its bytes go into the ZIP while both checksums are computed. The ZIP is
written to a temporary file beside the target and renamed at the end (``desk.outputs``), so a failure
leaves nothing.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desk import __version__, outputs
from desk.archive import bagfiles, metadata
from desk.archive.checksums import ALGORITHMS, CHUNK, Digests
from desk.archive.metadata import CaseDescription, FileRecord, LogEvent, PayloadItem
from desk.archive.names import portable
from desk.archive.signature import SIGNATURE_FILE
from desk.errors import Refusal

# formats that are compressed already: stored as they are
_STORED = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic", ".mp3", ".m4a", ".mp4", ".mov", ".zip", ".docx",
           ".xlsx"}


@dataclass(frozen=True)
class Description:
    """What the metadata and bag-info say: the case, its event log, and the audit anchor."""

    case: CaseDescription
    events: Sequence[LogEvent]
    audit_anchor: str


Seal = Callable[[Sequence[FileRecord]], Description]
# signs the finished bag: its tag files' bytes → the signature file's (desk.archive.signature)
Signer = Callable[[dict[str, bytes]], bytes]


@dataclass(frozen=True)
class PackageResult:
    path: Path
    files: tuple[FileRecord, ...]  # the payload, metadata files last


def _chunks(source: Path | bytes) -> Iterator[bytes]:
    if isinstance(source, bytes):
        yield source
        return
    with source.open("rb") as f:
        yield from iter(lambda: f.read(CHUNK), b"")


def _size(source: Path | bytes) -> int:
    return len(source) if isinstance(source, bytes) else source.stat().st_size


class _BagZip:
    """A ZIP being filled with bag files."""

    def __init__(self, zf: zipfile.ZipFile, when: datetime) -> None:
        self.zf = zf
        self.when = when.timetuple()[:6]

    def add(self, name: str, source: Path | bytes) -> Digests:
        """Store one file; its checksums and size."""
        info = zipfile.ZipInfo(name, date_time=self.when)
        info.compress_type = zipfile.ZIP_STORED if Path(name).suffix.lower() in _STORED else zipfile.ZIP_DEFLATED
        digests = Digests()
        with self.zf.open(info, "w", force_zip64=_size(source) > zipfile.ZIP64_LIMIT) as dst:
            for chunk in _chunks(source):
                digests.update(chunk)
                dst.write(chunk)
        return digests


def _check_items(items: Sequence[PayloadItem]) -> None:
    """Every name is portable (names.portable parts, NFC) and used once (the metadata names are the package's);
    every file is there to be read."""
    seen = {"metadata.json", "metadata.xml"}
    for it in items:
        if it.name in seen or any(part != portable(part) for part in it.name.split("/")):
            raise ValueError(f"payload name {it.name!r} is used twice or not portable")
        seen.add(it.name)
        if isinstance(it.source, Path) and not it.source.is_file():
            raise Refusal("archive_file_missing", title=it.title, path=it.source)


def write_package(out: Path, items: Sequence[PayloadItem], seal: Seal, *, when: datetime,
                  signer: Signer | None = None) -> PackageResult:
    """Write ``items`` as the payload of a package at ``out``.

    ``seal`` is called once the payload is in (with its records) and describes the package; it is the
    caller's last chance to fail, and the point where the caller records what it did. ``signer`` signs the
    tag manifests (its file is added last, outside them).
    """
    _check_items(items)
    with outputs.atomic(out) as tmp, tmp.open("xb") as raw, zipfile.ZipFile(raw, "w") as zf:
        records = _write_bag(_BagZip(zf, when), items, seal, when, signer)
    return PackageResult(out, tuple(records))


def _write_bag(bag: _BagZip, items: Sequence[PayloadItem], seal: Seal, when: datetime,
               signer: Signer | None = None) -> list[FileRecord]:
    records = []
    for it in items:
        d = bag.add(bagfiles.PAYLOAD_DIR + it.name, it.source)
        records.append(FileRecord(it, d.size, d.hexdigests()))
        if it.sha256 and records[-1].digests["sha256"] != it.sha256:
            raise Refusal("archive_file_damaged", title=it.title, path=it.source)
    desc = seal(tuple(records))
    case, events, described = desc.case, list(desc.events), list(records)
    for name, data, media in (
        ("metadata.json", metadata.to_json(case, described, events, desc.audit_anchor), "application/json"),
        ("metadata.xml", metadata.to_xml(case, described, events, desc.audit_anchor), "application/xml"),
    ):
        d = bag.add(bagfiles.PAYLOAD_DIR + name, data)
        records.append(FileRecord(PayloadItem(name, data, "元数据", "metadata", media_type=media), d.size,
                                  d.hexdigests()))
    info = bagfiles.format_bag_info([
        ("Bag-Software-Agent", f"Desk {__version__}"),
        ("Bagging-Date", when.date().isoformat()),
        ("Payload-Oxum", bagfiles.payload_oxum(r.size for r in records)),
        ("Source-Organization", case.agency),
        ("Agency-Code", case.agency_code),
        ("Case-Number", case.case_number or ""),
        ("Archive-Number", case.archive_number),
        ("Retention", case.retention),
        ("Audit-Anchor", desc.audit_anchor),
    ])
    tags = {"bagit.txt": bagfiles.BAGIT_TXT.encode(), bagfiles.BAG_INFO: info.encode("utf-8")}
    for alg in ALGORITHMS:
        entries = {bagfiles.PAYLOAD_DIR + r.item.name: r.digests[alg] for r in records}
        tags[bagfiles.manifest_name(alg)] = bagfiles.format_manifest(entries).encode("utf-8")
    tag_digests = {name: bag.add(name, data).hexdigests() for name, data in tags.items()}
    for alg in ALGORITHMS:
        text = bagfiles.format_manifest({name: d[alg] for name, d in tag_digests.items()})
        tags[bagfiles.manifest_name(alg, tag=True)] = text.encode("utf-8")
        bag.add(bagfiles.manifest_name(alg, tag=True), tags[bagfiles.manifest_name(alg, tag=True)])
    if signer is not None:
        bag.add(SIGNATURE_FILE, signer(tags))
    return records

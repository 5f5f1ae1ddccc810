"""The dossier plan: which items go into which volume, in which section and order, and what the 备考表 notes.

Pure: a ``CaseFile`` and a ``Profile`` in, a ``VolumePlan`` out; nothing here reads a file or the database.
Issued documents are bound; voided ones are not, and are noted on the reference sheet (with what replaced
them); drafts are neither. Each served document is followed by its 送达回证. Evidence is bound when its file is
a PDF or a JPEG/PNG picture; audio-video files and objects are noted as kept elsewhere, evidence without a
file as missing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath

from desk.casefile.facts import Attachment, CaseFile, Document
from desk.catalogue import Kind, kind
from desk.dossier.profile import Profile, Section

PDF_SUFFIXES = (".pdf",)
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png")
OBJECT_KINDS = ("object", "physical")
VOLUME_TITLES = {"main": "正卷", "sub": "副卷"}
REGENERATED = "据案件数据生成"
SIGNED_SCAN = "签章扫描件"  # the note of a document bound from the scan of its signed and sealed paper


@dataclass(frozen=True)
class Item:
    """One bound item: a document (drawn from its DOCX, or its stored file) or a piece of evidence."""

    title: str
    number: str | None
    author: str  # 责任者
    on: date | None
    section: str
    document: Document | None = None
    attachment: Attachment | None = None
    note: str = ""

    @property
    def file(self) -> str | None:
        """The stored file (``store:<sha256>/<name>``) the pages come from; None: drawn from the DOCX."""
        if self.document:
            return self.document.scan or self.document.file
        return self.attachment.file if self.attachment else None

    @property
    def medium(self) -> str:
        """``docx`` (a generated document), ``pdf`` or ``image``."""
        return "docx" if self.file is None else "image" if suffix(self.file) in IMAGE_SUFFIXES else "pdf"


@dataclass(frozen=True)
class Remark:
    """A line of the 备考表: ``kind`` is void, missing, damaged or elsewhere."""

    kind: str
    text: str


@dataclass(frozen=True)
class SectionPlan:
    title: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class VolumePlan:
    volume: str
    sections: tuple[SectionPlan, ...]
    remarks: tuple[Remark, ...]

    @property
    def title(self) -> str:
        return VOLUME_TITLES[self.volume]

    @property
    def items(self) -> list[Item]:
        return [i for s in self.sections for i in s.items]


def suffix(file: str) -> str:
    return PurePosixPath(file).suffix.lower()


def bindable(a: Attachment) -> bool:
    return bool(a.file) and suffix(a.file or "") in PDF_SUFFIXES + IMAGE_SUFFIXES


def plan_volume(cf: CaseFile, profile: Profile, volume: str) -> VolumePlan:
    """The plan of one volume (``main`` 正卷 or ``sub`` 副卷) of a case under ``profile``."""
    placer = _Placer(cf, profile)
    sections = []
    for section in profile.volumes[volume]:
        items = placer.items_of(volume, section)
        if items:
            sections.append(SectionPlan(section.title, tuple(items)))
    return VolumePlan(volume, tuple(sections), tuple(placer.remarks(volume)))


class _Placer:
    """Decides each issued document's and each bindable attachment's section (first taker wins)."""

    def __init__(self, cf: CaseFile, profile: Profile) -> None:
        self.cf, self.profile = cf, profile
        self.explicit_receipts = any("service_receipt" in s.kinds for v in profile.volumes.values() for s in v)
        issued = [(i, d) for i, d in enumerate(cf.documents) if d.issued]
        self.receipts: dict[str, list[Document]] = {}
        if not self.explicit_receipts:
            targets = {d.reference for _, d in issued if d.kind != "service_receipt"}
            for _, d in issued:
                if d.kind == "service_receipt" and d.serves in targets:
                    self.receipts.setdefault(d.serves or "", []).append(d)
        following = {id(r) for rs in self.receipts.values() for r in rs}
        self.documents = [(i, d) for i, d in issued if id(d) not in following]
        self.attachments = [(i, a) for i, a in enumerate(cf.attachments) if bindable(a)]

    def _sections(self) -> list[tuple[str, Section]]:
        return [(v, s) for v, sections in self.profile.volumes.items() for s in sections]

    def home_of_document(self, k: Kind) -> tuple[str, Section]:
        for v, s in self._sections():
            if k.id in s.kinds:
                return v, s
        for v, s in self._sections():
            if v == k.volume and (k.step in s.steps or (s.served and k.served)):
                return v, s
        return k.volume, self.profile.rest_of(k.volume)

    def home_of_attachment(self, a: Attachment) -> tuple[str, Section]:
        for wanted in (a.kind, "*"):
            for v, s in self._sections():
                if wanted in s.attachments:
                    return v, s
        return "main", self.profile.rest_of("main")

    @staticmethod
    def _is_home(home: tuple[str, Section], volume: str, section: Section) -> bool:
        return home[0] == volume and home[1] is section

    def items_of(self, volume: str, section: Section) -> list[Item]:
        rank = _ranker(section)
        entries: list[tuple[tuple[object, ...], list[Item]]] = []
        for i, d in self.documents:
            k = kind(d.kind)
            if self._is_home(self.home_of_document(k), volume, section):
                receipts = sorted(self.receipts.get(d.reference, []), key=lambda r: r.issued_on or date.max)
                items = [self._document_item(d, section), *(self._receipt_item(r, d, section) for r in receipts)]
                entries.append((rank(k, d.issued_on, i), items))
        for i, a in self.attachments:
            if self._is_home(self.home_of_attachment(a), volume, section):
                entries.append((rank(a, a.made_on, i), [self._attachment_item(a, section)]))
        entries.sort(key=lambda e: e[0])
        return [item for _, items in entries for item in items]

    def _document_item(self, d: Document, section: Section) -> Item:
        regenerated = d.file is None and d.fields is None
        note = SIGNED_SCAN if d.scan else REGENERATED if regenerated else ""
        return Item(title=kind(d.kind).title, number=d.number, author=self.cf.agency.name, on=d.issued_on,
                    section=section.title, document=d, note=note)

    def _receipt_item(self, receipt: Document, served: Document, section: Section) -> Item:
        item = self._document_item(receipt, section)
        return Item(**{**item.__dict__, "title": f"{kind(served.kind).title}{item.title}"})

    def _attachment_item(self, a: Attachment, section: Section) -> Item:
        return Item(title=a.title, number=None, author=a.made_by or self.cf.agency.name, on=a.made_on,
                    section=section.title, attachment=a)

    def remarks(self, volume: str) -> list[Remark]:
        """What the 备考表 of ``volume`` notes: voided and replaced documents, missing proofs of service,
        evidence not bound."""
        cf, remarks = self.cf, []
        for d in cf.documents:
            k = kind(d.kind)
            if d.status != "void" or self.home_of_document(k)[0] != volume:
                continue
            later = [x for x in cf.issued_of(d.kind) if (x.issued_on or date.max) >= (d.issued_on or date.min)]
            replaced = f"，由{later[0].number or k.title}替代" if later else ""
            reason = d.void_reason or "未说明理由"
            remarks.append(Remark("void", f"{k.title}{d.number or ''}已作废（{reason}）{replaced}"))
        if volume != "main":
            return remarks
        if not self.explicit_receipts:
            for _, d in self.documents:
                k = kind(d.kind)
                if k.served and d.kind != "summary_penalty_decision" and d.reference not in self.receipts:
                    remarks.append(Remark("missing", f"{k.title}{d.number or ''}未见送达回证"))
        for a in cf.attachments:
            if bindable(a):
                continue
            if a.file:
                sha = a.file[6:].split("/", 1)[0][:12] if a.file.startswith("store:") else ""
                remarks.append(Remark("elsewhere", f"{a.title}：电子文件存于电子档案（SHA-256 {sha}…）"))
            elif a.kind in OBJECT_KINDS:
                remarks.append(Remark("elsewhere", f"{a.title}：实物，由本机关另行保管"))
            else:
                remarks.append(Remark("missing", f"{a.title}：未附电子件，未装订"))
        return remarks


def _ranker(section: Section) -> Callable[[Kind | Attachment, date | None, int], tuple[object, ...]]:
    """The sort key of a document (by its kind) or an attachment within ``section``."""

    def listed(what: Kind | Attachment) -> int:
        if isinstance(what, Kind):
            names = [*section.kinds, *section.steps]
            wanted = [what.id, what.step]
            offset = 0
        else:
            names = list(section.attachments)
            wanted = [what.kind, "*"]
            offset = 1000
        found = [names.index(n) for n in wanted if n in names]
        return offset + (found[0] if found else len(names))

    def key(what: Kind | Attachment, on: date | None, position: int) -> tuple[object, ...]:
        is_att = isinstance(what, Attachment)
        catalogue_order = what.order if isinstance(what, Kind) else 10**6
        day = on or date.max
        if section.order == "listed":
            return (listed(what), day, is_att, position)
        if section.order == "date":
            return (day, is_att, catalogue_order, position)
        return (catalogue_order, day, is_att, position)

    return key

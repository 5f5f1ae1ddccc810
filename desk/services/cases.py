"""Case use cases: import, export, list, and loading a case's snapshot."""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Collection, Iterator
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any, cast

from sqlalchemy import func, select

from desk import outputs
from desk.casefile import facts as f
from desk.casefile import jsonio, limits, paths, schema
from desk.casefile.numbers import parse_number
from desk.catalogue import kind
from desk.db.uow import UnitOfWork
from desk.errors import FrozenError, NotFound, Problem, ValidationError
from desk.gc_pause import no_gc
from desk.models import Agency, Attachment, Base, Case, Document, Event, Party
from desk.services import (  # noqa: F401  (freeze)
    access,
    audit,
    freeze,
    frozen_fields,
    mapping,
    numbering,
    search_key,
    store,
)


def resolve(uow: UnitOfWork, ref: str | int) -> Case:
    """A case by internal id or by case number."""
    s = uow.session
    case = None
    if limits.text_error(str(ref), limits.CASE["number"]) is not None:
        raise NotFound("case_not_found", ref=str(ref)[:40].encode("unicode_escape").decode())
    if isinstance(ref, int) or (str(ref).isdigit() and len(str(ref)) < 10):  # an id fits a 32-bit column
        case = s.get(Case, int(ref))
    if case is None:
        case = s.scalars(select(Case).where(Case.number == str(ref))).first()
    if case is None:
        raise NotFound("case_not_found", ref=ref)
    access.require_case(uow, case)
    return case


def ensure_writable(case: Case) -> None:
    """Archived cases are read-only on every write path."""
    if case.status == "archived":
        raise FrozenError("case_frozen", ref=case.number or case.id)


def load_casefile(uow: UnitOfWork, ref: str | int) -> f.CaseFile:
    case = resolve(uow, ref)
    agency = uow.session.get(Agency, case.agency_id)
    assert agency is not None
    from desk.discretion.store import attach

    return attach(uow, mapping.to_casefile(_rows(uow, [case.id])[0], agency))


def iter_casefiles(uow: UnitOfWork, ids: Collection[int] | None = None, *, batch: int = 500
                   ) -> Iterator[f.CaseFile]:
    """Snapshots of many cases in id order, ``batch`` at a time: one query per table per batch, not per case."""
    if ids is None:
        ids = all_case_ids(uow)
    ordered = sorted(ids)
    agencies: dict[int, Agency] = {}
    for start in range(0, len(ordered), batch):
        with no_gc():
            loaded = _rows(uow, ordered[start:start + batch])
        for case in loaded:
            agency = agencies.get(case.agency_id)
            if agency is None:
                agency = agencies[case.agency_id] = uow.session.get_one(Agency, case.agency_id)
            yield mapping.to_casefile(case, agency)


class _Loaded:
    """A ``case_file`` row with its parties', events', documents' and attachments' records, read as ``mapping``
    reads a loaded ``Case``: plain values, without the ORM's per-object bookkeeping (a snapshot never writes)."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.__dict__.update(values)
        self.parties: list[Any] = []
        self.events: list[Any] = []
        self.documents: list[Any] = []
        self.attachments: list[Any] = []


_CHILDREN = (("parties", Party), ("events", Event), ("documents", Document), ("attachments", Attachment))


@cache
def _record(table: str) -> Any:
    """A named tuple of a table's columns: its fields read many times faster than a SQLAlchemy row's."""
    return namedtuple(f"{table}_record", [c.key for c in Base.metadata.tables[table].columns])


def _rows(uow: UnitOfWork, ids: list[int]) -> list[Case]:
    """The cases ``ids`` (in that order) with their children, in one query per table; what the session has not
    written yet is flushed first, so a snapshot taken in a unit of work sees its own changes."""
    uow.session.flush()
    conn = uow.session.connection()
    table = Case.__table__
    keys = [c.key for c in table.columns]
    found = {r.id: _Loaded(dict(zip(keys, r, strict=True)))
             for r in conn.execute(select(table).where(table.c.id.in_(ids)))}
    for name, model in _CHILDREN:
        t = model.__table__
        make = _record(model.__tablename__)._make
        for row in conn.execute(select(t).where(t.c.case_id.in_(ids)).order_by(t.c.case_id, t.c.position, t.c.id)):
            getattr(found[row.case_id], name).append(make(row))
    # to_casefile reads a loaded Case's attributes; these records carry the same names and types
    return [cast(Case, found[i]) for i in ids if i in found]


def all_case_ids(uow: UnitOfWork) -> list[int]:
    return list(uow.session.scalars(select(Case.id).order_by(Case.id)))


def agency_for(uow: UnitOfWork, a: f.Agency) -> Agency:
    """The agency with this code, created from the file's agency block when new."""
    agency = uow.session.scalars(select(Agency).where(Agency.code == a.code)).first()
    if agency is None:
        agency = Agency(name=a.name, code=a.code, squads=[a.squad] if a.squad else [],
                        number_pattern=a.number_pattern, settings={}, **mapping.agency_columns(a))
        uow.session.add(agency)
        uow.session.flush()
        return agency
    if a.squad and a.squad not in agency.squads:
        agency.squads = [*agency.squads, a.squad]
    for column, value in mapping.agency_columns(a).items():  # a setting the office has not made yet
        if value and not getattr(agency, column):
            setattr(agency, column, value)
    return agency


def read_case_json(path: Path) -> f.CaseFile:
    """Parse and validate a ``desk-case/1`` file (relative ``file`` paths resolved beside it)."""
    return schema.load(jsonio.read_json(path), path.parent)


def import_case(uow: UnitOfWork, path: Path) -> int:
    """Import one case file; refuses (changing nothing) on any problem. Returns the new case id."""
    access.require(uow, "import")
    cf = read_case_json(path)
    return store_casefile(uow, cf, base=path.parent)


def store_casefile(uow: UnitOfWork, cf: f.CaseFile, *, base: Path | None = None) -> int:
    """Write a validated snapshot as a new case, spending its numbers."""
    s = uow.session
    agency = agency_for(uow, cf.agency)
    numbered = [(i, d) for i, d in enumerate(cf.documents) if d.number]
    problems: list[Problem] = []
    if numbered:
        used = set(s.scalars(select(Document.number).where(
            Document.agency_id == agency.id, Document.number.in_([d.number for _, d in numbered]))))
        problems += [Problem(f"documents[{i}].number", "duplicate_number_in_db", value=d.number)
                     for i, d in numbered if d.number in used]
    if cf.case.number and s.scalars(select(Case.id).where(
            Case.agency_id == agency.id, Case.number == cf.case.number)).first():
        problems.append(Problem("case.number", "duplicate_number_in_db", value=cf.case.number))
    problems += _invalid_fields(cf)
    if problems:
        raise ValidationError(problems)
    cf = frozen_fields.with_fields(_store_files(cf, base))
    case = mapping.new_case(cf, agency)
    s.add(case)
    s.flush()
    by_ref: dict[str, Document] = {}
    for pos, d in enumerate(cf.documents):
        row = mapping.new_document(d, agency_id=agency.id, position=pos)
        if d.file and d.file.startswith("store:"):
            row.file_sha256, row.file_name = d.file[6:].split("/", 1)
        case.documents.append(row)
        s.flush()
        if d.number:
            parsed = parse_number(agency.number_pattern, agency.code, d.number)
            if parsed:
                row.code, row.year, row.seq = parsed.code, parsed.year, parsed.seq
                numbering.record_imported(uow, agency, parsed, d.number, row.id)
        by_ref.setdefault(d.reference, row)
    for row in case.documents:
        if row.serves and row.serves in by_ref:
            row.serves_id = by_ref[row.serves].id
    for att, a in zip(case.attachments, cf.attachments, strict=True):
        if a.file and a.file.startswith("store:"):
            att.sha256, att.file_name = a.file[6:].split("/", 1)
    audit.record(uow, "case_imported", case_id=case.id, number=case.number)
    return case.id


def _invalid_fields(cf: f.CaseFile) -> list[Problem]:
    """Fields a file gives pass the validators ``desk issue`` uses (each problem names the label).

    Completeness is not asked of a record issued on paper elsewhere: it is kept as it was made.
    """
    from desk.services.documents import _invalid

    return [Problem(f"documents[{i}].fields", p.key, **p.params)
            for i, d in enumerate(cf.documents) if d.fields is not None
            for p in _invalid(kind(d.kind), d.fields)]


def _store_files(cf: f.CaseFile, base: Path | None) -> f.CaseFile:
    """Copy referenced files into the content-addressed store; ``file`` becomes ``store:<sha>/<name>``."""

    def stored(rel: str | None) -> str | None:
        if not rel or rel.startswith("store:"):
            return rel
        src = Path(rel) if base is None else paths.confined(base, rel)
        return f"store:{store.put_file(src)}/{src.name}"

    docs = tuple(replace(d, file=stored(d.file)) for d in cf.documents)
    atts = []
    for a in cf.attachments:
        ref = stored(a.file)
        atts.append(replace(a, file=ref, sha256=ref[6:].split("/", 1)[0] if ref else a.sha256))
    return replace(cf, documents=docs, attachments=tuple(atts))


def export_case(uow: UnitOfWork, ref: str | int, out: Path | None = None) -> str:
    """The case as ``desk-case/1`` JSON. With ``out``, files are copied to ``files/`` beside it."""
    cf = load_casefile(uow, ref)
    if out is not None:
        outputs.check_target(out)

    def exported(file: str | None) -> str | None:
        if not file or not file.startswith("store:"):
            return file
        sha, name = file[6:].split("/", 1)
        if out is None:
            return str(store.path_of(sha))
        target = out.parent / "files" / f"{sha[:8]}-{name}"
        target.parent.mkdir(exist_ok=True)
        outputs.copy_file(store.path_of(sha), target)
        return f"files/{target.name}"

    cf = replace(
        cf,
        documents=tuple(replace(d, file=exported(d.file)) for d in cf.documents),
        attachments=tuple(replace(a, file=exported(a.file), sha256=None) for a in cf.attachments),
    )
    text = jsonio.dumps(cf)
    if out is not None:
        outputs.write_text(out, text)
    return text


@dataclass(frozen=True)
class CaseRow:
    id: int
    number: str | None
    cause: str
    party: str
    procedure: str
    outcome: str
    status: str
    squad: str
    filed_on: str | None

    def to_json(self) -> dict[str, object]:
        return dict(self.__dict__)


def list_cases(uow: UnitOfWork, *, status: str | None = None, search: str | None = None,
               procedure: str | None = None, squad: str | None = None, ids: Collection[int] | None = None,
               limit: int | None = None, offset: int = 0) -> list[CaseRow]:
    """Cases in id order, filtered in SQL (``ids``: only these cases, e.g. those due this week)."""
    for text in (status, search, procedure, squad):
        limits.require(limits.text_error(text or "", limits.CASE["cause"]))
    # the listed columns only: a page of 200 whole cases would decode every case's JSON columns for nothing
    stmt = select(Case.id, Case.number, Case.cause, Case.party_name, Case.procedure, Case.outcome, Case.status,
                  Case.squad, Case.filed_on).order_by(Case.id)
    own = access.squad_only(uow)
    if own is not None:  # a clerk lists his squad's cases
        stmt = stmt.where(Case.squad == own)
    if status:
        stmt = stmt.where(Case.status == status)
    if procedure:
        stmt = stmt.where(Case.procedure == procedure)
    if squad:
        stmt = stmt.where(Case.squad == squad)
    if ids is not None:
        stmt = stmt.where(Case.id.in_(list(ids)))
    if search and search.strip():  # number, party, cause or any document number, brackets typed any way
        found = search_key.matches(search, uow.session.get_bind().dialect.name)
        stmt = stmt.where(Case.id.in_(select(Case.id).where(found)))  # SQLite scans the key's narrow index
    stmt = stmt.offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    return [
        CaseRow(id=c.id, number=c.number, cause=c.cause, party=c.party_name, procedure=c.procedure,
                outcome=c.outcome, status=c.status, squad=c.squad,
                filed_on=c.filed_on.isoformat() if c.filed_on else None)
        for c in uow.session.execute(stmt)
    ]


def count_cases(uow: UnitOfWork) -> int:
    return int(uow.session.scalar(select(func.count(Case.id))) or 0)

"""Pre-numbered forms (当场行政处罚决定书 printed in bound, numbered blocks): register a block, hand it to a squad
or an officer, void a spoiled or lost form, and take the printed number of the form used when a decision is
entered.

A number of a block is *used* when a document carries it (issued, imported or voided: a voided document keeps
its number), *spoiled* when a ``FormSpoiled`` row records it, else *unused*. Forms are torn off in any order, so
the next number proposed is the lowest unused one. Every spent number — used or spoiled — is in the number log;
none is ever reused. Taking a form locks its block row in the issuing transaction (SQLite: the write lock held
from ``BEGIN IMMEDIATE``; PostgreSQL: ``SELECT … FOR UPDATE``), so two desktops never spend the same form.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select

from desk.casefile.numbers import ParsedNumber, format_number, parse_number
from desk.db.uow import UnitOfWork
from desk.errors import UserError
from desk.models import Agency, Case, Document, FormBlock, FormSpoiled, NumberCounter, NumberLog, Officer
from desk.services import access, audit, numbering

PRE_NUMBERED_DEFAULT = ("summary_penalty_decision",)
REASON_MAX = 300
BLOCK_MAX = 10_000  # forms in one block: a bound block holds 25–100; the reconciliation lists every one


def pre_numbered(agency: Agency) -> tuple[str, ...]:
    """The kinds this agency issues only on pre-printed forms (setting ``pre_numbered_kinds``)."""
    return tuple((agency.settings or {}).get("pre_numbered_kinds", PRE_NUMBERED_DEFAULT))


def the_agency(uow: UnitOfWork) -> Agency:
    agency = uow.session.scalars(select(Agency).order_by(Agency.id)).first()
    if agency is None:
        raise UserError("forms_no_agency")
    return agency


def whole(option: str, value: int | str, *, low: int = 1, high: int = 10**9) -> int:
    """``value`` as a whole number within [low, high], else one line naming ``option``."""
    text = str(value).strip()
    if not text.isascii() or not text.isdigit() or not low <= int(text) <= high:
        raise UserError("form_bad_integer", option=option, value=text, low=low, high=high)
    return int(text)


def number_of(agency: Agency, block: FormBlock, seq: int) -> str:
    return format_number(agency.number_pattern, agency=agency.code, code=block.code, year=block.year, seq=seq)


def get_block(uow: UnitOfWork, ref: int | str, *, lock: bool = False) -> FormBlock:
    block_id = int(str(ref)) if str(ref).strip().isascii() and str(ref).strip().isdigit() else None
    stmt = select(FormBlock).where(FormBlock.id == block_id)
    stmt = stmt.with_for_update().execution_options(populate_existing=True) if lock else stmt
    block = uow.session.scalars(stmt).first() if block_id else None
    if block is None:
        raise UserError("form_block_not_found", ref=ref)
    return block


def _holder(uow: UnitOfWork, agency: Agency, squad: str | None, officer: str | None) -> tuple[str | None,
                                                                                               Officer | None]:
    squad = (squad or "").strip() or None
    who = None
    if officer is not None and officer.strip():
        who = uow.session.scalars(select(Officer).where(Officer.agency_id == agency.id, Officer.active.is_(True),
                                                        Officer.name == officer.strip())).first()
        if who is None:
            raise UserError("form_officer_unknown", value=officer.strip())
    if squad is not None and squad not in (agency.squads or []):
        raise UserError("form_squad_unknown", value=squad, choices=list(agency.squads or []) or "—")
    return squad or (who.squad if who is not None and who.squad else None), who


def _code(code: str) -> str:
    from desk.catalogue import catalogue

    codes = sorted({k.code for k in catalogue().values() if k.code})
    if code.strip() not in codes:
        raise UserError("form_code_unknown", value=code.strip(), choices=codes)
    return code.strip()


def add(uow: UnitOfWork, *, code: str, year: int | str, first: int | str, last: int | str,
        squad: str | None = None, officer: str | None = None) -> FormBlock:
    """Register a block of forms ``first``–``last`` of ``code`` and ``year``, held by a squad and/or officer."""
    access.require(uow, "forms")
    agency = the_agency(uow)
    code, year = _code(code), whole("--year", year, low=2000, high=2099)
    first, last = whole("--from", first), whole("--to", last)
    if first > last:
        raise UserError("form_range_inverted", first=first, last=last)
    if last - first + 1 > BLOCK_MAX:
        raise UserError("form_range_too_large", count=last - first + 1, max=BLOCK_MAX)
    held_by, who = _holder(uow, agency, squad, officer)
    others = uow.session.scalars(select(FormBlock).where(
        FormBlock.agency_id == agency.id, FormBlock.code == code, FormBlock.year == year,
        FormBlock.first_seq <= last, FormBlock.last_seq >= first)).first()
    if others is not None:
        raise UserError("form_range_overlaps", first=first, last=last, block=others.id,
                        other=f"{others.first_seq}–{others.last_seq}")
    counter = uow.session.get(NumberCounter, (agency.id, code, year))
    spent = uow.session.scalar(select(func.max(NumberLog.seq)).where(
        NumberLog.agency_id == agency.id, NumberLog.code == code, NumberLog.year == year,
        NumberLog.seq.between(first, last)))
    if spent or (counter is not None and counter.last_seq >= first):
        raise UserError("form_range_spent", first=first, last=last, seq=spent or (counter.last_seq if counter else 0))
    block = FormBlock(agency_id=agency.id, code=code, year=year, first_seq=first, last_seq=last, squad=held_by,
                      officer=who, registered_at=datetime.now(UTC), registered_by=uow.actor or None)
    uow.session.add(block)
    uow.session.flush()
    audit.record(uow, "form_block_registered", block=block.id, code=code, year=year, first=first, last=last,
                 squad=held_by, officer=who.name if who else None)
    return block


def hand(uow: UnitOfWork, ref: int | str, *, squad: str | None = None, officer: str | None = None) -> FormBlock:
    """Hand a block to another squad and/or officer."""
    access.require(uow, "forms")
    block = get_block(uow, ref, lock=True)
    _open(block)
    if not (squad or "").strip() and not (officer or "").strip():
        raise UserError("form_hand_to_nobody")
    agency = the_agency(uow)
    before = holder_text(block)
    block.squad, block.officer = _holder(uow, agency, squad, officer)
    audit.record(uow, "form_block_handed", block=block.id, before=before, after=holder_text(block))
    return block


def holder_text(block: FormBlock) -> str:
    return " / ".join(p for p in (block.squad, block.officer.name if block.officer else None) if p)


def _open(block: FormBlock) -> None:
    if block.signed_off_at is not None:
        raise UserError("form_block_signed_off", block=block.id, by=block.signed_off_by or "—",
                        at=block.signed_off_at.date())


def used(uow: UnitOfWork, block: FormBlock) -> dict[int, Document]:
    """The block's numbers that documents carry (issued, imported or voided), by sequence number. The rows are
    read afresh: a document another desktop issued may sit in this session as the draft it was."""
    docs = uow.session.scalars(select(Document).where(
        Document.agency_id == block.agency_id, Document.code == block.code, Document.year == block.year,
        Document.seq.between(block.first_seq, block.last_seq), Document.status != "draft")
        .execution_options(populate_existing=True))
    return {d.seq: d for d in docs if d.seq is not None}


def unused(uow: UnitOfWork, block: FormBlock) -> list[int]:
    taken = set(used(uow, block)) | {s.seq for s in block.spoiled}
    return [seq for seq in range(block.first_seq, block.last_seq + 1) if seq not in taken]


def _find(uow: UnitOfWork, agency: Agency, text: str, *, option: str, code: str | None = None,
          year: int | None = None) -> tuple[FormBlock | None, ParsedNumber]:
    """The block holding the form number ``text`` (digits, or the printed number), locked; None when outside."""
    text = text.strip()
    example = format_number(agency.number_pattern, agency=agency.code, code=code or "简罚决",
                            year=year or datetime.now(UTC).year, seq=501)
    if text.isascii() and text.isdigit() and int(text) > 0:
        seq = int(text)
        stmt = select(FormBlock).where(FormBlock.agency_id == agency.id, FormBlock.first_seq <= seq,
                                       FormBlock.last_seq >= seq)
        if code is not None and year is not None:
            stmt = stmt.where(FormBlock.code == code, FormBlock.year == year)
        found = list(uow.session.scalars(stmt.with_for_update().execution_options(populate_existing=True)))
        if len(found) > 1:
            raise UserError("form_number_ambiguous", option=option, value=text, example=example)
        if not found:
            return None, ParsedNumber(agency.code, code or "", year or 0, seq)
        return found[0], ParsedNumber(agency.code, found[0].code, found[0].year, seq)
    parsed = parse_number(agency.number_pattern, agency.code, text)
    if parsed is None:
        raise UserError("form_number_malformed", option=option, value=text, example=example)
    if (code is not None and parsed.code != code) or (year is not None and parsed.year != year):
        raise UserError("form_number_other", option=option, value=text, example=example)
    block = uow.session.scalars(select(FormBlock).where(
        FormBlock.agency_id == agency.id, FormBlock.code == parsed.code, FormBlock.year == parsed.year,
        FormBlock.first_seq <= parsed.seq, FormBlock.last_seq >= parsed.seq)
        .with_for_update().execution_options(populate_existing=True)).first()
    return block, parsed


def _require_unused(uow: UnitOfWork, agency: Agency, block: FormBlock, seq: int, option: str) -> None:
    number = number_of(agency, block, seq)
    doc = used(uow, block).get(seq)
    if doc is not None:
        raise UserError("form_used", option=option, number=number, case=doc.case.number or doc.case_id)
    spoiled = next((s for s in block.spoiled if s.seq == seq), None)
    if spoiled is not None:
        raise UserError("form_spoiled", option=option, number=number, reason=spoiled.reason)


def spoil(uow: UnitOfWork, number: str, *, reason: str) -> FormSpoiled:
    """Void a spoiled or lost form: its number stays spent (number log action ``spoiled``)."""
    access.require(uow, "forms")
    agency = the_agency(uow)
    reason = reason.strip()
    if not reason:
        raise UserError("form_reason_missing")
    if len(reason) > REASON_MAX:
        raise UserError("form_reason_too_long", length=len(reason), max_length=REASON_MAX)
    block, parsed = _find(uow, agency, number, option="NUMBER")
    if block is None:
        raise UserError("form_outside_blocks", option="NUMBER", number=number.strip())
    _open(block)
    _require_unused(uow, agency, block, parsed.seq, "NUMBER")
    row = FormSpoiled(seq=parsed.seq, reason=reason, by=uow.actor or None, at=datetime.now(UTC))
    block.spoiled.append(row)
    printed = number_of(agency, block, parsed.seq)
    numbering.log(uow, agency.id, ParsedNumber(agency.code, block.code, block.year, parsed.seq), printed,
                  "spoiled", document_id=None, note=reason)
    audit.record(uow, "form_spoiled", block=block.id, number=printed, reason=reason)
    return row


def _candidates(uow: UnitOfWork, agency: Agency, code: str, year: int, case: Case) -> list[FormBlock]:
    """Blocks the case may take a form from: its officers' first (in the case's order), then its squad's."""
    blocks = list(uow.session.scalars(select(FormBlock).where(
        FormBlock.agency_id == agency.id, FormBlock.code == code, FormBlock.year == year,
        FormBlock.signed_off_at.is_(None)).order_by(FormBlock.first_seq)))
    names = [str(o.get("name", "")) for o in case.officers or []]
    mine = sorted((b for b in blocks if b.officer is not None and b.officer.name in names),
                  key=lambda b: names.index(b.officer.name if b.officer else ""))
    squad = [b for b in blocks if b not in mine and b.squad and b.squad == case.squad]
    return mine + sorted(squad, key=lambda b: b.officer is not None)


def _held_by_case(block: FormBlock, case: Case) -> bool:
    names = {str(o.get("name", "")) for o in case.officers or []}
    return bool((block.squad and block.squad == case.squad) or (block.officer and block.officer.name in names))


def propose(uow: UnitOfWork, agency: Agency, code: str, year: int, case: Case, *, lock: bool = False
            ) -> tuple[FormBlock, int]:
    """The next unused form the case's officer (else squad) holds: its block and number."""
    for block in _candidates(uow, agency, code, year, case):
        if lock:
            block = get_block(uow, block.id, lock=True)
        free = unused(uow, block)
        if free:
            return block, free[0]
    raise UserError("form_none_left", code=code, year=year, squad=case.squad or "—")


def take(uow: UnitOfWork, *, agency: Agency, kind_id: str, code: str, year: int, case: Case, form: str | None,
         document_id: int) -> tuple[str, int] | None:
    """The form number an issue spends (logged), or None when the kind takes the next counter number: a kind the
    agency does not mark pre-numbered, while no block of its code and year is registered (a counter running
    beside registered blocks could reach their numbers)."""
    if form is None and kind_id not in pre_numbered(agency) and uow.session.scalar(
            select(func.count(FormBlock.id)).where(FormBlock.agency_id == agency.id, FormBlock.code == code,
                                                   FormBlock.year == year)) == 0:
        return None
    if form is None:
        block, seq = propose(uow, agency, code, year, case, lock=True)
    else:
        found, parsed = _find(uow, agency, form, option="--form", code=code, year=year)
        if found is None:
            raise UserError("form_outside_blocks", option="--form", number=form.strip())
        block, seq = found, parsed.seq
        if not _held_by_case(block, case):
            raise UserError("form_not_held", number=number_of(agency, block, seq), block=block.id,
                            holder=holder_text(block) or "—", squad=case.squad or "—")
        _open(block)
        _require_unused(uow, agency, block, seq, "--form")
    number = number_of(agency, block, seq)
    numbering.log(uow, agency.id, ParsedNumber(agency.code, code, year, seq), number, "issued",
                  document_id=document_id, note=f"form block {block.id}")
    return number, seq


def ranges(seqs: Iterable[int]) -> str:
    """501, 502, 503, 507 → “501–503, 507”."""
    out: list[str] = []
    run: list[int] = []
    for seq in sorted(seqs):
        if run and seq != run[-1] + 1:
            out.append(f"{run[0]}–{run[-1]}" if len(run) > 1 else str(run[0]))
            run = []
        run.append(seq)
    if run:
        out.append(f"{run[0]}–{run[-1]}" if len(run) > 1 else str(run[0]))
    return ", ".join(out)


@dataclass(frozen=True)
class BlockRow:
    id: int
    code: str
    year: int
    first: int
    last: int
    squad: str | None
    officer: str | None
    used: tuple[int, ...]
    spoiled: tuple[int, ...]
    unused: tuple[int, ...]
    next_number: str | None
    signed_off_by: str | None
    signed_off_at: datetime | None

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "code": self.code, "year": self.year, "from": self.first, "to": self.last,
                "squad": self.squad, "officer": self.officer, "used": list(self.used),
                "spoiled": list(self.spoiled), "unused": list(self.unused), "next": self.next_number,
                "signed_off_by": self.signed_off_by,
                "signed_off_at": self.signed_off_at.isoformat() if self.signed_off_at else None}


def block_row(uow: UnitOfWork, agency: Agency, block: FormBlock) -> BlockRow:
    spent = used(uow, block)
    free = unused(uow, block)
    return BlockRow(block.id, block.code, block.year, block.first_seq, block.last_seq, block.squad,
                    block.officer.name if block.officer else None, tuple(sorted(spent)),
                    tuple(s.seq for s in block.spoiled), tuple(free),
                    number_of(agency, block, free[0]) if free else None, block.signed_off_by, block.signed_off_at)


def blocks(uow: UnitOfWork) -> list[BlockRow]:
    """Every registered block with its holder and its used, spoiled and unused numbers."""
    agency = uow.session.scalars(select(Agency).order_by(Agency.id)).first()
    if agency is None:
        return []
    rows = uow.session.scalars(select(FormBlock).where(FormBlock.agency_id == agency.id)
                               .order_by(FormBlock.code, FormBlock.year, FormBlock.first_seq))
    return [block_row(uow, agency, b) for b in rows]

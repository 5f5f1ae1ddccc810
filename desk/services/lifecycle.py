"""The live case: register it (案源登记), change its facts while open, record what no document records.

Every value passes the same validators an imported case file passes (``casefile.schema``); a problem
names the field by the label the user saw, and nothing is changed. Recording an event is checked against
the case's derived state (recorded and implied events): not in the future, not before the discovery, and
in a lawful order (payment only after the decision and never above the fine, a hearing request only
where the party has the right to one, closing only once the case was decided or transferred).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select

from desk.casefile import facts as f
from desk.casefile import jsonio, limits, schema
from desk.casefile.derived import implied_events
from desk.db.uow import UnitOfWork
from desk.errors import Problem, UserError, ValidationError
from desk.i18n import gettext
from desk.models import Agency, Case, Document, Event, Officer, Party
from desk.procedure.context import NO_PENALTY, TRANSFERS
from desk.services import access, audit, mapping
from desk.services.cases import ensure_writable, load_casefile, resolve

# where a value sits in desk-case/1 → the label the user typed it under (CLI option / dialog field)
LABELS = {
    "case.cause": "cause (--cause)",
    "case.procedure": "procedure (--procedure)",
    "case.source": "source (--source)",
    "case.discovered_on": "date of discovery (--discovered)",
    "case.violation_on": "date of the act (--violation-on)",
    "case.place": "place (--place)",
    "case.facts": "facts (--facts)",
    "case.officers": "officers (--officer)",
    "parties[0].kind": "party kind (--party-kind)",
    "parties[0].name": "party (--party)",
    "parties[0].id_number": "ID number (--id-number)",
    "parties[0].uscc": "unified social credit code (--uscc)",
    "parties[0].legal_representative": "legal representative (--legal-representative)",
    "parties[0].address": "address (--address)",
    "parties[0].phone": "phone (--phone)",
}
# desk update: KEY → its place in desk-case/1, and how a typed value becomes a value of the format
LIST_KEYS = {"evidence": ";", "violated": ";", "basis": ";", "penalty.kinds": ","}
AMOUNT_KEYS = ("penalty.fine", "penalty.confiscated")
FLAG_KEYS = ("major", "complex", "endangers_safety")
TEXT_KEYS = ("cause", "facts", "place", "violation_on", "violation_at", "retention", "discretion.level",
             "discretion.standard", "discretion.item", "discretion.version")
UPDATE_KEYS = (*TEXT_KEYS, *LIST_KEYS, *AMOUNT_KEYS, *FLAG_KEYS)
PARTY_KEYS = ("kind", "name", "id_type", "id_number", "uscc", "legal_representative", "address", "phone")
_TRUE, _FALSE = ("true", "yes", "1", "是", "y"), ("false", "no", "0", "否", "n")


def _label(where: str) -> str:
    label = LABELS.get(where)
    return gettext(label) if label else where


def _load(raw: dict[str, Any], label: Callable[[str], str] = _label) -> f.CaseFile:
    """Validate as an imported case file is validated; each problem named by ``label``."""
    try:
        data = schema.validate(raw)
    except ValidationError as err:
        raise ValidationError([Problem(label(p.where), p.key, **p.params) for p in err.problems],
                              "invalid_input") from None
    return schema.build(data)


def _agency(uow: UnitOfWork) -> Agency:
    agency = uow.session.scalars(select(Agency).order_by(Agency.id)).first()
    if agency is None:
        raise UserError("case_no_agency")
    return agency


def _roster(uow: UnitOfWork, agency: Agency, names: list[str]) -> list[dict[str, str]]:
    """The officers named, with their certificate numbers from the agency's roster."""
    where = _label("case.officers")
    roster = {o.name: o for o in uow.session.scalars(
        select(Officer).where(Officer.agency_id == agency.id, Officer.active.is_(True)))}
    problems: list[Problem] = []
    unique = list(dict.fromkeys(n.strip() for n in names if n.strip()))
    if len(unique) < 2:
        problems.append(Problem(where, "officers_too_few", count=len(unique)))
    for name in unique:
        officer = roster.get(name)
        if officer is None:
            problems.append(Problem(where, "officer_unknown", name=name, choices=sorted(roster)))
        elif not officer.certificate:
            problems.append(Problem(where, "officer_uncertified", name=name))
    if problems:
        raise ValidationError(problems, "invalid_input")
    return [{"name": n, "certificate": roster[n].certificate} for n in unique]


def _not_after_today(problems: list[Problem], where: str, day: date | None, today: date) -> None:
    if day is not None and day > today:
        problems.append(Problem(_label(where), "day_in_future", value=day, today=today))


@dataclass(frozen=True)
class NewParty:
    kind: str
    name: str
    address: str
    id_number: str | None = None
    uscc: str | None = None
    legal_representative: str | None = None
    phone: str | None = None

    def raw(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v not in (None, "")}


def new_case(uow: UnitOfWork, *, cause: str, party: NewParty, discovered_on: date, officers: list[str],
             violation_on: date | None = None, place: str = "", facts: str = "", source: str = "other",
             procedure: str = "general", squad: str | None = None, today: date | None = None) -> int:
    """Register a new case (案源): open, unnumbered until its 立案审批表 (or, summary, its decision) is issued."""
    access.require(uow, "draft")
    today = today or date.today()
    agency = _agency(uow)
    crew = _roster(uow, agency, officers)
    squad = squad or ""
    if squad and squad not in (agency.squads or []):
        raise ValidationError([Problem(gettext("squad (--squad)"), "squad_unknown", value=squad,
                                       choices=agency.squads or [])], "invalid_input")
    if not squad:
        first = uow.session.scalars(select(Officer).where(Officer.name == crew[0]["name"])).first()
        squad = first.squad if first and first.squad in (agency.squads or []) else ""
    raw_case: dict[str, Any] = {"cause": cause, "procedure": procedure, "source": source, "outcome": "pending",
                                "discovered_on": discovered_on.isoformat(), "facts": facts, "officers": crew}
    if violation_on:
        raw_case["violation_on"] = violation_on.isoformat()
    if place:
        raw_case["place"] = place
    cf = _load({"format": schema.FORMAT, "agency": {"name": agency.name, "code": agency.code, "squad": squad},
                "case": raw_case, "parties": [party.raw()]})
    problems: list[Problem] = []
    _not_after_today(problems, "case.discovered_on", discovered_on, today)
    if violation_on and violation_on > discovered_on:
        problems.append(Problem(_label("case.violation_on"), "violation_after_discovery", value=violation_on,
                                discovered=discovered_on))
    if problems:
        raise ValidationError(problems, "invalid_input")
    case = mapping.new_case(cf, agency)
    uow.session.add(case)
    uow.session.flush()
    audit.record(uow, "case_registered", case_id=case.id, cause=cause, procedure=procedure, squad=squad)
    return case.id


def _typed(key: str, value: str) -> object:
    """A typed value as desk-case/1 holds it (a bad one is passed on for the schema to name)."""
    text = value.strip()
    if key in LIST_KEYS:
        return [x.strip() for x in text.replace("；" if LIST_KEYS[key] == ";" else "，", LIST_KEYS[key]).split(
            LIST_KEYS[key]) if x.strip()]
    if key in AMOUNT_KEYS:
        if not text:
            return None
        try:
            number = Decimal(text.replace(",", ""))
        except InvalidOperation:
            return text
        return int(number) if number == number.to_integral_value() else float(number)
    if key in FLAG_KEYS:
        return True if text.lower() in _TRUE else False if text.lower() in _FALSE else text
    return text or None


def _open_case(uow: UnitOfWork, ref: str | int) -> Case:
    case = resolve(uow, ref)
    ensure_writable(case)
    if case.status != "open":
        raise UserError("case_not_open", ref=case.number or case.id, status=case.status)
    return case


def update_case(uow: UnitOfWork, ref: str | int, values: dict[str, str]) -> None:
    """Change an open case's facts: ``case.`` keys of desk-case/1 (not ``number``) and ``party.KEY``."""
    access.require(uow, "edit")
    case = _open_case(uow, ref)
    unknown = [k for k in values if k not in UPDATE_KEYS and not (k.startswith("party.") and k[6:] in PARTY_KEYS)]
    if unknown:
        raise ValidationError([Problem(k, "update_key_unknown", key=k, choices=[*UPDATE_KEYS, "party.KEY"])
                               for k in unknown], "invalid_input")
    raw = jsonio.to_dict(load_casefile(uow, case.id))
    for key, value in values.items():
        if key.startswith("party."):
            if not raw["parties"]:
                raw["parties"].append({})
            target, name = raw["parties"][0], key[6:]
        else:
            *path, name = key.split(".")
            target = raw["case"]
            for part in path:
                target = target.setdefault(part, {})
        typed = _typed(key, value) if not key.startswith("party.") else (value.strip() or None)
        if typed is None:
            target.pop(name, None)
        else:
            target[name] = typed
    _write_facts(case, _load(raw, _update_label))
    audit.record(uow, "case_updated", case_id=case.id, keys=sorted(values))


def _update_label(where: str) -> str:
    if where.startswith("case."):
        return where[5:]
    return where.replace("parties[0].", "party.")


def _write_facts(case: Case, cf: f.CaseFile) -> None:
    c = cf.case
    case.cause, case.facts, case.place, case.violation_on, case.violation_at = (
        c.cause, c.facts, c.place, c.violation_on, c.violation_at)
    case.evidence, case.violated, case.basis = list(c.evidence), list(c.violated), list(c.basis)
    case.discretion = mapping.discretion_row(c.discretion)
    case.penalty_kinds, case.fine, case.confiscated = list(c.penalty.kinds), c.penalty.fine, c.penalty.confiscated
    case.major, case.complex, case.endangers_safety = c.major, c.complex, c.endangers_safety
    case.retention = c.retention
    if cf.parties:
        p = cf.parties[0]
        row = case.parties[0] if case.parties else None
        if row is None:
            row = Party(position=0, kind=p.kind, name=p.name)
            case.parties.append(row)
        for name in PARTY_KEYS:
            setattr(row, name, getattr(p, name))
        case.party_name = p.name
    case.updated_at = datetime.now(UTC)


# what an event needs before it: (types of which one must have happened on or before its date, its label)
NEEDS: dict[str, tuple[str, ...]] = {
    "statement": ("notified",),
    "statement_waived": ("notified",),
    "hearing_requested": ("notified",),
    "hearing_waived": ("notified",),
    "hearing_held": ("hearing_notified",),
    "paid": ("decided",),
    "installment_approved": ("decided",),
    "reminded": ("decided",),
    "enforcement_applied": ("decided",),
    "published": ("decided",),
    "reconsideration": ("decided",),
    "litigation": ("decided",),
    "transfer_receipt": ("transferred",),
    "extension_approved": ("filed",),
    "closed": ("decided", "transferred"),
}


def record_event(uow: UnitOfWork, ref: str | int, event_type: str, *, on: date, at: str | None = None,
                 by: str | None = None, note: str | None = None, amount: str | None = None,
                 days: str | None = None, kinds: list[str] | None = None, leaders: list[str] | None = None,
                 today: date | None = None) -> None:
    """Record a dated step no document records by itself; refuses (changing nothing) what is out of order."""
    access.require(uow, "edit")
    today = today or date.today()
    case = resolve(uow, ref)
    ensure_writable(case)
    raw: dict[str, Any] = {"type": event_type, "on": on.isoformat()}
    for name, value in (("at", at), ("by", by), ("note", note)):
        if value:
            raw[name] = value
    if amount not in (None, ""):
        raw["amount"] = _typed("penalty.fine", str(amount))
    if days not in (None, ""):
        raw["days"] = int(days) if str(days).strip().isdigit() else days
    if kinds:
        raw["kinds"] = kinds
    if leaders:
        raw["leaders"] = leaders
    cf = load_casefile(uow, case.id)
    data = jsonio.to_dict(cf)
    data["events"] = [raw]
    event = _load(data, lambda where: where.replace("events[0].", "--")).events[0]
    _check_order(cf, case, event, today)
    case.events.append(Event(position=len(case.events), type=event.type, on=event.on, at=event.at, by=event.by,
                             note=event.note, amount=event.amount, kinds=list(event.kinds) if event.kinds else None,
                             days=event.days, leaders=list(event.leaders) if event.leaders else None))
    if event.type == "closed":
        case.status = "closed"
    case.updated_at = datetime.now(UTC)
    audit.record(uow, "event_recorded", case_id=case.id, type=event.type, on=event.on, amount=event.amount)


def _check_order(cf: f.CaseFile, case: Case, event: f.Event, today: date) -> None:
    on = event.on
    if on > today:
        raise UserError("day_in_future", label="--on", value=on, today=today)
    if cf.case.discovered_on and on < cf.case.discovered_on:
        raise UserError("event_before_discovery", label="--on", value=on, discovered=cf.case.discovered_on)
    if case.status != "open" and event.type not in ("published", "reconsideration", "litigation"):
        raise UserError("case_not_open", ref=case.number or case.id, status=case.status)
    needs = NEEDS.get(event.type)
    if needs and not any(e.on <= on for e in cf.events_of(*needs)):
        if event.type == "closed":
            raise UserError("close_undecided", ref=case.number or case.id)
        raise UserError("event_needs", event=event.type, on=on, needed=" / ".join(needs))
    if event.type in ("hearing_requested", "hearing_waived") and not _hearing_right(cf):
        raise UserError("no_hearing_right")
    if event.type == "paid":
        _check_payment(cf, event)
    if event.type == "extension_approved" and not event.days:
        raise UserError("days_required")


def _hearing_right(cf: f.CaseFile) -> bool:
    """Whether the party may ask for a hearing: a hearing-level penalty, or a document told it so."""
    from desk.procedure.calendar import shipped_calendar
    from desk.procedure.context import Context
    from desk.procedure.periods import hearing_told
    from desk.procedure.predicates.hearing import hearing_reason
    from desk.procedure.ruleset import rules

    ctx = Context(cf, shipped_calendar(), date.today(), rules())
    return hearing_reason(ctx) is not None or bool(hearing_told(ctx))


def _check_payment(cf: f.CaseFile, event: f.Event) -> None:
    fine = cf.case.penalty.fine
    if event.amount is None or event.amount <= 0:
        raise UserError("amount_required")
    if cf.case.outcome in (*NO_PENALTY, *TRANSFERS) or not fine:
        raise UserError("payment_without_fine", ref=cf.case.number or cf.id)
    total = sum((e.amount or Decimal(0) for e in cf.events_of("paid")), Decimal(0)) + event.amount
    if total > fine + (cf.case.penalty.confiscated or 0):
        raise UserError("payment_over_fine", total=total, fine=fine)


@dataclass(frozen=True)
class EventRow:
    type: str
    on: date
    source: str
    at: str | None = None
    by: str | None = None
    note: str | None = None
    amount: Decimal | None = None

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {"type": self.type, "on": self.on.isoformat(), "source": self.source}
        for name in ("at", "by", "note"):
            if getattr(self, name):
                out[name] = getattr(self, name)
        if self.amount is not None:
            out["amount"] = float(self.amount) if self.amount % 1 else int(self.amount)
        return out


def events(cf: f.CaseFile) -> list[EventRow]:
    """The case's events in date order: recorded ones and those its issued documents imply."""
    rows = [EventRow(e.type, e.on, "recorded", e.at, e.by, e.note, e.amount) for e in cf.events]
    rows += [EventRow(i.event.type, i.event.on, i.source, i.event.at, i.event.by, i.event.note, i.event.amount)
             for i in implied_events(cf)]
    return sorted(rows, key=lambda r: (r.on, r.at or ""))



def require_recorded_date(day: date, label: str, today: date | None = None) -> None:
    """The date of an issue or a service: refused after today (Desk records only what has happened) and before
    the earliest date Desk keeps (limits.date_error, the one check of both bounds)."""
    today = today or date.today()
    failure = limits.date_error(day, today=today)
    if failure is None:
        return
    key, params = failure
    if key == "date_in_future":
        raise UserError("day_in_future", label=label, value=day, today=today)
    raise UserError(key, **params)


def _outcome_values(case: Case) -> dict[str, object]:
    return {"outcome": case.outcome, "penalty_kinds": list(case.penalty_kinds),
            "fine": str(case.fine) if case.fine is not None else None,
            "confiscated": str(case.confiscated) if case.confiscated is not None else None}


def _set_outcome(case: Case, outcome: str, penalty: f.Penalty) -> None:
    case.outcome, case.penalty_kinds = outcome, list(penalty.kinds)
    case.fine, case.confiscated = penalty.fine, penalty.confiscated


def after_issue(uow: UnitOfWork, case: Case, doc: Document, facts: f.Case | None = None) -> dict[str, object]:
    """What issuing ``doc`` moves on the case row (the list, the reports): a decision or transfer sets the
    outcome and penalty, a summary decision gives the case its number, a closing approval closes it.
    Returns what the audit entry keeps to restore on void (``previous``). ``facts``: the case's facts when the
    caller has its snapshot already (issuing does not change the outcome and penalty they hold)."""
    from desk.casefile.derived import decision_effect
    from desk.services.mapping import document_facts

    out: dict[str, object] = {}
    effect = decision_effect(document_facts(doc), facts if facts is not None else load_casefile(uow, case.id).case)
    if effect is not None:
        out["previous"] = _outcome_values(case)
        _set_outcome(case, *effect)
    if doc.kind == "summary_penalty_decision" and doc.number and not case.number:
        case.number = doc.number
    if doc.kind == "closing_approval":
        case.status = "closed"
    return out


def after_void(uow: UnitOfWork, doc: Document) -> None:
    """Voiding withdraws what the document implied: the outcome goes back to the remaining decision, else to
    what it was before this one was issued; a voided closing approval reopens the case."""
    from desk.casefile.derived import decision_effect, effective
    from desk.models import AuditEntry
    from desk.services.mapping import document_facts

    case = doc.case
    uow.session.flush()
    cf = load_casefile(uow, case.id)
    if decision_effect(document_facts(doc), cf.case) is not None:
        remaining = effective(cf)
        if remaining is not None:
            _set_outcome(case, *remaining)
        else:
            entry = uow.session.scalars(select(AuditEntry).where(
                AuditEntry.document_id == doc.id, AuditEntry.action == "document_issued")).first()
            before = (entry.detail or {}).get("previous") if entry else None
            if before:
                _set_outcome(case, before["outcome"], f.Penalty(
                    tuple(before["penalty_kinds"]),
                    Decimal(before["fine"]) if before["fine"] is not None else None,
                    Decimal(before["confiscated"]) if before["confiscated"] is not None else None))
            else:
                case.outcome = "pending"
    if doc.kind == "closing_approval" and case.status == "closed" and not cf.events_of("closed"):
        case.status = "open"
    case.updated_at = datetime.now(UTC)

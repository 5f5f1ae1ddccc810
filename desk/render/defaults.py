"""Where a field's default comes from: a small, pure resolver of the source names in manifests.

A manifest's ``default`` is one source name, or several separated by ``|`` (the first that gives a
value wins). A source name is data, never an expression:

* ``today``
* ``agency.<attr>…``, ``case.<attr>…``, ``party.<attr>`` — a walk over the ``CaseFile``'s own
  dataclass fields (``party`` is the main party; a number indexes a list: ``case.officers.0.name``)
* ``event.<type>`` — the date (with its time, when recorded) of the latest event of that type;
  ``event.<type>.<attr>`` — another attribute of it (``note``, ``amount``, ``leaders``…)
* ``document.<kind>.<attr>`` — the latest document of that kind (``number``, ``issued_on``…, ``title``)
* ``served.<attr>`` — the latest issued document that must be served (what a 送达回证 names)
* the names of ``DERIVED`` below: facts Desk works out or words from the case (``case.hearing_right``,
  ``case.statement``, ``case.proposal``, ``case.obligation``, ``case.materials``…)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal

from desk.casefile.facts import EVENT_TYPES, CaseFile, Document
from desk.catalogue import catalogue, kind
from desk.discretion.reasoning import applied as discretion_applied
from desk.discretion.reasoning import reasoning as discretion_reasoning
from desk.errors import Problem, TemplateError
from desk.i18n import format_date, format_money
from desk.render.fields import plain, typed
from desk.render.labels import OUTCOMES
from desk.render.wording import amount_phrase, penalty_text

_HEAVY_KINDS = {
    "lower_qualification",
    "revoke_permit",
    "suspend_business",
    "restrict_business",
    "order_closure",
    "restrict_practice",
}


def _walk(obj: object, parts: list[str], source: str) -> object:
    for part in parts:
        if obj is None:
            return None
        if isinstance(obj, tuple) and part.isdigit():
            obj = obj[int(part)] if int(part) < len(obj) else None
        elif dataclasses.is_dataclass(obj) and part in {f.name for f in dataclasses.fields(obj)}:
            obj = getattr(obj, part)
        else:
            raise KeyError(source)
    return obj


def _penalty(cf: CaseFile) -> str:
    p = cf.case.penalty
    return penalty_text(p.kinds, p.fine, p.confiscated)


def hearing_right(cf: CaseFile) -> bool:
    """Whether the decided penalty reaches the hearing criteria (rules.md R-HEARING-RIGHT)."""
    s, p, party = cf.agency.settings, cf.case.penalty, cf.main_party
    as_org = party is not None and (
        party.kind == "organization" or (party.kind == "individual_business" and s.individual_business_as_organization)
    )
    threshold = s.hearing_threshold_organization if as_org else s.hearing_threshold_person
    amounts = [a for a in (p.fine, p.confiscated) if a is not None]
    return any(a >= threshold for a in amounts) or bool(_HEAVY_KINDS & set(p.kinds))


_NOT_ACCEPTED = ("经复核，当事人提出的意见未提供新的事实、理由和证据，不足以否定本机关认定的违法事实，"
                 "也不属于法定从轻、减轻或者不予处罚的情形，本机关不予采纳。")


def _statement(cf: CaseFile) -> str:
    """Each statement, defence or hearing the case records, and the answer to it (the clerk refines it)."""
    sentences = []
    for e in cf.events_of("statement", "statement_waived", "hearing_requested", "hearing_waived", "hearing_held"):
        when = format_date(e.on)
        said = f"：{e.note.rstrip('。')}。" if e.note else "。"
        sentences.append(
            {
                "statement": f"当事人于{when}提出陈述、申辩意见{said}{_NOT_ACCEPTED}",
                "statement_waived": f"当事人于{when}书面表示放弃陈述、申辩的权利。",
                "hearing_requested": f"当事人于{when}提出听证要求。",
                "hearing_waived": f"当事人于{when}书面表示放弃听证的权利。",
                "hearing_held": f"本机关于{when}依法举行了听证，当事人在听证中进行了申辩和质证{said}{_NOT_ACCEPTED}",
            }[e.type]
        )
    return "".join(sentences) or "当事人在规定期限内未提出陈述、申辩意见，视为放弃陈述、申辩的权利。"


def _statement_summary(cf: CaseFile) -> str:
    """What the party said and when, without the answers (for the approval form's one row)."""
    sentences = []
    for e in cf.events_of("statement", "statement_waived", "hearing_requested", "hearing_waived", "hearing_held"):
        when = format_date(e.on)
        sentences.append({
            "statement": f"当事人于{when}提出陈述、申辩意见，已复核，不予采纳。",
            "statement_waived": f"当事人于{when}书面放弃陈述、申辩。",
            "hearing_requested": f"当事人于{when}要求听证。",
            "hearing_waived": f"当事人于{when}书面放弃听证。",
            "hearing_held": f"{when}举行听证，意见不予采纳。",
        }[e.type])
    return "".join(sentences) or "当事人未提出陈述、申辩意见。"


def _discretion_reasoning(cf: CaseFile) -> str:
    """Why this penalty: the item of the loaded standard, its version, the tier and the circumstances weighed
    (desk/discretion/reasoning.py); for a case citing no loaded item, the standard and tier it records."""
    cited = discretion_reasoning(cf)
    if cited:
        return f"本案适用{discretion_applied(cf) or cf.case.discretion.standard}。{cited}"
    d = cf.case.discretion
    if not d.standard or not cf.case.penalty.kinds:  # no penalty intended: its ground is the reviewer's to state
        return ""
    tier = f"属于该条目规定的“{d.level}”情形" if d.level else "符合该条目规定的情形"
    return (f"本案适用{d.standard}。经综合考量违法行为的事实、性质、情节和社会危害程度，当事人的违法行为{tier}，"
            "未发现法定从轻、减轻或者从重处罚的情节，故在该档次内确定处罚。")


def _no_penalty_reasons(cf: CaseFile) -> str:
    return {
        "no_penalty_minor": "当事人的违法行为轻微，已于调查期间及时改正，没有造成危害后果，"
        "依法不予行政处罚。本机关已对当事人进行了批评教育。",
        "no_penalty_unfounded": "经调查，现有证据不足以证明当事人实施了上述违法行为，违法事实不能成立，"
        "依法不予行政处罚。",
    }.get(cf.case.outcome, "")


def _criminal_reasons(cf: CaseFile) -> str:
    if cf.case.outcome != "criminal_transfer":
        return ""
    return ("当事人的违法行为涉及的金额、情节和后果，已达到刑事案件立案追诉标准，涉嫌构成犯罪，依法需要追究刑事责任，"
            "不得以行政处罚代替移送。")


def _transfer_reasons(cf: CaseFile) -> str:
    if cf.case.outcome != "jurisdiction_transfer":
        return ""
    return "经审查，该违法行为依法不属于本机关的职权范围，应当由有管辖权的行政机关依法处理。"


def _proposal(cf: CaseFile) -> str:
    outcome = cf.case.outcome
    if outcome == "penalty":
        return f"建议给予当事人{_penalty(cf)}的行政处罚。"
    if outcome == "pending":  # the investigation proposes what the case file holds so far
        return f"建议给予当事人{_penalty(cf)}的行政处罚。" if cf.case.penalty.kinds else ""
    return f"建议{OUTCOMES[outcome]}。"


def _result(cf: CaseFile) -> str:
    if cf.case.outcome == "penalty":
        return f"给予{_penalty(cf)}的行政处罚"
    return OUTCOMES[cf.case.outcome]


def _execution(cf: CaseFile) -> str:
    paid = [
        f"当事人于{format_date(e.on)}缴纳罚没款{format_money(e.amount)}元。" for e in cf.events_of("paid") if e.amount
    ]
    if paid:
        return "".join(paid)
    return {
        "no_penalty_minor": "本案决定不予行政处罚，无执行事项；已对当事人进行教育，当事人已改正。",
        "no_penalty_unfounded": "本案违法事实不能成立，决定不予行政处罚，无执行事项。",
        "criminal_transfer": "本案已移送公安机关依法处理。",
        "jurisdiction_transfer": "本案已移送有管辖权的机关依法处理。",
    }.get(cf.case.outcome, "")


def _no_penalty_basis(cf: CaseFile) -> tuple[str, ...]:
    return {
        "no_penalty_minor": ("《中华人民共和国行政处罚法》第三十三条第一款",),
        "no_penalty_unfounded": ("《中华人民共和国行政处罚法》第五十七条第一款第（三）项",),
    }.get(cf.case.outcome, ())


def _obligation(cf: CaseFile) -> str:
    fine = cf.case.penalty.fine
    return f"缴纳罚款{amount_phrase(fine)}。" if fine else ""


def _materials(cf: CaseFile) -> tuple[str, ...]:
    """What a transfer sends: the 正卷 documents (not receipts or transfers) and the evidence, with pages."""
    sent = {k.id: k.title for k in catalogue().values() if k.volume == "main" and k.step not in ("service", "transfer")}
    docs = [(sent[d.kind], d.pages) for d in cf.documents if d.status != "void" and d.kind in sent]
    items = docs + [(a.title, a.pages) for a in cf.attachments]
    return tuple(f"{title}（{pages}页）" if pages else title for title, pages in items)


DERIVED: dict[str, Callable[[CaseFile], object]] = {
    "case.hearing_right": hearing_right,
    "case.statement": _statement,
    "case.proposal": _proposal,
    "case.result": _result,
    "case.execution": _execution,
    "case.materials": _materials,
    "case.no_penalty_basis": _no_penalty_basis,
    "case.obligation": _obligation,
    "case.discretion_applied": discretion_applied,
    "case.discretion_reasoning": _discretion_reasoning,
    "case.statement_summary": _statement_summary,
    "case.no_penalty_reasons": _no_penalty_reasons,
    "case.criminal_reasons": _criminal_reasons,
    "case.transfer_reasons": _transfer_reasons,
}


def _event(cf: CaseFile, parts: list[str], source: str) -> object:
    if not parts or parts[0] not in EVENT_TYPES:
        raise KeyError(source)
    found = cf.events_of(parts[0])
    if not found:
        return None
    e = found[-1]
    if len(parts) > 1:
        return _walk(e, parts[1:], source)
    if e.at:
        hour, minute = (int(x) for x in e.at.split(":"))
        return datetime(e.on.year, e.on.month, e.on.day, hour, minute)
    return e.on


def _served(cf: CaseFile) -> Document | None:
    served_kinds = {k.id for k in catalogue().values() if k.served}
    proven = {d.serves for d in cf.documents_of("service_receipt")}
    issued = cf.issued_of(*served_kinds)
    pending = [d for d in issued if d.reference not in proven]
    chosen = pending or issued
    return chosen[-1] if chosen else None


def _document(doc: Document | None, parts: list[str], source: str) -> object:
    if doc is None:
        return None
    if parts == ["title"]:
        return kind(doc.kind).title
    return _walk(doc, parts, source)


def resolve(source: str, cf: CaseFile, *, today: date) -> object:
    """The value one source name gives for this case (``None`` when the case has none)."""
    for name in source.split("|"):
        value = _resolve_one(name.strip(), cf, today)
        if value not in (None, "", ()):
            return value
    return None


def _surcharge(cf: CaseFile, today: date) -> Decimal | None:
    """加处罚款 accrued to ``today``: 3 % of the fine a day from the 16th day after the decision was served,
    never more than the fine (行政处罚法第七十二条第一款第（一）项, 行政强制法第四十五条)."""
    fine = cf.case.penalty.fine
    decisions = [d for d in cf.documents_of("penalty_decision") if d.served_on]
    if not fine:
        return None
    if not decisions:
        return Decimal(0)
    days = (today - decisions[-1].served_on).days - 15 if decisions[-1].served_on else 0
    return min(fine, (fine * Decimal("0.03") * max(days, 0)).quantize(Decimal("0.01")))


def _resolve_one(name: str, cf: CaseFile, today: date) -> object:
    if name == "case.surcharge":
        return _surcharge(cf, today)
    if name in DERIVED:
        return DERIVED[name](cf)
    head, *parts = name.split(".")
    if head == "today" and not parts:
        return today
    if head in ("agency", "case"):
        return _walk(getattr(cf, head), parts, name)
    if head == "party":
        return _walk(cf.main_party, parts, name)
    if head == "event":
        return _event(cf, parts, name)
    if head == "document" and parts and parts[0] in catalogue():
        docs = cf.documents_of(parts[0])
        return _document(docs[-1] if docs else None, parts[1:], name)
    if head == "served":
        return _document(_served(cf), parts, name)
    raise KeyError(name)


def default_fields(kind_id: str, cf: CaseFile, *, today: date) -> dict[str, object]:
    """Every field of the kind with its default for this case, as JSON values (``None``: no default)."""
    k = kind(kind_id)
    out: dict[str, object] = {}
    for field in k.fields:
        try:
            value = resolve(field.default, cf, today=today) if field.default else None
        except KeyError as exc:
            raise TemplateError("source_unknown", kind=k.id, field=field.name, source=exc.args[0]) from None
        if value is None:
            value = field.preset
        try:
            out[field.name] = plain(typed(field, value))
        except Problem:  # the case's own value does not fit: keep it, validation will name it
            out[field.name] = plain(value)
    return out

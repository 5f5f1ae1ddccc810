"""``desk demo``: a believable fictional agency and cases over every procedure kind and stage.

Each case is made as a clerk makes one — ``new``, ``update``, ``draft``/``issue``, ``serve``, ``record`` — on
the working-day calendar (notices wait out the statement period, hearings are noticed 7 working days
ahead, decisions are served and published in time): the issue guard judges every document, so a closed
demo case passes the procedure check, and an open one shows what falls due next. The values a clerk types
come from ``demo_fields.fields_for``.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select

from desk.casefile import facts as f
from desk.catalogue import kind
from desk.db.uow import UnitOfWork
from desk.discretion import demo as discretion_demo
from desk.errors import UserError
from desk.models import Agency, Case, Document, Officer
from desk.procedure.calendar import Calendar
from desk.services import cases as case_service
from desk.services import documents, lifecycle
from desk.services.accounts import demo_passwords
from desk.services.calendar_admin import calendar
from desk.services.demo_fields import fields_for
from desk.services.demo_people import AGENCY, LEADERS, OFFICERS, SQUADS, individual_business, organization, person

SOURCES = ("patrol", "complaint", "patrol", "assigned")

# open demo cases: their stage, and how many working days before today they started (a notice served
# yesterday, a decision whose fine falls due within the week, an investigation, a fresh filing)
OPEN_STAGES = {"notified": 10, "decided": 21, "investigated": 9, "filed": 2}


@dataclass(frozen=True)
class Scenario:
    procedure: str
    outcome: str
    cause: str
    domain: str
    violated: str
    basis: str
    party: Callable[[random.Random], f.Party]
    kinds: tuple[str, ...] = ()
    fine: int = 0
    hearing: bool = False
    transfer_to: str = ""


SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        "summary",
        "penalty",
        "在人行道上违法停放机动车",
        "市容环境卫生",
        "《江城市市容环境卫生管理条例》第二十条",
        "《江城市市容环境卫生管理条例》第四十六条",
        person,
        ("fine",),
        200,
    ),
    Scenario(
        "general",
        "penalty",
        "随意倾倒建筑垃圾",
        "市容环境卫生",
        "《城市建筑垃圾管理规定》第十五条",
        "《城市建筑垃圾管理规定》第二十六条",
        organization,
        ("fine",),
        8000,
    ),
    Scenario(
        "general",
        "penalty",
        "未取得建设工程规划许可证进行建设",
        "城乡规划",
        "《中华人民共和国城乡规划法》第四十条第一款",
        "《中华人民共和国城乡规划法》第六十四条",
        organization,
        ("fine",),
        150000,
        hearing=True,
    ),
    Scenario(
        "general",
        "no_penalty_minor",
        "擅自设置门头招牌（首次违法且及时改正）",
        "市容环境卫生",
        "《江城市户外广告设置管理条例》第十条",
        "《中华人民共和国行政处罚法》第三十三条第一款",
        individual_business,
    ),
    Scenario(
        "general",
        "criminal_transfer",
        "擅自倾倒危险废物",
        "环境保护",
        "《中华人民共和国固体废物污染环境防治法》第二十条",
        "《行政执法机关移送涉嫌犯罪案件的规定》第三条",
        organization,
        transfer_to="江城市公安局东湖区分局",
    ),
    Scenario(
        "general",
        "jurisdiction_transfer",
        "无证经营食品摊贩",
        "市场监管",
        "《江城市食品摊贩管理办法》第八条",
        "《中华人民共和国行政处罚法》第二十二条",
        person,
        transfer_to="江城市东湖区市场监督管理局",
    ),
    Scenario(
        "general",
        "penalty",
        "占用城市道路堆放物料",
        "市政设施",
        "《城市道路管理条例》第二十七条",
        "《城市道路管理条例》第四十二条",
        individual_business,
        ("warning", "fine"),
        1500,
    ),
)
SCENARIOS = discretion_demo.governed(SCENARIOS)  # provisions, fine and kinds of the governing law (#17)


@dataclass
class Clerk:
    """Carries one demo case through the same services a clerk uses: draft, issue, serve, record.

    What would fall after ``today`` is not done (an open case stops at its stage)."""

    uow: UnitOfWork
    case_id: int
    today: date
    cal: Calendar
    receiver: str

    def issue(self, kind_id: str, on: date, *, serve: bool = False, **values: object) -> Document | None:
        if on > self.today:
            return None
        cf = case_service.load_casefile(self.uow, self.case_id)
        typed = {**fields_for(kind_id, cf), **values}
        begun = typed.get("started_at")
        if isinstance(begun, str) and "ended_at" not in values and str(typed.get("ended_at") or "") < begun:
            # a record ends after it begins: the clerk writes the end 40 minutes after the start given here
            typed["ended_at"] = (datetime.fromisoformat(begun) + timedelta(minutes=40)).isoformat(timespec="minutes")
        doc = documents.draft(self.uow, self.case_id, kind_id, typed, today=on)
        documents.issue(self.uow, doc.id, on=on)
        if serve:
            documents.serve(self.uow, doc.id, on=on, method="direct", receiver=self.receiver)
        return doc

    def record(self, event_type: str, on: date, **extra: Any) -> None:
        if on <= self.today:
            lifecycle.record_event(self.uow, self.case_id, event_type, on=on, today=self.today, **extra)

    def wd(self, day: date, n: int) -> date:
        return self.cal.add_working_days(day, n)


def _at(day: date, clock: str = "09:30") -> str:
    return f"{day.isoformat()}T{clock}"


# and why no penalty is weighed (the 裁量理由 a reviewer writes where there is no penalty to weigh)
GROUNDS = {
    "no_penalty_minor": "当事人系首次违法，违法行为轻微并已及时改正，没有造成危害后果，依照《中华人民共和国行政处罚法》"
    "第三十三条第一款的规定，可以不予行政处罚。",
    "criminal_transfer": "当事人的违法行为涉嫌构成犯罪，依照《行政执法机关移送涉嫌犯罪案件的规定》第三条的规定应当移送"
    "公安机关，本机关不以行政处罚代替移送。",
    "jurisdiction_transfer": "本案不属于本机关的职责范围，依法移送有管辖权的行政机关处理，本机关不作行政处罚。",
}
# what the 调查终结报告 and the 决定审批表 propose where the case ends without a penalty (before the decision the
# case's outcome is still pending, so its default cannot say it)
PROPOSALS = {
    "no_penalty_minor": "建议依照《中华人民共和国行政处罚法》第三十三条第一款的规定不予行政处罚，并对当事人进行教育。",
    "criminal_transfer": "建议将本案移送公安机关依法追究刑事责任。",
    "jurisdiction_transfer": "建议将本案移送有管辖权的行政机关处理。",
}


def _general(c: Clerk, s: Scenario, start: date, stage: str) -> None:
    """A general-procedure case up to ``stage``, as its documents and recorded events make it."""
    proposal: dict[str, Any] = ({"proposal": PROPOSALS[s.outcome], "discretion": GROUNDS[s.outcome]}
                                if s.outcome in PROPOSALS else {})
    c.issue("case_source_register", start)
    c.issue("onsite_inspection_record", start, started_at=_at(start))
    filed = c.wd(start, 1)
    c.issue("filing_approval", filed)
    if stage == "filed":
        return
    day = c.wd(filed, 2)
    c.issue("inquiry_record", day, started_at=_at(day, "10:00"))
    day = c.wd(day, 5)
    c.issue("investigation_report", day, **proposal)
    if stage == "investigated":
        return
    if s.outcome in ("criminal_transfer", "jurisdiction_transfer"):
        day = c.wd(day, 1)
        if s.outcome == "criminal_transfer":
            c.issue("criminal_transfer", day, receiver_body=s.transfer_to, suspected_crime="污染环境罪",
                    reasons="当事人擅自倾倒危险废物三吨以上，涉嫌构成污染环境罪，依法应当移送公安机关。")
        else:
            c.issue("case_transfer_letter", day, receiver_body=s.transfer_to, transfer_basis=[s.basis],
                    reasons="本案违法行为属于市场监督管理部门的职责范围，本局无管辖权。",
                    materials=["案件材料一宗", "现场照片4张"])
        day = c.wd(day, 1)
        c.record("transfer_receipt", day, note=f"{s.transfer_to}签收")
        _close(c, c.wd(day, 1), stage)
        return
    day = c.wd(day, 1)
    c.issue("penalty_prior_notice", day, serve=True, hearing_right=s.hearing,
            penalty_kinds=list(s.kinds), fine=s.fine or None,
            **({"discretion": proposal["discretion"]} if proposal else {}))
    if stage == "notified":
        return
    if s.hearing:
        c.record("hearing_requested", c.wd(day, 2), note="当事人书面申请听证")
        day = c.wd(day, 3)
        held = c.wd(day, 8)
        c.issue("hearing_notice", day, serve=True, hearing_at=_at(held))
        c.issue("hearing_record", held, started_at=_at(held))
        c.issue("hearing_report", held, hearing_at=_at(held))
        day = c.wd(held, 2)
        c.issue("legal_review_opinion", day)
        day = c.wd(day, 1)
    else:
        day = c.wd(day, 4)
    if s.outcome == "no_penalty_minor":
        c.issue("collective_discussion_record", day, held_at=_at(day, "14:30"), leaders=list(LEADERS))
        day = c.wd(day, 1)
    c.issue("decision_approval", day, **{k: v for k, v in proposal.items() if k == "proposal"})
    if s.outcome == "penalty":
        decision = c.issue("penalty_decision", day, serve=True)
        c.record("published", c.wd(day, 2), note="在本机关门户网站公示")
    else:
        decision = c.issue("no_penalty_decision", day, serve=True,
                           reasons="当事人系首次违法，违法行为轻微并已及时改正，没有造成危害后果。",
                           no_penalty_basis=[s.basis])
    if stage == "decided" or decision is None:
        return
    if s.fine:
        day += timedelta(days=6)
        c.issue("payment_record", day, paid_on=day.isoformat(), amount=s.fine, decision_number=decision.number)
    _close(c, c.wd(day, 1), stage)


def _close(c: Clerk, day: date, stage: str) -> None:
    if stage == "closed":
        c.issue("closing_approval", day)


def _summary(c: Clerk, s: Scenario, start: date) -> None:
    c.issue("summary_penalty_decision", start, serve=True, violation_at=_at(start, "08:40"),
            place="中北路与东湖路交叉口")
    c.record("paid", start, amount=str(s.fine), note="当场缴纳")
    c.record("closed", start)


def _officers(rng: random.Random, squad: str) -> tuple[f.Officer, ...]:
    pair = [o for o in OFFICERS if o.squad == squad][:2]
    return tuple(f.Officer(o.name, o.certificate) for o in pair)


def _plan(i: int, today: date, cal: Calendar) -> tuple[Scenario, str, date]:
    """Scenario, stage and start of the ``i``-th demo case: first one closed case of every scenario, then
    mostly open cases at a recent stage (started so their next deadlines fall in the coming days)."""
    if i < len(SCENARIOS) or (i - len(SCENARIOS)) % 5 == 4:
        # closed cases ran their course months ago (a hearing case takes about 65 days)
        start = today - timedelta(days=120 + 7 * (i % 25))
        return SCENARIOS[i % len(SCENARIOS)], "closed", cal.next_working_day(start)
    j = (i - len(SCENARIOS)) % 5
    stage = tuple(OPEN_STAGES)[j]
    return SCENARIOS[(1, 6, 3, 2)[j]], stage, _working_days_before(cal, today, OPEN_STAGES[stage])


def _working_days_before(cal: Calendar, day: date, n: int) -> date:
    while n:
        day -= timedelta(days=1)
        n -= cal.is_working_day(day)
    return day


def demo_case(uow: UnitOfWork, i: int, rng: random.Random, cal: Calendar, today: date) -> int:
    """The ``i``-th demo case, registered and carried to its stage through the services. Returns its id."""
    s, stage, start = _plan(i, today, cal)
    squad = SQUADS[i % len(SQUADS)]
    officers = [o.name for o in OFFICERS if o.squad == squad][:2]
    party = s.party(rng)
    new_party = lifecycle.NewParty(kind=party.kind, name=party.name, address=party.address or "",
                                   id_number=party.id_number, uscc=party.uscc,
                                   legal_representative=party.legal_representative, phone=party.phone)
    place = f"{party.address}门前"
    case_id = lifecycle.new_case(uow, cause=s.cause, party=new_party, discovered_on=start, officers=officers,
                                 violation_on=start, place=place, source=rng.choice(SOURCES), procedure=s.procedure,
                                 squad=squad, today=today)
    facts = {
        "facts": f"{start.year}年{start.month}月{start.day}日，执法人员巡查发现当事人{party.name}在{place}{s.cause}，"
        "经现场检查、询问调查，事实清楚。",
        "evidence": "现场检查（勘验）笔录;询问笔录;现场照片4张;当事人身份证明",
        "violated": s.violated, "basis": s.basis, "discretion.level": "一般",
        "discretion.standard": "江城市城市管理行政处罚裁量基准",
        "penalty.kinds": ",".join(s.kinds), "penalty.fine": str(s.fine) if s.fine else "",
        "retention": "10y" if s.procedure == "summary" else (
            "permanent" if s.outcome == "criminal_transfer" else "30y"),
        "violation_at": "09:30",
    }
    lifecycle.update_case(uow, case_id, facts)
    discretion_demo.apply_to(uow, case_id, s.cause)  # item, version, tier and circumstances of the standard (#17)
    clerk = Clerk(uow, case_id, today, cal, party.legal_representative or party.name)
    if s.procedure == "summary":
        _summary(clerk, s, start)
    else:
        _general(clerk, s, start, stage)
    return case_id


def make_demo(uow: UnitOfWork, *, cases: int = 12, today: date | None = None, seed: int = 20261121) -> list[int]:
    """Fill an empty database with the demo agency, its officers and ``cases`` cases. Returns their ids."""
    if uow.session.scalars(select(Case.id).limit(1)).first() is not None:
        raise UserError("demo_not_empty")
    _agency_with_officers(uow)
    demo_passwords(uow)  # identity (#14): every demo officer signs in with the README's demo password
    discretion_demo.load(uow)
    cal = calendar(uow.session)  # a year without its notice is counted provisionally
    today = today or date.today()
    _form_blocks(uow, today)
    rng = random.Random(seed)
    return [demo_case(uow, i, rng, cal, today) for i in range(cases)]


def _form_blocks(uow: UnitOfWork, today: date) -> None:
    """Each squad holds a block of 50 pre-numbered 当场行政处罚决定书 for this year and the last (desk forms)."""
    from desk.services import forms

    for year in (today.year - 1, today.year):
        for i, squad in enumerate(SQUADS):
            forms.add(uow, code=kind("summary_penalty_decision").code, year=year, first=101 + 100 * i,
                      last=150 + 100 * i, squad=squad)


def _agency_with_officers(uow: UnitOfWork) -> Agency:
    agency = case_service.agency_for(uow, AGENCY)
    agency.squads = list(SQUADS)
    existing = {o.login for o in uow.session.scalars(select(Officer))}
    for o in OFFICERS:
        if o.login not in existing:
            uow.session.add(
                Officer(
                    agency_id=agency.id,
                    name=o.name,
                    certificate=o.certificate,
                    squad=o.squad,
                    login=o.login,
                    roles=list(o.roles),
                )
            )
    uow.session.flush()
    return agency

"""``desk demo``: a believable fictional agency and cases over every procedure kind and stage.

Each case is written as a timeline on the working-day calendar (notices wait out the statement
period, hearings are noticed 7 working days ahead, decisions are served and published in time), so
a closed demo case passes the procedure check, and an open one shows what falls due next.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select

from desk.casefile import facts as f
from desk.casefile.numbers import format_number
from desk.db.uow import UnitOfWork
from desk.errors import UserError
from desk.models import Agency, Case, Officer
from desk.procedure.calendar import Calendar, shipped_calendar
from desk.services import cases as case_service
from desk.services.accounts import demo_passwords
from desk.services.demo_people import AGENCY, LEADERS, OFFICERS, SQUADS, individual_business, organization, person

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


SCENARIOS = (
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


@dataclass
class Timeline:
    """Accumulates a case's events and documents, numbering documents as they are issued."""

    cal: Calendar
    counters: dict[str, int]
    year: int
    officer: str
    today: date
    events: list[f.Event] = field(default_factory=list)
    documents: list[f.Document] = field(default_factory=list)

    def event(self, type_: str, on: date, **extra: object) -> None:
        if on > self.today:  # an open case: what has not happened yet is not recorded
            return
        self.events.append(f.Event(type=type_, on=on, **extra))  # type: ignore[arg-type]

    def number(self, code: str) -> str:
        key = f"{code}{self.year}"
        self.counters[key] = self.counters.get(key, 0) + 1
        return format_number(
            AGENCY.number_pattern, agency=AGENCY.code, code=code, year=self.year, seq=self.counters[key]
        )

    def doc(self, kind: str, on: date, code: str = "", served: str | None = None, **extra: object) -> str | None:
        if on > self.today:
            return None
        number = self.number(code) if code else None
        self.documents.append(f.Document(kind=kind, number=number, issued_on=on, **extra))  # type: ignore[arg-type]
        if served:
            self.serve(number or kind, on, served)
        return number

    def serve(self, ref: str, on: date, receiver: str) -> None:
        for i, d in enumerate(self.documents):
            if d.reference == ref:
                self.documents[i] = f.Document(
                    **{**d.__dict__, "served_on": on, "service": "direct", "receiver": receiver}
                )
        self.documents.append(f.Document(kind="service_receipt", serves=ref, issued_on=on, receiver=receiver))

    def wd(self, day: date, n: int) -> date:
        return self.cal.add_working_days(day, n)


def _general(t: Timeline, s: Scenario, start: date, stage: str, receiver: str) -> date:
    """A general-procedure case up to ``stage``; returns the last date used."""
    t.event("discovered", start, by=t.officer)
    t.event("inspected", start, by=t.officer)
    t.doc("case_source_register", start)
    t.doc("onsite_inspection_record", start, pages=2)
    filed = t.wd(start, 1)
    t.event("filed", filed)
    t.doc("filing_approval", filed, "立")
    if stage == "filed":
        return filed
    day = t.wd(filed, 2)
    t.event("inquired", day)
    t.doc("inquiry_record", day, pages=3)
    day = t.wd(day, 5)
    t.event("investigation_concluded", day)
    t.doc("investigation_report", day, pages=2)
    if stage == "investigated":
        return day
    if s.outcome in ("criminal_transfer", "jurisdiction_transfer"):
        day = t.wd(day, 1)
        t.event("transferred", day, note=f"移送{s.transfer_to}")
        criminal = s.outcome == "criminal_transfer"
        t.doc(*(("criminal_transfer", day, "刑移") if criminal else ("case_transfer_letter", day, "移")))
        day = t.wd(day, 1)
        t.event("transfer_receipt", day, note=f"{s.transfer_to}签收")
        return _close(t, day, stage)
    day = t.wd(day, 1)
    t.event("notified", day, amount=Decimal(s.fine), kinds=s.kinds or ("warning",))
    t.doc("penalty_prior_notice", day, "罚告", served=receiver, hearing_right=s.hearing)
    if stage == "notified":
        return day
    if s.hearing:
        day = t.wd(day, 2)
        t.event("hearing_requested", day)
        day = t.wd(day, 1)
        t.event("hearing_notified", day)
        t.doc("hearing_notice", day, "听通", served=receiver)
        day = t.wd(day, 8)
        t.event("hearing_held", day)
        t.doc("hearing_record", day, pages=5)
        t.doc("hearing_report", day)
        day = t.wd(day, 2)
        t.event("legal_review", day)
        t.doc("legal_review_opinion", day)
        day = t.wd(day, 1)
    else:
        day = t.wd(day, 4)
    if s.outcome == "no_penalty_minor":
        t.event("collective_discussion", day, leaders=LEADERS)
        t.doc("collective_discussion_record", day)
        day = t.wd(day, 1)
    t.event("decided", day)
    t.doc("decision_approval", day)
    if s.outcome == "penalty":
        t.doc("penalty_decision", day, "罚决", served=receiver, pages=3)
        t.event("published", t.wd(day, 2))
    else:
        t.doc("no_penalty_decision", day, "不罚", served=receiver)
    if stage == "decided":
        return day
    if s.fine:
        day += timedelta(days=6)
        t.event("paid", day, amount=Decimal(s.fine))
        t.doc("payment_record", day)
    return _close(t, t.wd(day, 1), stage)


def _close(t: Timeline, day: date, stage: str) -> date:
    if stage == "closed":
        t.event("closed", day)
        t.doc("closing_approval", day)
    return day


def _summary(t: Timeline, s: Scenario, start: date, receiver: str) -> None:
    t.event("discovered", start, by=t.officer)
    t.event("decided", start)
    t.doc("summary_penalty_decision", start, "简罚决")
    t.documents[-1] = f.Document(
        **{**t.documents[-1].__dict__, "served_on": start, "service": "direct", "receiver": receiver}
    )
    t.event("paid", start, amount=Decimal(s.fine))
    t.event("closed", start)


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


def demo_case(i: int, rng: random.Random, cal: Calendar, counters: dict[str, int], today: date) -> f.CaseFile:
    s, stage, start = _plan(i, today, cal)
    squad = SQUADS[i % len(SQUADS)]
    officers = _officers(rng, squad)
    party = s.party(rng)
    receiver = party.legal_representative or party.name
    t = Timeline(cal, counters, start.year, officers[0].name, today)
    if s.procedure == "summary":
        _summary(t, s, start, receiver)
    else:
        _general(t, s, start, stage, receiver)
    numbers = [d.number for d in t.documents if d.kind in ("filing_approval", "summary_penalty_decision")]
    fine = Decimal(s.fine) if s.fine else None
    case = f.Case(
        number=numbers[0] if numbers else None,
        cause=s.cause,
        procedure=s.procedure,
        outcome=s.outcome if stage in ("decided", "closed") or s.procedure == "summary" else "pending",
        domain=s.domain,
        source=rng.choice(("patrol", "complaint", "patrol", "assigned")),
        discovered_on=start,
        violation_on=start,
        facts=f"{start.year}年{start.month}月{start.day}日，执法人员巡查发现当事人{party.name}在{party.address}"
        f"{s.cause}，经现场检查、询问调查，事实清楚。",
        evidence=("现场检查（勘验）笔录", "询问笔录", "现场照片4张", "当事人身份证明"),
        violated=(s.violated,),
        basis=(s.basis,),
        discretion=f.Discretion("一般", f"江城市城市管理行政处罚裁量基准 第{10 + i % 40}项"),
        penalty=f.Penalty(kinds=s.kinds, fine=fine),
        officers=officers,
        retention="10y" if s.procedure == "summary" else ("permanent" if s.outcome == "criminal_transfer" else "30y"),
    )
    agency = f.Agency(**{**AGENCY.__dict__, "squad": squad})
    return f.CaseFile(agency=agency, case=case, parties=(party,), events=tuple(t.events), documents=tuple(t.documents))


def make_demo(uow: UnitOfWork, *, cases: int = 12, today: date | None = None, seed: int = 20261121) -> list[int]:
    """Fill an empty database with the demo agency, its officers and ``cases`` cases. Returns their ids."""
    if uow.session.scalars(select(Case.id).limit(1)).first() is not None:
        raise UserError("demo_not_empty")
    cal = shipped_calendar()
    # the demo's dates need the holiday calendar: past the last year it knows, the demo is set in that year
    today = min(today or date.today(), date(max(cal.years), 12, 31))
    _agency_with_officers(uow)
    demo_passwords(uow)  # identity (#14): every demo officer signs in with the README's demo password
    rng = random.Random(seed)
    counters: dict[str, int] = {}
    return [case_service.store_casefile(uow, demo_case(i, rng, cal, counters, today)) for i in range(cases)]


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

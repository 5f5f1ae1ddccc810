"""A small standard and a decided case citing it, built in code (no database, no shared samples)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from desk.casefile.facts import Agency, Case, CaseFile, Discretion, Document, Event, Officer, Party, Penalty
from desk.discretion.model import Circumstance, Cited, Item, Standard, Tier

ITEM = Item(
    id="31",
    act="随意倾倒、抛撒、堆放生活垃圾（单位）",
    violated=("《中华人民共和国固体废物污染环境防治法》第四十九条第二款",),
    basis=("《中华人民共和国固体废物污染环境防治法》第一百一十一条第一款第（一）项",),
    subject="organization",
    statutory_min=Decimal(50000),
    statutory_max=Decimal(500000),
    kinds=("fine",),
    tiers=(
        Tier("轻微", "首次违法，危害后果轻微并及时改正", outcome="no_penalty_minor"),
        Tier("较轻", "倾倒量1立方米以下，责令改正后及时清理", Decimal(50000), Decimal(100000)),
        Tier("一般", "倾倒量1至5立方米", Decimal(100000), Decimal(300000)),
        Tier("严重", "倾倒量5立方米以上或者造成环境污染", Decimal(300000), Decimal(500000)),
    ),
)
STANDARD = Standard("江城市城市管理行政处罚裁量基准", "2026-1", date(2026, 1, 1), date(2030, 12, 31), (ITEM,))
DECIDED = date(2026, 4, 10)


def cited(std: Standard = STANDARD, *, versions: tuple[Standard, ...] | None = None) -> Cited:
    header = replace(std, items=())
    return Cited(loaded=True, standard=header, item=std.item("31"), versions=versions or (header,),
                 matches=(ITEM,))


def case(fine: int | None, *, level: str = "一般", circumstances: tuple[Circumstance, ...] = (),
         cite: Cited | None = None, kind: str = "organization", procedure: str = "general") -> CaseFile:
    """A general-procedure case decided on ``DECIDED`` with ``fine``, citing item 31 at ``level``."""
    amount = Decimal(fine) if fine is not None else None
    decision = Document(kind="penalty_decision", number="某综执罚决字〔2026〕12号", issued_on=DECIDED,
                        fields={"fine": fine} if fine is not None else {})
    return CaseFile(
        agency=Agency(name="某市某区综合行政执法局", code="某综执"),
        case=Case(
            number="某综执立字〔2026〕15号", cause="随意倾倒生活垃圾", procedure=procedure, outcome="penalty",
            violated=ITEM.violated, basis=ITEM.basis,
            discretion=Discretion(level=level, item="31", version="2026-1", circumstances=circumstances),
            penalty=Penalty(kinds=("fine",), fine=amount),
            officers=(Officer("张三", "44010012345"), Officer("李四", "44010012346")),
        ),
        parties=(Party(kind=kind, name="某某餐饮有限公司", uscc="91440300MA5XXXXXXX"),),
        events=(Event("filed", date(2026, 3, 2)),),
        documents=(decision,),
        cited=cite if cite is not None else cited(),
    )


MITIGATE = Circumstance("减轻", "《中华人民共和国行政处罚法》第三十二条第（一）项 主动消除或者减轻违法行为危害后果")
LIGHTER = Circumstance("从轻", "《中华人民共和国行政处罚法》第三十二条第（一）项 主动消除或者减轻违法行为危害后果")
HEAVIER = Circumstance("从重", "一年内再次实施同一违法行为")

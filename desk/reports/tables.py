"""The report tables as rows of text and numbers: one source for the XLSX, CSV, PDF and the window."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from desk.render.labels import PENALTY_KINDS

# the column set of the credit platforms (信用中国 行政处罚 data items), in their order
PUBLICATION_COLUMNS = (
    "行政相对人名称", "类别", "统一社会信用代码", "法定代表人", "决定书文号", "违法行为类型", "违法事实", "处罚依据",
    "处罚类别", "处罚内容", "罚款金额(万元)", "没收金额(万元)", "处罚决定日期", "公示截止期", "处罚机关",
)
PARTY_CLASS = {"person": "自然人", "individual_business": "个体工商户", "organization": "法人及非法人组织"}
STATUS_TEXT = {"due": "待公示", "overdue": "逾期未公示", "published": "已公示", "published_late": "已公示（逾期）",
               "to_withdraw": "应撤下", "withdrawn": "已撤下"}
CHECK_TEXT = {"kinds_sum_to_penalty_decisions": "各处罚种类之和 = 处罚决定数",
              "filed_and_carried_in_equal_closed_and_carried_out": "期初未结 + 立案 = 结案 + 期末未结"}


def ten_thousands(value: int | float) -> float:
    """Yuan → 万元 (exact to the fen: six decimals)."""
    return float(round(Decimal(str(value)) / 10000, 6))


def publication_row(e: dict[str, Any]) -> list[Any]:
    """One decision as the credit platforms' columns (already masked)."""
    representative = e["legal_representative"] or e.get("operator") or ""
    return [
        e["party"], PARTY_CLASS.get(e["party_kind"], ""), e["uscc"] or "", representative, e["number"], e["cause"],
        e["facts"], "；".join(e["basis"]), "；".join(PENALTY_KINDS.get(k, k) for k in e["kinds"]), e["penalty"],
        ten_thousands(e["fine"]), ten_thousands(e["confiscated"]), _day(e["decided_on"]), _day(e["publish_by"]),
        e["agency"],
    ]


def _day(value: Any) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value or "")


@dataclass(frozen=True)
class Table:
    """A titled table whose first column names the rows and whose other columns are numbers."""

    key: str
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    chart: str = "bar"  # bar (vertical), barh (horizontal, for long labels)
    series: int = 1  # how many columns after the first the chart draws


def stats_tables(s: dict[str, Any]) -> list[Table]:
    """The statistics as the tables the XLSX sheets, the PDF and the window show (each gets a chart)."""
    overview = (
        ("立案", s["filed"]), ("结案", s["closed"]), ("作出处理决定", s["decided"]), ("其中简易程序", s["summary"]),
        ("其中普通程序", s["general"]), ("不予行政处罚", s["no_penalty"]), ("举行听证", s["hearings"]),
        ("移送司法机关", s["transfers"]["criminal"]), ("移送有管辖权的机关", s["transfers"]["jurisdiction"]),
        ("期初未结", s["carried_over"]["in"]), ("期末未结", s["carried_over"]["out"]),
    )
    kinds = tuple((PENALTY_KINDS[k], n) for k, n in s["penalties"].items())
    money = (("罚款（决定）", s["fines"]), ("没收（决定）", s["confiscated"]), ("已缴纳", s["paid"]))
    squads = tuple((name or "（未分中队）", v["filed"], v["closed"], v["decided"], v["fines"])
                   for name, v in s["by_squad"].items())
    causes = tuple(s["by_cause"].items())
    return [
        Table("overview", "办案总体情况", ("项目", "件数"), overview),
        Table("penalties", "行政处罚种类（按最重处罚计一次）", ("处罚种类", "件数"), kinds, "barh"),
        Table("money", "罚没款（元）", ("项目", "金额（元）"), money),
        Table("squads", "各中队办案情况", ("中队", "立案", "结案", "作出决定", "罚款（元）"), squads,
              series=3),
        Table("causes", "立案案由分布", ("案由", "件数"), causes, "barh"),
    ]


def check_rows(s: dict[str, Any]) -> list[tuple[str, str, int, int]]:
    """(check, 通过/不符, left, right) for every consistency check."""
    return [(CHECK_TEXT.get(c["id"], c["id"]), "通过" if c["ok"] else "不符", c["left"], c["right"])
            for c in s["checks"]]

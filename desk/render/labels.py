"""How the case format's codes are printed on documents (the Chinese wording of each enum value)."""

from __future__ import annotations

PENALTY_KINDS: dict[str, str] = {
    "warning": "警告",
    "circulated_criticism": "通报批评",
    "fine": "罚款",
    "confiscate_gains": "没收违法所得",
    "confiscate_property": "没收非法财物",
    "suspend_permit": "暂扣许可证件",
    "lower_qualification": "降低资质等级",
    "revoke_permit": "吊销许可证件",
    "restrict_business": "限制开展生产经营活动",
    "suspend_business": "责令停产停业",
    "order_closure": "责令关闭",
    "restrict_practice": "限制从业",
}

PARTY_KINDS: dict[str, str] = {
    "person": "自然人",
    "individual_business": "个体工商户",
    "organization": "法人或者其他组织",
}

SOURCES: dict[str, str] = {
    "patrol": "巡查发现",
    "complaint": "投诉举报",
    "transfer": "其他机关移送",
    "assigned": "上级交办",
    "other": "其他",
}

SERVICE_METHODS: dict[str, str] = {
    "direct": "直接送达",
    "left": "留置送达",
    "post": "邮寄送达",
    "electronic": "电子送达",
    "entrusted": "委托送达",
    "notice": "公告送达",
}

OUTCOMES: dict[str, str] = {
    "penalty": "给予行政处罚",
    "no_penalty_minor": "违法行为轻微，不予行政处罚",
    "no_penalty_unfounded": "违法事实不能成立，不予行政处罚",
    "criminal_transfer": "涉嫌犯罪，移送司法机关",
    "jurisdiction_transfer": "移送有管辖权的机关",
    "pending": "尚未作出处理决定",
}

CONCLUSIONS: dict[str, str] = {
    "accepted": "采纳",
    "partly_accepted": "部分采纳",
    "rejected": "不予采纳",
    "corrected": "已按要求改正",
    "partly_corrected": "部分改正",
    "not_corrected": "逾期未改正",
    "approve": "同意",
    "amend": "修改后同意",
    "disapprove": "不同意",
}

CHOICE_LABELS: dict[str, str] = {
    **PENALTY_KINDS,
    **PARTY_KINDS,
    **SOURCES,
    **SERVICE_METHODS,
    **OUTCOMES,
    **CONCLUSIONS,
}


def label(code: str) -> str:
    """The printed wording of a choice code; a value that is no code prints as itself."""
    return CHOICE_LABELS.get(code, code)

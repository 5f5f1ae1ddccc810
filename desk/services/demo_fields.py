"""What a clerk would type into a document the case gives no default for (the demo's and tests' values).

``fields_for(kind_id, cf)`` gives values for the required fields of ``kind_id`` that a case cannot fill
by itself: the Q&A of an inquiry, the place and presider of a hearing, a payment's receipt number. Dates
and times are the case's latest step (the caller passes the real day where it matters).
"""

from __future__ import annotations

from datetime import date

from desk.casefile.facts import CaseFile
from desk.catalogue import kind

_TEXT: dict[str, str] = {
    "findings": "执法人员到达现场，出示执法证件，表明身份。经检查，当事人在现场的行为与案源登记所载一致，"
    "执法人员当场拍摄照片4张，当事人在场。",
    "transcript": "问：我们是江城市东湖区综合行政执法局的执法人员，现依法向你调查，你有如实回答的义务，听清楚了吗？\n"
    "答：听清楚了。\n问：现场情况是否属实？\n答：属实，我愿意配合调查并立即改正。",
    "respondent_role": "当事人",
    "summary": "执法人员巡查中发现当事人涉嫌违法，现场检查属实，需要立案调查。",
    "process": "立案后，执法人员进行了现场检查，制作了现场检查笔录，询问了当事人，收集了现场照片等证据。",
    "proposal": "建议依法作出处理。",
    "statement": "当事人在陈述申辩期限内未提出陈述申辩。",
    "performance": "当事人应当自收到本决定书之日起十五日内，到指定银行缴纳罚款。到期不缴纳罚款的，每日按罚款数额的"
    "百分之三加处罚款。",
    "reasons": "经调查，当事人的行为涉嫌构成犯罪，依法应当移送。",
    "suspected_crime": "污染环境罪",
    "result": "已依法作出处理，当事人已履行完毕。",
    "execution": "当事人已全部履行。",
    "clerk": "刘晓燕",
    "presider": "黄德明",
    "hearing_place": "江城市东湖区综合行政执法局听证室",
    "place": "江城市东湖区综合行政执法局询问室",
    "review": "当事人提出的陈述申辩理由不成立，不予采纳。",
    "reviewers": "黄德明、吴淑芬",
    "opinion": "案件事实清楚，证据确凿，程序合法，建议维持拟作出的处罚。",
    "presentation": "承办人汇报了案件事实、证据、适用依据及处理建议。",
    "discussion": "与会负责人一致认为案件事实清楚，同意承办人意见。",
    "conclusion": "经集体讨论，同意承办人的处理意见。",
    "receipt_number": "江财罚收 0031875",
}


def _latest(cf: CaseFile) -> date:
    days = [e.on for e in cf.timeline] + [d.issued_on for d in cf.documents if d.issued_on]
    return max([*days, cf.case.discovered_on or date.today()])


def fields_for(kind_id: str, cf: CaseFile) -> dict[str, object]:
    """Values a clerk would type for the required fields of ``kind_id`` on ``cf`` (defaults come from the case)."""
    from desk.render.defaults import default_fields

    k = kind(kind_id)
    day = _latest(cf)
    defaults = default_fields(kind_id, cf, today=day)
    officers = [{"name": o.name, "certificate": o.certificate} for o in cf.case.officers]
    party = cf.main_party
    out: dict[str, object] = {}
    for field in k.fields:
        if not field.required or defaults.get(field.name) not in (None, "", []):
            continue
        if field.type == "choice" and field.choices:
            out[field.name] = field.choices[0]
        elif field.name in _TEXT:
            out[field.name] = _TEXT[field.name]
        elif field.type == "datetime":
            out[field.name] = f"{day.isoformat()}T09:30"
        elif field.type == "date":
            out[field.name] = day.isoformat()
        elif field.type == "officers":
            out[field.name] = officers
        elif field.name == "respondent":
            out[field.name] = (party.legal_representative or party.name) if party else ""
        elif field.name == "leaders":
            out[field.name] = ["郑国平", "黄德明"]
        elif field.name == "amount":
            out[field.name] = float(cf.case.penalty.fine or 0)
        elif field.name == "receiver_body":
            out[field.name] = "江城市公安局东湖区分局"
    return out

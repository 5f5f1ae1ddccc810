"""What a clerk types into a document that the case cannot supply: the demo's (and the tests') values.

``fields_for(kind_id, cf)`` gives, for every kind, realistic values for the required fields that have
no default from the case — the questions and answers of an 询问笔录, the hearing's place and presider,
each item of a 法制审核意见书, the leaders' opinions… — so that a document drafted with them issues
with nothing left blank. Dates follow the case: ``on`` is the day the document is made (default: the
case's latest recorded day).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from desk.casefile.facts import CaseFile
from desk.i18n import format_date

LEADERS = ("黄德明", "吴淑芬", "郑国华")
OFFICE = "江城市东湖区中北路88号东湖区综合行政执法局"
HEARING_ROOM = "江城市东湖区综合行政执法局三楼听证室"
REVIEW_ITEMS = (
    ("主体", "本机关依法享有相对集中行政处罚权，执法主体合法"),
    ("权限", "本案属于本机关法定职权和管辖范围"),
    ("程序", "立案、调查取证、告知、送达等程序符合法定要求，执法人员二人以上并出示了执法证件"),
    ("事实", "违法事实清楚"),
    ("证据", "证据确实、充分，能够相互印证"),
    ("法律适用", "适用法律、法规正确"),
    ("裁量", "处罚种类和幅度符合裁量基准，过罚相当"),
    ("文书", "执法文书制作规范、完整"),
)


def _base(cf: CaseFile, on: date | None) -> date:
    if on is not None:
        return on
    days = [e.on for e in cf.events] + [d.issued_on for d in cf.documents if d.issued_on]
    return max(days) if days else (cf.case.discovered_on or date.today())


def _at(day: date, hour: int, minute: int = 0) -> str:
    return datetime.combine(day, time(hour, minute)).isoformat(timespec="minutes")


def _names(cf: CaseFile) -> tuple[str, str, str]:
    party = cf.main_party
    person = party.legal_representative or party.name if party else "当事人"
    officers = [o.name for o in cf.case.officers] or ["陈建国", "刘晓燕"]
    return (party.name if party else "当事人", person, officers[-1])


def _place(cf: CaseFile) -> str:
    party = cf.main_party
    return party.address if party and party.address else "江城市东湖区"


def _qa(cf: CaseFile, day: date) -> str:
    name, person, _ = _names(cf)
    cause = cf.case.cause.removeprefix("涉嫌")
    return "\n".join((
        "问：我们是江城市东湖区综合行政执法局的执法人员，这是我们的执法证件，你看清楚了吗？",
        "答：看清楚了。",
        "问：你是否申请执法人员回避？",
        "答：不申请。",
        f"问：请介绍一下你的基本情况以及与{name}的关系。",
        f"答：我叫{person}，是{name}的负责人。",
        f"问：{format_date(day)}执法人员在{_place(cf)}检查时发现的情况是否属实？",
        f"答：属实，当时确实存在{cause}的情况。",
        "问：你是否取得了有关部门的批准或者许可？",
        "答：没有。",
        "问：你还有什么需要补充的吗？",
        "答：没有了，我们会立即整改。",
    ))


def _review(cf: CaseFile) -> str:
    return "\n".join(f"{i}．{item}：{opinion}。" for i, (item, opinion) in enumerate(REVIEW_ITEMS, 1))


def _values(cf: CaseFile, day: date) -> dict[str, dict[str, object]]:
    _, person, recorder = _names(cf)
    place = _place(cf)
    cause = cf.case.cause.removeprefix("涉嫌")
    later = day + timedelta(days=10)
    hearing = {"place": HEARING_ROOM, "presider": "吴淑芬", "panel": "郑国华", "clerk": "周敏"}
    return {
        "inquiry_notice": {"inquiry_at": _at(day + timedelta(days=3), 9, 30), "inquiry_place": OFFICE},
        "onsite_inspection_record": {"place": place},
        "inquiry_record": {"place": OFFICE, "transcript": _qa(cf, day)},
        "evidence_preservation_notice": {"storage_place": OFFICE + "涉案物品保管室",
                                         "items": ["经营用推车1辆（不锈钢，约1.5米×0.8米）", "塑料折叠桌2张"]},
        "service_receipt": {"method": "direct", "served_at": _at(day, 10)},
        "evidence_preservation_disposal": {"preservation_number": "东综执登保字〔2026〕1号",
                                           "preserved_on": (day - timedelta(days=3)).isoformat(),
                                           "disposal": "经审查，登记保存的物品系实施违法行为的工具，"
                                           "案件事实已调查清楚，"
                                           "决定解除登记保存，予以退还。",
                                           "items": ["经营用推车1辆（不锈钢，约1.5米×0.8米）", "塑料折叠桌2张"]},
        "rectification_order": {"correction": f"立即停止{cause}的行为，清理现场，恢复原状。",
                                "deadline": later.isoformat()},
        "rectification_review": {"reviewed_at": _at(later, 10), "place": place,
                                 "findings": "经现场复查，当事人已停止违法行为，现场已清理完毕，恢复原状。",
                                 "conclusion": "corrected"},
        "statement_record": {"started_at": _at(day, 14), "ended_at": _at(day, 14, 40), "place": OFFICE,
                             "transcript": f"陈述人{person}：我们对违法事实没有异议，但系初次违法，且已当场整改，"
                             "经营困难，请求从轻处罚。"},
        "statement_review": {"statement": "当事人称系初次违法且已当场整改，经营困难，请求从轻处罚。",
                             "review": "经复核，当事人已及时整改的情节已在裁量中予以考虑；经营困难不属于法定从轻、"
                             "减轻处罚的情形，该意见不予采纳。",
                             "conclusion": "rejected", "reviewers": "黄德明、吴淑芬"},
        "hearing_notice": {**{k: v for k, v in hearing.items() if k != "place"}, "hearing_place": HEARING_ROOM},
        "hearing_record": {**hearing, "transcript": "主持人宣布听证开始，核对当事人身份，告知听证权利。\n"
                           f"调查人员{recorder}陈述了当事人违法的事实、证据和行政处罚建议。\n"
                           f"当事人{person}陈述：对事实无异议，认为罚款过重。\n"
                           "质证：当事人对现场检查笔录、现场照片的真实性无异议。\n"
                           "辩论：当事人认为其已整改，请求减轻处罚；调查人员认为处罚建议符合裁量基准。\n"
                           "最后陈述：当事人请求从轻处罚。主持人宣布听证结束。"},
        "hearing_report": {**hearing,
                           "summary": f"当事人{person}到场参加听证，对违法事实无异议，认为罚款过重，请求从轻处罚。",
                           "findings": "主持人认为，本案事实清楚，证据确实充分，处罚建议符合裁量基准，当事人已整改的"
                           "情节已在裁量中考虑，建议维持原处罚建议。"},
        "investigation_report": {"process": f"执法人员于{format_date(cf.case.discovered_on or day)}进行现场检查，"
                                 "制作现场检查笔录并拍摄照片，随后对当事人进行询问并制作询问笔录。"},
        "legal_review_opinion": {"findings": _review(cf), "conclusion": "approve", "reviewers": "吴淑芬、郑国华"},
        "collective_discussion_record": {"held_at": _at(day, 15), "place": "江城市东湖区综合行政执法局二楼会议室",
                                         "presider": LEADERS[0], "leaders": list(LEADERS), "clerk": "周敏",
                                         "discussion": "承办人汇报了案件事实、证据、法律依据和处理意见。\n"
                                         f"{LEADERS[0]}：事实清楚，证据充分，同意承办人意见。\n"
                                         f"{LEADERS[1]}：法制审核已通过，裁量适当，同意。\n"
                                         f"{LEADERS[2]}：同意。",
                                         "conclusion": "经集体讨论，一致同意承办人提出的处理意见。"},
        "summary_penalty_decision": {"place": place},
        "payment_record": {"receipt_number": f"鄂非税{day.year}00012345"},
        "no_penalty_decision": {"reasons": "当事人的违法行为轻微，已于调查期间及时改正，没有造成危害后果。",
                                "no_penalty_basis": ["《中华人民共和国行政处罚法》第三十三条第一款"]},
        "criminal_transfer": {"receiver_body": "江城市公安局东湖分局",
                              "reasons": "当事人的违法行为涉及的数量和情节已达到刑事案件立案追诉标准。",
                              "suspected_crime": "非法经营罪",
                              "crime_provisions": ["《中华人民共和国刑法》第二百二十五条"]},
        "case_transfer_letter": {"receiver_body": "江城市东湖区市场监督管理局",
                                 "reasons": "经审查，该违法行为依法属于市场监督管理部门的职权范围。",
                                 "transfer_basis": ["《中华人民共和国行政处罚法》第二十二条"]},
        "court_enforcement_application": {"agency_address": OFFICE, "agency_head": LEADERS[0],
                                          "demand_number": "东综执催字〔2026〕1号",
                                          "demand_served_on": day.isoformat()},
        "demolition_order": {"structure": f"位于{place}的彩钢板房一处（钢结构，约30平方米）",
                             "deadline": later.isoformat()},
        "installment_decision": {"applied_on": day.isoformat(),
                                 "schedule": f"分两期缴纳：第一期于{format_date(later)}前缴纳一半，"
                                 f"第二期于{format_date(later + timedelta(days=30))}前缴清余款。"},
        "seizure_decision": {"reasons": "当事人拒不停止违法行为，为制止违法行为、防止证据损毁，",
                             "seizure_basis": ["《城市市容和环境卫生管理条例》第三十六条"],
                             "ends_on": (day + timedelta(days=29)).isoformat(),
                             "storage_place": OFFICE + "涉案物品保管室", "items": ["经营用推车1辆", "塑料折叠桌2张"]},
        "seizure_release": {"seizure_number": "东综执扣字〔2026〕1号", "seizure_on": day.isoformat(),
                            "items": ["经营用推车1辆", "塑料折叠桌2张"], "return_place": OFFICE},
        "public_notice_service": {"medium": "江城市东湖区人民政府门户网站及当事人住所地张贴",
                                  "deemed_on": (day + timedelta(days=30)).isoformat()},
        "entrustment": {"entrusted": "江城市东湖区东湖街道综合执法中心",
                        "matters": "东湖街道辖区内占道经营、乱堆乱放等市容环境卫生违法行为的行政处罚",
                        "powers": "警告及二千元以下罚款，不含责令停产停业、吊销许可证件",
                        "starts_on": day.isoformat(), "ends_on": (day + timedelta(days=364)).isoformat()},
    }


def fields_for(kind_id: str, cf: CaseFile, *, on: date | None = None) -> dict[str, object]:
    """Values a clerk would type for ``kind_id`` in this case (only fields the case cannot supply); a required
    field the case leaves empty and the table above does not name gets a plain value of its type."""
    from desk.catalogue import kind
    from desk.render.defaults import default_fields

    k, day = kind(kind_id), _base(cf, on)
    names = {f.name for f in k.fields}
    out = {n: v for n, v in _values(cf, day).get(kind_id, {}).items() if n in names}
    defaults = default_fields(kind_id, cf, today=day)
    for field in k.fields:
        if field.required and field.name not in out and defaults.get(field.name) in (None, "", []):
            value = _plain_value(field.type, field.choices, cf, day)
            if value is not None:
                out[field.name] = value
    return out


def _plain_value(kind_of: str, choices: tuple[str, ...], cf: CaseFile, day: date) -> object:
    if kind_of == "choice" and choices:
        return choices[0]
    if kind_of == "datetime":
        return _at(day, 9, 30)
    if kind_of == "date":
        return day.isoformat()
    if kind_of == "officers":
        return [{"name": o.name, "certificate": o.certificate} for o in cf.case.officers]
    return None

"""What documents.md requires each key document to say, read back from the filled DOCX."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from desk.casefile.facts import Penalty

from .support import fill, paragraphs, sample, text

GENERAL = sample("general_clean")
NUMBER = "东综执罚决字〔2026〕21号"


def test_penalty_decision_has_every_article_59_element() -> None:
    texts = paragraphs(fill("penalty_decision", GENERAL, number=NUMBER))
    body = "\n".join(texts)
    assert texts[:3] == ["江城市东湖区综合行政执法局", "行政处罚决定书", NUMBER]
    for element in (
        "当事人：江城市味香园餐饮管理有限公司",
        "统一社会信用代码：91420100MA4KXR2L0X",
        "法定代表人（负责人）：周海涛",
        "住所：江城市东湖区珞喻路128号",
        "经查明：当事人于2026-03-02在珞喻路128号门前",  # facts
        "1．现场检查笔录；",  # evidence, numbered
        "4．营业执照复印件。",
        "违反了《城市生活垃圾管理办法》第十六条第一款的规定",  # provisions violated
        "依据《城市生活垃圾管理办法》第四十二条的规定",  # basis
        "本案适用江城市城市管理行政处罚裁量基准 第31项",  # discretion standard (说理)
        "属于该条目规定的“一般”情形",
        "《行政处罚事先告知书》（东综执罚告字〔2026〕21号）",
        "当事人在规定期限内未提出陈述、申辩意见，视为放弃陈述、申辩的权利。",
        "罚款人民币伍仟元整（5,000元）",  # amount in capitals and figures
        "责令当事人立即改正上述违法行为。",  # correction
        "自收到本决定书之日起十五日内",  # performance
        "指定的银行或者通过电子支付系统缴纳",
        "每日按罚款数额的百分之三加处罚款",  # surcharge
        "六十日内向江城市东湖区人民政府申请行政复议",  # named reconsideration body, 60 days
        "在六个月内依法向江城市东湖区人民法院提起行政诉讼",  # named court, 6 months
    ):
        assert element in body, element
    assert "有管辖权的人民法院" not in body
    assert "拟" not in body
    assert texts[-2:] == ["江城市东湖区综合行政执法局", "2026年3月24日"]


def test_penalty_decision_without_a_fine_has_no_payment_paragraph() -> None:
    warned = replace(GENERAL, case=replace(GENERAL.case, penalty=Penalty(kinds=("warning",))))
    body = text(fill("penalty_decision", warned, number=NUMBER))
    assert "作出如下行政处罚：" in body and "\n警告。" in body
    assert "百分之三" not in body and "十五日内" not in body


def test_summary_penalty_decision_has_every_article_52_element() -> None:
    cf = sample("summary_over_limit")
    body = text(
        fill("summary_penalty_decision", cf, {"place": "卓刀泉南路6号门前"}, number="东综执简罚决字〔2026〕23号")
    )
    party = cf.parties[0]
    for element in (
        "当场行政处罚决定书",
        "东综执简罚决字〔2026〕23号",
        party.name,
        f"居民身份证号码：{party.id_number}",
        "卓刀泉南路6号门前",  # place
        cf.case.facts[:10],  # the act
        cf.case.violated[0],
        cf.case.basis[0],  # basis
        "罚款人民币",  # kind and amount
        "六十日内向江城市东湖区人民政府申请行政复议",
        "六个月内依法向江城市东湖区人民法院提起行政诉讼",
        "执法人员签名",
        "、".join(o.name for o in cf.case.officers),
        "、".join(o.certificate for o in cf.case.officers),
        "当事人签名",
        "拒绝签名的，由执法人员注明",
        "报所属行政机关备案",
        "江城市东湖区综合行政执法局",
    ):
        assert element in body, element
    assert re.search(r"违法时间\n\d{4}年\d{1,2}月\d{1,2}日", body)


def test_prior_notice_one_amount_statement_period_and_hearing_right() -> None:
    notice = "东综执罚告字〔2026〕21号"
    body = text(fill("penalty_prior_notice", GENERAL, number=notice))
    for element in (
        "江城市味香园餐饮管理有限公司：",
        "现查明：当事人于2026-03-02",
        "1．现场检查笔录；",
        "违反了《城市生活垃圾管理办法》第十六条第一款的规定",
        "依据《城市生活垃圾管理办法》第四十二条的规定",
        "拟对你（单位）作出如下行政处罚：罚款人民币伍仟元整（5,000元）。",
        "享有陈述、申辩的权利",
        "收到本告知书之日起三个工作日内向本机关提出",
        "联系人：陈建国",
    ):
        assert element in body, element
    assert "至" not in body.split("作出如下行政处罚：")[1].split("。")[0]  # never a range
    assert "听证" not in body  # 5 000 yuan to an organisation: no hearing right
    heard = text(fill("penalty_prior_notice", GENERAL, {"hearing_right": True}, number=notice))
    assert "有权要求举行听证" in heard and "五个工作日内" in heard


def test_prior_notice_tells_the_hearing_right_by_default_when_the_fine_reaches_the_threshold() -> None:
    big = replace(GENERAL, case=replace(GENERAL.case, penalty=Penalty(kinds=("fine",), fine=Decimal(150000))))
    body = text(fill("penalty_prior_notice", big))
    assert "罚款人民币壹拾伍万元整（150,000元）" in body
    assert "有权要求举行听证" in body and "五个工作日内" in body


def test_rectification_order_says_what_by_when_and_what_follows() -> None:
    changes = {"correction": "清理绿化带内倾倒的餐厨垃圾，恢复原状。", "deadline": "2026-03-10"}
    body = text(fill("rectification_order", GENERAL, changes, number="东综执责改字〔2026〕3号"))
    for element in (
        "责令（限期）改正通知书",
        "东综执责改字〔2026〕3号",
        "经查，当事人于2026-03-02",  # the act
        "以上事实，有下列证据证实：",  # evidence
        "1．现场检查笔录；",
        "违反了《城市生活垃圾管理办法》第十六条第一款的规定",  # provisions violated
        "依据《中华人民共和国行政处罚法》第二十八条第一款和《城市生活垃圾管理办法》第四十二条的规定",  # basis
        "于2026年3月10日前按下列要求改正",  # by when
        "清理绿化带内倾倒的餐厨垃圾，恢复原状。",  # what
        "逾期不改正或者改正不符合要求的",  # what follows
    ):
        assert element in body, element


def _transfer_checks(kind_id: str, title: str, number: str, changes: dict[str, object]) -> str:
    cf = sample("criminal_transfer_clean")
    body = text(fill(kind_id, cf, changes, number=number))
    materials = [p for p in paragraphs(fill(kind_id, cf, changes, number=number)) if "页）" in p]
    for element in (title, number, "江城市公安局东湖区分局：", cf.parties[0].name, cf.case.cause, "联系人："):
        assert element in body, element
    assert materials, "the material list carries page counts"
    assert "沿此线剪开" in body and "回　　执" in body
    receipt = body.split("回　　执")[1]
    assert f"你单位《{title}》（{number}）及所附材料" in receipt
    assert "接收单位（印章）" in receipt and "接收人（签名）" in receipt
    return body


def test_case_transfer_letter_with_materials_and_receipt() -> None:
    body = _transfer_checks(
        "case_transfer_letter",
        "案件移送函",
        "东综执移字〔2026〕2号",
        {
            "receiver_body": "江城市公安局东湖区分局",
            "reasons": "该违法行为依法应由公安机关管辖。",
            "transfer_basis": ["《中华人民共和国治安管理处罚法》第七条"],
        },
    )
    assert "依据《中华人民共和国治安管理处罚法》第七条的规定，该案不属于本机关管辖" in body


def test_criminal_transfer_with_attachments_items_and_receipt() -> None:
    body = _transfer_checks(
        "criminal_transfer",
        "涉嫌犯罪案件移送书",
        "东综执刑移字〔2026〕1号",
        {
            "receiver_body": "江城市公安局东湖区分局",
            "reasons": "当事人非法储存烟花爆竹数量巨大。",
            "suspected_crime": "非法储存爆炸物罪",
            "items": ["烟花爆竹 12箱"],
        },
    )
    for element in (
        "涉嫌构成非法储存爆炸物罪",
        "《行政执法机关移送涉嫌犯罪案件的规定》",
        "涉嫌犯罪案件情况的调查报告",
        "涉案物品清单",
        "烟花爆竹 12箱",
    ):
        assert element in body, element


def test_service_receipt_names_document_recipient_place_method_time_signatures() -> None:
    cf = replace(GENERAL, documents=GENERAL.documents[:8])  # the decision is served, no receipt yet
    changes = {"witness": "李明（社区网格员）", "served_at": "2026-03-24T10:30"}
    body = text(fill("service_receipt", cf, changes))
    for element in (
        "送达回证",
        "送达文书名称\n行政处罚决定书",
        "送达文书文号\n东综执罚决字〔2026〕21号",
        "受送达人\n江城市味香园餐饮管理有限公司",
        "送达地点\n江城市东湖区珞喻路128号",
        "送达方式\n直接送达",
        "送达时间\n2026年3月24日10时30分",
        "签收人\n周海涛",
        "与受送达人关系\n本人",
        "受送达人（签收人）签名",
        "见证人\n李明（社区网格员）",
        "送达人\n陈建国、刘晓燕",
        "送达人签名",
    ):
        assert element in body, element

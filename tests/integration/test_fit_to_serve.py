"""Every kind, issued for a complete case, states what documents.md says it must, with no hole; every
required field left empty is refused by the issue guard (exit 1, contract CLI.md) naming the field by its label;
receipts are frozen."""

from __future__ import annotations

import pytest

from desk.catalogue import kind
from desk.services import documents
from desk.services.cases import resolve
from tests.conftest import DeskEnv
from tests.integration.fit_to_serve import (
    ISSUE_ORDER,
    KINDS,
    ON,
    complete_draft,
    docx_text,
    guard_off,
    holes,
    issue_text,
    prepare,
)

BODY, COURT = "江城市东湖区人民政府", "江城市东湖区人民法院"
REMEDY = ("六十日内向" + BODY, "六个月内依法向" + COURT)
CONTACT = ("联系人：陈建国", "027-87654321", "江城市东湖区中北路88号")
PAY = ("中国农业银行江城东湖支行", "江城市东湖区财政局非税收入汇缴结算户", "17052101040012345")
PARTY = "江城市味香园餐饮管理有限公司"
MUST: dict[str, tuple[str, ...]] = {
    "case_source_register": ("案件来源", PARTY),
    "filing_approval": ("涉嫌", "第五十四条", "执法证号"),
    "onsite_inspection_record": ("执法证件", "在场", "现场检查（勘验）情况", "以上笔录共"),
    "inquiry_notice": ("询问", "请携带", *CONTACT),
    "inquiry_record": ("问：", "答：", "回避", "以上笔录共", "与本案关系"),
    "evidence_preservation_notice": ("第五十六条", "保存地点", "七日内", "经营用推车1辆", *CONTACT),
    "evidence_preservation_disposal": ("东综执登保字〔2026〕1号", "第五十六条", "处理决定"),
    "stop_order": ("第二十八条第一款", "立即停止", "证据", *REMEDY, *CONTACT),
    "rectification_order": ("第二十八条第一款", "前按下列要求改正", "逾期不改正", *REMEDY, *CONTACT),
    "rectification_review": ("复查", "已停止违法行为"),
    "investigation_report": ("调查经过", "证据证明", "本案适用", "处理意见"),
    "penalty_prior_notice": ("拟对你（单位）作出如下行政处罚：罚款人民币壹拾伍万元整", "陈述、申辩", "三个工作日",
                             "五个工作日内", *CONTACT),
    "hearing_right_notice": ("拟对你（单位）作出如下行政处罚", "五个工作日内", *CONTACT),
    "statement_record": ("陈述申辩内容", "从轻处罚"),
    "statement_review": ("复核", "不予采纳", "黄德明"),
    "hearing_notice": ("三楼听证室", "听证主持人：吴淑芬", "听证员：郑国华", "记录员：周敏", "回避", "一至二人代理",
                       "质证", "最后陈述", "视为放弃听证权利", *CONTACT),
    "hearing_record": ("吴淑芬", "质证", "辩论", "最后陈述", "以上笔录共"),
    "hearing_report": ("听证", "吴淑芬", "主持人认为"),
    "no_hearing_notice": ("不予组织听证", "第六十四条", *CONTACT),
    "legal_review_opinion": ("主体", "权限", "程序", "事实", "证据", "法律适用", "裁量", "文书", "吴淑芬"),
    "collective_discussion_record": ("黄德明", "吴淑芬", "郑国华", "一致同意"),
    "decision_approval": ("法制审核意见",),
    "penalty_decision": (PARTY, "91420100MA4KXR2L0X", "证据证明", "本案适用", "不予采纳", "人民币壹拾伍万元整",
                         "150,000元", "十五日内", "百分之三", "不超出罚款的数额", "第四十五条", *PAY, *REMEDY),
    "summary_penalty_decision": ("违法时间", "违法地点", "江城市东湖区珞喻路128号", "执法证号", *REMEDY),
    "no_penalty_decision": ("本机关认为：当事人的违法行为轻微", "第三十三条第一款", "第三十三条第三款", *REMEDY),
    "service_receipt": ("送达文书名称", "送达方式", "直接送达", "送达人"),
    "service_address_confirmation": ("送达地址", "电子送达"),
    "case_transfer_letter": ("江城市东湖区市场监督管理局：", "不属于本机关管辖", "页", "回　　执", *CONTACT),
    "criminal_transfer": ("江城市公安局东湖分局：", "涉嫌构成非法经营罪", "《中华人民共和国刑法》第二百二十五条",
                          "第二十七条第一款", "国务院令第310号", "第三条、第六条", "调查报告", "涉案物品清单",
                          "回　　执", *CONTACT),
    "installment_decision": ("第六十六条第二款", "分期缴纳", *PAY, *REMEDY),
    "payment_record": ("鄂非税2026",),
    "demand_notice": ("东综执罚决字〔2026〕25号", "加处罚款", "十日", "第三十五条", "陈述和申辩",
                      "申请人民法院强制执行", *PAY, *CONTACT),
    "court_enforcement_application": (COURT, "负责人：黄德明", "东综执催字〔2026〕1号", "未申请行政复议",
                                      "加处罚款", "第五十五条", "负责人（签名）"),
    "closing_approval": ("结案",),
    "seizure_decision": ("第二十四条", "第二十五条", "保管地点", "经营用推车1辆", "一式二份", *REMEDY),
    "seizure_release": ("第二十八条", "东综执扣字〔2026〕1号", "退还", *REMEDY),
    "demolition_order": ("第四十四条", "自行拆除", "强制拆除", "彩钢板房", *REMEDY),
    "public_notice_service": ("公告", "视为送达"),
    "entrustment": ("第二十条", "委托事项", "委托权限", "委托期限"),
}


def test_the_table_covers_every_kind() -> None:
    assert sorted(MUST) == KINDS


def test_every_kind_states_what_it_must_and_has_no_hole(desk_env: DeskEnv, monkeypatch: pytest.MonkeyPatch) -> None:
    guard_off(monkeypatch)
    case = prepare(desk_env)
    failures: dict[str, object] = {}
    for kind_id in ISSUE_ORDER:
        text, number = issue_text(desk_env, complete_draft(desk_env, case, kind_id))
        missing = [m for m in MUST[kind_id] if m not in text]
        found = holes(text)
        if kind(kind_id).numbered and (not number or number not in text):
            missing.append(f"number {number}")
        if missing or found:
            failures[kind_id] = {"missing": missing, "holes": found}
    assert failures == {}


def test_the_hole_scan_finds_the_holes_of_the_issue() -> None:
    for bad in ("：", "听证主持人：；听证员：；记录员：。", "涉嫌涉嫌非法经营", "当事人的行为涉嫌构成，依法",
                "依据《》的规定", "东综执罚决字〔〕12号", "于2026年4月7日　时　分在", "本机关认为：", "当事人（）"):
        assert holes(bad), bad
    assert holes("附件：") == [] and holes("依据《中华人民共和国行政处罚法》第五十六条") == []


def test_each_required_field_left_empty_refuses_the_issue_naming_its_label(desk_env: DeskEnv,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    guard_off(monkeypatch)
    case = prepare(desk_env)
    wrong = []
    for kind_id in KINDS:
        draft_id = complete_draft(desk_env, case, kind_id)
        with desk_env.uow() as uow:
            fields = dict(documents.get(uow, draft_id).fields or {})
        for f in kind(kind_id).fields:
            if not f.required:
                continue
            with desk_env.uow() as uow:
                doc = documents.get(uow, draft_id)
                doc.fields = {**fields, f.name: None}
            result = desk_env.run("issue", str(draft_id), "--on", ON.isoformat())
            named = f"“{f.label}”" in result.err or f"“{f.label_en}”" in result.err  # the user's language
            if result.code != 1 or not named or f"“{f.name}”" in result.err:
                wrong.append((kind_id, f.name, result.code, result.err[:120]))
    assert wrong == []


def test_receipts_keep_what_they_served(desk_env: DeskEnv, monkeypatch: pytest.MonkeyPatch) -> None:
    guard_off(monkeypatch)
    case = prepare(desk_env)
    receipts: dict[int, tuple[str, str]] = {}
    for kind_id in ("inquiry_notice", "stop_order", "penalty_prior_notice"):
        _, number = issue_text(desk_env, complete_draft(desk_env, case, kind_id))
        with desk_env.uow() as uow:
            receipt = documents.serve(uow, str(number), on=ON, method="direct", receiver="周海涛")
            assert receipt is not None
            receipts[receipt.id] = (kind(kind_id).title, str(number))
    before = {}
    for rid in receipts:
        with desk_env.uow() as uow:
            before[rid] = docx_text(documents.docx_bytes(uow, rid))
    later = ("rectification_order", "hearing_notice", "penalty_decision", "onsite_inspection_record",
             "no_hearing_notice")
    for kind_id in later:
        issue_text(desk_env, complete_draft(desk_env, case, kind_id))
    for rid, (title, number) in receipts.items():
        with desk_env.uow() as uow:
            after = docx_text(documents.docx_bytes(uow, rid))
        assert after == before[rid]
        assert title in after and number in after


def test_imported_documents_get_their_fields_once(desk_env: DeskEnv) -> None:
    case = prepare(desk_env, "general_clean")
    with desk_env.uow() as uow:
        docs = resolve(uow, case).documents
        texts = {d.id: docx_text(documents.docx_bytes(uow, d.id)) for d in docs}
        receipts = [d for d in docs if d.kind == "service_receipt"]
        assert all(d.fields for d in docs)
        assert {r.fields["document_number"] for r in receipts} == {r.serves for r in receipts}  # type: ignore[index]
    issue_text(desk_env, complete_draft(desk_env, case, "stop_order"))
    with desk_env.uow() as uow:
        assert {d: docx_text(documents.docx_bytes(uow, d)) for d in texts} == texts


@pytest.mark.parametrize("length", [200])
def test_a_long_party_name_renders(desk_env: DeskEnv, length: int) -> None:
    case = prepare(desk_env)
    name = ("江城市味香园餐饮管理有限公司" * 20)[:length]
    draft_id = complete_draft(desk_env, case, "penalty_decision")
    with desk_env.uow() as uow:
        documents.edit(uow, draft_id, {"party_name": name})
    text, _ = issue_text(desk_env, draft_id)
    assert name in text.replace("\n", "")


def test_every_demo_document_is_complete_and_has_no_hole(desk_env: DeskEnv) -> None:
    from desk.models import Document
    from desk.services.documents import _require_complete

    assert desk_env.run("demo", "--cases", "12").code == 0
    incomplete, holed = [], {}
    with desk_env.uow(write=False) as uow:
        docs = list(uow.session.query(Document).order_by(Document.id))
        assert len(docs) >= 100
        for doc in docs:
            try:
                _require_complete(kind(doc.kind), doc.fields or {})
            except Exception as err:
                incomplete.append((doc.id, doc.kind, str(err)[:160]))
            found = holes(docx_text(documents.docx_bytes(uow, doc.id)))
            if found:
                holed[f"{doc.id} {doc.kind}"] = found
    assert incomplete == [], "\n".join(map(str, incomplete))
    assert holed == {}

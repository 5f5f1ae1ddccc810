"""Approval forms and registers (审批表、登记表): bordered tables with opinion and signature cells."""

from __future__ import annotations

from desk.catalogue import Kind
from tools.templates.common import Spec, flat
from tools.templates.docxkit import Form, Row
from tools.templates.fieldsets import (
    BASIS,
    CAUSE,
    DECISION_NUMBER,
    DISCRETION,
    EVIDENCE,
    FACTS,
    FILED_ON,
    OFFICERS,
    PARTY,
    PARTY_NAME,
    PARTY_PHONE,
    PROPOSAL,
    SOURCE,
    VIOLATED,
    f,
    long,
    money,
    text,
)
from tools.templates.grid import block, line, opinion, party_rows, sign, table_form

SUMMARY = long("summary", "简要案情", "Summary", length=3000, required=True, default="case.facts")
OPINIONS = (
    long("squad_opinion", "承办机构意见", "Opinion of the handling unit", length=1000),
    long("leader_opinion", "机关负责人意见", "Opinion of the agency head", length=1000),
)


def _approvals(first: str, first_value: str) -> list[Row]:
    return [
        opinion(first, first_value, who="承办人"),
        opinion("承办机构意见", "{{ squad_opinion }}", who="负责人"),
        opinion("机关负责人审批意见", "{{ leader_opinion }}", who="负责人"),
    ]


SOURCE_REGISTER = flat(
    SOURCE,
    f(
        "registered_on",
        "date",
        "登记日期",
        "Registered on",
        required=True,
        default="event.discovered|case.discovered_on",
    ),
    text("reporter", "举报人（移送机关）及联系方式", "Reporter or transferring body"),
    PARTY,
    PARTY_PHONE,
    SUMMARY,
    long("handling_opinion", "承办人意见", "Opinion of the officer", length=1000),
    OPINIONS,
)


def case_source_register(form: Form, kind: Kind) -> None:
    table_form(
        form,
        kind,
        [
            line(("案件来源", "{{ source }}"), ("登记日期", "{{ registered_on }}")),
            line(("举报人（移送机关）", "{{ reporter }}")),
            *party_rows(),
            block("案源基本情况", "{{ summary }}", 50),
            *_approvals("承办人意见", "{{ handling_opinion }}"),
        ],
    )


FILING = flat(
    CAUSE,
    SOURCE,
    f("discovered_on", "date", "受案（发现）日期", "Discovered on", default="case.discovered_on"),
    PARTY,
    PARTY_PHONE,
    SUMMARY,
    VIOLATED,
    f(
        "filing_basis",
        "provisions",
        "立案依据",
        "Legal basis of filing",
        required=True,
        preset="《中华人民共和国行政处罚法》第五十四条第二款",
    ),
    OFFICERS,
    long(
        "filing_opinion",
        "承办人意见",
        "Opinion of the officers",
        length=1000,
        preset="经初步核查，当事人涉嫌违法，符合立案条件，建议立案调查。",
    ),
    OPINIONS,
)


def filing_approval(form: Form, kind: Kind) -> None:
    table_form(
        form,
        kind,
        [
            line(("案　　由", "{{ cause }}")),
            line(("案件来源", "{{ source }}"), ("受案日期", "{{ discovered_on }}")),
            *party_rows(),
            block("简要案情", "{{ summary }}", 26),
            line(("涉嫌违反的规定", "{{ violated }}")),
            line(("立案依据", "{{ filing_basis }}")),
            line(("承办人", "{{ officers }}（执法证号：{{ officers_certificates }}）")),
            *_approvals("承办人意见", "{{ filing_opinion }}"),
            line(("立案日期", "{{ issued_on }}")),  # issuing the form fixes the filing date
        ],
        numbered=True,
    )


DECISION_APPROVAL = flat(
    CAUSE,
    FILED_ON,
    PARTY,
    FACTS,
    EVIDENCE,
    VIOLATED,
    BASIS,
    DISCRETION[:2],
    long("statement", "陈述申辩（听证）情况", "Statement and hearing", default="case.statement_summary|case.statement"),
    long("legal_review", "法制审核意见", "Legal review opinion", length=1000),
    PROPOSAL,
    OPINIONS,
)


def decision_approval(form: Form, kind: Kind) -> None:
    table_form(
        form,
        kind,
        [
            line(("案　　由", "{{ cause }}")),
            line(("案　　号", "{{ case_number }}"), ("立案日期", "{{ filed_on }}")),
            *party_rows(phone=False),
            block("违法事实及证据", "{{ facts }}\n证据：{{ evidence }}", 20),
            line(("违反的规定", "{{ violated }}")),
            line(("处罚依据", "{{ basis }}")),
            line(("裁量基准", "{{ discretion_standard }}{{ '（违法情节' + discretion_level + '）' "
                               "if discretion_level else '' }}")),
            line(("陈述申辩（听证）情况", "{{ statement }}"), height=10),
            line(("法制审核意见", "{{ legal_review }}"), height=10),
            *_approvals("承办人处理意见", "{{ proposal }}"),
        ],
    )


CLOSING = flat(
    CAUSE,
    FILED_ON,
    PARTY,
    DECISION_NUMBER,
    long("result", "处理结果", "Outcome", length=1000, required=True, default="case.result"),
    long("execution", "执行情况", "Execution", length=2000, required=True, default="case.execution"),
    text("closing_reason", "结案理由", "Why the case is closed", preset="行政处罚决定已执行完毕"),
    long("closing_opinion", "承办人意见", "Opinion of the officers", length=1000, preset="建议结案。"),
    OPINIONS,
    f("closed_on", "date", "结案日期", "Closed on", default="event.closed"),
)


def closing_approval(form: Form, kind: Kind) -> None:
    table_form(
        form,
        kind,
        [
            line(("案　　由", "{{ cause }}")),
            line(("案　　号", "{{ case_number }}"), ("立案日期", "{{ filed_on }}")),
            *party_rows(phone=False),
            line(("处理决定", "{{ decision_number }}　{{ result }}"), height=16),
            block("执行情况", "{{ execution }}", 30),
            line(("结案理由", "{{ closing_reason }}"), ("结案日期", "{{ closed_on }}")),
            *_approvals("承办人意见", "{{ closing_opinion }}"),
        ],
    )


REVIEW_SCOPE = (
    "执法主体是否合法，执法人员是否具备执法资格；是否超越本机关职权范围；案件事实是否清楚，证据是否合法充分；"
    "适用法律、法规、规章是否准确，裁量基准运用是否适当；执法程序是否合法；行政执法文书是否完备、规范；"
    "违法行为是否涉嫌犯罪、需要移送司法机关。"
)
LEGAL_REVIEW = flat(
    CAUSE,
    PARTY_NAME,
    text("squad", "承办机构", "Handling unit", length=100, default="agency.squad"),
    f("submitted_on", "date", "送审日期", "Submitted on"),
    PROPOSAL,
    long("findings", "审核意见", "Review findings", length=5000, required=True),
    f(
        "conclusion",
        "choice",
        "审核结论",
        "Conclusion",
        required=True,
        choices=("approve", "amend", "disapprove"),
    ),
    text("reviewers", "法制审核人员", "Reviewers", length=100, required=True),
)


def legal_review_opinion(form: Form, kind: Kind) -> None:
    table_form(
        form,
        kind,
        [
            line(("案　　由", "{{ cause }}")),
            line(("当事人", "{{ party_name }}")),
            line(("承办机构", "{{ squad }}"), ("送审日期", "{{ submitted_on }}")),
            line(("拟作出的决定", "{{ proposal }}"), height=16),
            block("审核内容", REVIEW_SCOPE, 30),
            block("审核意见", "{{ findings }}", 60),
            line(("审核结论", "{{ conclusion }}")),
            line(("审核人员", "{{ reviewers }}"), ("审核日期", "{{ issued_on }}")),
            opinion("法制审核机构负责人意见", who="负责人"),
        ],
    )


PAYMENT = flat(
    PARTY_NAME,
    DECISION_NUMBER,
    f("paid_on", "date", "缴款日期", "Paid on", required=True, default="event.paid"),
    money(
        "amount", "罚没款金额（元）", "Amount paid (yuan)", required=True, default="event.paid.amount|case.penalty.fine"
    ),
    money("surcharge", "加处罚款（元）", "Late-payment surcharge (yuan)"),
    text("pay_method", "缴款方式", "How paid", length=50, preset="银行缴款"),
    text("receipt_number", "缴款凭证（票据）号码", "Receipt number", length=50, required=True),
    text("bank", "收款银行", "Receiving bank", length=100),
    long("note", "备注", "Note", length=500),
)


def payment_record(form: Form, kind: Kind) -> None:
    table_form(
        form,
        kind,
        [
            line(("当事人", "{{ party_name }}")),
            line(("决定书文号", "{{ decision_number }}"), ("缴款日期", "{{ paid_on }}")),
            line(("罚没款金额", "{{ amount_capitals }}（{{ amount }}元）")),
            line(
                ("加处罚款", "{% if surcharge %}{{ surcharge_capitals }}（{{ surcharge }}元）{% else %}无{% endif %}")
            ),
            line(("缴款方式", "{{ pay_method }}"), ("收款银行", "{{ bank }}")),
            line(("凭证号码", "{{ receipt_number }}")),
            block("备注", "{{ note }}", 30),
            sign("登记人签名"),
        ],
    )


SPECS = (
    Spec("case_source_register", SOURCE_REGISTER, case_source_register),
    Spec("filing_approval", FILING, filing_approval),
    Spec("decision_approval", DECISION_APPROVAL, decision_approval),
    Spec("closing_approval", CLOSING, closing_approval),
    Spec("legal_review_opinion", LEGAL_REVIEW, legal_review_opinion),
    Spec("payment_record", PAYMENT, payment_record),
)

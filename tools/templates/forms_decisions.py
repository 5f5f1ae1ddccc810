"""Decisions (决定类): 行政处罚决定书, 当场行政处罚决定书, 不予行政处罚决定书 — reasoned (说理式)."""

from __future__ import annotations

from desk.catalogue import Kind
from tools.templates.common import Spec, flat, numbered, party_block, remedies, when
from tools.templates.docxkit import TABLE_LINE, TABLE_PT, Cell, Form, P, Row, cell_text, label
from tools.templates.fieldsets import (
    BASIS,
    CAUSE,
    DISCRETION,
    EVIDENCE,
    FACTS,
    FILED_ON,
    OFFICERS,
    PARTY,
    PAYMENT,
    PENALTY,
    REMEDIES,
    VIOLATED,
    f,
    long,
    text,
)
from tools.templates.grid import WIDTHS, line

CORRECTION = long(
    "correction", "责令改正内容", "Correction ordered", length=1000, preset="责令当事人立即改正上述违法行为。"
)
PERFORMANCE = long(
    "performance",
    "履行方式",
    "How to perform",
    length=500,
    required=True,
    preset="持本决定书到指定的银行或者通过电子支付系统缴纳罚没款",
)
PAYMENT_TEXT = (
    "当事人应当自收到本决定书之日起十五日内，{{ performance }}（收款银行：{{ payment_bank }}；"
    "户名：{{ payment_account_name }}；账号：{{ payment_account }}"
    "{{ '；电子缴款：' + payment_channel if payment_channel else '' }}）。"
)
SURCHARGE = (
    "到期不缴纳罚款的，本机关将依据《中华人民共和国行政处罚法》第七十二条第一款第（一）项和"
    "《中华人民共和国行政强制法》第四十五条的规定，每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额。"
)
SUMMARY_PAYMENT = (
    "自收到本决定书之日起十五日内{{ performance }}（{{ payment_bank }}，户名：{{ payment_account_name }}，"
    "账号：{{ payment_account }}）。逾期不缴纳的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额"
    "（《中华人民共和国行政处罚法》第七十二条第一款第（一）项）。"
)
ENFORCEMENT = "当事人逾期不申请行政复议、不提起行政诉讼，又不履行本决定的，本机关将依法申请人民法院强制执行。"

PENALTY_DECISION = flat(
    PARTY,
    CAUSE,
    FILED_ON,
    FACTS,
    EVIDENCE,
    VIOLATED,
    text(
        "notice_number",
        "事先告知书文号",
        "Prior notice number",
        length=50,
        default="document.penalty_prior_notice.number",
    ),
    f(
        "notice_served_on",
        "date",
        "事先告知书送达日期",
        "Prior notice served on",
        default="document.penalty_prior_notice.served_on|document.penalty_prior_notice.issued_on",
    ),
    long(
        "statement",
        "陈述申辩（听证）情况及采纳理由",
        "Statement, hearing and why accepted or not",
        required=True,
        default="case.statement",
    ),
    BASIS,
    DISCRETION,
    PENALTY,
    CORRECTION,
    PERFORMANCE,
    PAYMENT,
    REMEDIES,
)


def penalty_decision(form: Form, kind: Kind) -> None:
    form.heading(numbered=True, title=kind.title)
    party_block(form)
    form.add(
        "当事人{{ cause }}一案，本机关于{{ filed_on }}依法立案调查，现已调查终结。",
        "经查明：{{ facts }}",
    )
    numbered(form, "evidence_items", "上述事实，有下列证据证明：")
    form.add("本机关认为，当事人的上述行为违反了{{ violated }}的规定，依法应当予以行政处罚。")
    when(
        form,
        "notice_number",
        "本机关于{{ notice_served_on }}向当事人送达了《行政处罚事先告知书》（{{ notice_number }}），"
        "告知当事人作出行政处罚决定的事实、理由、依据及处罚内容，并告知其依法享有陈述、申辩的权利。",
    )
    form.add(
        "{{ statement }}",
        "{{ discretion }}",
        "综上，依据{{ basis }}的规定，本机关决定对当事人作出如下行政处罚：",
        "{{ penalty_text }}。",
    )
    when(form, "correction", "{{ correction }}")
    when(form, "fine or confiscated", PAYMENT_TEXT + SURCHARGE)
    remedies(form, "本处罚决定", "当事人")
    form.add("申请行政复议或者提起行政诉讼的，本处罚决定不停止执行，法律另有规定的除外。" + ENFORCEMENT)
    form.signature()


NO_PENALTY_DECISION = flat(
    PARTY,
    CAUSE,
    FILED_ON,
    FACTS,
    EVIDENCE,
    long("reasons", "不予行政处罚的理由", "Why no penalty", length=3000, required=True,
         default="case.no_penalty_reasons"),
    VIOLATED,
    f(
        "no_penalty_basis",
        "provisions",
        "不予处罚的依据",
        "Legal basis for not penalising",
        required=True,
        default="case.no_penalty_basis",
    ),
    long("correction", "责令改正及教育内容", "Correction ordered and education", length=1000, required=True,
         preset="本机关已责令当事人改正上述违法行为，并依据《中华人民共和国行政处罚法》第三十三条第三款的规定"
         "对当事人进行了教育，当事人应当自觉遵守相关法律、法规和规章的规定。"),
    REMEDIES,
)


def no_penalty_decision(form: Form, kind: Kind) -> None:
    form.heading(numbered=True, title=kind.title)
    party_block(form)
    form.add("当事人{{ cause }}一案，本机关于{{ filed_on }}依法立案调查，现已调查终结。", "经查明：{{ facts }}")
    numbered(form, "evidence_items", "上述事实，有下列证据证明：")
    form.add(
        "当事人的上述行为违反了{{ violated }}的规定。",
        "本机关认为：{{ reasons }}",
        "依据{{ no_penalty_basis }}的规定，本机关决定对当事人不予行政处罚。",
        "{{ correction }}",
    )
    remedies(form, who="当事人")
    form.signature()


SUMMARY_DECISION = flat(
    PARTY,
    f("violation_at", "datetime", "违法时间", "Time of the violation", required=True, default="case.violation_on"),
    text("place", "违法地点", "Place of the violation", required=True),
    FACTS,
    VIOLATED,
    BASIS,
    PENALTY,
    PERFORMANCE,
    PAYMENT,
    REMEDIES,
    OFFICERS,
)


def summary_penalty_decision(form: Form, kind: Kind) -> None:
    """A one-page form: the party, the act, the penalty and the routes of appeal, then signatures."""
    form.heading(numbered=True, title=kind.title, gap=False)
    form.table(
        WIDTHS,
        [
            line(("当事人", "{{ party_name }}")),
            line(("身份证明", "{{ party_identity }}")),
            line(("住所（地址）", "{{ party_address }}")),
            line(("违法时间", "{{ violation_at }}")),
            line(("违法地点", "{{ place }}")),
            line(("违法事实", "{{ facts }}"), height=12),
            line(("违反的规定", "{{ violated }}")),
            line(("处罚依据", "{{ basis }}")),
            line(("处罚决定", "{{ penalty_text }}。"), height=8),
            line(("履行方式", SUMMARY_PAYMENT), height=12),
            line(
                (
                    "救济途径",
                    "如不服本决定，可以在收到本决定书之日起六十日内向{{ reconsideration_body }}申请行政复议，"
                    "也可以在六个月内依法向{{ court }}提起行政诉讼。",
                ),
                height=8,
            ),
            Row(
                [
                    label("执法人员签名"),
                    Cell(
                        [
                            cell_text("{{ officers }}（执法证号：{{ officers_certificates }}）"),
                            cell_text("签名：　　　　　　　　　　年　　月　　日", align="right"),
                        ],
                        span=3,
                    ),
                ],
                12,
            ),
            Row(
                [
                    label("当事人签名"),
                    Cell(
                        [
                            cell_text("对上述内容：□无异议　□有异议（拒绝签名的，由执法人员注明）"),
                            cell_text("签名：　　　　　　　　　　年　　月　　日", align="right"),
                        ],
                        span=3,
                    ),
                ],
                14,
            ),
            line(("行政机关", "{{ agency_name }}（印章）　　{{ issued_on }}")),
        ],
    )
    form.add(
        P(
            "本决定书一式两份，一份交当事人，一份由执法人员报所属行政机关备案。",
            indent=False,
            size=TABLE_PT,
            line=TABLE_LINE,
        )
    )


SPECS = (
    Spec("penalty_decision", PENALTY_DECISION, penalty_decision),
    Spec("no_penalty_decision", NO_PENALTY_DECISION, no_penalty_decision),
    Spec("summary_penalty_decision", SUMMARY_DECISION, summary_penalty_decision),
)

"""Reports and applications (报告、意见、申请类): headed sections of reasoned text."""

from __future__ import annotations

from dataclasses import replace

from desk.catalogue import Kind
from tools.templates.common import Spec, flat, numbered, party_block
from tools.templates.docxkit import HEADING_FONT, Form, P
from tools.templates.fieldsets import (
    BASIS,
    CAUSE,
    DECISION_NUMBER,
    DISCRETION,
    EVIDENCE,
    FACTS,
    FILED_ON,
    MATERIALS,
    OFFICERS,
    PARTY,
    PARTY_NAME,
    PROPOSAL,
    SOURCE,
    VIOLATED,
    f,
    long,
    money,
    text,
)


def section(form: Form, heading: str, *paras: str) -> None:
    """A first-level heading (一、…) in 黑体, then its paragraphs."""
    form.add(P(heading, font=HEADING_FONT), *paras)


def lead(form: Form, *lines: str) -> None:
    """Unindented particulars under the title (案由：…, 当事人：…)."""
    form.add(*(P(t, indent=False, align="left") for t in lines))


INVESTIGATION = flat(
    PARTY,
    CAUSE,
    SOURCE,
    FILED_ON,
    long("process", "调查经过", "How the case was investigated", length=5000, required=True),
    FACTS,
    EVIDENCE,
    VIOLATED,
    BASIS,
    DISCRETION,
    PROPOSAL,
    OFFICERS,
)


def investigation_report(form: Form, kind: Kind) -> None:
    form.heading(numbered=False, title=kind.title)
    lead(form, "案由：{{ cause }}")
    section(form, "一、当事人基本情况")
    party_block(form)
    section(form, "二、案件来源及调查经过", "本案系{{ source }}，本机关于{{ filed_on }}立案调查。{{ process }}")
    section(form, "三、违法事实及证据", "经调查查明：{{ facts }}")
    numbered(form, "evidence_items", "上述事实，有下列证据证明：")
    section(
        form,
        "四、违法行为的性质及法律依据",
        "当事人的上述行为违反了{{ violated }}的规定，依据{{ basis }}的规定，应当予以行政处罚。",
    )
    section(
        form,
        "五、裁量情节",
        # The standard and tier are stated once: the reasoning Desk drafts already cites them (本案适用…).
        "{{ ('参照' + discretion_standard + ('，当事人的违法情节' + discretion_level if discretion_level else '')"
        " + '。') if discretion_standard and discretion_standard not in discretion else '' }}{{ discretion }}",
    )
    section(form, "六、处理意见", "{{ proposal }}", "以上报告，请审查。")
    form.signature(name="承办人：{{ officers }}")


STATEMENT_REVIEW = flat(
    CAUSE,
    PARTY_NAME,
    text(
        "notice_number",
        "事先告知书文号",
        "Prior notice number",
        length=50,
        default="document.penalty_prior_notice.number",
    ),
    f("statement_on", "date", "陈述申辩日期", "Stated on", default="event.statement"),
    long("statement", "陈述申辩的主要内容", "What the party stated", required=True, default="event.statement.note"),
    long("review", "复核意见", "Review", length=5000, required=True),
    f(
        "conclusion",
        "choice",
        "复核结论",
        "Conclusion",
        required=True,
        choices=("accepted", "partly_accepted", "rejected"),
    ),
    text("reviewers", "复核人员", "Reviewers", length=100, required=True),
)


def statement_review(form: Form, kind: Kind) -> None:
    form.heading(numbered=False, title=kind.title)
    lead(form, "案由：{{ cause }}", "当事人：{{ party_name }}")
    form.add(
        "本机关向当事人送达《行政处罚事先告知书》（{{ notice_number }}）后，当事人于{{ statement_on }}"
        "提出了陈述、申辩意见，主要内容如下：",
        "{{ statement }}",
    )
    section(form, "复核意见", "{{ review }}")
    section(form, "复核结论", "对当事人的陈述、申辩意见{{ conclusion }}。")
    form.signature(name="复核人员：{{ reviewers }}")


HEARING_REPORT = flat(
    CAUSE,
    PARTY_NAME,
    f("hearing_at", "datetime", "听证时间", "Time of the hearing", required=True, default="event.hearing_held"),
    text("place", "听证地点", "Place of the hearing", required=True),
    text("presider", "听证主持人", "Presiding officer", length=50, required=True),
    text("panel", "听证员", "Hearing officers", length=100),
    text("clerk", "记录员", "Clerk", length=50),
    long("summary", "听证基本情况", "How the hearing went", length=5000, required=True),
    long("findings", "案件事实认定意见", "Findings on the facts", length=5000, required=True),
    long("opinion", "处理意见及建议", "Recommendation", length=2000, required=True, default="case.proposal"),
)


def hearing_report(form: Form, kind: Kind) -> None:
    form.heading(numbered=False, title=kind.title)
    lead(
        form,
        "案由：{{ cause }}",
        "当事人：{{ party_name }}",
        "听证时间：{{ hearing_at }}",
        "听证地点：{{ place }}",
        "听证主持人：{{ presider }}　听证员：{{ panel }}　记录员：{{ clerk }}",
    )
    section(form, "一、听证基本情况", "{{ summary }}")
    section(form, "二、案件事实认定意见", "{{ findings }}")
    section(form, "三、处理意见及建议", "{{ opinion }}")
    form.signature(name="听证主持人：{{ presider }}")


ENFORCEMENT = flat(
    text("agency_address", "申请人住所", "Address of the agency", required=True, default="agency.contact.address"),
    text("agency_head", "申请人负责人", "Head of the agency", length=50, required=True),
    text("agency_head_title", "负责人职务", "Title of the head", length=50, required=True, preset="局长"),
    PARTY,
    long("request", "申请事项", "What is asked", length=1000, required=True, default="case.obligation"),
    replace(DECISION_NUMBER, required=True),
    f("decision_on", "date", "决定日期", "Decided on", required=True,
      default="document.penalty_decision.issued_on|event.decided"),
    f(
        "decision_served_on",
        "date",
        "决定书送达日期",
        "Decision served on",
        required=True,
        default="document.penalty_decision.served_on",
    ),
    text("demand_number", "催告书文号", "Demand notice number", length=50, required=True,
         default="document.demand_notice.number"),
    f(
        "demand_served_on",
        "date",
        "催告书送达日期",
        "Demand notice served on",
        required=True,
        default="document.demand_notice.served_on",
    ),
    money("fine", "罚款金额（元）", "Fine (yuan)", required=True, default="case.penalty.fine"),
    money("surcharge", "加处罚款（元）", "Surcharge (yuan)", required=True, default="case.surcharge"),
    long("reasons", "其他事实和理由", "Further facts and reasons", length=3000),
    f("court", "text", "受理申请的人民法院", "Court applied to", required=True, default="agency.court", max_length=100),
    replace(MATERIALS, required=True),
)


def court_enforcement_application(form: Form, kind: Kind) -> None:
    form.heading(numbered=True, title=kind.title)
    lead(
        form,
        "申请人：{{ agency_name }}",
        "住所：{{ agency_address }}",
        "负责人：{{ agency_head }}　职务：{{ agency_head_title }}",
        "被申请人：{{ party_name }}{{ '（个体工商户）' if party_kind == '个体工商户' else '' }}",
        "{{ party_identity }}",
        "{{ ('经营者：' if party_kind == '个体工商户' else '法定代表人（负责人）：') + party_representative "
        "if party_representative else '' }}",
        "住所（地址）：{{ party_address }}",
    )
    section(form, "申请事项", "{{ request }}")
    section(
        form,
        "事实和理由",
        "申请人于{{ decision_on }}对被申请人作出《行政处罚决定书》（{{ decision_number }}），"
        "该决定书于{{ decision_served_on }}送达被申请人。被申请人在法定期限内未申请行政复议，也未提起行政诉讼，"
        "又不履行该决定。申请人于{{ demand_served_on }}向被申请人送达《催告书》（{{ demand_number }}），"
        "催告书送达十日后被申请人仍未履行义务。截至本申请之日，被申请人应缴纳罚款{{ fine_capitals }}（{{ fine }}元），"
        "加处罚款{{ surcharge_capitals }}（{{ surcharge }}元）。{{ reasons }}",
        "根据《中华人民共和国行政处罚法》第七十二条第一款第（四）项和《中华人民共和国行政强制法》第五十三条、"
        "第五十四条、第五十五条的规定，特申请贵院依法强制执行。",
    )
    form.add(P("此致", indent=True, align="left"), P("{{ court }}", indent=False, align="left"))
    numbered(form, "materials_items", "附件：")
    form.signature(name="申请人：{{ agency_name }}（印章）")
    form.add(P("负责人（签名）：　　　　　　　　", align="right", indent=False, right_chars=4))


SPECS = (
    Spec("investigation_report", INVESTIGATION, investigation_report),
    Spec("statement_review", STATEMENT_REVIEW, statement_review),
    Spec("hearing_report", HEARING_REPORT, hearing_report),
    Spec("court_enforcement_application", ENFORCEMENT, court_enforcement_application),
)

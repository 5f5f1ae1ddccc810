"""Records (笔录类): bordered forms with labelled header cells, the record itself, and signature cells."""

from __future__ import annotations

from dataclasses import replace

from desk.catalogue import Field, Kind
from tools.templates.common import Spec, flat
from tools.templates.docxkit import Cell, Form, Row, cell_text
from tools.templates.fieldsets import (
    CAUSE,
    OFFICERS,
    PARTY,
    PARTY_ADDRESS,
    PARTY_NAME,
    PARTY_PHONE,
    RECORDER,
    f,
    long,
    text,
)
from tools.templates.grid import block, line, party_rows, sign, table_form

RIGHTS = (
    "我们是{{ agency_name }}的执法人员{{ officers }}，执法证件号码为{{ officers_certificates }}，现向你出示执法证件。"
)
ATTESTATION = (
    "以上笔录共{{{{ pages_total }}}}页，我已看过（已向我宣读），与{what}相符。"
    "\n\n签名：　　　　　　　　　　　年　　月　　日"
)


PERIOD = ("时　　间", "{{ started_at }}至{{ ended_at }}")
PLACE = ("地　　点", "{{ place }}")
STAFF = ("执法人员", "{{ officers }}（执法证号：{{ officers_certificates }}）")
TIMES = (
    f("started_at", "datetime", "开始时间", "Started at", required=True),
    f("ended_at", "datetime", "结束时间", "Ended at", required=True),
    text("place", "地点", "Place", required=True),
)


def _times(default: str) -> tuple[Field, ...]:
    return (replace(TIMES[0], default=default), replace(TIMES[1], default=default), TIMES[2])


INSPECTION = flat(
    PARTY,
    PARTY_PHONE,
    _times("event.inspected"),
    OFFICERS,
    RECORDER,
    text("present", "在场人员", "Others present"),
    long("findings", "现场检查（勘验）情况", "What was found", length=8000, required=True, default="case.facts"),
)


def onsite_inspection_record(form: Form, kind: Kind) -> None:
    table_form(
        form,
        kind,
        [
            line(PERIOD),
            line(PLACE),
            *party_rows(),
            line(STAFF),
            line(("记录人", "{{ recorder }}"), ("在场人员", "{{ present }}")),
            block(
                "告知事项",
                RIGHTS + "现依法进行现场检查（勘验），请予配合。你有权申请回避，有权进行陈述和申辩。",
                22,
            ),
            block("现场检查（勘验）情况", "{{ findings }}", 40),
            Row([Cell(cell_text(ATTESTATION.format(what="现场情况")), span=4)], 22),
            sign("当事人签名", "见证人签名"),
            sign("执法人员签名"),
        ],
    )


RESPONDENT = (
    text(
        "respondent",
        "被询问人",
        "Person questioned",
        length=50,
        required=True,
        default="party.legal_representative|party.name",
    ),
    text("respondent_id", "被询问人身份证件号码", "ID number of the person questioned", length=30),
    text("respondent_phone", "被询问人联系电话", "Phone of the person questioned", length=30, default="party.phone"),
    text("respondent_role", "与本案关系", "Relation to the case", length=50, required=True, preset="当事人"),
)
TRANSCRIPT = long("transcript", "笔录内容", "Record", length=20000, required=True)
INQUIRY = flat(_times("event.inquired"), OFFICERS, RECORDER, PARTY_NAME, CAUSE, RESPONDENT, TRANSCRIPT)


def _person_rows() -> list[Row]:
    return [
        line(("姓名", "{{ respondent }}"), ("与本案关系", "{{ respondent_role }}")),
        line(("身份证件号码", "{{ respondent_id }}"), ("联系电话", "{{ respondent_phone }}")),
        line(("所在单位（当事人）", "{{ party_name }}")),
    ]


def inquiry_record(form: Form, kind: Kind) -> None:
    table_form(
        form,
        kind,
        [
            line(PERIOD),
            line(PLACE),
            line(STAFF),
            line(("记录人", "{{ recorder }}"), ("案　　由", "{{ cause }}")),
            *_person_rows(),
            block(
                "告知事项",
                RIGHTS + "现就{{ cause }}一案依法向你进行询问调查，请你如实回答问题，协助调查。"
                "你有陈述和申辩的权利；认为执法人员与本案有直接利害关系的，可以申请回避。你听清楚了吗？",
                30,
            ),
            block("询问记录", "{{ transcript }}", 40),
            Row([Cell(cell_text(ATTESTATION.format(what="我所说的")), span=4)], 22),
            sign("被询问人签名", "执法人员签名"),
        ],
    )


STATEMENT = flat(
    _times("event.statement"),
    OFFICERS,
    RECORDER,
    PARTY_NAME,
    CAUSE,
    RESPONDENT[0],
    RESPONDENT[3],
    text(
        "notice_number",
        "事先告知书文号",
        "Prior notice number",
        length=50,
        default="document.penalty_prior_notice.number",
    ),
    TRANSCRIPT,
)


def statement_record(form: Form, kind: Kind) -> None:
    table_form(
        form,
        kind,
        [
            line(PERIOD),
            line(PLACE),
            line(STAFF),
            line(("记录人", "{{ recorder }}"), ("案　　由", "{{ cause }}")),
            line(("陈述申辩人", "{{ respondent }}"), ("与本案关系", "{{ respondent_role }}")),
            line(("当事人", "{{ party_name }}"), ("告知书文号", "{{ notice_number }}")),
            block("陈述申辩内容", "{{ transcript }}", 40),
            Row([Cell(cell_text(ATTESTATION.format(what="我所说的")), span=4)], 22),
            sign("陈述申辩人签名", "执法人员签名"),
        ],
    )


HEARING = flat(
    CAUSE,
    PARTY_NAME,
    PARTY_ADDRESS,
    text("agent", "委托代理人", "Agent", length=100),
    _times("event.hearing_held"),
    text("presider", "听证主持人", "Presiding officer", length=50, required=True),
    text("panel", "听证员", "Hearing officers", length=100),
    text("clerk", "记录员", "Clerk", length=50, required=True),
    f("investigators", "officers", "案件调查人员", "Investigating officers", required=True, default="case.officers"),
    TRANSCRIPT,
)


def hearing_record(form: Form, kind: Kind) -> None:
    table_form(
        form,
        kind,
        [
            line(("案　　由", "{{ cause }}")),
            line(PERIOD),
            line(PLACE),
            line(("主持人", "{{ presider }}"), ("听证员", "{{ panel }}")),
            line(("记录员", "{{ clerk }}"), ("调查人员", "{{ investigators }}")),
            line(("当事人", "{{ party_name }}"), ("委托代理人", "{{ agent }}")),
            line(("住所（地址）", "{{ party_address }}")),
            block("听证记录", "{{ transcript }}", 40),
            Row([Cell(cell_text(ATTESTATION.format(what="听证情况")), span=4)], 22),
            sign("当事人签名", "主持人签名"),
            sign("听证员签名", "记录员签名"),
        ],
    )


COLLECTIVE = flat(
    CAUSE,
    PARTY_NAME,
    f("held_at", "datetime", "讨论时间", "Held at", required=True, default="event.collective_discussion"),
    text("place", "地点", "Place", required=True),
    text("presider", "主持人", "Chaired by", length=50, required=True),
    f(
        "leaders",
        "list",
        "出席的负责人",
        "Leaders present",
        required=True,
        default="event.collective_discussion.leaders",
    ),
    text("attending", "列席人员", "Also attending"),
    text("clerk", "记录人", "Clerk", length=50, required=True),
    long("presentation", "案情汇报", "Case presented", length=5000, required=True, default="case.facts"),
    long("discussion", "讨论记录", "Discussion", length=20000, required=True),
    long("conclusion", "讨论决定", "Decision reached", length=2000, required=True),
)


def collective_discussion_record(form: Form, kind: Kind) -> None:
    table_form(
        form,
        kind,
        [
            line(("案　　由", "{{ cause }}")),
            line(("当事人", "{{ party_name }}")),
            line(("时　　间", "{{ held_at }}")),
            line(("地　　点", "{{ place }}")),
            line(("主持人", "{{ presider }}"), ("记录人", "{{ clerk }}")),
            line(("出席人员", "{{ leaders }}")),
            line(("列席人员", "{{ attending }}")),
            block("案情汇报", "{{ presentation }}", 30),
            block("讨论记录", "{{ discussion }}", 40),
            block("讨论决定", "{{ conclusion }}", 30),
            sign("出席人员签名"),
        ],
    )


REVIEW = flat(
    PARTY_NAME,
    PARTY_ADDRESS,
    text(
        "order_number",
        "责令改正通知书文号",
        "Rectification order number",
        length=50,
        default="document.rectification_order.number",
    ),
    f("reviewed_at", "datetime", "复查时间", "Reviewed at", required=True, default="event.rectification_checked"),
    text("place", "复查地点", "Place", required=True),
    OFFICERS,
    long("findings", "复查情况", "What was found", length=5000, required=True),
    f(
        "conclusion",
        "choice",
        "复查结论",
        "Conclusion",
        required=True,
        choices=("corrected", "partly_corrected", "not_corrected"),
    ),
)


def rectification_review(form: Form, kind: Kind) -> None:
    table_form(
        form,
        kind,
        [
            line(("当事人", "{{ party_name }}")),
            line(("住所（地址）", "{{ party_address }}")),
            line(("通知书文号", "{{ order_number }}")),
            line(("复查时间", "{{ reviewed_at }}")),
            line(("复查地点", "{{ place }}")),
            line(STAFF),
            block("复查情况", "{{ findings }}", 40),
            line(("复查结论", "{{ conclusion }}")),
            sign("当事人签名", "执法人员签名"),
        ],
    )


SPECS = (
    Spec("onsite_inspection_record", INSPECTION, onsite_inspection_record),
    Spec("inquiry_record", INQUIRY, inquiry_record),
    Spec("statement_record", STATEMENT, statement_record),
    Spec("hearing_record", HEARING, hearing_record),
    Spec("collective_discussion_record", COLLECTIVE, collective_discussion_record),
    Spec("rectification_review", REVIEW, rectification_review),
)

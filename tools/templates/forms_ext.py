"""The ext kinds: 不予听证通知书, 延期（分期）缴纳罚款决定书, 查封（扣押）决定书 + 清单, 解除查封（扣押）决定书,
责令限期拆除决定书, 公告送达记录, 行政处罚委托书 — to the standard of the core kinds."""

from __future__ import annotations

from dataclasses import replace

from desk.catalogue import Kind
from tools.templates.common import Spec, contact, flat, letter, numbered, party_block, remedies
from tools.templates.docxkit import Cell, Form, P, Row, cell_text, label
from tools.templates.fieldsets import (
    BASIS,
    CAUSE,
    CONTACT,
    DECISION_NUMBER,
    EVIDENCE,
    FACTS,
    OFFICERS,
    PARTY,
    PARTY_NAME,
    PAYMENT,
    REMEDIES,
    VIOLATED,
    f,
    long,
    money,
    text,
)
from tools.templates.grid import WIDTHS, block, line, sign

NO_HEARING = flat(
    PARTY_NAME,
    CAUSE,
    f("requested_on", "date", "申请听证日期", "Hearing requested on", required=True, default="event.hearing_requested"),
    long(
        "reasons",
        "不予听证的理由",
        "Why no hearing is held",
        length=2000,
        required=True,
        preset="你（单位）提出听证要求已超过《中华人民共和国行政处罚法》第六十四条第（一）项规定的期限"
        "（告知后五个工作日内），本机关依法不予组织听证。",
    ),
    CONTACT,
)


def no_hearing_notice(form: Form, kind: Kind) -> None:
    letter(form, kind)
    form.add(
        "你（单位）于{{ requested_on }}就{{ cause }}一案向本机关提出听证要求。经审查，{{ reasons }}",
        "根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，本机关决定不予组织听证。"
        "你（单位）仍享有陈述、申辩的权利，如有陈述、申辩意见，可以向本机关提出。",
    )
    contact(form)
    form.signature()


INSTALLMENT = flat(
    PARTY_NAME,
    replace(DECISION_NUMBER, required=True),
    f("decision_on", "date", "处罚决定日期", "Decided on", required=True,
      default="document.penalty_decision.issued_on|event.decided"),
    money("fine", "罚款金额（元）", "Fine (yuan)", required=True, default="case.penalty.fine"),
    f("applied_on", "date", "当事人申请日期", "Applied on", required=True),
    f("mode", "choice", "缴纳方式", "Deferral or instalments", required=True, preset="分期缴纳",
      choices=("延期缴纳", "分期缴纳")),
    long("schedule", "缴纳期限及各期数额", "By when and how much", length=2000, required=True),
    long("grounds", "批准理由", "Why granted", length=2000, required=True,
         preset="当事人确有经济困难，提供了相应证明材料"),
    PAYMENT,
    REMEDIES,
)


def installment_decision(form: Form, kind: Kind) -> None:
    letter(form, kind)
    form.add(
        "本机关于{{ decision_on }}对你（单位）作出《行政处罚决定书》（{{ decision_number }}），"
        "决定对你（单位）处以罚款{{ fine_capitals }}（{{ fine }}元）。"
        "你（单位）于{{ applied_on }}向本机关申请{{ mode }}罚款。",
        "经审查，{{ grounds }}。依据《中华人民共和国行政处罚法》第六十六条第二款的规定，本机关决定同意你（单位）"
        "{{ mode }}罚款：{{ schedule }}",
        "请按上述期限将罚款缴至{{ payment_bank }}（户名：{{ payment_account_name }}；账号：{{ payment_account }}）"
        "{{ '，或者通过' + payment_channel + '缴纳' if payment_channel else '' }}。",
        "逾期不缴纳的，本机关将依据《中华人民共和国行政处罚法》第七十二条的规定，每日按罚款数额的百分之三加处罚款"
        "（加处罚款的数额不超出罚款的数额），并依法申请人民法院强制执行；申请强制执行的期限自暂缓或者分期缴纳罚款期限"
        "结束之日起计算。",
    )
    remedies(form, who="你（单位）")
    form.signature()


SEIZURE_ITEMS = f("items", "list", "查封（扣押）物品清单（名称、规格、数量）",
                  "Items seized (name, specification, quantity)", required=True)
SEIZURE = flat(
    PARTY,
    CAUSE,
    FACTS,
    long("reasons", "查封（扣押）的理由", "Why seized", length=2000, required=True),
    f("seizure_basis", "provisions", "查封（扣押）的依据", "Legal basis of the seizure", required=True),
    f("measure", "choice", "措施", "Measure", required=True, preset="扣押", choices=("查封", "扣押")),
    f("starts_on", "date", "起始日期", "From", required=True, default="today"),
    f("ends_on", "date", "届满日期（不超过三十日）", "Until (at most 30 days)", required=True),
    text("storage_place", "保管地点", "Where kept", required=True),
    SEIZURE_ITEMS,
    REMEDIES,
    OFFICERS,
)


def _items_table(form: Form, heading: str) -> None:
    form.table(
        (20, 136),
        [
            Row([label("序号"), label(heading)], 9),
            Row([], tag="{%tr for item in items_items %}"),
            Row([Cell(cell_text("{{ loop.index }}", align="center")), Cell(cell_text("{{ item }}"))], 9),
            Row([], tag="{%tr endfor %}"),
        ],
    )


def seizure_decision(form: Form, kind: Kind) -> None:
    form.heading(numbered=True, title=kind.title)
    party_block(form)
    form.add(
        "经查，你（单位）涉嫌{{ cause }}：{{ facts }}",
        "{{ reasons }}依据《中华人民共和国行政强制法》第二十二条、第二十三条、第二十四条和{{ seizure_basis }}的规定，"
        "经本机关负责人批准，本机关决定自{{ starts_on }}起至{{ ends_on }}止，对你（单位）的下列场所、设施或者财物"
        "予以{{ measure }}，保管地点：{{ storage_place }}。",
    )
    _items_table(form, "{{ measure }}物品名称、规格及数量")
    form.add(
        "{{ measure }}期限不超过三十日；情况复杂的，经本机关负责人批准可以延长，但延长期限不超过三十日，"
        "延长的决定将书面告知你（单位）（《中华人民共和国行政强制法》第二十五条）。在{{ measure }}期间，"
        "任何人不得损毁、擅自转移、处置上述财物。本清单一式二份，由当事人和本机关分别保存。",
    )
    remedies(form, who="你（单位）")
    form.add(P("当事人（签名）：　　　　　　　　执法人员（签名）：{{ officers }}", indent=False, align="left"))
    form.signature()


SEIZURE_RELEASE = flat(
    PARTY_NAME,
    text("seizure_number", "查封（扣押）决定书文号", "Seizure decision number", length=50, required=True,
         default="document.seizure_decision.number"),
    f("seizure_on", "date", "查封（扣押）决定日期", "Seized on", required=True,
      default="document.seizure_decision.issued_on"),
    f("ground", "choice", "解除的情形", "Ground for release", required=True,
      preset="行政机关对违法行为已经作出处理决定，不再需要查封、扣押",
      choices=("当事人没有违法行为", "查封、扣押的场所、设施或者财物与违法行为无关",
               "行政机关对违法行为已经作出处理决定，不再需要查封、扣押", "查封、扣押期限已经届满",
               "其他不再需要采取查封、扣押措施的情形")),
    replace(SEIZURE_ITEMS, label="解除查封（扣押）的物品（名称、规格、数量）"),
    text("return_place", "退还地点", "Where returned", required=True),
    REMEDIES,
)


def seizure_release(form: Form, kind: Kind) -> None:
    letter(form, kind)
    form.add(
        "本机关于{{ seizure_on }}以《查封（扣押）决定书》（{{ seizure_number }}）对你（单位）的有关场所、设施或者财物"
        "采取了查封（扣押）措施。现因{{ ground }}，依据《中华人民共和国行政强制法》第二十七条、第二十八条的规定，"
        "本机关决定解除对下列物品的查封（扣押），并于{{ return_place }}立即退还：",
    )
    _items_table(form, "物品名称、规格及数量")
    remedies(form, who="你（单位）")
    form.signature()


DEMOLITION = flat(
    PARTY,
    CAUSE,
    FACTS,
    EVIDENCE,
    VIOLATED,
    BASIS,
    text("structure", "违法建筑物、构筑物、设施（位置、结构、面积）", "The structure (place, build, area)",
         length=500, required=True),
    f("deadline", "date", "自行拆除期限", "Demolish by", required=True),
    REMEDIES,
)


def demolition_order(form: Form, kind: Kind) -> None:
    form.heading(numbered=True, title=kind.title)
    party_block(form)
    form.add("经查明：{{ facts }}")
    numbered(form, "evidence_items", "上述事实，有下列证据证明：")
    form.add(
        "本机关认为，当事人的上述行为违反了{{ violated }}的规定。依据{{ basis }}的规定，本机关决定："
        "责令当事人于{{ deadline }}前自行拆除{{ structure }}。",
        "依据《中华人民共和国行政强制法》第四十四条的规定，本决定将予以公告。当事人在法定期限内不申请行政复议或者"
        "提起行政诉讼，又不自行拆除的，本机关将依法强制拆除，费用由当事人承担。",
    )
    remedies(form, who="当事人")
    form.signature()


PUBLIC_NOTICE = flat(
    PARTY_NAME,
    text("document_title", "公告送达的文书名称", "Document served by public notice", length=100, required=True,
         default="served.title"),
    text("document_number", "文书文号", "Its number", length=50, required=True, default="served.number"),
    long("why", "采用公告送达的原因", "Why public notice", length=1000, required=True,
         preset="受送达人下落不明，经直接送达、邮寄送达等方式均无法送达"),
    text("medium", "公告方式（媒体、地点）", "Where published", length=200, required=True),
    f("published_on", "date", "公告日期", "Published on", required=True, default="today"),
    f("deemed_on", "date", "视为送达日期（公告之日起经过三十日）", "Deemed served on", required=True),
    OFFICERS,
)


def public_notice_service(form: Form, kind: Kind) -> None:
    form.heading(numbered=kind.numbered, title=kind.title, gap=False)
    form.table(
        WIDTHS,
        [
            line(("受送达人", "{{ party_name }}")),
            line(("送达文书", "《{{ document_title }}》（{{ document_number }}）")),
            block("公告送达原因",
                  "{{ why }}。依照《中华人民共和国民事诉讼法》关于公告送达的规定，本机关采用公告方式送达。", 30),
            line(("公告方式", "{{ medium }}")),
            line(("公告日期", "{{ published_on }}"), ("视为送达日期", "{{ deemed_on }}")),
            line(("经办人", "{{ officers }}")),
            sign("经办人签名"),
        ],
    )


ENTRUSTMENT = flat(
    text("entrusted", "受委托组织", "Organisation entrusted", length=200, required=True),
    long("matters", "委托的具体事项", "Matters entrusted", length=2000, required=True),
    long("powers", "委托权限", "Powers entrusted", length=2000, required=True),
    f("starts_on", "date", "委托期限起", "From", required=True),
    f("ends_on", "date", "委托期限止", "Until", required=True),
)


def entrustment(form: Form, kind: Kind) -> None:
    form.heading(numbered=True, title=kind.title)
    form.addressee("{{ entrusted }}：")
    form.add(
        "依据《中华人民共和国行政处罚法》第二十条、第二十一条的规定，本机关委托你单位在下列范围内以本机关名义实施行政处罚：",
        "一、委托事项：{{ matters }}",
        "二、委托权限：{{ powers }}",
        "三、委托期限：自{{ starts_on }}起至{{ ends_on }}止。",
        "你单位不得再委托其他组织或者个人实施行政处罚。本机关对你单位在委托范围内实施行政处罚的行为负责监督，"
        "并对该行为的后果承担法律责任。本委托书将向社会公布。",
    )
    form.signature()


SPECS = (
    Spec("no_hearing_notice", NO_HEARING, no_hearing_notice),
    Spec("installment_decision", INSTALLMENT, installment_decision),
    Spec("seizure_decision", SEIZURE, seizure_decision),
    Spec("seizure_release", SEIZURE_RELEASE, seizure_release),
    Spec("demolition_order", DEMOLITION, demolition_order),
    Spec("public_notice_service", PUBLIC_NOTICE, public_notice_service),
    Spec("entrustment", ENTRUSTMENT, entrustment),
)

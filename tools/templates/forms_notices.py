"""Notices served on the party (通知、告知类): each a letter to the party, numbered, signed and sealed."""

from __future__ import annotations

from dataclasses import replace

from desk.catalogue import Kind
from tools.templates.common import Spec, contact, flat, letter, numbered, remedies, when
from tools.templates.docxkit import Cell, Form, Row, cell_text, label
from tools.templates.fieldsets import (
    BASIS,
    CAUSE,
    CONTACT,
    DECISION_NUMBER,
    DISCRETION,
    EVIDENCE,
    FACTS,
    ITEMS,
    PARTY_NAME,
    PAYMENT,
    PENALTY,
    REMEDIES,
    VIOLATED,
    f,
    long,
    money,
    text,
)

ORDER_BASIS = f(
    "order_basis",
    "provisions",
    "责令改正（停止）的具体规定",
    "Specific provision ordering correction",
    required=True,
    default="case.basis",
)
ART_28 = "《中华人民共和国行政处罚法》第二十八条第一款"
ORDER_REMEDIES = (
    "如不服本通知，可以在收到本通知书之日起六十日内向{{ reconsideration_body }}申请行政复议，"
    "也可以在六个月内依法向{{ court }}提起行政诉讼。"
)
ART_55 = "《中华人民共和国行政处罚法》第五十五条"
ART_56 = "《中华人民共和国行政处罚法》第五十六条"


INQUIRY_NOTICE = flat(
    PARTY_NAME,
    CAUSE,
    f("inquiry_at", "datetime", "询问时间", "Time of the inquiry", required=True),
    text("inquiry_place", "询问地点", "Place of the inquiry", required=True),
    long(
        "bring",
        "需携带的材料",
        "What to bring",
        length=1000,
        preset="当事人身份证明（营业执照副本、法定代表人身份证明或者授权委托书及受托人身份证件）以及与本案有关的其他材料。",
    ),
    CONTACT,
)


def inquiry_notice(form: Form, kind: Kind) -> None:
    letter(form, kind)
    form.add(
        f"因你（单位）涉嫌{{{{ cause }}}}，根据{ART_55}的规定，"
        "请你（单位）于{{ inquiry_at }}到{{ inquiry_place }}接受询问调查。",
        "请携带：{{ bring }}",
        "当事人或者有关人员应当如实回答询问，并协助调查，不得拒绝或者阻挠。",
    )
    contact(form)
    form.signature()


PRESERVATION_NOTICE = flat(
    PARTY_NAME,
    CAUSE,
    f("preserved_on", "date", "登记保存日期", "Preserved on", required=True, default="event.evidence_preserved|today"),
    text("storage", "保存方式", "How kept", length=50, required=True, preset="就地保存"),
    text("storage_place", "保存地点", "Where kept", required=True),
    ITEMS,
    CONTACT,
)


def _items_table(form: Form) -> None:
    form.table(
        (20, 136),
        [
            Row([label("序号"), label("物品名称、规格及数量")], 9),
            Row([], tag="{%tr for item in items_items %}"),
            Row([Cell(cell_text("{{ loop.index }}", align="center")), Cell(cell_text("{{ item }}"))], 9),
            Row([], tag="{%tr endfor %}"),
        ],
    )


def evidence_preservation_notice(form: Form, kind: Kind) -> None:
    letter(form, kind)
    form.add(
        "因你（单位）涉嫌{{ cause }}，在证据可能灭失或者以后难以取得的情况下，经本机关负责人批准，"
        f"依据{ART_56}的规定，本机关决定自{{{{ preserved_on }}}}起对你（单位）的下列物品予以先行登记保存"
        "（保存方式：{{ storage }}；保存地点：{{ storage_place }}）：",
    )
    _items_table(form)
    form.add(
        "在登记保存期间，你（单位）及有关人员不得损毁、销毁或者转移上述物品。本机关将在七日内对登记保存的物品作出处理决定。",
    )
    contact(form)
    form.signature()


PRESERVATION_DISPOSAL = flat(
    PARTY_NAME,
    text(
        "preservation_number",
        "先行登记保存证据通知书文号",
        "Preservation notice number",
        length=50,
        required=True,
        default="document.evidence_preservation_notice.number",
    ),
    f(
        "preserved_on",
        "date",
        "登记保存日期",
        "Preserved on",
        required=True,
        default="document.evidence_preservation_notice.issued_on|event.evidence_preserved",
    ),
    long("disposal", "处理决定", "Disposal decided", length=2000, required=True),
    ITEMS,
    REMEDIES,
)


def evidence_preservation_disposal(form: Form, kind: Kind) -> None:
    letter(form, kind)
    form.add(
        "本机关于{{ preserved_on }}以《先行登记保存证据通知书》（{{ preservation_number }}）"
        f"对你（单位）的有关物品予以先行登记保存。依据{ART_56}的规定，现对登记保存的物品作出如下处理决定：",
        "{{ disposal }}",
    )
    _items_table(form)
    remedies(form)
    form.signature()


STOP_CONSEQUENCE = long(
    "consequence",
    "拒不停止的后果",
    "What follows if not stopped",
    length=500,
    required=True,
    preset="拒不停止违法行为的，本机关将依法采取相应措施，并依法从重予以处理。",
)
STOP_ORDER = flat(PARTY_NAME, FACTS, EVIDENCE, VIOLATED, ORDER_BASIS, STOP_CONSEQUENCE, REMEDIES, CONTACT)


def stop_order(form: Form, kind: Kind) -> None:
    letter(form, kind)
    form.add("经查，{{ facts }}")
    numbered(form, "evidence_items", "以上事实，有下列证据证实：")
    form.add(
        "你（单位）的上述行为违反了{{ violated }}的规定。依据" + ART_28 + "和{{ order_basis }}的规定，"
        "本机关责令你（单位）自收到本通知书之时起立即停止上述违法行为。",
        "{{ consequence }}",
        ORDER_REMEDIES,
    )
    contact(form)
    form.signature()


RECTIFICATION_ORDER = flat(
    PARTY_NAME,
    FACTS,
    EVIDENCE,
    VIOLATED,
    ORDER_BASIS,
    REMEDIES,
    long("correction", "改正内容及要求", "What to correct", length=2000, required=True),
    f("deadline", "date", "改正期限", "Correct by", required=True),
    long(
        "consequence",
        "逾期不改正的后果",
        "What follows if not corrected",
        length=500,
        required=True,
        preset="逾期不改正或者改正不符合要求的，本机关将依法予以行政处罚。",
    ),
    CONTACT,
)


def rectification_order(form: Form, kind: Kind) -> None:
    letter(form, kind)
    form.add("经查，{{ facts }}")
    numbered(form, "evidence_items", "以上事实，有下列证据证实：")
    form.add(
        "你（单位）的上述行为违反了{{ violated }}的规定。依据" + ART_28 + "和{{ order_basis }}的规定，"
        "本机关责令你（单位）于{{ deadline }}前按下列要求改正：",
        "{{ correction }}",
        "{{ consequence }}",
        ORDER_REMEDIES,
    )
    contact(form)
    form.signature()


PRIOR_NOTICE = flat(
    PARTY_NAME,
    CAUSE,
    FACTS,
    EVIDENCE,
    VIOLATED,
    BASIS,
    DISCRETION,
    replace(PENALTY[0], required=False),
    *PENALTY[1:],
    f(
        "statement_days",
        "int",
        "陈述申辩期限（工作日）",
        "Working days to state and defend",
        required=True,
        default="agency.settings.statement_working_days",
        minimum=1.0,
    ),
    f("hearing_right", "bool", "告知听证权利", "Tells the right to a hearing", default="case.hearing_right"),
    CONTACT,
)
HEARING_RIGHT = (
    "根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你（单位）有权要求举行听证。"
    "如要求听证，应当在收到本告知书之日起五个工作日内向本机关提出；逾期未提出的，视为放弃听证的权利。"
)


def penalty_prior_notice(form: Form, kind: Kind) -> None:
    letter(form, kind)
    form.add("你（单位）涉嫌{{ cause }}一案，经本机关调查，现查明：{{ facts }}")
    numbered(form, "evidence_items", "以上事实，有下列证据证实：")
    form.add(
        "你（单位）的上述行为违反了{{ violated }}的规定{{ '，依据' + basis + '的规定，应当予以行政处罚' "
        "if penalty_text else '' }}。",
        "{{ discretion }}",
        "本机关拟对你（单位）{{ '作出如下行政处罚：' + penalty_text if penalty_text else '不予行政处罚' }}。",
        "根据《中华人民共和国行政处罚法》第七条、第四十四条、第四十五条的规定，你（单位）享有陈述、申辩的权利。"
        "如有陈述、申辩意见，请在收到本告知书之日起{{ statement_days_cn }}个工作日内向本机关提出；"
        "逾期未提出的，视为放弃陈述、申辩的权利。",
    )
    when(form, "hearing_right", HEARING_RIGHT)
    contact(form)
    form.signature()


HEARING_RIGHT_NOTICE = flat(PARTY_NAME, CAUSE, FACTS, VIOLATED, BASIS, PENALTY, CONTACT)


def hearing_right_notice(form: Form, kind: Kind) -> None:
    letter(form, kind)
    form.add(
        "你（单位）涉嫌{{ cause }}一案，经本机关调查，现查明：{{ facts }}",
        "你（单位）的上述行为违反了{{ violated }}的规定。依据{{ basis }}的规定，"
        "本机关拟对你（单位）作出如下行政处罚：{{ penalty_text }}。",
        HEARING_RIGHT,
    )
    contact(form)
    form.signature()


HEARING_NOTICE = flat(
    PARTY_NAME,
    CAUSE,
    f("requested_on", "date", "申请听证日期", "Hearing requested on", default="event.hearing_requested"),
    f("hearing_at", "datetime", "听证时间", "Time of the hearing", required=True, default="event.hearing_held"),
    text("hearing_place", "听证地点", "Place of the hearing", required=True),
    f("public", "bool", "公开举行", "Held in public", preset="true"),
    text("presider", "听证主持人", "Presiding officer", length=50, required=True),
    text("panel", "听证员", "Hearing officers", length=100, required=True),
    text("clerk", "记录员", "Clerk", length=50, required=True),
    long(
        "bring",
        "需携带的材料",
        "What to bring",
        length=1000,
        required=True,
        preset="本通知书、身份证明（单位为营业执照副本及法定代表人身份证明）、授权委托书（委托代理人参加的）"
        "以及需要在听证中出示的证据材料。",
    ),
    CONTACT,
)


def hearing_notice(form: Form, kind: Kind) -> None:
    letter(form, kind)
    form.add(
        "根据你（单位）于{{ requested_on }}提出的听证要求，本机关决定于{{ hearing_at }}在{{ hearing_place }}"
        "就{{ cause }}一案{{ '公开' if public else '不公开' }}举行听证。",
        "听证主持人：{{ presider }}；听证员：{{ panel }}；记录员：{{ clerk }}。",
        "根据《中华人民共和国行政处罚法》第六十四条的规定，你（单位）在听证中享有下列权利：认为主持人、听证员、"
        "记录员与本案有直接利害关系的，有权申请回避，申请应当在听证举行前提出；可以亲自参加听证，也可以委托一至二人代理，"
        "委托代理人参加的，应当提交授权委托书；可以提出证据，对调查人员提出的证据进行质证，参加辩论，并作最后陈述。",
        "请携带：{{ bring }}",
        "你（单位）及代理人无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利，本机关终止听证。",
    )
    contact(form)
    form.signature()


DEMAND_NOTICE = flat(
    PARTY_NAME,
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
    long("obligation", "应当履行的义务", "What must be done", length=1000, required=True, default="case.obligation"),
    money("surcharge", "截至催告之日的加处罚款（元）", "Surcharge accrued to date (yuan)", required=True,
          default="case.surcharge"),
    PAYMENT,
    CONTACT,
)


def demand_notice(form: Form, kind: Kind) -> None:
    letter(form, kind)
    form.add(
        "本机关于{{ decision_on }}对你（单位）作出《行政处罚决定书》（{{ decision_number }}），"
        "该决定书已于{{ decision_served_on }}送达你（单位）。你（单位）在法定期限内未申请行政复议或者提起行政诉讼，"
        "又未履行该决定。",
        "根据《中华人民共和国行政强制法》第三十五条、第四十五条、第五十四条的规定，现催告你（单位）"
        "自收到本催告书之日起十日（工作日，不含法定节假日）内履行下列义务：{{ obligation }}",
        "截至本催告书作出之日，依据《中华人民共和国行政处罚法》第七十二条第一款第（一）项的规定，"
        "已加处罚款{{ surcharge_capitals }}（{{ surcharge }}元）；加处罚款的数额不超出罚款的数额。",
        "履行方式：请将上述款项缴至{{ payment_bank }}（户名：{{ payment_account_name }}；账号：{{ payment_account }}）"
        "{{ '，或者通过' + payment_channel + '缴纳' if payment_channel else '' }}。",
        "你（单位）收到本催告书后有权进行陈述和申辩，陈述、申辩意见请在履行期限内向本机关提出。"
        "本催告书送达十日后你（单位）仍未履行义务的，本机关将依据《中华人民共和国行政强制法》第五十三条、"
        "第五十四条的规定申请人民法院强制执行。",
    )
    contact(form)
    form.signature()


SPECS = (
    Spec("inquiry_notice", INQUIRY_NOTICE, inquiry_notice),
    Spec("evidence_preservation_notice", PRESERVATION_NOTICE, evidence_preservation_notice),
    Spec("evidence_preservation_disposal", PRESERVATION_DISPOSAL, evidence_preservation_disposal),
    Spec("stop_order", STOP_ORDER, stop_order),
    Spec("rectification_order", RECTIFICATION_ORDER, rectification_order),
    Spec("penalty_prior_notice", PRIOR_NOTICE, penalty_prior_notice),
    Spec("hearing_right_notice", HEARING_RIGHT_NOTICE, hearing_right_notice),
    Spec("hearing_notice", HEARING_NOTICE, hearing_notice),
    Spec("demand_notice", DEMAND_NOTICE, demand_notice),
)

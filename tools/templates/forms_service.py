"""Service (送达类): the 送达回证 for each served document, and the party's 送达地址确认书."""

from __future__ import annotations

from dataclasses import replace

from desk.catalogue import Kind
from tools.templates.common import Spec, flat
from tools.templates.docxkit import Cell, Form, Row, cell_text
from tools.templates.fieldsets import CAUSE, PARTY_NAME, SERVICE_METHOD, f, long, text
from tools.templates.grid import block, line, sign, table_form

LEFT_SERVICE = (
    "注：受送达人或者代收人拒绝签收的，送达人可以邀请有关基层组织或者所在单位的代表到场，说明情况，在送达回证上"
    "记明拒收事由和日期，由送达人、见证人签名或者盖章，把文书留在受送达人的住所；也可以把文书留在受送达人的住所，"
    "并采用拍照、录像等方式记录送达过程，即视为送达（《中华人民共和国民事诉讼法》关于留置送达的规定）。"
)
RECEIPT = flat(
    text(
        "document_title",
        "送达文书名称",
        "Title of the document served",
        length=100,
        required=True,
        default="served.title",
    ),
    text("document_number", "送达文书文号", "Number of the document served", length=50, default="served.number"),
    text("recipient", "受送达人", "Person served", length=100, required=True, default="party.name"),
    text("place", "送达地点", "Place of service", required=True, default="party.address"),
    replace(SERVICE_METHOD, required=True, default="served.service"),
    f("served_at", "datetime", "送达时间", "Served at", required=True, default="served.served_on"),
    text("signer", "签收人", "Signed by", length=50, default="served.receiver"),
    text("relation", "签收人与受送达人的关系", "Relation of the signer to the person served", length=50, preset="本人"),
    text("witness", "见证人（留置送达时）", "Witness (when left at the address)", length=100),
    f("servers", "officers", "送达人", "Served by", required=True, default="case.officers"),
    long("note", "备注", "Note", length=1000),
)


def service_receipt(form: Form, kind: Kind) -> None:
    table_form(
        form,
        kind,
        [
            line(("送达文书名称", "{{ document_title }}")),
            line(("送达文书文号", "{{ document_number }}")),
            line(("受送达人", "{{ recipient }}")),
            line(("送达地点", "{{ place }}")),
            line(("送达方式", "{{ method }}")),
            line(("送达时间", "{{ served_at }}")),
            line(("签收人", "{{ signer }}"), ("与受送达人关系", "{{ relation }}")),
            sign("受送达人（签收人）签名"),
            line(("见证人", "{{ witness }}"), ("送达人", "{{ servers }}")),
            sign("见证人签名", "送达人签名"),
            Row([Cell([cell_text("**备注**"), cell_text("{{ note }}", indent=True), cell_text(LEFT_SERVICE)],
                      span=4, valign="top")], 24, whole=False),
        ],
    )
    form.signature()


CONFIRMATION = flat(
    CAUSE,
    PARTY_NAME,
    text("address", "送达地址", "Address for service", required=True, default="party.address"),
    text(
        "recipient", "收件人", "Addressee", length=100, required=True, default="party.legal_representative|party.name"
    ),
    text("phone", "收件人联系电话", "Addressee's phone", length=30, default="party.phone"),
    text("postcode", "邮政编码", "Postcode", length=6),
    f("electronic", "bool", "同意电子送达", "Agrees to electronic service", preset="false"),
    text("electronic_address", "电子送达地址（传真、电子邮箱、手机号码）", "Electronic address", length=100),
)
NOTICE = (
    "1．为便于及时收到行政执法文书，受送达人应当如实提供确切的送达地址；"
    "2．确认的送达地址适用于本案各个环节的送达，送达地址变更的，应当及时书面告知本机关；"
    "3．因受送达人提供的地址不准确、拒不提供送达地址、送达地址变更未及时告知，导致文书未能被实际接收的，"
    "文书退回之日视为送达之日；"
    "4．受送达人同意电子送达的，根据《中华人民共和国行政处罚法》第六十一条的规定，"
    "可以采用传真、电子邮件等方式送达，文书到达受送达人特定系统的日期为送达日期。"
)


def service_address_confirmation(form: Form, kind: Kind) -> None:
    table_form(
        form,
        kind,
        [
            line(("案　　由", "{{ cause }}")),
            line(("受送达人", "{{ party_name }}")),
            block("告知事项", NOTICE, 50),
            line(("送达地址", "{{ address }}")),
            line(("收件人", "{{ recipient }}"), ("联系电话", "{{ phone }}")),
            line(("邮政编码", "{{ postcode }}"), ("电子送达", "{{ '同意' if electronic else '不同意' }}")),
            line(("电子送达地址", "{{ electronic_address }}")),
            block("受送达人确认", "本人已阅知上述告知事项，确认上述送达地址真实、有效。", 22),
            sign("受送达人签名（盖章）"),
            sign("执法人员签名"),
        ],
    )


SPECS = (
    Spec("service_receipt", RECEIPT, service_receipt),
    Spec("service_address_confirmation", CONFIRMATION, service_address_confirmation),
)

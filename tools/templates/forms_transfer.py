"""Transfers (移送类): the letter to the receiving body, its list of materials, and the 回执 slip below a cut line."""

from __future__ import annotations

from dataclasses import replace

from desk.catalogue import Kind
from tools.templates.common import Spec, contact, flat, loop, when
from tools.templates.docxkit import TEXT_WIDTH_MM, TITLE_FONT, Cell, Form, P, Row, cell_text, label
from tools.templates.fieldsets import CAUSE, CONTACT, FACTS, ITEMS, MATERIALS, PARTY_NAME, f, long, text

RECEIVER = text("receiver_body", "接收机关", "Receiving body", length=200, required=True, default="agency.transfer_to")
REASONS = long("reasons", "移送理由", "Why the case is transferred", length=3000, required=True,
               default="case.transfer_reasons")


def _list_table(form: Form, items: str, heading: str) -> None:
    form.table(
        (20, 136),
        [
            Row([label("序号"), label(heading)], 9),
            Row([], tag=f"{{%tr for item in {items} %}}"),
            Row([Cell(cell_text("{{ loop.index }}", align="center")), Cell(cell_text("{{ item }}"))], 9),
            Row([], tag="{%tr endfor %}"),
        ],
    )


def _receipt(form: Form, kind: Kind) -> None:
    """The slip the receiving body signs and returns: a box below a cut line, kept on one page."""
    form.cut_line()
    slip = [
        P("回　　执", align="center", indent=False, font=TITLE_FONT, size=18, line=640),
        cell_text("{{ agency_name }}："),
        cell_text(
            f"你单位《{kind.title}》（{{{{ number }}}}）及所附材料共　　份　　页已于　　年　　月　　日收到。",
            indent=True,
        ),
        cell_text("接收人（签名）：[[　　　　　　]]　　联系电话：[[　　　　　　]]", indent=True),
        cell_text(""),
        cell_text("接收单位（印章）　　　　", align="right"),
        cell_text("年　　月　　日　　　　", align="right"),
    ]
    form.table((TEXT_WIDTH_MM,), [Row([Cell(slip, valign="top")], 60, whole=True)])


CASE_TRANSFER = flat(
    RECEIVER,
    PARTY_NAME,
    CAUSE,
    FACTS,
    REASONS,
    f("transfer_basis", "provisions", "移送依据（管辖的规定）", "Legal basis of the transfer", required=True),
    replace(MATERIALS, required=True),
    CONTACT,
)


def case_transfer_letter(form: Form, kind: Kind) -> None:
    form.heading(numbered=True, title=kind.title)
    form.addressee("{{ receiver_body }}：")
    form.add(
        "本机关在查处{{ party_name }}涉嫌{{ cause }}一案中，经调查查明：{{ facts }}",
        "本机关认为：{{ reasons }}",
        "依据{{ transfer_basis }}的规定，该案不属于本机关管辖，现将该案移送你单位依法处理。案件材料清单如下：",
    )
    _list_table(form, "materials_items", "材料名称及页数")
    form.add("请你单位收到本函及所附材料后，在回执上签注并退回本机关。")
    contact(form)
    form.signature()
    _receipt(form, kind)


CRIMINAL_TRANSFER = flat(
    replace(RECEIVER, label="接收的公安机关", default="agency.public_security"),
    PARTY_NAME,
    CAUSE,
    FACTS,
    replace(REASONS, default="case.criminal_reasons"),
    text("suspected_crime", "涉嫌罪名", "Suspected offence", length=100, required=True),
    f("crime_provisions", "provisions", "刑法条文", "Article of the Criminal Law", required=True),
    replace(ITEMS, label="涉案物品清单", required=False),
    replace(MATERIALS, required=True),
    text("procuratorate", "抄送的人民检察院", "Procuratorate copied", length=200),
    CONTACT,
)
ATTACHMENTS = (
    "1．涉嫌犯罪案件情况的调查报告；",
    "2．涉案物品清单（附后）；",
    "3．有关检验报告或者鉴定结论；",
    "4．其他有关涉嫌犯罪的材料：",
)


def criminal_transfer(form: Form, kind: Kind) -> None:
    form.heading(numbered=True, title=kind.title)
    form.addressee("{{ receiver_body }}：")
    form.add(
        "{{ party_name }}涉嫌{{ cause }}一案，经本机关调查，现查明：{{ facts }}",
        "本机关认为：{{ reasons }}当事人的行为涉嫌违反{{ crime_provisions }}的规定，涉嫌构成{{ suspected_crime }}。"
        "依据《中华人民共和国行政处罚法》第二十七条第一款和《行政执法机关移送涉嫌犯罪案件的规定》"
        "（国务院令第310号，2020年修订）第三条、第六条的规定，现将该案移送你局依法处理。",
        "请你局依法审查，并将立案或者不予立案的决定书面告知本机关。",
        "附件：",
        *ATTACHMENTS,
    )
    loop(form, "materials_items", P("（{{ loop.index }}）{{ item }}"))
    when(form, "items", P("涉案物品清单", align="center", indent=False, before=120))
    form.tag("{%p if items %}")
    _list_table(form, "items_items", "物品名称、规格及数量")
    form.tag("{%p endif %}")
    contact(form)
    form.signature()
    when(form, "procuratorate", P("抄送：{{ procuratorate }}", indent=False, align="left"))
    _receipt(form, kind)


SPECS = (
    Spec("case_transfer_letter", CASE_TRANSFER, case_transfer_letter),
    Spec("criminal_transfer", CRIMINAL_TRANSFER, criminal_transfer),
)

"""The fields of the shipped manifests, with the groups many forms share (party, penalty, remedies…).

A kind's fields are written into the ``[[fields]]`` part of its ``manifest.toml``; the ``[kind]``
table above them is left as it is.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from desk.casefile.facts import PARTY_KINDS, PENALTY_KINDS, SERVICE_METHODS, SOURCES
from desk.catalogue import Field

MARKER = "# Fields — written by tools/make_templates.py"
HEADER = f"""{MARKER}. `default` names where the value comes from (desk/render/defaults.py;
# "|" lists fallbacks in order); `preset` is fixed default wording. Names a template uses besides the
# fields (agency_name, number, issued_on, party_block, penalty_text, <money>_capitals, <list>_items,
# <officers>_certificates…) are added by desk/render/context.py.
"""


def f(name: str, type_: str, label: str, label_en: str, **kw: Any) -> Field:
    return Field(name=name, type=type_, label=label, label_en=label_en, **kw)


def text(name: str, label: str, label_en: str, *, length: int = 200, **kw: Any) -> Field:
    return f(name, "text", label, label_en, max_length=length, **kw)


def long(name: str, label: str, label_en: str, *, length: int = 3000, **kw: Any) -> Field:
    return f(name, "multiline", label, label_en, max_length=length, **kw)


def money(name: str, label: str, label_en: str, **kw: Any) -> Field:
    return f(name, "money", label, label_en, minimum=0.0, **kw)


# — who —
PARTY_NAME = f("party_name", "party", "当事人", "Party", required=True, default="party.name", max_length=200)
PARTY_KIND = f(
    "party_kind", "choice", "当事人类别", "Kind of party", required=True, default="party.kind", choices=PARTY_KINDS
)
PARTY_ADDRESS = text("party_address", "住所（地址）", "Address", required=True, default="party.address")
PARTY_PHONE = text("party_phone", "联系电话", "Phone", length=30, default="party.phone")
PARTY = (
    PARTY_NAME,
    PARTY_KIND,
    text("party_id_type", "身份证件种类", "ID document type", length=20, default="party.id_type"),
    text("party_id_number", "身份证件号码", "ID number", length=30, default="party.id_number"),
    text("party_uscc", "统一社会信用代码", "Unified social credit code", length=18, default="party.uscc"),
    text(
        "party_representative",
        "法定代表人（负责人、经营者）",
        "Legal representative",
        length=50,
        default="party.legal_representative",
    ),
    PARTY_ADDRESS,
)
OFFICERS = f("officers", "officers", "执法人员", "Officers", required=True, default="case.officers")
RECORDER = text("recorder", "记录人", "Recorder", length=50, default="case.officers.1.name")
CONTACT = (
    text("contact_person", "联系人", "Contact person", length=50, required=True,
         default="agency.contact.person|case.officers.0.name"),
    text("contact_phone", "联系电话", "Contact phone", length=40, required=True, default="agency.contact.phone"),
    text("contact_address", "联系地址", "Contact address", required=True, default="agency.contact.address"),
)
PAYMENT = (
    text("payment_bank", "代收罚没款银行", "Bank collecting fines", length=100, required=True,
         default="agency.payment.bank"),
    text("payment_account_name", "收款账户名称", "Account name", length=200, required=True,
         default="agency.payment.account_name"),
    text("payment_account", "收款账号", "Account number", length=60, required=True, default="agency.payment.account"),
    text("payment_channel", "电子缴款渠道", "Electronic payment channel", length=200,
         default="agency.payment.channel"),
)

# — what —
CAUSE = text("cause", "案由", "Cause", length=100, required=True, default="case.cause")
FACTS = long("facts", "违法事实", "Facts", length=5000, required=True, default="case.facts")
EVIDENCE = f("evidence", "list", "证据", "Evidence", required=True, default="case.evidence")
VIOLATED = f("violated", "provisions", "违反的规定", "Provisions violated", required=True, default="case.violated")
BASIS = f("basis", "provisions", "处罚依据", "Legal basis of the penalty", required=True, default="case.basis")
FILED_ON = f("filed_on", "date", "立案日期", "Filing date", default="event.filed|document.filing_approval.issued_on")
SOURCE = f("source", "choice", "案件来源", "Source", required=True, default="case.source", choices=SOURCES)
DISCRETION = (
    text(
        "discretion_standard",
        "适用的裁量基准",
        "Discretion standard applied",
        default="case.discretion_applied|case.discretion.standard",
    ),
    text("discretion_level", "违法情节（裁量档次）", "Discretion level", length=50, default="case.discretion.level"),
    long("discretion", "裁量理由（适用的裁量条目、版本、档次及从轻从重情节的说明）", "Why this penalty",
         length=3000, required=True, default="case.discretion_reasoning"),
)
PENALTY = (
    f(
        "penalty_kinds",
        "list",
        "处罚种类",
        "Kinds of penalty",
        required=True,
        default="case.penalty.kinds",
        choices=PENALTY_KINDS,
    ),
    money("fine", "罚款金额（元）", "Fine (yuan)", default="case.penalty.fine"),
    money("confiscated", "没收违法所得（元）", "Illegal gains confiscated (yuan)", default="case.penalty.confiscated"),
    text("confiscated_property", "没收的非法财物", "Property confiscated", length=500),
    text("penalty_other", "其他处罚内容（期限、证照名称等）", "Other penalty particulars", length=500),
)
REMEDIES = (
    text(
        "reconsideration_body",
        "行政复议机关",
        "Reconsideration body",
        length=100,
        required=True,
        default="agency.reconsideration_body",
    ),
    text("court", "管辖人民法院", "Court", length=100, required=True, default="agency.court"),
)
PROPOSAL = long("proposal", "处理意见", "Proposed outcome", length=2000, required=True, default="case.proposal")
DECISION_NUMBER = text(
    "decision_number", "行政处罚决定书文号", "Decision number", length=50, default="document.penalty_decision.number"
)
ITEMS = f("items", "list", "物品清单（名称、规格、数量）", "Items (name, specification, quantity)", required=True)
MATERIALS = f("materials", "list", "材料清单（名称及页数）", "Materials (title and pages)", default="case.materials")
SERVICE_METHOD = f("method", "choice", "送达方式", "Method of service", choices=SERVICE_METHODS)


def _value(value: object) -> str:
    if isinstance(value, tuple):
        return "[" + ", ".join(json.dumps(v, ensure_ascii=False) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value)
    return json.dumps(value, ensure_ascii=False)


def fields_toml(fields: Sequence[Field]) -> str:
    names = [x.name for x in fields]
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates:
        raise ValueError(f"duplicate fields {duplicates}")
    blocks = []
    for x in fields:
        pairs: list[tuple[str, object]] = [("name", x.name), ("type", x.type), ("label", x.label)]
        pairs.append(("label_en", x.label_en))
        optional = {
            "required": x.required or None,
            "default": x.default,
            "preset": x.preset,
            "choices": x.choices or None,
            "max_length": x.max_length,
            "min": x.minimum,
        }
        pairs += [(k, v) for k, v in optional.items() if v is not None]
        blocks.append("[[fields]]\n" + "".join(f"{k} = {_value(v)}\n" for k, v in pairs))
    return "\n".join(blocks)


def write_fields(manifest: Path, fields: Sequence[Field]) -> None:
    """Replace the ``[[fields]]`` part of a manifest, keeping its ``[kind]`` table verbatim."""
    text_ = manifest.read_text(encoding="utf-8")
    cut = min(
        i for i in (text_.find(MARKER), text_.find("\n# Fields"), text_.find("\n[[fields]]"), len(text_)) if i >= 0
    )
    head = text_[:cut].rstrip("\n") + "\n"
    manifest.write_text(f"{head}\n{HEADER}\n{fields_toml(fields)}", encoding="utf-8")

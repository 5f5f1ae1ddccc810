"""The agency's settings: what the documents print (contact, payment, receiving bodies) and the limits
the law leaves to provincial rules (hearing thresholds, summary limits, periods…).

One flat list of keys, ``contact.phone`` style, shared by ``desk settings`` and the window's dialog;
every value passes one reader before it is stored.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from decimal import Decimal, InvalidOperation

from sqlalchemy import select

from desk.casefile.facts import AgencySettings
from desk.db.uow import UnitOfWork
from desk.errors import UserError
from desk.models import Agency
from desk.services import access, audit


@dataclass(frozen=True)
class Setting:
    key: str
    label: str
    kind: str  # text, money, int, bool
    column: str | None = None  # an Agency column; None: a key of Agency.settings


TEXT_SETTINGS = (
    Setting("name", "执法机关名称", "text", "name"),
    Setting("reconsideration_body", "行政复议机关", "text", "reconsideration_body"),
    Setting("court", "管辖人民法院", "text", "court"),
    Setting("contact.person", "联系人", "text", "contact_person"),
    Setting("contact.phone", "联系电话", "text", "contact_phone"),
    Setting("contact.address", "联系地址", "text", "contact_address"),
    Setting("payment.bank", "罚没款代收银行", "text", "payment_bank"),
    Setting("payment.account_name", "收款账户名称", "text", "payment_account_name"),
    Setting("payment.account", "收款账号", "text", "payment_account"),
    Setting("payment.channel", "缴款渠道", "text", "payment_channel"),
    Setting("public_security", "接收涉嫌犯罪案件的公安机关", "text", "public_security"),
    Setting("transfer_to", "默认移送的有管辖权机关", "text", "transfer_to"),
    Setting("number_pattern", "文书编号格式", "text", "number_pattern"),
)
_LIMIT_LABELS = {
    "hearing_threshold_person": "听证标准：个人罚款（元）",
    "hearing_threshold_organization": "听证标准：单位罚款（元）",
    "summary_limit_person": "当场处罚限额：个人（元）",
    "summary_limit_organization": "当场处罚限额：单位（元）",
    "individual_business_as_organization": "个体工商户按单位适用标准",
    "statement_working_days": "陈述申辩期限（工作日）",
    "hearing_request_working_days": "申请听证期限（工作日）",
    "publication_working_days": "公示期限（工作日）",
    "extension_days": "延期期限（日）",
    "no_penalty_needs_notice": "不予处罚须事先告知",
    "no_penalty_needs_collective": "不予处罚须集体讨论",
    "deduction_blocker": "评分扣分：阻断",
    "deduction_major": "评分扣分：重大",
    "deduction_minor": "评分扣分：一般",
}
_KIND_OF = {Decimal: "money", bool: "bool", int: "int"}
LIMIT_SETTINGS = tuple(
    Setting(fld.name, _LIMIT_LABELS.get(fld.name, fld.name), _KIND_OF[type(fld.default)])
    for fld in fields(AgencySettings)
)
SETTINGS = {s.key: s for s in (*TEXT_SETTINGS, *LIMIT_SETTINGS)}
_EXPECTED = {"money": "an amount in yuan", "int": "a whole number", "bool": "true or false", "text": "text"}
_MAX_TEXT = 200


def the_agency(uow: UnitOfWork) -> Agency:
    agency = uow.session.scalars(select(Agency).order_by(Agency.id)).first()
    if agency is None:
        raise UserError("setting_no_agency")
    return agency


def current(uow: UnitOfWork) -> dict[str, object]:
    """Every setting's value (limits not set show their default)."""
    agency = the_agency(uow)
    defaults = AgencySettings()
    stored = agency.settings or {}
    out: dict[str, object] = {}
    for s in SETTINGS.values():
        if s.column:
            out[s.key] = getattr(agency, s.column)
        else:
            out[s.key] = stored.get(s.key, getattr(defaults, s.key))
    return out


def read(key: str, raw: str) -> object:
    """``raw`` as the value of setting ``key`` (a user error naming the key when it does not fit)."""
    s = SETTINGS.get(key)
    if s is None:
        raise UserError("setting_unknown", key=key, choices=", ".join(SETTINGS))
    text = raw.strip()
    try:
        if s.kind == "money":
            value = Decimal(text)
            if value < 0 or not value.is_finite():
                raise ValueError
            return int(value) if value == value.to_integral_value() else float(value)
        if s.kind == "int":
            number = int(text)
            if number < 0:
                raise ValueError
            return number
        if s.kind == "bool":
            if text.lower() not in ("true", "false", "1", "0", "yes", "no", "是", "否"):
                raise ValueError
            return text.lower() in ("true", "1", "yes", "是")
    except (ValueError, InvalidOperation):
        raise UserError("setting_bad_value", key=key, expected=_EXPECTED[s.kind], value=raw) from None
    if len(text) > _MAX_TEXT or (s.column in ("name", "number_pattern") and not text):
        raise UserError("setting_bad_value", key=key, expected=_EXPECTED["text"], value=raw)
    return text


def update(uow: UnitOfWork, values: dict[str, str]) -> dict[str, object]:
    """Set several settings at once (all or nothing); returns the values stored."""
    access.require(uow, "settings")
    agency = the_agency(uow)
    typed = {key: read(key, raw) for key, raw in values.items()}
    stored = dict(agency.settings or {})
    for key, value in typed.items():
        column = SETTINGS[key].column
        if column:
            setattr(agency, column, value)
        else:
            stored[key] = value
    agency.settings = stored
    audit.record(uow, "settings_changed", keys=sorted(typed))
    return typed

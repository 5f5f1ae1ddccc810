"""Fictional people, businesses and places for the demo (valid check digits, made-up identities)."""

from __future__ import annotations

import random
from dataclasses import dataclass

from desk.casefile import facts as f
from desk.casefile.identifiers import id_number_check_digit, organization_code_check_digit, uscc_check_digit

AGENCY = f.Agency(
    name="江城市东湖区综合行政执法局",
    code="东综执",
    squad="东湖街道中队",
    reconsideration_body="江城市东湖区人民政府",
    court="江城市东湖区人民法院",
    contact=f.Contact(person="陈建国", phone="027-87654321", address="江城市东湖区中北路88号东湖区综合行政执法局"),
    payment=f.Payment(bank="中国农业银行江城东湖支行", account_name="江城市东湖区财政局非税收入汇缴结算户",
                      account="17052101040012345", channel="湖北省非税收入电子缴款平台（扫描缴款通知书二维码）"),
    public_security="江城市公安局东湖分局",
    transfer_to="江城市东湖区市场监督管理局",
)
SQUADS = ("东湖街道中队", "水果湖街道中队", "珞南街道中队", "关山街道中队")


@dataclass(frozen=True)
class DemoOfficer:
    name: str
    certificate: str
    squad: str
    login: str
    roles: tuple[str, ...]


OFFICERS = (
    DemoOfficer("陈建国", "42010023001", SQUADS[0], "chenjg", ("clerk", "reviewer")),
    DemoOfficer("刘晓燕", "42010023017", SQUADS[0], "liuxy", ("clerk",)),
    DemoOfficer("王志强", "42010023025", SQUADS[1], "wangzq", ("clerk",)),
    DemoOfficer("张丽华", "42010023033", SQUADS[1], "zhanglh", ("clerk",)),
    DemoOfficer("李明辉", "42010023041", SQUADS[2], "liminghui", ("clerk",)),
    DemoOfficer("赵雪梅", "42010023058", SQUADS[2], "zhaoxm", ("clerk",)),
    DemoOfficer("孙卫东", "42010023066", SQUADS[3], "sunwd", ("clerk",)),
    DemoOfficer("周敏", "42010023074", SQUADS[3], "zhoumin", ("clerk",)),
    DemoOfficer("黄德明", "42010020002", "法制科", "huangdm", ("reviewer", "leader")),
    DemoOfficer("吴淑芬", "42010020010", "法制科", "wusf", ("reviewer",)),
    DemoOfficer("郑国平", "42010020001", "局领导", "zhenggp", ("leader", "admin")),
    DemoOfficer("钱秀英", "42010020029", "档案室", "qianxy", ("archivist",)),
)
LEADERS = ("郑国平", "黄德明", "何立新")

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
_GIVEN = ("建华", "秀兰", "志刚", "丽娟", "海涛", "小军", "桂英", "国强", "晓明", "红梅", "文博", "婷婷", "俊杰",
          "雪琴", "德胜", "春燕", "宏伟", "玉兰", "子豪", "思远")
_STREETS = ("珞喻路", "卓刀泉南路", "关山大道", "鲁磨路", "民族大道", "中北路", "八一路", "东湖路", "雄楚大道",
            "光谷大道")
_SHOPS = (("味香园", "餐饮管理"), ("鑫盛", "建材"), ("华联", "商贸"), ("佳美", "广告"), ("恒通", "物流"),
          ("绿源", "环保科技"), ("金桥", "建筑工程"), ("福满楼", "餐饮"), ("新世纪", "装饰工程"), ("顺达", "汽车服务"))


def _id_number(rng: random.Random) -> str:
    region = rng.choice(("420102", "420106", "420111", "420115", "421023"))
    birth = f"{rng.randint(1960, 2002)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    body = f"{region}{birth}{rng.randint(0, 999):03d}"
    return body + id_number_check_digit(body)


def _uscc(rng: random.Random, registration: str = "91") -> str:
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    org = "MA" + "".join(rng.choice(alphabet) for _ in range(6))
    org += organization_code_check_digit(org)
    body = registration + "420100" + org
    return body + uscc_check_digit(body)


def address(rng: random.Random) -> str:
    return f"江城市东湖区{rng.choice(_STREETS)}{rng.randint(1, 399)}号"


def person(rng: random.Random) -> f.Party:
    name = rng.choice(_SURNAMES) + rng.choice(_GIVEN)
    return f.Party(kind="person", name=name, id_type="居民身份证", id_number=_id_number(rng),
                   address=address(rng) + f"{rng.randint(1, 12)}栋{rng.randint(1, 30)}0{rng.randint(1, 4)}室",
                   phone=f"139{rng.randint(10000000, 99999999)}")


def organization(rng: random.Random) -> f.Party:
    brand, trade = rng.choice(_SHOPS)
    return f.Party(kind="organization", name=f"江城市{brand}{trade}有限公司", uscc=_uscc(rng),
                   legal_representative=rng.choice(_SURNAMES) + rng.choice(_GIVEN), address=address(rng),
                   phone=f"027-8{rng.randint(1000000, 9999999)}")


def individual_business(rng: random.Random) -> f.Party:
    owner = person(rng)
    brand, _ = rng.choice(_SHOPS)
    return f.Party(kind="individual_business", name=f"东湖区{brand}{rng.choice(('小吃店', '便利店', '烧烤店'))}",
                   uscc=_uscc(rng, "92"), legal_representative=owner.name,
                   id_type="居民身份证", id_number=owner.id_number, address=address(rng), phone=owner.phone)

"""Fictitious sample citizens: the ID card reader simulator's deck, and (later) the simulated
backend's people. Every ID number is valid under GB 11643; none belongs to a real person.

The deck covers all card types and the traps of real cards: rare characters in names
(䶮, 喆, 堃, 燊), a name with a middle dot, a long-term (长期) card, a leap-day birth,
a child's card, HK/Taiwan residence permits, and both foreign permanent residence cards
(2017 'I' and 2023 'Y', with an English name long enough to need both slots).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from kiosk.devices.idcard.sim.card import SampleCard
from kiosk.domain.id_number import make_id_number
from kiosk.domain.identity import CardType, IdCardRecord, Sex
from kiosk.domain.nations import nation_name


def _resident(card_id: str, name: str, sex: Sex, nation: str, birth: date, region: str,
              seq: int, address: str, authority: str, valid_from: date, valid_to: date | None,
              photo: int = 0) -> SampleCard:
    number = make_id_number(region, birth, seq)
    return SampleCard(card_id, IdCardRecord(
        card_type=CardType.RESIDENT, name=name, sex=sex, birth=birth, id_number=number,
        authority=authority, valid_from=valid_from, valid_to=valid_to, nation_code=nation,
        nation=nation_name(nation), address=address), photo)


M, F = Sex.MALE, Sex.FEMALE

DECK: tuple[SampleCard, ...] = (
    _resident("zhang-wei", "张伟", M, "01", date(1985, 3, 12), "110105", 31,
              "北京市朝阳区建国路88号院3号楼1单元502", "北京市公安局朝阳分局",
              date(2016, 5, 20), date(2036, 5, 20), photo=1),
    _resident("liu-yan", "刘䶮", M, "01", date(1990, 7, 1), "440106", 153,
              "广东省广州市天河区天河路385号", "广州市公安局天河分局",
              date(2020, 9, 1), date(2040, 9, 1), photo=2),
    _resident("wang-zhe", "王喆", F, "01", date(1996, 11, 30), "310115", 82,
              "上海市浦东新区世纪大道100号", "上海市公安局浦东分局",
              date(2017, 1, 10), date(2027, 1, 10)),
    _resident("li-xiuying", "李秀英", F, "11", date(1948, 2, 3), "210102", 46,
              "辽宁省沈阳市和平区南京北街206号", "沈阳市公安局和平分局",
              date(2008, 6, 15), None),
    _resident("ayguli", "阿依古丽·买买提", F, "05", date(1995, 4, 18), "650102", 24,
              "新疆维吾尔自治区乌鲁木齐市天山区解放南路12号", "乌鲁木齐市公安局天山区分局",
              date(2019, 3, 3), date(2029, 3, 3)),
    _resident("chen-kun", "陈堃", M, "01", date(2000, 2, 29), "440305", 17,
              "广东省深圳市南山区科技园南区深南大道9988号", "深圳市公安局南山分局",
              date(2018, 2, 28), date(2028, 2, 28)),
    _resident("tashi", "扎西顿珠", M, "04", date(1978, 8, 8), "540102", 95,
              "西藏自治区拉萨市城关区北京中路28号", "拉萨市公安局城关分局",
              date(2011, 10, 1), date(2031, 10, 1)),
    _resident("zhao-shen", "赵燊", M, "01", date(2014, 6, 6), "500103", 71,
              "重庆市渝中区解放碑民族路166号", "重庆市公安局渝中区分局",
              date(2022, 7, 1), date(2027, 7, 1)),
    SampleCard("chan-tai-man", IdCardRecord(
        card_type=CardType.HMT_RESIDENCE, name="陳大文", sex=M, birth=date(1982, 12, 25),
        id_number=make_id_number("810000", date(1982, 12, 25), 13),
        authority="深圳市公安局", valid_from=date(2019, 1, 2), valid_to=date(2024, 1, 2),
        address="广东省深圳市福田区福华三路88号", pass_number="H12345678", issue_count=2)),  # noqa: S106
    SampleCard("lin-zhiming", IdCardRecord(
        card_type=CardType.HMT_RESIDENCE, name="林志明", sex=M, birth=date(1975, 5, 5),
        id_number=make_id_number("830000", date(1975, 5, 5), 39),
        authority="厦门市公安局", valid_from=date(2023, 3, 1), valid_to=date(2028, 3, 1),
        address="福建省厦门市思明区鹭江道8号", pass_number="01234567", issue_count=1)),  # noqa: S106
    SampleCard("john-smith", IdCardRecord(
        card_type=CardType.FOREIGN_PERMANENT, name="史密斯", sex=M, birth=date(1980, 5, 15),
        id_number="USA110080051501", authority="1500", valid_from=date(2018, 4, 1),
        valid_to=date(2028, 4, 1), english_name="SMITH, JOHN WILLIAM", nationality="USA",
        card_version="2017", authority_code="1500")),
    SampleCard("maximilian", IdCardRecord(
        card_type=CardType.FOREIGN_PERMANENT, name="穆勒", sex=M, birth=date(1990, 7, 4),
        id_number=make_id_number("911276", date(1990, 7, 4), 1),
        authority="国家移民管理局", valid_from=date(2024, 1, 15), valid_to=date(2034, 1, 15),
        english_name="MUELLER-LUEDENSCHEIDT, MAXIMILIAN ALEXANDER",
        nationality="DEU", card_version="2023")),
)


def card(card_id: str) -> SampleCard:
    for c in DECK:
        if c.card_id == card_id:
            return c
    raise KeyError(f"no sample card {card_id!r} (known: {', '.join(c.card_id for c in DECK)})")


def eid_code(card_id: str) -> str:
    """The QR e-ID code (电子身份码) the simulated backend issues to a sample citizen: the
    configured 'EID1.' form followed by an opaque token (never the ID number itself)."""
    import base64
    import hashlib

    token = base64.urlsafe_b64encode(hashlib.sha256(f"yiban-sim-eid:{card_id}".encode())
                                     .digest()[:18]).decode().rstrip("=")
    return f"EID1.{token}"


def inline_card(fields: dict[str, Any], photo: int = 0) -> SampleCard:
    """An ID card written out field by field: a scenario's inline citizen, every field
    given as the scenario schema fills it (`InlineCard.model_dump(mode="json")`: ISO dates,
    `valid_to` "长期" for long-term, `id_number` None to derive it); `photo` is its sample
    photo (0: none). `kind` foreign_2017 makes a 2017 permanent residence card."""
    birth = date.fromisoformat(fields["birth"])
    sex = Sex(fields["sex"])
    to = fields["valid_to"]
    valid_from = date.fromisoformat(fields["valid_from"])
    valid_to = None if to in ("long-term", "长期") else date.fromisoformat(to)
    if fields.get("kind") == "foreign_2017":
        number = fields["id_number"] or \
            f"{fields['nationality']}{fields['acceptance']}{birth:%y%m%d}01"
        return SampleCard(f"inline-{number}", IdCardRecord(
            card_type=CardType.FOREIGN_PERMANENT, name=fields["name"], sex=sex, birth=birth,
            id_number=number, authority="1500", valid_from=valid_from, valid_to=valid_to,
            english_name=fields["english_name"], nationality=fields["nationality"],
            card_version="2017", authority_code="1500"), photo)
    number = fields["id_number"] or make_id_number(fields["region"], birth,
                                                   1 if sex is Sex.MALE else 2)
    return SampleCard(f"inline-{number}", IdCardRecord(
        card_type=CardType.RESIDENT, name=fields["name"], sex=sex, birth=birth,
        id_number=number, authority=fields["authority"], valid_from=valid_from,
        valid_to=valid_to, nation_code=fields["nation"], nation=nation_name(fields["nation"]),
        address=fields["address"]), photo)

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from kiosk.devices.idcard.text_block import (
    CutCharacter,
    DoesNotFit,
    InconsistentCard,
    TextBlockError,
    decode_text_block,
    encode_text_block,
    utf16_units,
)
from kiosk.domain.identity import CardType, Sex
from kiosk.sim.citizens import DECK, card


def field(text: str, size: int) -> bytes:
    raw = text.encode("utf-16-le")
    assert len(raw) <= size
    return raw + b"\x20\x00" * ((size - len(raw)) // 2)


def hand_built_resident(**over: str) -> bytes:
    """A resident block laid out by hand from the reference table, not by our encoder."""
    f = {
        "name": "欧阳䶮明", "sex": "2", "nation": "01", "birth": "19491231",
        "address": "北京市朝阳区建国路88号", "id": "11010519491231002X",
        "authority": "北京市公安局朝阳分局", "from": "20100101", "to": "长期",
    } | over
    block = (field(f["name"], 30) + field(f["sex"], 2) + field(f["nation"], 4)
             + field(f["birth"], 16) + field(f["address"], 70) + field(f["id"], 36)
             + field(f["authority"], 30) + field(f["from"], 16) + field(f["to"], 16)
             + field("", 36))
    assert len(block) == 256
    return block


def test_hand_built_resident_card() -> None:
    r = decode_text_block(hand_built_resident())
    assert r.card_type is CardType.RESIDENT
    assert r.name == "欧阳䶮明"  # a rare character (CJK Extension A) kept whole
    assert r.sex is Sex.FEMALE
    assert (r.nation_code, r.nation) == ("01", "汉")
    assert r.birth == date(1949, 12, 31)
    assert r.address == "北京市朝阳区建国路88号"
    assert r.id_number == "11010519491231002X"
    assert r.valid_from == date(2010, 1, 1)
    assert r.valid_to is None  # 长期: no expiry
    assert not r.is_expired(date(2099, 1, 1))
    assert "欧阳" not in repr(r)


@pytest.mark.parametrize("sample", DECK, ids=lambda c: c.card_id)
def test_every_sample_card_round_trips(sample) -> None:
    assert decode_text_block(encode_text_block(sample.record)) == sample.record


def test_names_with_inner_spaces_are_not_cut() -> None:
    r = decode_text_block(encode_text_block(card("john-smith").record))
    assert r.english_name == "SMITH, JOHN WILLIAM"
    assert r.nationality == "USA"
    assert r.card_version == "2017"


def test_2023_card_english_name_spans_both_slots() -> None:
    rec = card("maximilian").record
    block = encode_text_block(rec)
    assert block[248:250].decode("utf-16-le") == "Y"
    assert block[242:248].decode("utf-16-le") == "DEU"
    r = decode_text_block(block)
    assert r.english_name == "MUELLER-LUEDENSCHEIDT, MAXIMILIAN ALEXANDER"
    assert len(r.english_name) > 35
    assert r.name == "穆勒"


def test_hmt_permit_has_pass_number_and_no_nation() -> None:
    r = decode_text_block(encode_text_block(card("chan-tai-man").record))
    assert r.card_type is CardType.HMT_RESIDENCE
    assert r.pass_number == "H12345678"
    assert r.issue_count == 2
    assert r.nation is None


@pytest.mark.parametrize(
    ("over", "why"),
    [
        ({"id": "110105194912310021"}, "check character"),
        ({"birth": "19491230"}, "birth date on the card differs"),
        ({"sex": "1"}, "sex on the card differs"),
        ({"sex": "3"}, "undocumented sex code"),
        ({"nation": "77"}, "undocumented nation code"),
        ({"from": "20101301"}, "not a real date"),
        ({"to": "20000101"}, "expires before it starts"),
    ],
)
def test_inconsistent_cards_are_reported(over: dict[str, str], why: str) -> None:
    with pytest.raises(InconsistentCard, match=why):
        decode_text_block(hand_built_resident(**over))


def test_sex_codes_0_and_9_are_not_female() -> None:
    r = decode_text_block(hand_built_resident(sex="9"))
    assert r.sex is Sex.UNSPECIFIED
    r = decode_text_block(hand_built_resident(sex="0"))
    assert r.sex is Sex.UNKNOWN


def test_undocumented_type_and_bad_size() -> None:
    block = bytearray(hand_built_resident())
    block[248:250] = "Z".encode("utf-16-le")
    with pytest.raises(TextBlockError, match="undocumented card type mark 'Z'"):
        decode_text_block(bytes(block))
    with pytest.raises(TextBlockError, match="256 bytes, not 255"):
        decode_text_block(bytes(block[:255]))


def test_hmt_permit_number_checked_too() -> None:
    rec = card("lin-zhiming").record
    bad = replace(rec, id_number=rec.id_number[:17] + ("0" if rec.id_number[17] != "0" else "1"))
    with pytest.raises(InconsistentCard, match="check character"):
        decode_text_block(encode_text_block(bad))


# --- rare characters beyond the BMP (生僻字): UTF-16 surrogate pairs -------------------------

def test_a_name_beyond_the_bmp_is_read_whole() -> None:
    # 13 common characters and 𠈌 (U+2020C, two units): exactly the 15 units of the field
    name = "欧阳" + "明" * 11 + "𠈌"
    r = decode_text_block(hand_built_resident(name=name, address="新疆乌鲁木齐市𠈌路1号"))
    assert r.name == name
    assert r.address == "新疆乌鲁木齐市𠈌路1号"
    assert decode_text_block(encode_text_block(r)) == r


def test_half_a_character_at_a_fields_end_is_named_not_guessed() -> None:
    cut = "欧阳" + "明" * 12 + "\ud840"  # 𠈌 (D840 DE0C) without its second half
    block = bytearray(hand_built_resident())
    block[0:30] = cut.encode("utf-16-le", "surrogatepass")
    with pytest.raises(CutCharacter) as refused:
        decode_text_block(bytes(block))
    assert refused.value.field == "name"
    assert "明" not in str(refused.value)  # the field is named, its text never shown


def test_a_name_longer_than_the_field_in_units_is_refused_by_the_encoder() -> None:
    too_long = replace(card("zhang-wei").record, name="欧阳" + "明" * 12 + "𠈌")  # 16 units
    with pytest.raises(DoesNotFit, match="name takes 16 UTF-16 units; the card's field holds 15"):
        encode_text_block(too_long)
    assert utf16_units("王𠈌") == 3

"""An ID number that passes GB 11643's check can still not be a real one of its card: the
region must be a GB/T 2260 province, the birth not after today, the prefix the card type's,
and a 2017 permanent residence number must hold the card's own birth date. Each refusal is
said plainly: "证件号码无效"."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from kiosk.domain.citizen_messages import message_for
from kiosk.domain.id_number import make_id_number
from kiosk.domain.id_plausibility import ImplausibleIdNumber, ensure_plausible
from kiosk.domain.identity import Credential, Identity, identity_from_idcard
from kiosk.sim.citizens import DECK, card

TODAY = date(2026, 12, 7)


def _card(card_id: str, **changes: object) -> Identity:
    return identity_from_idcard(replace(card(card_id).record, **changes), None)


@pytest.mark.parametrize("sample", DECK, ids=lambda c: c.card_id)
def test_every_sample_card_is_plausible(sample) -> None:
    ensure_plausible(identity_from_idcard(sample.record, None), TODAY)


@pytest.mark.parametrize(("card_id", "number", "why"), [
    ("zhang-wei", make_id_number("000000", date(1985, 3, 12), 31), "mainland province"),
    ("zhang-wei", make_id_number("991234", date(1985, 3, 12), 31), "mainland province"),
    ("zhang-wei", make_id_number("911276", date(1985, 3, 12), 31), "mainland province"),
    ("chan-tai-man", make_id_number("440106", date(1982, 12, 25), 13), "81, 82 or 83"),
    ("maximilian", make_id_number("110105", date(1990, 7, 4), 1), "9 and a mainland"),
    ("maximilian", make_id_number("981276", date(1990, 7, 4), 1), "9 and a mainland"),
    ("john-smith", "USA110080051601", "birth date inside the number differs"),
    ("john-smith", "GBR110080051501", "nationality inside the number differs"),
    ("john-smith", "USA990080051501", "no mainland province"),
])
def test_a_number_its_card_cannot_carry_is_refused_plainly(card_id: str, number: str,
                                                           why: str) -> None:
    with pytest.raises(ImplausibleIdNumber, match=why) as refused:
        ensure_plausible(_card(card_id, id_number=number), TODAY)
    assert message_for(refused.value).text == "证件号码无效，不能用于办理。"


def test_a_birth_after_today_is_an_invalid_card_not_a_minor() -> None:
    tomorrow = date(2026, 12, 8)
    future = _card("zhang-wei", birth=tomorrow, id_number=make_id_number("110105", tomorrow, 31))
    with pytest.raises(ImplausibleIdNumber, match="after today"):
        ensure_plausible(future, TODAY)
    ensure_plausible(future, tomorrow)  # born today: a newborn's card is real


def test_numbers_from_other_credentials_are_checked_by_their_shape() -> None:
    ssc = Identity(Credential.SOCIAL_SECURITY, "王喆", id_number=make_id_number(
        "310115", date(1996, 11, 30), 82), birth=date(1996, 11, 30))
    ensure_plausible(ssc, TODAY)
    with pytest.raises(ImplausibleIdNumber):
        ensure_plausible(replace(ssc, id_number=make_id_number(
            "710101", date(1996, 11, 30), 82)), TODAY)
    eid_2017 = Identity(Credential.QR, "史密斯", id_number="USA110080051501",
                        birth=date(1980, 5, 15))
    ensure_plausible(eid_2017, TODAY)
    ensure_plausible(Identity(Credential.PASSPORT, "ZHANG WEI", document_number="E12345678"),
                     TODAY)

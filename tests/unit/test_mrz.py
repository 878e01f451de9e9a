"""ICAO 9303 machine-readable zones read right: ICAO's own specimens (Part 4 TD3, Part 5 TD1,
and its long-document-number TD1) as vectors; every check digit verified, the composite and
the TD3 personal number's included; two-digit years placed by "a birth is never in the
future, an expiry at most 50 years ahead"."""

from __future__ import annotations

from datetime import date

import pytest

from kiosk.devices.smartcard.icao.mrz import (
    BacKey,
    MrzError,
    birth_date,
    check_digit,
    expiry_date,
    parse_mrz,
)
from kiosk.domain.citizen_messages import visit_message
from kiosk.flows.passport_entry import MrzEntry, MrzEntryRefused, key_from_entry

TODAY = date(2026, 12, 7)
TD3 = ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
       "L898902C36UTO7408122F1204159ZE184226B<<<<<10")
TD1 = ("I<UTOD231458907<<<<<<<<<<<<<<<"
       "7408122F1204159UTO<<<<<<<<<<<6"
       "ERIKSSON<<ANNA<MARIA<<<<<<<<<<")
TD1_LONG_NUMBER = ("I<UTOD23145890<7349<<<<<<<<<<<"
                   "3407127M9507122UTO<<<<<<<<<<<2"
                   "STEVENSON<<PETER<JOHN<<<<<<<<<")


def test_the_td3_specimen() -> None:
    m = parse_mrz(TD3, today=TODAY)
    assert (m.document_code, m.issuing_state, m.document_number) == ("P", "UTO", "L898902C3")
    assert (m.surname, m.given_names, m.nationality, m.sex) == \
        ("ERIKSSON", "ANNA MARIA", "UTO", "female")
    assert (m.birth, m.expiry) == (date(1974, 8, 12), date(2012, 4, 15))
    assert m.optional_data == "ZE184226B"  # the personal number


def test_the_td1_specimen() -> None:
    m = parse_mrz(TD1, today=TODAY)
    assert (m.document_code, m.document_number, m.surname, m.given_names) == \
        ("I", "D23145890", "ERIKSSON", "ANNA MARIA")
    assert (m.birth, m.expiry, m.sex) == (date(1974, 8, 12), date(2012, 4, 15), "female")


def test_a_td1_document_number_longer_than_nine_characters() -> None:
    """`<` in the check digit's place: the number goes on in the optional data, then its
    check digit (9, over all twelve characters)."""
    m = parse_mrz(TD1_LONG_NUMBER, today=TODAY)
    assert m.document_number == "D23145890734"
    assert (m.surname, m.given_names, m.sex) == ("STEVENSON", "PETER JOHN", "male")
    assert (m.birth, m.expiry) == (date(1934, 7, 12), date(1995, 7, 12))
    assert m.optional_data == ""
    wrong = TD1_LONG_NUMBER.replace("7349<", "7348<")
    with pytest.raises(MrzError, match="document number"):
        parse_mrz(wrong, today=TODAY)


def _with(text: str, at: int, ch: str) -> str:
    return text[:at] + ch + text[at + 1:]


def test_the_composite_check_digit_catches_what_no_field_check_does() -> None:
    # TD1: the optional data of line 1 has no check digit of its own
    with pytest.raises(MrzError, match="composite"):
        parse_mrz(_with(TD1, 20, "X"), today=TODAY)
    # TD3: the personal number changed and its own check digit fixed to match
    personal = "ZE184226C<<<<<"
    forged = TD3[:44 + 28] + personal + check_digit(personal) + TD3[44 + 43:]
    with pytest.raises(MrzError, match="composite"):
        parse_mrz(forged, today=TODAY)


def test_the_td3_personal_number_has_its_own_check() -> None:
    with pytest.raises(MrzError, match="personal number"):
        parse_mrz(_with(TD3, 44 + 28, "X"), today=TODAY)


@pytest.mark.parametrize(("yymmdd", "born"), [
    ("261207", date(2026, 12, 7)),   # born today
    ("261208", date(1926, 12, 8)),   # "tomorrow" can only be a century ago: 99, not −1
    ("260101", date(2026, 1, 1)),
    ("000229", date(2000, 2, 29)),
    ("991231", date(1999, 12, 31)),
])
def test_a_birth_is_never_in_the_future(yymmdd: str, born: date) -> None:
    assert birth_date(yymmdd, TODAY) == born


@pytest.mark.parametrize(("yymmdd", "expires"), [
    ("340315", date(2034, 3, 15)),
    ("761231", date(2076, 12, 31)),  # 50 years ahead at most
    ("770101", date(1977, 1, 1)),    # beyond that: long expired
    ("120415", date(2012, 4, 15)),
])
def test_an_expiry_is_at_most_fifty_years_ahead(yymmdd: str, expires: date) -> None:
    assert expiry_date(yymmdd, TODAY) == expires


def test_a_centenarian_is_of_age() -> None:
    text = TD3[:44 + 13] + "261215" + check_digit("261215") + TD3[44 + 20:]
    composite = text[44:54] + text[57:64] + text[65:87]
    m = parse_mrz(text[:87] + check_digit(composite), today=TODAY)
    assert m.birth == date(1926, 12, 15)  # read as 2026 before: a minor of −1 years


# --- what the citizen types on the MRZ entry screen ----------------------------------------

SPECIMEN = {"document_number": "L898902C3", "document_check": "6", "birth": "740812",
            "birth_check": "2", "expiry": "120415", "expiry_check": "9"}


def test_the_specimens_bottom_line_typed_opens_with_its_key() -> None:
    key = key_from_entry(MrzEntry.from_answer({**SPECIMEN, "document_number": "l898902c3"}))
    assert key.mrz_information() == "L898902C36740812212041" + "59"
    short = MrzEntry.of(BacKey("AB123", "850312", "340316"))  # fillers count as 0 in the check
    assert short.document_check == check_digit("AB123<<<<")
    assert key_from_entry(short).document_number == "AB123"


@pytest.mark.parametrize(("change", "code"), [
    ({"document_number": "L8989-2C3"}, "mrz_document_shape"),
    ({"document_number": ""}, "mrz_document_shape"),
    ({"birth": "74081"}, "mrz_birth_shape"),
    ({"birth": "741312"}, "mrz_birth_shape"),     # a thirteenth month
    ({"expiry": "120431"}, "mrz_expiry_shape"),   # 31 April
    ({"document_check": "7"}, "mrz_document_check"),
    ({"document_number": "L898902C8"}, "mrz_document_check"),  # one character mistyped
    ({"birth_check": ""}, "mrz_birth_check"),
    ({"birth": "740813"}, "mrz_birth_check"),
    ({"expiry_check": "X"}, "mrz_expiry_check"),
])
def test_a_mistake_is_named_by_the_field_it_is_in(change: dict[str, str], code: str) -> None:
    with pytest.raises(MrzEntryRefused) as refused:
        key_from_entry(MrzEntry.from_answer({**SPECIMEN, **change}))
    assert refused.value.code == code
    assert visit_message(code, "zh-Hans")  # said in words, in every language
    assert visit_message(code, "en")
    assert "L898902C3" not in repr(MrzEntry.from_answer(SPECIMEN))

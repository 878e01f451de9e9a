"""Every decoder of outside data, fed arbitrary bytes and arbitrary Unicode: it raises its own
layer's typed error or returns a value, and never a value with a digit that is not ASCII (full-
width, Arabic-Indic and superscript digits all pass `str.isdigit()` and `\\d`)."""

from __future__ import annotations

import base64
import string
from datetime import date

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.devices.idcard.sam_frame import BadFrame, FrameReader
from kiosk.devices.idcard.text_block import (
    BLOCK_SIZE,
    RESIDENT,
    TextBlockError,
    decode_text_block,
    encode_text_block,
)
from kiosk.devices.smartcard import tlv
from kiosk.devices.smartcard.icao.mrz import BacKey, MrzError, parse_mrz
from kiosk.documents.qr_payload import (
    CertificateClaim,
    PayloadError,
    encode_payload,
    parse_payload,
    verify_payload,
)
from kiosk.domain.id_number import IdNumber, InvalidIdNumber
from kiosk.domain.identity import CardType, IdCardRecord, Sex

FOREIGN_DIGITS = "０１２３４５６７８９٠١٢٣٤٥٦٧٨٩²³¹⁰߀०১"
SETTINGS = settings(max_examples=300, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow])


def only_ascii_digits(text: str | None) -> bool:
    return text is None or not any(c.isdigit() and not c.isascii() for c in text)


def resident_block(number: str = "11010519491231002X", birth: str = "19491231",
                   valid_from: str = "20200101") -> bytes:
    record = IdCardRecord(card_type=CardType.RESIDENT, name="张三", sex=Sex.FEMALE,
                          birth=date(1949, 12, 31), id_number="11010519491231002X",
                          authority="北京市公安局", valid_from=date(2020, 1, 1), valid_to=None,
                          nation_code="01", nation="汉", address="北京市")
    block = bytearray(encode_text_block(record))
    for field, text in (("id_number", number), ("birth", birth), ("valid_from", valid_from)):
        offset, size = RESIDENT[field]
        raw = text.encode("utf-16-le")
        block[offset:offset + size] = raw + " ".encode("utf-16-le") * ((size - len(raw)) // 2)
    return bytes(block)


def test_the_genuine_block_decodes() -> None:
    assert decode_text_block(resident_block()).id_number == "11010519491231002X"


@pytest.mark.parametrize("digit", list(FOREIGN_DIGITS))
def test_a_foreign_digit_anywhere_in_the_numbers_is_refused(digit: str) -> None:
    number = "11010519491231002X"
    for i in range(17):
        with pytest.raises(TextBlockError):
            decode_text_block(resident_block(number=number[:i] + digit + number[i + 1:]))
    with pytest.raises(TextBlockError):
        decode_text_block(resident_block(birth="1949123" + digit))
    with pytest.raises(TextBlockError):
        decode_text_block(resident_block(valid_from=digit + "0200101"))


@SETTINGS
@given(st.binary(min_size=BLOCK_SIZE, max_size=BLOCK_SIZE))
def test_text_block_on_arbitrary_bytes(block: bytes) -> None:
    try:
        record = decode_text_block(block)
    except TextBlockError:
        return
    assert only_ascii_digits(record.id_number)


@SETTINGS
@given(st.one_of(  # digit-like text of about the right length, and anything at all
    st.text(alphabet=st.sampled_from(string.digits + "Xx" + FOREIGN_DIGITS), min_size=17,
            max_size=19),
    st.text(max_size=100)))
def test_id_numbers_on_arbitrary_text(text: str) -> None:
    try:
        n = IdNumber.parse(text)
    except InvalidIdNumber:
        return
    assert n.value.isascii()


@SETTINGS
@given(st.text(alphabet=st.sampled_from(string.ascii_uppercase + string.digits + "<"
                                        + FOREIGN_DIGITS + "\n"), min_size=80, max_size=95))
def test_mrz_on_arbitrary_text(text: str) -> None:
    try:
        m = parse_mrz(text)
    except MrzError:
        return
    assert only_ascii_digits(m.document_number)


@SETTINGS
@given(st.text(max_size=40))
def test_bac_key_on_arbitrary_text(text: str) -> None:
    try:
        key = BacKey.parse(text)
    except MrzError:
        return
    assert key.key_seed()  # encodable: every character is an MRZ character


@pytest.mark.parametrize("text", ["L89890٢C<:690806:940623", "L898902C<:69080٦:940623",
                                  "L898902C<:690806:94062３"])
def test_bac_key_refuses_foreign_digits(text: str) -> None:
    with pytest.raises(MrzError):
        BacKey.parse(text)


@SETTINGS
@given(st.binary(max_size=600))
def test_tlv_on_arbitrary_bytes(data: bytes) -> None:
    try:
        item, _end = tlv.parse_one(data)
        item.find(0x5F1F)
    except tlv.TlvError:
        pass


def test_tlv_nested_a_thousand_deep_is_a_typed_error() -> None:
    data = b"\x01"
    for _ in range(1000):
        data = tlv.encode(0x61, data)
    item, _ = tlv.parse_one(data)
    with pytest.raises(tlv.TlvError, match="nested deeper"):
        item.find(0x5F1F)


@SETTINGS
@given(st.binary(max_size=2000))
def test_sam_frames_on_arbitrary_bytes(data: bytes) -> None:
    reader = FrameReader()
    for frame in reader.feed(data):
        if isinstance(frame, BadFrame):
            continue
        try:
            frame.as_response()
        except ValueError:  # the codec's typed refusal of a frame it cannot read
            continue


KEY = Ed25519PrivateKey.generate()


def genuine_payload() -> tuple[str, dict[str, object]]:
    claim = CertificateClaim("WFZZM-2026-000123", "WFZZM-001", "张*", date(2026, 12, 3),
                             "0a1b2c3d")
    text = encode_payload(claim, KEY)
    return text, {"0a1b2c3d": KEY.public_key()}


LOOKALIKES = {**{d: FOREIGN_DIGITS for d in string.digits}, "O": "0Ｏ〇", "I": "1lＩ",
              "-": "‐−–－", "Z": "２Ｚ"}


def test_exactly_one_text_verifies_for_one_signed_payload() -> None:
    text, keys = genuine_payload()
    assert verify_payload(text, keys).valid  # type: ignore[arg-type]
    accepted = []
    for i, c in enumerate(text):
        replacements = set(string.ascii_letters + string.digits + "-_.") | set(
            LOOKALIKES.get(c, "")) | set(FOREIGN_DIGITS)
        for r in replacements - {c}:
            mutated = text[:i] + r + text[i + 1:]
            if verify_payload(mutated, keys).valid:  # type: ignore[arg-type]
                accepted.append((i, c, r))
    assert accepted == []


@SETTINGS
@given(st.text(max_size=300))
def test_qr_payload_on_arbitrary_text(text: str) -> None:
    try:
        claim, _sig = parse_payload("YB1." + text)
    except PayloadError:
        return
    assert claim.document_number.isascii()
    assert claim.service_code.isascii()


def test_base64_fields_have_one_spelling() -> None:
    text, keys = genuine_payload()
    parts = text.split(".")
    sig = parts[-1]
    padded = base64.urlsafe_b64encode(base64.urlsafe_b64decode(sig + "==")).decode()
    assert not verify_payload(".".join([*parts[:-1], padded]), keys).valid  # type: ignore[arg-type]

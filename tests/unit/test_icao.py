"""ICAO 9303 BAC and secure messaging against the vectors in docs/reference/emrtd-bac.md
(and the protected SELECT of EF.COM from ICAO 9303-11's worked example)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as hst

from kiosk.devices.smartcard.apdu import Command, Response
from kiosk.devices.smartcard.icao.bac import (
    BacError,
    DocumentKeys,
    SessionKeys,
    chip_answer,
    terminal_authenticate,
    terminal_finish,
)
from kiosk.devices.smartcard.icao.crypto import pad, retail_mac, unpad
from kiosk.devices.smartcard.icao.mrz import BacKey, MrzError, check_digit, parse_mrz
from kiosk.devices.smartcard.icao.secure_messaging import (
    SecureMessagingError,
    unwrap_command,
    unwrap_response,
    wrap_command,
    wrap_response,
)
from kiosk.devices.smartcard.sim.passport_card import td3_mrz

H = bytes.fromhex
KEY = BacKey("L898902C", "690806", "940623")
RND_IC, RND_IFD = H("4608F91988702212"), H("781723860C06C226")
K_IFD, K_IC = H("0B795240CB7049B01C19B33E32804F0B"), H("0B4F80323EB3191CB04970CB4052790B")


def test_key_derivation_vectors() -> None:
    assert KEY.mrz_information() == "L898902C<369080619406236"
    assert KEY.key_seed() == H("239AB9CB282DAF66231DC5A4DF6BFBAE")
    keys = DocumentKeys.from_mrz(KEY)
    assert keys.enc == H("AB94FDECF2674FDFB9B391F85D7F76F2")
    assert keys.mac == H("7962D9ECE03D1ACD4C76089DCE131543")


def test_mutual_authentication_vectors() -> None:
    keys = DocumentKeys.from_mrz(KEY)
    ch = terminal_authenticate(keys, RND_IC, rnd_ifd=RND_IFD, k_ifd=K_IFD)
    assert ch.cmd_data[:32] == H("72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2")
    assert ch.cmd_data[32:] == H("5F1448EEA8AD90A7")
    answer, chip_session = chip_answer(keys, RND_IC, ch.cmd_data, k_ic=K_IC)
    assert answer[:32] == H("46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F")
    assert answer[32:] == H("2F2D235D074D7449")
    session = terminal_finish(keys, ch, RND_IC, answer)
    assert session.enc == H("979EC13B1CBFE9DCD01AB0FED307EAE5")
    assert session.mac == H("F1CB1F1FB5ADF208806B89DC579DC1F8")
    assert session.ssc.to_bytes(8, "big") == H("887022120C06C226")
    assert (chip_session.enc, chip_session.mac, chip_session.ssc) == \
        (session.enc, session.mac, session.ssc)


def icao_session() -> SessionKeys:
    return SessionKeys(H("979EC13B1CBFE9DCD01AB0FED307EAE5"),
                       H("F1CB1F1FB5ADF208806B89DC579DC1F8"), int("887022120C06C226", 16))


def test_secure_messaging_worked_example() -> None:
    s = icao_session()
    protected = wrap_command(s, Command(0x00, 0xA4, 0x02, 0x0C, H("011E")))
    assert protected.encode() == H("0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800")
    r = unwrap_response(s, Response.parse(H("990290008E08FA855A5D4C50A8ED9000")))
    assert r.sw == 0x9000
    assert s.ssc.to_bytes(8, "big") == H("887022120C06C228")


def test_a_wrong_response_mac_is_refused() -> None:
    s = icao_session()
    wrap_command(s, Command(0x00, 0xA4, 0x02, 0x0C, H("011E")))
    with pytest.raises(SecureMessagingError, match="MAC"):
        unwrap_response(s, Response.parse(H("990290008E08FA855A5D4C50A8EC9000")))


def test_wrong_mrz_fails_on_the_chip_side() -> None:
    good, bad = DocumentKeys.from_mrz(KEY), DocumentKeys.from_mrz(BacKey("L898902C", "690806",
                                                                           "940624"))
    ch = terminal_authenticate(bad, RND_IC)
    with pytest.raises(BacError):
        chip_answer(good, RND_IC, ch.cmd_data)


@settings(max_examples=100, deadline=None)
@given(data=hst.binary(max_size=300), reply=hst.binary(max_size=300),
       le=hst.one_of(hst.none(), hst.integers(1, 256)), ssc=hst.integers(0, 2**64 - 1))
def test_secure_messaging_round_trip(data: bytes, reply: bytes, le: int | None,
                                     ssc: int) -> None:
    terminal = SessionKeys(H("979EC13B1CBFE9DCD01AB0FED307EAE5"),
                           H("F1CB1F1FB5ADF208806B89DC579DC1F8"), ssc)
    chip = SessionKeys(terminal.enc, terminal.mac, ssc)
    cmd = Command(0x00, 0xB0, 0x01, 0x02, data, le)
    inner = unwrap_command(chip, Command.parse(wrap_command(terminal, cmd).encode()))
    assert (inner.ins, inner.p1, inner.p2, inner.data, inner.le) == (0xB0, 1, 2, data, le)
    back = unwrap_response(terminal, Response.parse(
        wrap_response(chip, Response(reply, 0x90, 0x00)).encode()))
    assert back == Response(reply, 0x90, 0x00)


def test_padding_and_mac_shapes() -> None:
    assert pad(b"") == H("8000000000000000")
    assert unpad(pad(b"\x01\x80\x00")) == b"\x01\x80\x00"
    with pytest.raises(ValueError, match="padded"):
        retail_mac(bytes(16), b"abc")


@pytest.mark.parametrize(("field", "digit"), [("L898902C<", "3"), ("690806", "1"),
                                              ("940623", "6"), ("520727", "3")])
def test_mrz_check_digits(field: str, digit: str) -> None:
    assert check_digit(field) == digit


def test_icao_specimen_mrz_parses() -> None:
    m = parse_mrz("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
                  "L898902C36UTO7408122F1204159ZE184226B<<<<<10")
    assert (m.surname, m.given_names, m.nationality, m.sex) == \
        ("ERIKSSON", "ANNA MARIA", "UTO", "female")
    assert m.birth.isoformat() == "1974-08-12"
    assert m.document_number == "L898902C3"


def test_generated_mrz_has_valid_check_digits() -> None:
    m = parse_mrz(td3_mrz("ZHANG", "WEI", "E12345678", "CHN", "850312", "M", "340315"))
    assert m.document_number == "E12345678"
    assert m.expiry.isoformat() == "2034-03-15"


def test_mrz_with_a_bad_check_digit_is_refused() -> None:
    text = td3_mrz("ZHANG", "WEI", "E12345678", "CHN", "850312", "M", "340315")
    broken = text[:44 + 9] + ("0" if text[44 + 9] != "0" else "1") + text[44 + 10:]
    with pytest.raises(MrzError, match="document number"):
        parse_mrz(broken)


@pytest.mark.parametrize("text", ["E123:850312", "E12345678:8503:340315", "E1234567890:850312:"
                                  "340315", "E12$:850312:340315"])
def test_bad_access_key_text(text: str) -> None:
    with pytest.raises(MrzError):
        BacKey.parse(text)

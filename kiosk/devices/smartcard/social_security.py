"""Reading the social security card (社会保障卡) over PC/SC.

Source: 《社会保障（个人）卡规范》 (the Ministry of Human Resources and Social Security's card
specification), as summarised in docs/reference/social-security-card.md. The summary gives
the APDUs and file ids below but not the specification's section numbers; the sections must be
confirmed against the specification text, which is not available here:
- SELECT the application by name: 00 A4 04 00 0F "sx1.sh.社会保障" (GB 18030; for these
  characters the same bytes as GBK).
- READ RECORD by tag (P1 = tag, P2 = SFI << 3): EF05 card identification (SFI 05):
  01 card identification code, 03 specification version, 05 issue date, 06 expiry date,
  07 card number; EF06 holder (SFI 06): 08 social security number, 09 name, 4E name
  extension, 0A sex, 0B nation, 0D birth date.
- The name is GB 18030 (the mandatory national character set, GB 18030-2005/2022), not GBK:
  GBK lacks most rare characters — 䶮 is FE 9F and 𠈌 the four bytes 95 32 B7 30 in
  GB 18030, which GBK decodes as "��" or not at all. A name too long for the 30 bytes of
  tag 09 goes on in tag 4E (20 bytes), so the two are joined before decoding (a character
  never has to be split at the boundary, but one that is still decodes whole). Bytes that
  are not GB 18030 are `CardTextUnreadable`: the citizen is sent to a counter, never shown a
  name with a replacement character in it.
- EF05 needs no PIN or PSAM; EF06 neither on 1.0/2.0 cards. A 3.0 card that refuses EF06
  (security status not satisfied) is reported as "needs PSAM", never filled in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kiosk.devices.errors import CardReadFailed, CardTextUnreadable, DeviceProtocolError
from kiosk.devices.smartcard import tlv
from kiosk.devices.smartcard.apdu import Command, sw_meaning
from kiosk.devices.smartcard.pcsc_channel import PcscChannel
from kiosk.domain.ascii_digits import is_ascii_digits
from kiosk.domain.errors import Advice
from kiosk.domain.nations import nation_name

NAME_ENCODING = "gb18030"
SSC_AID = "sx1.sh.社会保障".encode(NAME_ENCODING)
SFI_EF05, SFI_EF06 = 0x05, 0x06


class NotASocialSecurityCard(CardReadFailed):
    code = "not_a_social_security_card"
    advice = Advice.USE_OTHER_METHOD


class NeedsPsam(CardReadFailed):
    """The card wants the terminal's security module (PSAM) for the holder file."""

    code = "needs_psam"
    advice = Advice.TAKE_TICKET


@dataclass(frozen=True, repr=False)
class SocialSecurityRead:
    card_number: str
    spec_version: str
    issue_date: date | None
    expiry: date | None
    region_code: str
    ssn: str
    name: str
    sex: str
    nation_code: str | None
    nation: str | None
    birth: date | None
    __personal__ = True

    def __repr__(self) -> str:
        return f"SocialSecurityRead(v{self.spec_version}, <redacted>)"


def bcd_date(raw: bytes) -> date | None:
    digits = raw.hex()
    if len(digits) != 8 or not is_ascii_digits(digits) or digits == "00000000":
        return None
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None


def _text(raw: bytes, encoding: str = "ascii") -> str:
    return raw.rstrip(b"\x00 \xff").decode(encoding, errors="replace").strip()


def _padding_off(raw: bytes) -> bytes:
    # 00, space and FF pad a field; none of them is ever part of a GB 18030 character
    return raw.rstrip(b"\x00 \xff")


def holder_name(name: bytes, extension: bytes = b"") -> str:
    """The holder's name from tag 09 and its extension (tag 4E), in GB 18030."""
    raw = _padding_off(name) + _padding_off(extension)
    try:
        return raw.decode(NAME_ENCODING, errors="strict").strip()
    except UnicodeDecodeError:
        raise CardTextUnreadable("the name on the card is not GB 18030 text") from None


def _read_tag(channel: PcscChannel, sfi: int, tag: int) -> bytes | None:
    r = channel.transmit(Command(0x00, 0xB2, tag, sfi << 3, le=0))
    if r.sw == 0x6982:
        raise NeedsPsam(f"tag {tag:02X} of SFI {sfi:02X} needs the terminal's PSAM")
    if r.sw == 0x6A83 or r.sw == 0x6A82:
        return None
    if not r.ok:
        raise DeviceProtocolError(f"READ RECORD {tag:02X}: {r.sw:04X} {sw_meaning(r.sw)}")
    try:
        item, _ = tlv.parse_one(r.data)
    except tlv.TlvError as exc:
        raise DeviceProtocolError(f"record {tag:02X}: {exc}") from None
    if item.tag != tag:
        raise DeviceProtocolError(f"asked for tag {tag:02X}, got {item.tag:02X}")
    return item.value


def read_social_security(channel: PcscChannel) -> SocialSecurityRead:
    r = channel.transmit(Command(0x00, 0xA4, 0x04, 0x00, SSC_AID, le=0))
    if not r.ok:
        raise NotASocialSecurityCard(f"no social security application ({r.sw:04X})")

    def ef05(tag: int) -> bytes:
        return _read_tag(channel, SFI_EF05, tag) or b""

    ident = ef05(0x01)
    version = _text(ef05(0x03))
    issued, expiry, number = bcd_date(ef05(0x05)), bcd_date(ef05(0x06)), _text(ef05(0x07))

    def ef06(tag: int) -> bytes:
        return _read_tag(channel, SFI_EF06, tag) or b""

    ssn = _text(ef06(0x08))
    name = holder_name(ef06(0x09), ef06(0x4E))
    sex = {"1": "male", "2": "female"}.get(_text(ef06(0x0A)), "unknown")
    nation_raw = ef06(0x0B)
    nation_code = f"{nation_raw[0]:02d}" if nation_raw else None
    return SocialSecurityRead(
        card_number=number, spec_version=version, issue_date=issued, expiry=expiry,
        region_code=ident[:3].hex() if ident else "", ssn=ssn, name=name, sex=sex,
        nation_code=nation_code, nation=nation_name(nation_code) if nation_code else None,
        birth=bcd_date(ef06(0x0D)),
    )

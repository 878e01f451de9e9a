"""A virtual social security card (社会保障卡), served through vpcd.

Answers SELECT by name with 61xx (so the reader's GET RESPONSE path runs) and READ RECORD by
tag with 6Cxx when Le is not the record's length (so the reader's retry path runs). A 3.0 card
can be made to refuse the holder file without a PSAM (6982), as one source says real ones do.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kiosk.devices.smartcard import tlv
from kiosk.devices.smartcard.apdu import Command, Response
from kiosk.devices.smartcard.sim.card_base import VirtualCardBase
from kiosk.devices.smartcard.social_security import (
    NAME_ENCODING,
    SFI_EF05,
    SFI_EF06,
    SSC_AID,
)
from kiosk.domain.id_number import make_id_number

ATR = bytes.fromhex("3B6B00FF56434D5331302E30312D00")  # a contact card's ATR


def _bcd(d: date) -> bytes:
    return bytes.fromhex(f"{d:%Y%m%d}")


def _fixed(text: str, size: int, encoding: str = "ascii") -> bytes:
    raw = text.encode(encoding)
    if len(raw) > size:
        raise ValueError(f"{text!r} does not fit in {size} bytes")
    return raw + bytes(size - len(raw))


NAME_BYTES, EXTENSION_BYTES = 30, 20


def name_records(name: str) -> dict[int, bytes]:
    """Tag 09 (and tag 4E when the name is longer), in GB 18030, split between whole
    characters."""
    first = ""
    for ch in name:
        if len((first + ch).encode(NAME_ENCODING)) > NAME_BYTES:
            break
        first += ch
    rest = name[len(first):]
    records = {0x09: _fixed(first, NAME_BYTES, NAME_ENCODING)}
    if rest:
        records[0x4E] = _fixed(rest, EXTENSION_BYTES, NAME_ENCODING)
    return records


@dataclass(frozen=True)
class SocialSecurityProfile:
    card_number: str
    ssn: str
    name: str
    sex: str  # "1" male, "2" female
    nation: int
    birth: date
    issued: date
    expiry: date
    region: str = "440100"
    version: str = "3.00"


# 王喆 of the ID-card deck (kiosk.sim.citizens): the same person, the same ID number
SAMPLE_SSC = SocialSecurityProfile("A12345678", make_id_number("310115", date(1996, 11, 30), 82),
                                   "王喆", "2", 1, date(1996, 11, 30), date(2021, 6, 1),
                                   date(2031, 6, 1), region="310115")
# 刘䶮 of the deck: 䶮 is in GB 18030 (FE 9F) but not in GBK
RARE_NAME_SSC = SocialSecurityProfile(
    "B23456789", make_id_number("440106", date(1990, 7, 1), 153), "刘䶮", "1", 1,
    date(1990, 7, 1), date(2022, 3, 1), date(2032, 3, 1), region="440106")


class VirtualSocialSecurityCard(VirtualCardBase):
    atr = ATR

    def __init__(self, profile: SocialSecurityProfile = SAMPLE_SSC, *,
                 needs_psam: bool = False) -> None:
        p = profile
        self.needs_psam = needs_psam
        self.records = {
            SFI_EF05: {
                0x01: bytes.fromhex(p.region.ljust(6, "0")) + _fixed("86", 2) + bytes(11),
                0x03: _fixed(p.version, 4),
                0x05: _bcd(p.issued),
                0x06: _bcd(p.expiry),
                0x07: _fixed(p.card_number, 9),
            },
            SFI_EF06: {
                0x08: _fixed(p.ssn, 18),
                **name_records(p.name),
                0x0A: _fixed(p.sex, 1),
                0x0B: bytes([p.nation]),
                0x0C: bytes.fromhex(p.region[:6]),
                0x0D: _bcd(p.birth),
            },
        }
        self.power_on()

    def power_on(self) -> None:
        self.selected = False
        self.pending = b""

    def answer(self, cmd: Command) -> Response:
        if cmd.ins == 0xC0:  # GET RESPONSE
            data, self.pending = self.pending[: cmd.le or 256], self.pending[cmd.le or 256 :]
            if self.pending:
                return Response(data, 0x61, min(len(self.pending), 255))
            return Response(data, 0x90, 0x00)
        if cmd.ins == 0xA4 and cmd.p1 == 0x04:
            if cmd.data != SSC_AID:
                return Response(b"", 0x6A, 0x82)
            self.selected = True
            self.pending = tlv.encode(0x6F, tlv.encode(0x84, SSC_AID))
            return Response(b"", 0x61, len(self.pending))
        if not self.selected:
            return Response(b"", 0x69, 0x85)
        if cmd.ins == 0xB2:
            sfi, tag = cmd.p2 >> 3, cmd.p1
            if sfi == SFI_EF06 and self.needs_psam:
                return Response(b"", 0x69, 0x82)
            value = self.records.get(sfi, {}).get(tag)
            if value is None:
                return Response(b"", 0x6A, 0x83)
            record = tlv.encode(tag, value)
            if cmd.le not in (len(record),):
                return Response(b"", 0x6C, len(record))
            return Response(record, 0x90, 0x00)
        return Response(b"", 0x6D, 0x00)

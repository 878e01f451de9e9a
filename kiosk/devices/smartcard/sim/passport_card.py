"""A virtual ICAO 9303 e-passport with BAC, served through vpcd.

It enforces the protocol as a real chip does: reading before authentication → 6982; wrong BAC
keys → 6300; a command whose MAC is wrong → 6988 (and the session ends). Its EF.SOD is signed
by a test issuer made on the spot, whose country CA the tests can trust.
Faults: `tamper_dg2` (a photo byte changed after signing: hash mismatch) and `tamper_mac`
(every secure-messaging answer carries a wrong MAC).
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from importlib import resources

from PIL import Image

from kiosk.devices.smartcard.apdu import Command, Response
from kiosk.devices.smartcard.icao import lds
from kiosk.devices.smartcard.icao.bac import BacError, DocumentKeys, SessionKeys, chip_answer
from kiosk.devices.smartcard.icao.mrz import BacKey, check_digit
from kiosk.devices.smartcard.icao.secure_messaging import (
    SecureMessagingError,
    unwrap_command,
    wrap_response,
)
from kiosk.devices.smartcard.icao.sod import SimulatedIssuer, build_sod
from kiosk.devices.smartcard.passport import EMRTD_AID
from kiosk.devices.smartcard.sim.card_base import VirtualCardBase

ATR = bytes.fromhex("3B8880014241524E0000000000")  # ISO 14443-4 card behind a PC/SC reader


def td3_mrz(surname: str, given: str, document_number: str, nationality: str, birth: str,
            sex: str, expiry: str, issuing_state: str = "CHN", optional: str = "") -> str:
    """A passport MRZ (TD3) with every check digit computed."""
    name = (surname.replace(" ", "<") + "<<" + given.replace(" ", "<")).upper()
    line1 = ("P<" + issuing_state + name).ljust(44, "<")[:44]
    doc = document_number.ljust(9, "<")
    opt = optional.ljust(14, "<")
    body = (doc + check_digit(doc) + nationality + birth + check_digit(birth) + sex + expiry
            + check_digit(expiry) + opt + check_digit(opt))
    composite = body[0:10] + body[13:20] + body[21:43]
    return line1 + body + check_digit(composite)


@dataclass(frozen=True)
class PassportProfile:
    surname: str
    given_names: str
    document_number: str
    nationality: str
    birth: str  # YYMMDD
    sex: str  # M | F | <
    expiry: str  # YYMMDD
    photo: str  # file in kiosk/sim/photos

    @property
    def mrz(self) -> str:
        return td3_mrz(self.surname, self.given_names, self.document_number, self.nationality,
                       self.birth, self.sex, self.expiry)

    @property
    def access_key(self) -> BacKey:
        return BacKey(self.document_number, self.birth, self.expiry)


SAMPLE_PASSPORT = PassportProfile("ZHANG", "WEI", "E12345678", "CHN", "850312", "M", "340315",
                                  "passport-1.jpg")
# the same holder's previous passport, past its expiry date
EXPIRED_PASSPORT = PassportProfile("ZHANG", "WEI", "E01234567", "CHN", "850312", "M", "240101",
                                   "passport-1.jpg")
PASSPORTS = {"passport": SAMPLE_PASSPORT, "passport-expired": EXPIRED_PASSPORT}


class VirtualPassport(VirtualCardBase):
    atr = ATR

    def __init__(self, profile: PassportProfile = SAMPLE_PASSPORT,
                 issuer: SimulatedIssuer | None = None, *, tamper_dg2: bool = False,
                 tamper_mac: bool = False) -> None:
        self.profile = profile
        self.issuer = issuer or SimulatedIssuer.create()
        self.tamper_mac = tamper_mac
        jpeg = resources.files("kiosk.sim").joinpath(f"photos/{profile.photo}").read_bytes()
        with Image.open(io.BytesIO(jpeg)) as img:
            width, height = img.size
        dg1 = lds.build_dg1(profile.mrz)
        dg2 = lds.build_dg2(jpeg, width, height)
        sod = build_sod({1: dg1, 2: dg2}, self.issuer)
        if tamper_dg2:
            dg2 = dg2[:-100] + bytes([dg2[-100] ^ 0xFF]) + dg2[-99:]
        self.files = {lds.FID_COM: lds.build_com([1, 2]), lds.FID_DG1: dg1, lds.FID_DG2: dg2,
                      lds.FID_SOD: sod}
        self.keys = DocumentKeys.from_mrz(profile.access_key)
        self.power_on()

    def power_on(self) -> None:
        self.app_selected = False
        self.rnd_ic: bytes | None = None
        self.session: SessionKeys | None = None
        self.current: int | None = None

    def answer(self, cmd: Command) -> Response:
        return self._secure(cmd) if cmd.cla & 0x0C == 0x0C else self._plain(cmd)

    def _plain(self, cmd: Command) -> Response:
        if cmd.ins == 0xA4 and cmd.p1 == 0x04:
            self.app_selected = cmd.data == EMRTD_AID
            return Response(b"", 0x90, 0x00) if self.app_selected else Response(b"", 0x6A, 0x82)
        if not self.app_selected:
            return Response(b"", 0x69, 0x85)
        if cmd.ins == 0x84:
            self.rnd_ic = os.urandom(8)
            self.session = None
            return Response(self.rnd_ic, 0x90, 0x00)
        if cmd.ins == 0x82:
            if self.rnd_ic is None:
                return Response(b"", 0x69, 0x85)
            try:
                reply, self.session = chip_answer(self.keys, self.rnd_ic, cmd.data)
            except BacError:
                self.session = None
                return Response(b"", 0x63, 0x00)
            finally:
                self.rnd_ic = None
            return Response(reply, 0x90, 0x00)
        if cmd.ins in (0xA4, 0xB0):
            return Response(b"", 0x69, 0x82)  # files need BAC first
        return Response(b"", 0x6D, 0x00)

    def _secure(self, cmd: Command) -> Response:
        session = self.session
        if session is None:
            return Response(b"", 0x69, 0x82)
        try:
            inner = unwrap_command(session, cmd)
        except (SecureMessagingError, ValueError):
            self.session = None  # a bad MAC ends the session
            return Response(b"", 0x69, 0x88)
        answer = self._file_command(inner)
        wrapped = wrap_response(session, answer)
        if self.tamper_mac:
            data = wrapped.data[:-1] + bytes([wrapped.data[-1] ^ 0x01])
            wrapped = Response(data, wrapped.sw1, wrapped.sw2)
        return wrapped

    def _file_command(self, cmd: Command) -> Response:
        if cmd.ins == 0xA4 and cmd.p1 == 0x02:
            fid = int.from_bytes(cmd.data, "big")
            if fid not in self.files:
                return Response(b"", 0x6A, 0x82)
            self.current = fid
            return Response(b"", 0x90, 0x00)
        if cmd.ins == 0xB0:
            if self.current is None:
                return Response(b"", 0x69, 0x86)
            data = self.files[self.current]
            offset = (cmd.p1 << 8) | cmd.p2
            if offset > len(data):
                return Response(b"", 0x6B, 0x00)
            chunk = data[offset : offset + (cmd.le or 256)]
            return Response(chunk, 0x90, 0x00)
        return Response(b"", 0x6D, 0x00)

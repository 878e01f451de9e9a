"""Reading an ICAO 9303 e-passport (or travel permit) over PC/SC with Basic Access Control.

Sequence (ICAO Doc 9303 Part 11 §4.3 BAC, §9.8 secure messaging; Part 10 for the LDS):
  SELECT the eMRTD application (00 A4 04 0C, AID A0 00 00 02 47 10 01);
  GET CHALLENGE (00 84 00 00 08); EXTERNAL AUTHENTICATE (00 82 00 00 28 … 28);
  then under secure messaging: SELECT EF (00 A4 02 0C + FID) and READ BINARY (00 B0) in
  chunks, for EF.COM (011E), DG1 (0101), DG2 (0102) and EF.SOD (011D).
PACE is the newer access protocol: `read_passport` takes the access step as a seam
(`authenticate`), so a PACE implementation can replace BAC without touching the rest.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from cryptography import x509

from kiosk.devices.errors import CardReadFailed, DeviceProtocolError
from kiosk.devices.smartcard import tlv
from kiosk.devices.smartcard.apdu import Command, Response, sw_meaning
from kiosk.devices.smartcard.icao import lds
from kiosk.devices.smartcard.icao.bac import (
    BacError,
    DocumentKeys,
    SessionKeys,
    terminal_authenticate,
    terminal_finish,
)
from kiosk.devices.smartcard.icao.mrz import BacKey, MrzData, MrzError, parse_mrz
from kiosk.devices.smartcard.icao.secure_messaging import (
    SecureMessagingError,
    unwrap_response,
    wrap_command,
)
from kiosk.devices.smartcard.icao.sod import (
    SodError,
    SodVerification,
    listed_groups,
    verify_sod,
)
from kiosk.devices.smartcard.pcsc_channel import PcscChannel
from kiosk.domain.errors import Advice

EMRTD_AID = bytes.fromhex("A0000002471001")
CHUNK = 0xDF  # the largest READ BINARY answer that fits a short APDU under secure messaging


class WrongAccessKey(CardReadFailed):
    """The MRZ data given do not open this document."""

    code = "mrz_mismatch"
    advice = Advice.RETRY


class DocumentNotVerified(CardReadFailed):
    """The data read do not match the issuer's signed hashes (or the signature fails)."""

    code = "document_not_verified"
    advice = Advice.CALL_STAFF


class NotAPassport(CardReadFailed):
    code = "not_a_passport"
    advice = Advice.USE_OTHER_METHOD


@dataclass(frozen=True, repr=False)
class PassportRead:
    mrz: MrzData
    face: lds.FaceImage | None
    sod: SodVerification
    groups: tuple[int, ...]
    apdu_count: int
    duration_s: float
    transmit_s: float
    __personal__ = True

    def __repr__(self) -> str:
        return f"PassportRead({self.mrz.document_code}, <redacted>)"


Authenticate = Callable[[PcscChannel, BacKey], SessionKeys]


def bac_authenticate(channel: PcscChannel, key: BacKey) -> SessionKeys:
    keys = DocumentKeys.from_mrz(key)
    r = channel.transmit(Command(0x00, 0x84, 0x00, 0x00, le=8))
    if not r.ok or len(r.data) != 8:
        raise DeviceProtocolError(f"GET CHALLENGE: {r.sw:04X} {sw_meaning(r.sw)}")
    rnd_ic = r.data
    challenge = terminal_authenticate(keys, rnd_ic)
    r = channel.transmit(Command(0x00, 0x82, 0x00, 0x00, challenge.cmd_data, 0x28))
    if r.sw in (0x6300, 0x6982) or (r.sw >> 8) == 0x63:
        raise WrongAccessKey("the document number, birth date or expiry date do not open "
                             "this document")
    if not r.ok:
        raise DeviceProtocolError(f"EXTERNAL AUTHENTICATE: {r.sw:04X} {sw_meaning(r.sw)}")
    try:
        return terminal_finish(keys, challenge, rnd_ic, r.data)
    except BacError as exc:
        raise WrongAccessKey(str(exc)) from None


class _SecureFiles:
    def __init__(self, channel: PcscChannel, session: SessionKeys) -> None:
        self.channel = channel
        self.session = session

    def _send(self, cmd: Command) -> Response:
        protected = wrap_command(self.session, cmd)
        raw = self.channel.transmit(protected)
        try:
            return unwrap_response(self.session, raw)
        except SecureMessagingError as exc:
            raise DeviceProtocolError(f"secure messaging: {exc}") from None

    def read(self, fid: int) -> bytes:
        r = self._send(Command(0x00, 0xA4, 0x02, 0x0C, fid.to_bytes(2, "big")))
        if r.sw == 0x6A82:
            raise FileNotFoundError(fid)
        if not r.ok:
            raise DeviceProtocolError(f"SELECT {fid:04X}: {r.sw:04X} {sw_meaning(r.sw)}")
        head = self._read_binary(0, 4)
        total = tlv.total_length(head)
        if total is None:
            raise DeviceProtocolError(f"file {fid:04X} does not start with a TLV header")
        data = bytearray(head)
        while len(data) < total:
            data += self._read_binary(len(data), min(CHUNK, total - len(data)))
        return bytes(data[:total])

    def _read_binary(self, offset: int, length: int) -> bytes:
        if offset > 0x7FFF:
            raise DeviceProtocolError("file larger than READ BINARY's 15-bit offsets")
        r = self._send(Command(0x00, 0xB0, offset >> 8, offset & 0xFF, le=length))
        if not r.ok or not r.data:
            raise DeviceProtocolError(f"READ BINARY at {offset}: {r.sw:04X} {sw_meaning(r.sw)}")
        return r.data


def read_passport(channel: PcscChannel, key: BacKey, *, read_face: bool = True,
                  trust: list[x509.Certificate] | None = None,
                  authenticate: Authenticate = bac_authenticate,
                  today: date | None = None) -> PassportRead:
    """Open the chip with `key`, read and verify DG1 (and DG2). Blocking: run in a thread.
    `today` (the kiosk's day) places the MRZ's two-digit years in their century."""
    started = time.perf_counter()
    r = channel.transmit(Command(0x00, 0xA4, 0x04, 0x0C, EMRTD_AID))
    if not r.ok:
        raise NotAPassport(f"no e-passport application on this card ({r.sw:04X})")
    session = authenticate(channel, key)
    files = _SecureFiles(channel, session)
    # EF.SOD first: which groups exist comes from the signed hash list, not from EF.COM
    # (which nothing signs), and no data group is parsed before the SOD vouches for it.
    try:
        sod_raw = files.read(lds.FID_SOD)
        groups_listed = sorted(listed_groups(sod_raw))
        data = {1: files.read(lds.FID_DG1)}
        if read_face and 2 in groups_listed:
            data[2] = files.read(lds.FID_DG2)
    except FileNotFoundError as exc:
        raise DeviceProtocolError(f"the chip has no file {exc.args[0]:04X}") from None
    except SodError as exc:
        raise DocumentNotVerified(f"the document data could not be verified: {exc}") from None
    try:
        verification = verify_sod(sod_raw, data, trust)
    except SodError as exc:
        raise DocumentNotVerified(f"the document data could not be verified: {exc}") from None
    if not verification.verified:
        raise DocumentNotVerified(f"the document data could not be verified: "
                                  f"{verification.reason}")
    try:
        mrz = parse_mrz(lds.parse_dg1(data[1]), today=today)
        face = lds.parse_dg2(data[2]) if 2 in data else None
    except (MrzError, lds.LdsError) as exc:
        raise DeviceProtocolError(str(exc)) from None
    return PassportRead(mrz, face, verification, tuple(groups_listed), channel.apdu_count,
                        time.perf_counter() - started, channel.transmit_s)

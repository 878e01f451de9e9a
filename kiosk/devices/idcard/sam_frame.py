"""SAM serial frames (GA/T 467), both directions. Facts: docs/reference/id-card-sam.md.

    command:  AA AA AA 96 69 | LEN(2, BE) | CMD | PARA | DATA... | CHK
    response: AA AA AA 96 69 | LEN(2, BE) | SW1 | SW2 | SW3 | DATA... | CHK

LEN counts every byte after itself, CHK included. CHK is the XOR of the LEN bytes and every
byte after them up to the last data byte. `FrameReader` takes bytes in any pieces, discards
garbage before the preamble, and yields whole frames whose length and checksum hold; a frame
with a bad checksum is reported as `BadFrame`, never as data.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

PREAMBLE = b"\xaa\xaa\xaa\x96\x69"
MAX_LEN = 4096  # far above the longest real frame (text + photo + fingerprint: 2311)


class Command(IntEnum):
    """(CMD << 8) | PARA of each command the kiosk sends."""

    RESET_SAM = 0x10FF
    SAM_STATUS = 0x11FF
    SAM_ID = 0x12FF
    FIND_CARD = 0x2001
    SELECT_CARD = 0x2002
    READ_TEXT_PHOTO = 0x3001
    READ_APPENDED_ADDRESS = 0x3003
    READ_TEXT_PHOTO_FINGERPRINT = 0x3010


class Sw3(IntEnum):
    SUCCESS = 0x90
    FIND_OK = 0x9F
    NO_CARD = 0x80
    SELECT_FAILED = 0x81
    CHECKSUM_ERROR = 0x10
    LENGTH_ERROR = 0x11
    BAD_COMMAND = 0x21
    NOT_AUTHORISED = 0x23
    UNKNOWN_COMMAND = 0x24
    CARD_AUTH_FAILED = 0x31
    RANDOM_FAILED = 0x32
    SAM_AUTH_FAILED = 0x33
    LENGTH_FAILURE = 0x37
    CARD_TYPE_FAILURE = 0x3F
    READ_FAILED = 0x40
    READ_FAILED_LIFTED = 0x41
    OPERATION_FAILED = 0x47
    SAM_SELF_TEST_FAILED = 0x60
    SAM_NOT_AUTHORISED = 0x66
    NO_CONTENT = 0x91


SW3_MEANING: dict[int, str] = {
    0x90: "success",
    0x9F: "find card succeeded",
    0x80: "no card found",
    0x81: "card select failed",
    0x10: "checksum error in the command",
    0x11: "length error in the command",
    0x21: "bad command",
    0x23: "operation not authorised",
    0x24: "unknown command",
    0x31: "card authentication failed",
    0x32: "random number failure",
    0x33: "SAM authentication failed",
    0x37: "length failure",
    0x3F: "card type failure",
    0x40: "card read failed",
    0x41: "card read failed (card lifted?)",
    0x47: "operation failed",
    0x60: "SAM self-test failed",
    0x66: "SAM not authorised",
    0x91: "no such content",
}


def sw3_meaning(code: int) -> str:
    return SW3_MEANING.get(code, "undocumented status")


def checksum(body: bytes) -> int:
    """XOR of `body` (the LEN bytes and the payload, CHK excluded)."""
    c = 0
    for b in body:
        c ^= b
    return c


def _frame(payload: bytes) -> bytes:
    length = len(payload) + 1
    body = length.to_bytes(2, "big") + payload
    return PREAMBLE + body + bytes([checksum(body)])


def encode_command(command: Command | int, data: bytes = b"") -> bytes:
    return _frame(bytes([(command >> 8) & 0xFF, command & 0xFF]) + data)


def encode_response(sw3: int, data: bytes = b"", sw1: int = 0, sw2: int = 0) -> bytes:
    return _frame(bytes([sw1, sw2, sw3]) + data)


@dataclass(frozen=True)
class RawFrame:
    """A frame whose length and checksum hold: the payload between LEN and CHK."""

    payload: bytes

    def as_command(self) -> tuple[int, bytes]:
        """(CMD<<8 | PARA, data) of a command frame."""
        if len(self.payload) < 2:
            raise ValueError("a command frame has at least CMD and PARA")
        return (self.payload[0] << 8) | self.payload[1], self.payload[2:]

    def as_response(self) -> Response:
        if len(self.payload) < 3:
            raise ValueError("a response frame has at least SW1 SW2 SW3")
        return Response(self.payload[0], self.payload[1], self.payload[2], self.payload[3:])


@dataclass(frozen=True)
class Response:
    sw1: int
    sw2: int
    sw3: int
    data: bytes

    @property
    def meaning(self) -> str:
        return sw3_meaning(self.sw3)


@dataclass(frozen=True)
class BadFrame:
    """A frame-shaped run of bytes whose checksum failed; its bytes were discarded."""

    reason: str


class FrameReader:
    """Reassembles frames from a byte stream that may arrive in pieces and carry garbage."""

    def __init__(self) -> None:
        self._buf = bytearray()
        self.discarded = 0  # garbage bytes dropped while looking for a preamble

    def feed(self, data: bytes) -> list[RawFrame | BadFrame]:
        self._buf += data
        out: list[RawFrame | BadFrame] = []
        while True:
            start = self._buf.find(PREAMBLE)
            if start < 0:
                keep = self._partial_preamble_len()
                self.discarded += len(self._buf) - keep
                del self._buf[: len(self._buf) - keep]
                return out
            if start:
                self.discarded += start
                del self._buf[:start]
            if len(self._buf) < 7:
                return out
            length = int.from_bytes(self._buf[5:7], "big")
            if length < 2 or length > MAX_LEN:
                # not a real frame: skip this preamble and look for the next one
                self.discarded += 1
                del self._buf[:1]
                continue
            total = 7 + length
            if len(self._buf) < total:
                return out
            body = bytes(self._buf[5 : total - 1])
            chk = self._buf[total - 1]
            del self._buf[:total]
            if checksum(body) != chk:
                out.append(BadFrame(f"checksum 0x{chk:02X}, expected 0x{checksum(body):02X}"))
            else:
                out.append(RawFrame(body[2:]))

    def pending(self) -> int:
        """Bytes held back waiting for the rest of a frame."""
        return len(self._buf)

    def _partial_preamble_len(self) -> int:
        """Length of a preamble prefix at the end of the buffer (kept for the next feed)."""
        for n in range(min(len(PREAMBLE) - 1, len(self._buf)), 0, -1):
            if self._buf.endswith(PREAMBLE[:n]):
                return n
        return 0

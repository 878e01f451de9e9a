"""ISO/IEC 7816-4 APDUs: building commands (short and extended length) and reading answers."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Command:
    cla: int
    ins: int
    p1: int
    p2: int
    data: bytes = b""
    le: int | None = None  # None: no data expected; 0 with short length means 256

    @classmethod
    def parse(cls, raw: bytes) -> Command:
        """A command APDU from its bytes (cases 1-4, short and extended length)."""
        if len(raw) < 4:
            raise ValueError("a command APDU has at least 4 bytes")
        cla, ins, p1, p2 = raw[:4]
        body = raw[4:]
        if not body:
            return cls(cla, ins, p1, p2)
        if len(body) == 1:
            return cls(cla, ins, p1, p2, b"", body[0] or 256)
        if body[0] != 0:  # short
            lc = body[0]
            data = body[1 : 1 + lc]
            if len(data) != lc:
                raise ValueError("Lc larger than the data")
            rest = body[1 + lc :]
            if len(rest) > 1:
                raise ValueError("trailing bytes after Le")
            return cls(cla, ins, p1, p2, data, (rest[0] or 256) if rest else None)
        if len(body) == 3:  # extended Le only
            return cls(cla, ins, p1, p2, b"", int.from_bytes(body[1:3], "big") or 65536)
        lc = int.from_bytes(body[1:3], "big")
        data = body[3 : 3 + lc]
        if len(data) != lc:
            raise ValueError("extended Lc larger than the data")
        rest = body[3 + lc :]
        le = (int.from_bytes(rest, "big") or 65536) if len(rest) == 2 else None
        return cls(cla, ins, p1, p2, data, le)

    def encode(self, *, extended: bool = False) -> bytes:
        header = bytes([self.cla, self.ins, self.p1, self.p2])
        long_form = extended or len(self.data) > 255 or (self.le is not None and self.le > 256)
        body = b""
        if self.data:
            body += (b"\x00" + len(self.data).to_bytes(2, "big")) if long_form \
                else bytes([len(self.data)])
            body += self.data
        if self.le is not None:
            if long_form:
                le = 0 if self.le == 65536 else self.le
                body += (b"" if self.data else b"\x00") + le.to_bytes(2, "big")
            else:
                body += bytes([0 if self.le == 256 else self.le])
        return header + body


@dataclass(frozen=True)
class Response:
    data: bytes
    sw1: int
    sw2: int

    @property
    def sw(self) -> int:
        return (self.sw1 << 8) | self.sw2

    @property
    def ok(self) -> bool:
        return self.sw == 0x9000

    @classmethod
    def parse(cls, raw: bytes) -> Response:
        if len(raw) < 2:
            raise ValueError(f"a response APDU has at least 2 bytes, got {len(raw)}")
        return cls(raw[:-2], raw[-2], raw[-1])

    def encode(self) -> bytes:
        return self.data + bytes([self.sw1, self.sw2])


SW_MEANING = {
    0x9000: "success",
    0x6282: "end of file reached before Le bytes",
    0x6300: "authentication failed",
    0x6700: "wrong length",
    0x6982: "security status not satisfied",
    0x6985: "conditions of use not satisfied",
    0x6986: "command not allowed (no current EF)",
    0x6987: "expected secure messaging data objects missing",
    0x6988: "secure messaging data objects incorrect",
    0x6A80: "incorrect data",
    0x6A82: "file or application not found",
    0x6A83: "record not found",
    0x6A86: "incorrect P1/P2",
    0x6B00: "wrong offset",
    0x6D00: "instruction not supported",
    0x6E00: "class not supported",
}


def sw_meaning(sw: int) -> str:
    if (sw >> 8) == 0x61:
        return f"{sw & 0xFF} more bytes available"
    if (sw >> 8) == 0x6C:
        return f"wrong Le, {sw & 0xFF} expected"
    return SW_MEANING.get(sw, "unknown status")

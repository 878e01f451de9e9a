"""Parses an ESC/POS byte stream as a printer would: text, formatting, QR, raster, cuts, and
real-time status requests. Used by the receipt printer simulator (and by tests that read what
the kiosk sent).

Feed bytes in any pieces with `feed`; it returns the `Event`s that became complete. A command
split across two pieces waits for the rest. Text bytes are decoded as GB 18030 (a superset of
ASCII, and what printers sold in China expect in Chinese mode).
"""

from __future__ import annotations

from dataclasses import dataclass, field

ESC, GS, FS, DLE = 0x1B, 0x1D, 0x1C, 0x10

# Fixed argument byte counts after the command letter.
_ESC_FIXED = {
    ord("@"): 0, ord("!"): 1, ord("E"): 1, ord("-"): 1, ord("a"): 1, ord("d"): 1, ord("t"): 1,
    ord("M"): 1, ord("G"): 1, ord("2"): 0, ord("3"): 1, ord("J"): 1, ord("R"): 1, ord("V"): 1,
    ord("{"): 1, ord("p"): 3, ord(" "): 1, ord("$"): 2, ord("\\"): 2, ord("B"): 2, ord("i"): 0,
    ord("m"): 0, ord("c"): 2, ord("r"): 1, ord("U"): 1, ord("e"): 1, ord("D"): -1,
}
_GS_FIXED = {
    ord("!"): 1, ord("B"): 1, ord("h"): 1, ord("w"): 1, ord("H"): 1, ord("f"): 1, ord("L"): 2,
    ord("W"): 2, ord("r"): 1, ord("a"): 1, ord("I"): 1, ord("b"): 1, ord("P"): 2, ord("x"): 1,
}
_FS_FIXED = {
    ord("&"): 0, ord("."): 0, ord("!"): 1, ord("-"): 1, ord("W"): 1, ord("C"): 1, ord("S"): 2,
    ord("p"): 2,
}


@dataclass
class TextLine:
    text: str
    align: str = "left"
    bold: bool = False
    double_width: bool = False
    double_height: bool = False


@dataclass
class QrCode:
    data: bytes
    module_size: int
    ec_level: str


@dataclass
class Raster:
    width_px: int
    height_px: int
    data: bytes


@dataclass
class Receipt:
    """What came out of the printer between two cuts."""

    items: list[TextLine | QrCode | Raster] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(i.text for i in self.items if isinstance(i, TextLine))


@dataclass
class StatusRequest:
    n: int


@dataclass
class Cut:
    receipt: Receipt


@dataclass
class Unknown:
    command: bytes


Event = StatusRequest | Cut | Unknown

_ALIGN = {0: "left", 1: "center", 2: "right", 48: "left", 49: "center", 50: "right"}
_EC = {48: "L", 49: "M", 50: "Q", 51: "H"}


class EscposStreamParser:
    def __init__(self) -> None:
        self._buf = bytearray()
        self._text = bytearray()
        self._receipt = Receipt()
        self._style = TextLine("")
        self._chinese_mode = False
        self._qr_store = b""
        self._qr_size = 3
        self._qr_ec = "L"

    @property
    def pending_receipt(self) -> Receipt:
        """What has been printed since the last cut (paper not yet cut)."""
        return self._receipt

    def feed(self, data: bytes) -> list[Event]:
        self._buf += data
        events: list[Event] = []
        while self._buf:
            used = self._step(events)
            if used == 0:
                break  # incomplete command: wait for more bytes
            del self._buf[:used]
        return events

    # --- one command or one text byte; returns bytes consumed, 0 if incomplete ---
    def _step(self, events: list[Event]) -> int:
        b = self._buf
        c = b[0]
        if c == 0x0A:
            self._flush_line()
            return 1
        if c == 0x0D:
            return 1
        if c == ESC:
            return self._esc(events)
        if c == GS:
            return self._gs(events)
        if c == FS:
            return self._fs()
        if c == DLE:
            return self._dle(events)
        if c < 0x20 and c not in (0x09,):
            return 1  # other control bytes: ignored by printers
        self._text.append(c)
        return 1

    def _need(self, n: int) -> bool:
        return len(self._buf) >= n

    def _esc(self, events: list[Event]) -> int:
        if not self._need(2):
            return 0
        cmd = self._buf[1]
        if cmd == ord("*"):  # bit image: ESC * m nL nH data
            if not self._need(5):
                return 0
            m, n = self._buf[2], self._buf[3] + 256 * self._buf[4]
            total = 5 + n * (3 if m in (32, 33) else 1)
            return total if self._need(total) else 0
        argc = _ESC_FIXED.get(cmd)
        if argc is None:
            events.append(Unknown(bytes(self._buf[:2])))
            return 2
        if argc == -1:  # ESC D n1..nk NUL (tab stops)
            end = self._buf.find(0, 2)
            return end + 1 if end >= 0 else 0
        if not self._need(2 + argc):
            return 0
        args = self._buf[2 : 2 + argc]
        if cmd == ord("@"):
            self._flush_line(partial_only=True)
            self._style = TextLine("")
            self._chinese_mode = False
        elif cmd == ord("!"):
            n = args[0]
            self._style.bold = bool(n & 0x08)
            self._style.double_height = bool(n & 0x10)
            self._style.double_width = bool(n & 0x20)
        elif cmd == ord("E"):
            self._style.bold = bool(args[0] & 1)
        elif cmd == ord("a"):
            self._style.align = _ALIGN.get(args[0], "left")
        elif cmd == ord("d"):
            self._flush_line(partial_only=True)
        return 2 + argc

    def _gs(self, events: list[Event]) -> int:
        if not self._need(2):
            return 0
        cmd = self._buf[1]
        if cmd == ord("V"):
            if not self._need(3):
                return 0
            m = self._buf[2]
            size = 4 if m in (65, 66, 97, 98, 103, 104) else 3
            if not self._need(size):
                return 0
            self._flush_line(partial_only=True)
            events.append(Cut(self._receipt))
            self._receipt = Receipt()
            return size
        if cmd == ord("("):  # GS ( fn pL pH payload
            if not self._need(5):
                return 0
            fn, length = self._buf[2], self._buf[3] + 256 * self._buf[4]
            if not self._need(5 + length):
                return 0
            payload = bytes(self._buf[5 : 5 + length])
            if fn == ord("k"):
                self._qr(payload)
            return 5 + length
        if cmd == ord("v"):  # GS v 0 m xL xH yL yH data
            if not self._need(8):
                return 0
            width_bytes = self._buf[4] + 256 * self._buf[5]
            height = self._buf[6] + 256 * self._buf[7]
            total = 8 + width_bytes * height
            if not self._need(total):
                return 0
            self._flush_line(partial_only=True)
            self._receipt.items.append(
                Raster(width_bytes * 8, height, bytes(self._buf[8:total]))
            )
            return total
        if cmd == ord("k"):  # barcode
            if not self._need(3):
                return 0
            m = self._buf[2]
            if m <= 6:
                end = self._buf.find(0, 3)
                return end + 1 if end >= 0 else 0
            if not self._need(4):
                return 0
            total = 4 + self._buf[3]
            return total if self._need(total) else 0
        if cmd == ord("8") or cmd == ord("*"):
            events.append(Unknown(bytes(self._buf[:2])))
            return 2
        argc = _GS_FIXED.get(cmd)
        if argc is None:
            events.append(Unknown(bytes(self._buf[:2])))
            return 2
        if not self._need(2 + argc):
            return 0
        if cmd == ord("!"):
            n = self._buf[2]
            self._style.double_width = bool(n & 0xF0)
            self._style.double_height = bool(n & 0x0F)
        return 2 + argc

    def _qr(self, payload: bytes) -> None:
        if len(payload) < 2 or payload[0] != 49:  # cn 49 = QR code
            return
        fn = payload[1]
        if fn == ord("C") and len(payload) >= 3:
            self._qr_size = payload[2]
        elif fn == ord("E") and len(payload) >= 3:
            self._qr_ec = _EC.get(payload[2], "L")
        elif fn == ord("P"):
            self._qr_store = payload[3:]
        elif fn == ord("Q"):
            self._flush_line(partial_only=True)
            self._receipt.items.append(QrCode(self._qr_store, self._qr_size, self._qr_ec))

    def _fs(self) -> int:
        if not self._need(2):
            return 0
        cmd = self._buf[1]
        argc = _FS_FIXED.get(cmd, 0)
        if not self._need(2 + argc):
            return 0
        if cmd == ord("&"):
            self._chinese_mode = True
        elif cmd == ord("."):
            self._chinese_mode = False
        return 2 + argc

    def _dle(self, events: list[Event]) -> int:
        if not self._need(2):
            return 0
        cmd = self._buf[1]
        if cmd in (0x04, 0x05):  # DLE EOT n / DLE ENQ n
            if not self._need(3):
                return 0
            if cmd == 0x04:
                events.append(StatusRequest(self._buf[2]))
            return 3
        if cmd == 0x14:  # DLE DC4 fn a b
            return 5 if self._need(5) else 0
        return 2

    def _flush_line(self, partial_only: bool = False) -> None:
        if partial_only and not self._text:
            return
        text = self._text.decode("gb18030", errors="replace")
        s = self._style
        self._receipt.items.append(
            TextLine(text, s.align, s.bold, s.double_width, s.double_height)
        )
        self._text.clear()

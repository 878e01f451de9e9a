"""ESC/POS real-time status (DLE EOT n): the request bytes, and the status byte both ways.

Every answer byte has bit 1 and bit 4 set and bits 0 and 7 clear (0x12 with no flags).
- n=1 printer status: bit 3 offline.
- n=2 offline cause: bit 2 cover open, bit 3 paper fed by the button, bit 5 stopped at paper
  end, bit 6 error.
- n=4 roll paper sensor: bits 2+3 paper near end, bits 5+6 paper end.
The host side (`decode_*`) is used by the receipt printer adapter; the printer side
(`encode_*`) by the receipt printer simulator, so both read the same table.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

DLE_EOT_PRINTER = b"\x10\x04\x01"
DLE_EOT_OFFLINE_CAUSE = b"\x10\x04\x02"
DLE_EOT_ERROR_CAUSE = b"\x10\x04\x03"
DLE_EOT_PAPER = b"\x10\x04\x04"

_FIXED = 0x12
_FIXED_MASK = 0x93  # bits 0, 1, 4, 7


class Paper(StrEnum):
    OK = "ok"
    NEAR_END = "near_end"
    OUT = "out"


@dataclass(frozen=True)
class PrinterCondition:
    paper: Paper = Paper.OK
    cover_open: bool = False
    offline: bool = False
    error: bool = False


def is_status_byte(b: int) -> bool:
    return (b & _FIXED_MASK) == _FIXED


def encode_printer_status(c: PrinterCondition) -> int:
    offline = c.offline or c.cover_open or c.paper is Paper.OUT or c.error
    return _FIXED | (0x08 if offline else 0)


def encode_offline_cause(c: PrinterCondition) -> int:
    b = _FIXED
    if c.cover_open:
        b |= 0x04
    if c.paper is Paper.OUT:
        b |= 0x20
    if c.error:
        b |= 0x40
    return b


def encode_paper(c: PrinterCondition) -> int:
    if c.paper is Paper.OUT:
        return _FIXED | 0x0C | 0x60
    if c.paper is Paper.NEAR_END:
        return _FIXED | 0x0C
    return _FIXED


def decode(printer: int, offline_cause: int, paper: int) -> PrinterCondition:
    """The condition from the answers to DLE EOT 1, 2 and 4. Raises ValueError on bad bytes."""
    for name, b in (("printer", printer), ("offline cause", offline_cause), ("paper", paper)):
        if not is_status_byte(b):
            raise ValueError(f"not an ESC/POS status byte for {name}: 0x{b:02X}")
    if paper & 0x60:
        paper_state = Paper.OUT
    elif paper & 0x0C:
        paper_state = Paper.NEAR_END
    else:
        paper_state = Paper.OK
    cover = bool(offline_cause & 0x04)
    if offline_cause & 0x20:
        paper_state = Paper.OUT
    return PrinterCondition(
        paper=paper_state,
        cover_open=cover,
        offline=bool(printer & 0x08),
        error=bool(offline_cause & 0x40),
    )

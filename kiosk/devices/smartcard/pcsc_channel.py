"""A blocking APDU channel to the card in one PC/SC reader (pyscard's SCard API).

- connect() retries while a just-inserted card is not yet visible (pcscd learns of it about
  0.4 s later), within a deadline;
- transmit() follows 61xx with GET RESPONSE and repeats a 6Cxx command with the right Le;
- PC/SC failures become typed errors: a card pulled out → CardRemoved; pcscd or the reader
  gone → DeviceUnavailable; anything else → DeviceProtocolError.
Counts APDUs and the time spent inside SCardTransmit (the benchmark's "pcscd and card" share).
Used from worker threads; the async callers wrap it in `run_blocking`.
"""

from __future__ import annotations

import time
from typing import Any

from smartcard import scard

from kiosk.devices.errors import CardRemoved, DeviceProtocolError, DeviceUnavailable
from kiosk.devices.smartcard.apdu import Command, Response

_GONE = {
    scard.SCARD_E_NO_SERVICE, scard.SCARD_E_SERVICE_STOPPED, scard.SCARD_E_READER_UNAVAILABLE,
    scard.SCARD_E_UNKNOWN_READER, scard.SCARD_E_NO_READERS_AVAILABLE,
}
_REMOVED = {scard.SCARD_W_REMOVED_CARD, scard.SCARD_E_NO_SMARTCARD, scard.SCARD_W_RESET_CARD,
            scard.SCARD_W_UNPOWERED_CARD, scard.SCARD_W_UNRESPONSIVE_CARD}


def _error(hresult: int, what: str) -> Exception:
    message = f"{what}: {scard.SCardGetErrorMessage(hresult)}"
    if hresult in _GONE:
        return DeviceUnavailable(message)
    if hresult in _REMOVED:
        return CardRemoved(message)
    return DeviceProtocolError(message)


class PcscChannel:
    def __init__(self, reader: str, *, connect_timeout_s: float = 3.0,
                 extended_length: bool = False) -> None:
        self.reader = reader
        self.connect_timeout_s = connect_timeout_s
        self.extended_length = extended_length
        self._ctx: Any = None
        self._card: Any = None
        self._pci: Any = None
        self.atr = b""
        self.apdu_count = 0
        self.transmit_s = 0.0

    def connect(self) -> None:
        hresult, self._ctx = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
        if hresult != scard.SCARD_S_SUCCESS:
            raise _error(hresult, "pcscd not reachable")
        deadline = time.monotonic() + self.connect_timeout_s
        while True:
            hresult, card, protocol = scard.SCardConnect(
                self._ctx, self.reader, scard.SCARD_SHARE_SHARED,
                scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1,
            )
            if hresult == scard.SCARD_S_SUCCESS:
                break
            if hresult in _REMOVED and time.monotonic() < deadline:
                time.sleep(0.05)
                continue
            self.close()
            if hresult in _REMOVED:
                raise CardRemoved(f"no card in {self.reader!r}")
            raise _error(hresult, f"cannot connect to {self.reader!r}")
        self._card = card
        self._pci = scard.SCARD_PCI_T1 if protocol == scard.SCARD_PROTOCOL_T1 \
            else scard.SCARD_PCI_T0
        hresult, _name, _state, _proto, atr = scard.SCardStatus(card)
        self.atr = bytes(atr) if hresult == scard.SCARD_S_SUCCESS else b""

    def close(self) -> None:
        if self._card is not None:
            scard.SCardDisconnect(self._card, scard.SCARD_LEAVE_CARD)
            self._card = None
        if self._ctx is not None:
            scard.SCardReleaseContext(self._ctx)
            self._ctx = None

    def transmit_raw(self, apdu: bytes) -> bytes:
        if self._card is None:
            raise DeviceUnavailable("no card connection")
        started = time.perf_counter()
        hresult, response = scard.SCardTransmit(self._card, self._pci, list(apdu))
        self.transmit_s += time.perf_counter() - started
        self.apdu_count += 1
        if hresult != scard.SCARD_S_SUCCESS:
            raise _error(hresult, "transmit failed")
        if len(response) < 2:
            # no status word at all: the card went silent (pulled out mid-command)
            raise CardRemoved("the card stopped answering")
        return bytes(response)

    def transmit(self, command: Command) -> Response:
        """Send `command`, following 61xx and 6Cxx, and return the final response."""
        r = Response.parse(self.transmit_raw(command.encode(extended=self.extended_length)))
        if r.sw1 == 0x6C:
            again = Command(command.cla, command.ins, command.p1, command.p2, command.data,
                            r.sw2 or 256)
            r = Response.parse(self.transmit_raw(again.encode()))
        data = bytearray(r.data)
        rounds = 0
        while r.sw1 == 0x61:
            rounds += 1
            if rounds > 64:
                raise DeviceProtocolError("the card keeps answering 61xx")
            get = Command(command.cla & 0x03, 0xC0, 0, 0, b"", r.sw2 or 256)
            r = Response.parse(self.transmit_raw(get.encode()))
            data += r.data
        return Response(bytes(data), r.sw1, r.sw2)


def wait_for_card(reader: str, timeout_s: float, *, present: bool = True) -> bool:
    """True once a card is present in `reader` (or, with present=False, once none is)."""
    hresult, ctx = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    if hresult != scard.SCARD_S_SUCCESS:
        raise _error(hresult, "pcscd not reachable")
    try:
        deadline = time.monotonic() + timeout_s
        state = scard.SCARD_STATE_UNAWARE
        while True:
            remaining = int(max(0, deadline - time.monotonic()) * 1000)
            hresult, states = scard.SCardGetStatusChange(ctx, remaining, [(reader, state)])
            if hresult == scard.SCARD_E_TIMEOUT:
                return False
            if hresult != scard.SCARD_S_SUCCESS:
                raise _error(hresult, f"cannot watch {reader!r}")
            _n, event, _atr = states[0]
            if bool(event & scard.SCARD_STATE_PRESENT) == present:
                return True
            state = event & ~scard.SCARD_STATE_CHANGED
            if time.monotonic() >= deadline:
                return False
    finally:
        scard.SCardReleaseContext(ctx)


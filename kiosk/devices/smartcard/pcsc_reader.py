"""A PC/SC reader as a device: is pcscd there, is the reader there, is a card in it.

The reader is found by name prefix (vpcd's virtual readers are "Virtual PCD 00 00" and
"Virtual PCD 00 01"; a USB reader's name starts with its model).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass

from smartcard import scard

from kiosk.devices.base import (
    Device,
    DeviceKind,
    DeviceStatus,
    ReaderBack,
    ReaderUnavailable,
    run_blocking,
)
from kiosk.devices.errors import DeviceError, DeviceUnavailable


def _check(result: int, what: str) -> None:
    if result != scard.SCARD_S_SUCCESS:
        message = scard.SCardGetErrorMessage(result)
        raise DeviceUnavailable(f"{what}: {message}")


def list_readers() -> list[str]:
    """Names of the PC/SC readers pcscd offers now. Raises DeviceUnavailable without pcscd."""
    hresult, ctx = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    _check(hresult, "pcscd not reachable")
    try:
        hresult, readers = scard.SCardListReaders(ctx, [])
        if hresult == scard.SCARD_E_NO_READERS_AVAILABLE:
            return []
        _check(hresult, "cannot list readers")
        return list(readers)
    finally:
        scard.SCardReleaseContext(ctx)


def reader_state(reader: str) -> tuple[bool, bytes]:
    """(card present, ATR) for `reader`, without waiting."""
    hresult, ctx = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    _check(hresult, "pcscd not reachable")
    try:
        hresult, states = scard.SCardGetStatusChange(
            ctx, 0, [(reader, scard.SCARD_STATE_UNAWARE)]
        )
        _check(hresult, f"cannot read the state of {reader!r}")
        _name, event_state, atr = states[0]
        present = bool(event_state & scard.SCARD_STATE_PRESENT)
        return present, bytes(atr or b"")
    finally:
        scard.SCardReleaseContext(ctx)


class PcscReader(Device):
    kind = DeviceKind.SMARTCARD

    def __init__(
        self, name: str, reader_prefix: str, *, adapter: str, timeout_s: float = 3.0,
        simulated: bool = False,
    ) -> None:
        super().__init__(name, adapter, simulated=simulated)
        self.reader_prefix = reader_prefix
        self.timeout_s = timeout_s
        self.reader_name: str | None = None

    def _find(self) -> str:
        readers = list_readers()
        for r in readers:
            if r.startswith(self.reader_prefix):
                return r
        known = ", ".join(readers) or "none"
        raise DeviceUnavailable(
            f"no PC/SC reader named {self.reader_prefix!r} (readers: {known})",
            code="reader_missing",
        )

    async def _open(self) -> None:
        self.reader_name = await run_blocking(self.timeout_s, self._find)

    async def _close(self) -> None:
        self.reader_name = None

    async def probe(self) -> DeviceStatus:
        name = self.reader_name
        if name is None:
            name = await run_blocking(self.timeout_s, self._find)
        present, atr = await run_blocking(self.timeout_s, reader_state, name)
        return DeviceStatus.ok(reader=name, card_present=present, atr=atr.hex(" ").upper())


@dataclass(frozen=True)
class CardInserted:
    reader: str
    atr: bytes


@dataclass(frozen=True)
class CardWithdrawn:
    reader: str


PcscEvent = CardInserted | CardWithdrawn | ReaderUnavailable | ReaderBack


async def watch_reader(reader: PcscReader, poll_interval_s: float = 0.25,
                       retry_max_s: float = 10.0) -> AsyncIterator[PcscEvent]:
    """One CardInserted per insertion, one CardWithdrawn per removal; ReaderUnavailable once
    when pcscd or the reader goes, ReaderBack when it returns (polled with backoff)."""
    present = False
    lost = False
    delay = poll_interval_s
    while True:
        try:
            if not reader.is_open:
                await reader.open()
            status = await reader.probe()
        except DeviceError as exc:
            await reader.close()
            if present:
                present = False
                yield CardWithdrawn(reader.reader_name or reader.reader_prefix)
            if not lost:
                lost = True
                yield ReaderUnavailable(str(exc))
            await asyncio.sleep(delay)
            delay = min(retry_max_s, delay * 2)
            continue
        if lost:
            lost = False
            delay = poll_interval_s
            yield ReaderBack()
        name = str(status.detail.get("reader", reader.reader_prefix))
        now_present = status.detail.get("card_present") is True
        if now_present and not present:
            yield CardInserted(name, bytes.fromhex(str(status.detail.get("atr", ""))))
        elif present and not now_present:
            yield CardWithdrawn(name)
        present = now_present
        await asyncio.sleep(poll_interval_s)

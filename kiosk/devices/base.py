"""What every device adapter is: open/close, a health probe returning a status value, async API.

Adapters do blocking I/O (pyserial, pyscard, pycups, sockets) in worker threads through
`run_blocking`, always under a timeout, so the core's event loop never stalls.
"""

from __future__ import annotations

import asyncio
import functools
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import ParamSpec, TypeVar

from kiosk.devices.errors import DeviceTimeout

P = ParamSpec("P")
T = TypeVar("T")

DetailValue = str | int | float | bool | None


class DeviceKind(StrEnum):
    IDCARD = "idcard"
    SMARTCARD = "smartcard"
    RECEIPT_PRINTER = "receipt_printer"
    DOCUMENT_PRINTER = "document_printer"
    CAMERA = "camera"
    BACKEND = "backend"  # the government backend (kiosk/devices/remote_service.py)
    KEYPAD = "keypad"  # keys for the key path (kiosk/devices/keypad/)
    HEADPHONES = "headphones"  # the headphone jack: audio mode (kiosk/devices/headphones/)


class DeviceState(StrEnum):
    """How usable the device is, coarse enough for a status light."""

    OK = "ok"  # works
    WARNING = "warning"  # works, needs attention soon (paper near end)
    ERROR = "error"  # present but cannot do its job (paper out, cover open, queue stopped)
    UNAVAILABLE = "unavailable"  # not reachable at all (unplugged, daemon down)
    UNKNOWN = "unknown"  # not probed yet


@dataclass(frozen=True)
class DeviceStatus:
    """A device's condition as a value the UI and `kiosk devices` can show."""

    state: DeviceState
    code: str | None = None  # machine-readable reason: paper_low, paper_out, not_found ...
    detail: Mapping[str, DetailValue] = field(default_factory=dict)

    @property
    def connected(self) -> bool:
        return self.state in (DeviceState.OK, DeviceState.WARNING, DeviceState.ERROR)

    @classmethod
    def ok(cls, **detail: DetailValue) -> DeviceStatus:
        return cls(DeviceState.OK, None, detail)

    @classmethod
    def unavailable(cls, code: str, **detail: DetailValue) -> DeviceStatus:
        return cls(DeviceState.UNAVAILABLE, code, detail)

    @classmethod
    def unknown(cls) -> DeviceStatus:
        return cls(DeviceState.UNKNOWN, "not_probed", {})


class Device(ABC):
    """One configured device. Subclasses implement `_open`, `_close` and `probe`."""

    kind: DeviceKind

    def __init__(self, name: str, adapter: str, *, simulated: bool = False) -> None:
        self.name = name
        self.adapter = adapter
        self.simulated = simulated
        self.is_open = False

    async def open(self) -> None:
        """Connect to the device. Raises `DeviceError` (DeviceUnavailable when absent)."""
        await self._open()
        self.is_open = True

    async def close(self) -> None:
        """Release the device; never raises."""
        try:
            await self._close()
        finally:
            self.is_open = False

    @abstractmethod
    async def _open(self) -> None: ...

    @abstractmethod
    async def _close(self) -> None: ...

    @abstractmethod
    async def probe(self) -> DeviceStatus:
        """Ask the device how it is. Raises `DeviceError` when it cannot be reached at all;
        conditions the device reports (paper out, cover open) come back as a status."""


async def run_blocking(
    timeout_s: float, func: Callable[P, T], *args: P.args, **kwargs: P.kwargs
) -> T:
    """Run blocking `func` in a worker thread; raise `DeviceTimeout` after `timeout_s`.

    A timed-out call keeps running in its thread until its own I/O timeout ends it: adapters
    pass that timeout to their library too, so the thread never hangs for good.
    """
    call = functools.partial(func, *args, **kwargs)
    try:
        return await asyncio.wait_for(asyncio.to_thread(call), timeout_s)
    except TimeoutError:
        name = getattr(func, "__qualname__", repr(func))
        raise DeviceTimeout(f"{name} did not finish within {timeout_s:g} s") from None


@dataclass(frozen=True)
class ReaderUnavailable:
    """A card reader stopped answering (unplugged, daemon gone); reported once."""

    reason: str


@dataclass(frozen=True)
class ReaderBack:
    """The reader answers again after ReaderUnavailable."""

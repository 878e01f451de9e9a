"""The government backend, watched like a device: its reachability is a status on the home
strip, polled by the same monitor (three missed polls before it counts as lost, then retried
with backoff), so staff and citizens see "政务服务系统：未连接" before a service that needs it is
started, not after the consent screen.

The probe itself is injected (the composition root passes the gateway client's health call),
so this package does not depend on the services layer. A reachable backend is asked at most
every `min_interval_s`; an unreachable one at every poll, so its return shows at once.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable

from kiosk.devices.base import Device, DeviceKind, DeviceStatus
from kiosk.devices.errors import DeviceUnavailable


class RemoteServiceLink(Device):
    kind = DeviceKind.BACKEND

    def __init__(self, name: str, url: str, check: Callable[[], Awaitable[object]], *,
                 simulated: bool = False, min_interval_s: float = 10.0) -> None:
        super().__init__(name, "https" if url.startswith("https:") else "http",
                         simulated=simulated)
        self.url = url
        self._check = check
        self.min_interval_s = min_interval_s
        self._last_ok = 0.0

    async def _open(self) -> None:
        self._last_ok = 0.0

    async def _close(self) -> None:
        self._last_ok = 0.0

    async def probe(self) -> DeviceStatus:
        if self._last_ok and time.monotonic() - self._last_ok < self.min_interval_s:
            return DeviceStatus.ok(url=self.url)
        try:
            await self._check()
        except Exception as exc:  # whatever the gateway raised: the backend is not usable now
            self._last_ok = 0.0
            raise DeviceUnavailable(f"{self.url}: {type(exc).__name__}",
                                    code="backend_unreachable") from None
        self._last_ok = time.monotonic()
        return DeviceStatus.ok(url=self.url)

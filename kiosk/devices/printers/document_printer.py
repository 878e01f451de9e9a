"""The A4 document printer behind CUPS (pycups): queue presence and state as a status value.

The simulated document printer is a cups-pdf queue in a real cupsd: same adapter, same calls.
"""

from __future__ import annotations

from typing import Any

import cups

from kiosk.devices.base import (
    DetailValue,
    Device,
    DeviceKind,
    DeviceState,
    DeviceStatus,
    run_blocking,
)
from kiosk.devices.errors import DeviceUnavailable

# IPP printer-state values
_IDLE, _PROCESSING, _STOPPED = 3, 4, 5
_STATE_NAMES = {_IDLE: "idle", _PROCESSING: "processing", _STOPPED: "stopped"}


class CupsDocumentPrinter(Device):
    kind = DeviceKind.DOCUMENT_PRINTER

    def __init__(
        self, name: str, queue: str, *, adapter: str, timeout_s: float = 5.0,
        simulated: bool = False,
    ) -> None:
        super().__init__(name, adapter, simulated=simulated)
        self.queue = queue
        self.timeout_s = timeout_s
        self._conn: Any = None

    def _connect(self) -> Any:
        try:
            return cups.Connection()
        except RuntimeError as exc:
            raise DeviceUnavailable(f"CUPS scheduler not reachable: {exc}") from None

    async def _open(self) -> None:
        self._conn = await run_blocking(self.timeout_s, self._connect)

    async def _close(self) -> None:
        self._conn = None

    def _queue_attributes(self) -> dict[str, Any]:
        if self._conn is None:
            raise DeviceUnavailable("CUPS connection not open")
        try:
            printers: dict[str, dict[str, Any]] = self._conn.getPrinters()
        except (cups.IPPError, RuntimeError) as exc:
            raise DeviceUnavailable(f"CUPS did not answer: {exc}") from None
        if self.queue not in printers:
            raise DeviceUnavailable(f"CUPS has no queue named {self.queue!r}", code="queue_missing")
        return printers[self.queue]

    async def probe(self) -> DeviceStatus:
        attrs = await run_blocking(self.timeout_s, self._queue_attributes)
        state = int(attrs.get("printer-state", 0))
        accepting = bool(attrs.get("printer-is-accepting-jobs", True))
        reasons = attrs.get("printer-state-reasons", []) or []
        detail: dict[str, DetailValue] = {
            "queue": self.queue,
            "state": _STATE_NAMES.get(state, str(state)),
            "accepting": accepting,
            "device_uri": str(attrs.get("device-uri", "")),
            "reasons": ",".join(r for r in reasons if r != "none"),
        }
        if state == _STOPPED:
            return DeviceStatus(DeviceState.ERROR, "queue_stopped", detail)
        if not accepting:
            return DeviceStatus(DeviceState.ERROR, "not_accepting", detail)
        if any(r.startswith(("media-empty", "media-needed")) for r in reasons):
            return DeviceStatus(DeviceState.ERROR, "paper_out", detail)
        if any(r.startswith("media-low") for r in reasons):
            return DeviceStatus(DeviceState.WARNING, "paper_low", detail)
        return DeviceStatus(DeviceState.OK, None, detail)

"""The thermal receipt printer adapter: ESC/POS bytes over a direct transport, with
real-time status (DLE EOT) before every job and on every health poll.

python-escpos builds the command bytes (its `Dummy` printer collects them); this adapter owns
the transport, so status queries are bounded by our timeouts instead of the library's fixed
one-second sleeps, and paper status is real (python-escpos's CUPS printer fakes it).
"""

from __future__ import annotations

import asyncio
from datetime import datetime

from kiosk.devices.base import Device, DeviceKind, DeviceState, DeviceStatus, run_blocking
from kiosk.devices.errors import CoverOpen, DeviceProtocolError, PaperOut, PrinterOffline
from kiosk.devices.printers import escpos_status as st
from kiosk.devices.printers.escpos_printer import Dummy
from kiosk.devices.printers.jobs import JobLedger
from kiosk.devices.printers.receipt_transport import ByteTransport
from kiosk.events import EventId
from kiosk.logging import get_logger

log = get_logger(__name__)


class EscposReceiptPrinter(Device):
    kind = DeviceKind.RECEIPT_PRINTER

    def __init__(
        self,
        name: str,
        transport: ByteTransport,
        *,
        adapter: str,
        paper_width_mm: int = 80,
        timeout_s: float = 3.0,
        simulated: bool = False,
    ) -> None:
        super().__init__(name, adapter, simulated=simulated)
        self.transport = transport
        self.paper_width_mm = paper_width_mm
        self.timeout_s = timeout_s
        self._lock = asyncio.Lock()
        self.jobs = JobLedger()

    async def _open(self) -> None:
        await run_blocking(self.timeout_s + 1, self.transport.open)

    async def _close(self) -> None:
        await run_blocking(self.timeout_s + 1, self.transport.close)

    def _query(self) -> st.PrinterCondition:
        self.transport.discard_input()
        answers = []
        for request in (st.DLE_EOT_PRINTER, st.DLE_EOT_OFFLINE_CAUSE, st.DLE_EOT_PAPER):
            self.transport.write(request)
            answers.append(self.transport.read_exact(1)[0])
        try:
            return st.decode(*answers)
        except ValueError as exc:
            raise DeviceProtocolError(str(exc)) from None

    async def condition(self) -> st.PrinterCondition:
        async with self._lock:
            return await run_blocking(self.timeout_s * 3 + 1, self._query)

    async def probe(self) -> DeviceStatus:
        c = await self.condition()
        detail = {
            "transport": self.transport.description,
            "paper": c.paper.value,
            "cover_open": c.cover_open,
            "paper_width_mm": self.paper_width_mm,
        }
        if c.cover_open:
            return DeviceStatus(DeviceState.ERROR, "cover_open", detail)
        if c.paper is st.Paper.OUT:
            return DeviceStatus(DeviceState.ERROR, "paper_out", detail)
        if c.offline or c.error:
            return DeviceStatus(DeviceState.ERROR, "offline", detail)
        if c.paper is st.Paper.NEAR_END:
            return DeviceStatus(DeviceState.WARNING, "paper_low", detail)
        return DeviceStatus(DeviceState.OK, None, detail)

    async def print_bytes(self, data: bytes, *, job: str, created: float | None = None) -> bool:
        """Send one job's ESC/POS bytes after checking the printer can print it.

        Returns False when this job id already printed (a retry prints nothing twice).
        Raises PaperOut, CoverOpen or PrinterOffline before sending anything, so a job that
        cannot print is never half-sent; StaleJob when the job is older than its deadline.
        """
        if self.jobs.begin(job, created) is None:
            return False
        try:
            async with self._lock:
                c = await run_blocking(self.timeout_s * 3 + 1, self._query)
                if c.cover_open:
                    raise CoverOpen(f"cover open, job {job} not sent")
                if c.paper is st.Paper.OUT:
                    raise PaperOut(f"paper out, job {job} not sent")
                if c.offline or c.error:
                    raise PrinterOffline(f"printer offline, job {job} not sent")
                await run_blocking(self.timeout_s + len(data) / 2000, self.transport.write, data)
        except Exception as exc:
            self.jobs.finish(job, False, str(exc))
            log.warning("receipt not printed", event_id=EventId.RECEIPT_PRINT_FAILED,
                        device=self.name, job=job, error=str(exc))
            raise
        self.jobs.finish(job, True)
        log.info("receipt printed", event_id=EventId.RECEIPT_PRINTED, device=self.name, job=job,
                 size=len(data))
        return True

    def self_test_ticket(self, kiosk_id: str, when: datetime) -> bytes:
        """ESC/POS bytes of a short self-test ticket (ASCII only: no personal data)."""
        p = Dummy()
        p.hw("INIT")
        p.set(align="center", bold=True, double_height=True, double_width=True)
        p.text("YIBAN KIOSK\n")
        p.set(normal_textsize=True, align="left", bold=False)
        p.text("Printer self-test\n")
        p.text(f"Kiosk:  {kiosk_id}\n")
        p.text(f"Time:   {when:%Y-%m-%d %H:%M:%S}\n")
        p.text(f"Paper:  {self.paper_width_mm} mm\n")
        p.text("-" * (32 if self.paper_width_mm == 58 else 48) + "\n")
        p.cut()
        data: bytes = p.output
        return data

"""The receipt printer simulator: a TCP sink (like a network printer's port 9100) that parses
the ESC/POS stream it receives, keeps every cut receipt, and answers real-time status requests
from a scriptable condition (paper near end, paper out, cover open, offline).

`kiosk run --simulate` starts one on loopback and drives it through the same
`EscposReceiptPrinter` and `TcpTransport` a network printer would use.
"""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import replace

from kiosk.devices.printers import escpos_status as st
from kiosk.devices.printers.escpos_stream import (
    Cut,
    EscposStreamParser,
    Receipt,
    StatusRequest,
    Unknown,
)
from kiosk.events import EventId
from kiosk.logging import get_logger

log = get_logger(__name__)


class ReceiptPrinterSimulator:
    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self.host = host
        self.requested_port = port
        self.port = 0
        self.condition = st.PrinterCondition()
        self.receipts: list[Receipt] = []
        self.unknown_commands: list[bytes] = []
        self.silent = False  # scripted fault: accept bytes, never answer status
        self.pending_bytes_seen = 0  # every byte received, for tests and the staff view
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()

    # --- scripting ---
    def set_paper(self, paper: st.Paper) -> None:
        self.condition = replace(self.condition, paper=paper)
        log.info("sim fault", event_id=EventId.SIMULATOR_FAULT_INJECTED, sim="receipt",
                 paper=paper.value)

    def set_cover_open(self, is_open: bool) -> None:
        self.condition = replace(self.condition, cover_open=is_open)
        log.info("sim fault", event_id=EventId.SIMULATOR_FAULT_INJECTED, sim="receipt",
                 cover_open=is_open)

    def set_offline(self, offline: bool) -> None:
        self.condition = replace(self.condition, offline=offline)

    # --- server ---
    async def start(self) -> None:
        self._server = await asyncio.start_server(self._serve, self.host, self.requested_port)
        self.port = self._server.sockets[0].getsockname()[1]
        log.info("receipt printer simulator listening", event_id=EventId.SIMULATOR_STARTED,
                 sim="receipt", listen=f"{self.host}:{self.port}")

    async def stop(self) -> None:
        """Stop listening and drop connections (also how a test 'unplugs' the printer)."""
        if self._server is not None:
            self._server.close()
            for w in list(self._writers):
                w.close()
            with contextlib.suppress(Exception):
                await self._server.wait_closed()
            self._server = None
            log.info("receipt printer simulator stopped", event_id=EventId.SIMULATOR_STOPPED,
                     sim="receipt")

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.add(writer)
        parser = EscposStreamParser()
        try:
            while data := await reader.read(4096):
                self.pending_bytes_seen += len(data)
                for event in parser.feed(data):
                    if isinstance(event, StatusRequest) and not self.silent:
                        writer.write(bytes([self._status_byte(event.n)]))
                        await writer.drain()
                    elif isinstance(event, Cut):
                        self.receipts.append(event.receipt)
                    elif isinstance(event, Unknown):
                        self.unknown_commands.append(event.command)
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            self._writers.discard(writer)
            writer.close()

    def _status_byte(self, n: int) -> int:
        c = self.condition
        if n == 1:
            return st.encode_printer_status(c)
        if n == 2:
            return st.encode_offline_cause(c)
        if n == 4:
            return st.encode_paper(c)
        return 0x12

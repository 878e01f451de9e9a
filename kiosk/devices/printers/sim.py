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

import qrcode
from PIL import Image

from kiosk.devices.printers import escpos_status as st
from kiosk.devices.printers.escpos_stream import (
    Cut,
    EscposStreamParser,
    QrCode,
    Raster,
    Receipt,
    StatusRequest,
    TextLine,
    Unknown,
)
from kiosk.devices.pty_link import PtyLink
from kiosk.events import EventId
from kiosk.logging import get_logger

log = get_logger(__name__)


KEEP = 50  # receipts (and unknown commands) the simulator remembers


class ReceiptPrinterSimulator:
    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self.host = host
        self.requested_port = port
        self.port = 0
        self.condition = st.PrinterCondition()
        # the last KEEP receipts (a simulated kiosk running all day must not keep every one)
        self.receipts: list[Receipt] = []
        self.printed = 0  # every receipt cut since start
        self.unknown_commands: list[bytes] = []
        self.silent = False  # scripted fault: accept bytes, never answer status
        self.pending_bytes_seen = 0  # every byte received, for tests and the staff view
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        self._pty: PtyLink | None = None

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

    def _take(self, parser: EscposStreamParser, data: bytes) -> bytes:
        """Feed received bytes; return the status bytes to answer."""
        self.pending_bytes_seen += len(data)
        answer = bytearray()
        for event in parser.feed(data):
            if isinstance(event, StatusRequest) and not self.silent:
                answer.append(self._status_byte(event.n))
            elif isinstance(event, Cut):
                self.receipts.append(event.receipt)
                self.printed += 1
                del self.receipts[:-KEEP]
            elif isinstance(event, Unknown):
                self.unknown_commands.append(event.command)
                del self.unknown_commands[:-KEEP]
        return bytes(answer)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.add(writer)
        parser = EscposStreamParser()
        try:
            while data := await reader.read(4096):
                answer = self._take(parser, data)
                if answer:
                    writer.write(answer)
                    await writer.drain()
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            self._writers.discard(writer)
            writer.close()

    # --- the serial side: the same printer on a pty ---
    def start_pty(self) -> str:
        """Serve on a pty as a serial receipt printer would; returns the device path."""
        parser = EscposStreamParser()
        self._pty = PtyLink(lambda data: self._take(parser, data), "receipt-pty")
        return self._pty.open()

    def stop_pty(self) -> None:
        if self._pty is not None:
            self._pty.close()
            self._pty = None

    def since(self, printed: int) -> list[Receipt]:
        """The receipts cut after the `printed`-th (those still remembered)."""
        return self.receipts[len(self.receipts) - min(self.printed - printed,
                                                      len(self.receipts)):]

    def _status_byte(self, n: int) -> int:
        c = self.condition
        if n == 1:
            return st.encode_printer_status(c)
        if n == 2:
            return st.encode_offline_cause(c)
        if n == 4:
            return st.encode_paper(c)
        return 0x12

def render_receipt(receipt: Receipt, width: int = 576) -> Image.Image:
    """What the printer would have printed, drawn from the parsed stream."""
    from kiosk.documents.fonts import (  # the CJK fonts load only to draw a receipt
        render_line,
        stack,
    )

    parts: list[Image.Image] = []
    for item in receipt.items:
        if isinstance(item, TextLine):
            size = 44 if item.double_height else 24
            parts.append(render_line(item.text, width, size, align=item.align, bold=item.bold))
        elif isinstance(item, Raster):
            # ESC/POS raster: 1 = a printed (black) dot; Pillow's mode "1": 0 = black
            img = Image.frombytes("1", (item.width_px, item.height_px), item.data)
            inverted = Image.eval(img.convert("L"), lambda v: 255 - v).convert("1")
            canvas = Image.new("1", (width, item.height_px), 1)
            canvas.paste(inverted, (0, 0))
            parts.append(canvas)
        elif isinstance(item, QrCode):
            qr = qrcode.make(item.data.decode("utf-8", "replace"), box_size=item.module_size,
                             border=2).convert("1")
            canvas = Image.new("1", (width, qr.height), 1)
            canvas.paste(qr, ((width - qr.width) // 2, 0))
            parts.append(canvas)
    return stack(parts, width)

"""The vpcd card-side protocol: each message is a 2-byte big-endian length and a payload; a
1-byte payload is a control (0 power off, 1 power on, 2 reset, 4 send the ATR), a longer one a
command APDU, answered with the response APDU in the same framing.

`TCP_QUICKACK` is set before every receive: without it each APDU costs about 43 ms because
vpcd splits its writes (see docs/reference/test-stack.md).
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
import time
from typing import Protocol

from kiosk.events import EventId
from kiosk.logging import get_logger

log = get_logger(__name__)

VPCD_PORTS = {"Virtual PCD 00 00": 35963, "Virtual PCD 00 01": 35964}


class VirtualCard(Protocol):
    atr: bytes

    def power_on(self) -> None: ...
    def power_off(self) -> None: ...
    def process(self, apdu: bytes) -> bytes: ...


class VpcdLink:
    """Keeps one virtual card 'inserted' in a vpcd reader until `remove()`."""

    def __init__(self, card: VirtualCard, port: int = 35963, host: str = "127.0.0.1") -> None:
        self.card = card
        self.port = port
        self.host = host
        self.apdus = 0
        self.pull_after: int | None = None  # fault: the card is pulled after N APDUs
        self._sock: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()

    def insert(self, timeout_s: float = 10.0) -> None:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                self._sock = socket.create_connection((self.host, self.port), timeout=1.0)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        self._sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._stop.clear()
        self._thread = threading.Thread(target=self._serve, name="vpcd-card", daemon=True)
        self._thread.start()
        log.info("virtual card inserted", event_id=EventId.SIMULATOR_STARTED, sim="smartcard",
                 port=self.port)

    def remove(self) -> None:
        self._stop.set()
        sock, self._sock = self._sock, None
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(2)
        self._thread = None

    @property
    def inserted(self) -> bool:
        return self._sock is not None

    def _recv_exact(self, sock: socket.socket, n: int) -> bytes | None:
        buf = bytearray()
        while len(buf) < n:
            if hasattr(socket, "TCP_QUICKACK"):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
            try:
                chunk = sock.recv(n - len(buf))
            except TimeoutError:
                if self._stop.is_set():
                    return None
                continue
            except OSError:
                return None
            if not chunk:
                return None
            buf += chunk
        return bytes(buf)

    def _send(self, sock: socket.socket, payload: bytes) -> None:
        sock.sendall(struct.pack(">H", len(payload)) + payload)

    def _serve(self) -> None:
        sock = self._sock
        if sock is None:
            return
        sock.settimeout(0.5)
        while not self._stop.is_set():
            head = self._recv_exact(sock, 2)
            if head is None:
                break
            (size,) = struct.unpack(">H", head)
            payload = self._recv_exact(sock, size) if size else b""
            if payload is None:
                break
            try:
                if size == 1:
                    control = payload[0]
                    if control == 0:
                        self.card.power_off()
                    elif control in (1, 2):
                        self.card.power_on()
                    elif control == 4:
                        self._send(sock, self.card.atr)
                    continue
                self.apdus += 1
                if self.pull_after is not None and self.apdus > self.pull_after:
                    break  # pulled out mid-session: the connection drops, no answer
                self._send(sock, self.card.process(payload))
            except OSError:
                break
        if self._sock is sock:
            self._sock = None
            with contextlib.suppress(OSError):
                sock.close()

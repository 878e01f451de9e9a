"""The serial side of a simulated device: a raw pty, and a loop that feeds what the host writes
to a handler and writes back what the handler answers. Used by the ID card reader and receipt
printer simulators (the host opens the slave path with pyserial, as a real serial device)."""

from __future__ import annotations

import contextlib
import os
import select
import threading
import tty
from collections.abc import Callable


class PtyLink:
    def __init__(self, handle: Callable[[bytes], bytes], name: str = "pty-sim") -> None:
        self._handle = handle
        self._name = name
        self.master = -1
        self.slave = -1
        self.path = ""
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def open(self) -> str:
        """Open the pty (raw both ways: no echo, no line discipline) and start serving."""
        self.master, self.slave = os.openpty()
        tty.setraw(self.slave)
        tty.setraw(self.master)
        self.path = os.ttyname(self.slave)
        self._stop.clear()
        self._thread = threading.Thread(target=self._serve, name=self._name, daemon=True)
        self._thread.start()
        return self.path

    def write(self, data: bytes) -> None:
        os.write(self.master, data)

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(2)
            self._thread = None
        for fd in (self.master, self.slave):
            if fd >= 0:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self.master = self.slave = -1

    def _serve(self) -> None:
        master = self.master
        while not self._stop.is_set():
            ready, _, _ = select.select([master], [], [], 0.05)
            if not ready:
                continue
            try:
                data = os.read(master, 4096)
            except OSError:
                return
            if not data:
                continue
            answer = self._handle(data)
            if answer:
                os.write(master, answer)

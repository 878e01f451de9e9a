"""systemd's notify protocol (sd_notify(3)): one datagram per state change to the socket named
in $NOTIFY_SOCKET (a path, or '@' for the abstract namespace). READY=1 when the home screen
shows, WATCHDOG=1 heartbeats from the Qt event loop (so a frozen UI misses them and systemd
restarts it), STOPPING=1 on the way out. Without $NOTIFY_SOCKET every call does nothing.

The protocol is a few lines over a UNIX datagram socket; the maintained binding (python-systemd)
needs libsystemd headers to build, which the appliance image does not otherwise need.
"""

from __future__ import annotations

import os
import socket

from kiosk.logging import get_logger

log = get_logger(__name__)


class SystemdNotifier:
    def __init__(self, socket_path: str | None = None) -> None:
        path = socket_path if socket_path is not None else os.environ.get("NOTIFY_SOCKET", "")
        self.address: str | bytes | None = None
        if path:
            self.address = b"\0" + path[1:].encode() if path.startswith("@") else path
        self._sock: socket.socket | None = None

    @property
    def enabled(self) -> bool:
        return self.address is not None

    def notify(self, *assignments: str) -> bool:
        """Send e.g. ("READY=1", "STATUS=home screen up"); False if it could not be sent."""
        if self.address is None:
            return False
        try:
            if self._sock is None:
                self._sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC)
                # never block the UI thread: a full queue means this beat is skipped
                self._sock.setblocking(False)
            self._sock.sendto("\n".join(assignments).encode(), self.address)
            return True
        except BlockingIOError:
            return False
        except OSError as exc:
            log.warning("systemd notification not sent", error=type(exc).__name__)
            return False

    def ready(self, status: str = "") -> bool:
        return self.notify("READY=1", *([f"STATUS={status}"] if status else []))

    def watchdog(self) -> bool:
        return self.notify("WATCHDOG=1")

    def stopping(self) -> bool:
        return self.notify("STOPPING=1")

    def close(self) -> None:
        if self._sock is not None:
            self._sock.close()
            self._sock = None


def watchdog_interval_s() -> float | None:
    """Half the watchdog timeout systemd set (WATCHDOG_USEC), or None without a watchdog.

    WATCHDOG_PID is not checked: on the appliance the app runs as the compositor's child
    (the unit's main process is cage) and reports through NotifyAccess=all."""
    usec = os.environ.get("WATCHDOG_USEC", "")
    if not (usec.isascii() and usec.isdigit()) or int(usec) == 0:
        return None
    return int(usec) / 1_000_000 / 2

"""Byte transports to a receipt printer: TCP (port 9100) and serial (pyserial).

Small and blocking (pyserial style); the adapter calls them from worker threads. Each read is
bounded by the transport's timeout. Errors surface as `DeviceUnavailable` / `DeviceTimeout`.
"""

from __future__ import annotations

import contextlib
import socket
from typing import Protocol

import serial

from kiosk.devices.errors import DeviceTimeout, DeviceUnavailable


class ByteTransport(Protocol):
    description: str

    def open(self) -> None: ...
    def close(self) -> None: ...
    def write(self, data: bytes) -> None: ...
    def read_exact(self, n: int) -> bytes: ...
    def discard_input(self) -> None: ...


class TcpTransport:
    def __init__(self, host: str, port: int, timeout_s: float) -> None:
        self.host, self.port, self.timeout_s = host, port, timeout_s
        self.description = f"tcp://{host}:{port}"
        self._sock: socket.socket | None = None

    def open(self) -> None:
        try:
            self._sock = socket.create_connection((self.host, self.port), self.timeout_s)
        except OSError as exc:
            raise DeviceUnavailable(f"cannot connect to {self.description}: {exc}") from None
        self._sock.settimeout(self.timeout_s)
        self._sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def close(self) -> None:
        if self._sock is not None:
            try:
                self._sock.close()
            finally:
                self._sock = None

    def _require(self) -> socket.socket:
        if self._sock is None:
            raise DeviceUnavailable(f"{self.description} is not open")
        return self._sock

    def write(self, data: bytes) -> None:
        try:
            self._require().sendall(data)
        except OSError as exc:
            raise DeviceUnavailable(f"{self.description}: write failed: {exc}") from None

    def read_exact(self, n: int) -> bytes:
        sock = self._require()
        buf = bytearray()
        try:
            while len(buf) < n:
                chunk = sock.recv(n - len(buf))
                if not chunk:
                    raise DeviceUnavailable(f"{self.description}: connection closed")
                buf += chunk
        except TimeoutError:
            raise DeviceTimeout(f"{self.description}: no answer within {self.timeout_s:g} s") \
                from None
        except OSError as exc:
            raise DeviceUnavailable(f"{self.description}: read failed: {exc}") from None
        return bytes(buf)

    def discard_input(self) -> None:
        sock = self._require()
        sock.setblocking(False)
        try:
            while sock.recv(4096):
                pass
        except (BlockingIOError, OSError):
            pass
        finally:
            sock.settimeout(self.timeout_s)


class SerialTransport:
    def __init__(self, device: str, baud: int, timeout_s: float) -> None:
        self.device, self.baud, self.timeout_s = device, baud, timeout_s
        self.description = f"{device}@{baud}"
        self._port: serial.Serial | None = None

    def open(self) -> None:
        try:
            self._port = serial.Serial(
                self.device, self.baud, timeout=self.timeout_s, write_timeout=self.timeout_s
            )
        except (serial.SerialException, OSError) as exc:
            raise DeviceUnavailable(f"cannot open {self.device}: {exc}") from None

    def close(self) -> None:
        if self._port is not None:
            try:
                self._port.close()
            finally:
                self._port = None

    def _require(self) -> serial.Serial:
        if self._port is None:
            raise DeviceUnavailable(f"{self.description} is not open")
        return self._port

    def write(self, data: bytes) -> None:
        try:
            self._require().write(data)
        except serial.SerialTimeoutException:
            raise DeviceTimeout(f"{self.description}: write timed out") from None
        except (serial.SerialException, OSError) as exc:
            raise DeviceUnavailable(f"{self.description}: write failed: {exc}") from None

    def read_exact(self, n: int) -> bytes:
        try:
            data = bytes(self._require().read(n))
        except (serial.SerialException, OSError) as exc:
            raise DeviceUnavailable(f"{self.description}: read failed: {exc}") from None
        if len(data) < n:
            raise DeviceTimeout(f"{self.description}: no answer within {self.timeout_s:g} s")
        return data

    def discard_input(self) -> None:
        with contextlib.suppress(serial.SerialException, OSError):
            self._require().reset_input_buffer()

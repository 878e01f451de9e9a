"""The PC/SC reader adapter on a real pcscd with vsmartcard-vpcd's virtual readers."""

from __future__ import annotations

import asyncio
import socket
import struct
import threading
import time

import pytest

from kiosk.devices.base import DeviceState
from kiosk.devices.monitor import probe_now
from kiosk.devices.smartcard.pcsc_reader import PcscReader

# pcscd's two virtual readers both, and pcscd itself restarted: alone, after the others
pytestmark = [pytest.mark.daemon, pytest.mark.serial]


class MinimalCard:
    """Just enough of vpcd's card protocol to be 'inserted': answers power and ATR requests.

    (The real virtual cards, e-passport and social security card, are `kiosk sim smartcard`.)
    """

    ATR = bytes.fromhex("3B8880010000000000000000")

    def __init__(self, port: int = 35963) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port))
        self._stop = False
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        self.sock.settimeout(0.2)
        while not self._stop:
            try:
                if hasattr(socket, "TCP_QUICKACK"):
                    self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
                head = self.sock.recv(2)
            except TimeoutError:
                continue
            except OSError:
                return
            if len(head) < 2:
                return
            (n,) = struct.unpack(">H", head)
            payload = self.sock.recv(n)
            if n == 1 and payload == b"\x04":
                self.sock.sendall(struct.pack(">H", len(self.ATR)) + self.ATR)
            elif n > 1:
                self.sock.sendall(struct.pack(">H", 2) + b"\x6d\x00")

    def remove(self) -> None:
        self._stop = True
        self.thread.join(2)
        self.sock.close()


def wait_for(predicate, timeout_s: float = 5.0):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    return predicate()


async def test_virtual_reader_is_found_and_card_presence_follows(pcscd_running) -> None:
    reader = PcscReader("smartcard", "Virtual PCD 00 00", adapter="pcsc")
    # a previous test's virtual card may still be leaving vpcd (pcscd notices ~0.4 s later)
    deadline = time.monotonic() + 5
    while True:
        status, reason = await probe_now(reader)
        if status.detail.get("card_present") is not True or time.monotonic() > deadline:
            break
        await asyncio.sleep(0.1)
    assert reason is None
    assert status.state is DeviceState.OK
    assert str(status.detail["reader"]).startswith("Virtual PCD 00 00")
    assert status.detail["card_present"] is False

    card = MinimalCard()
    try:
        async def present() -> bool:
            s, _ = await probe_now(reader)
            return s.detail.get("card_present") is True

        deadline = time.monotonic() + 5
        while not await present() and time.monotonic() < deadline:
            time.sleep(0.05)
        status, _ = await probe_now(reader)
        assert status.detail["card_present"] is True
        assert status.detail["atr"] == MinimalCard.ATR.hex(" ").upper()
    finally:
        card.remove()


async def test_missing_reader_is_named(pcscd_running) -> None:
    status, reason = await probe_now(PcscReader("smartcard", "ACME Reader", adapter="pcsc"))
    assert status.state is DeviceState.UNAVAILABLE
    assert status.code == "reader_missing"
    assert reason is not None
    assert "Virtual PCD 00 00" in reason  # says which readers there are

"""What every virtual card shares: parse the command APDU (a malformed one is answered 6700,
wrong length), answer it, and forget its session state when powered off or reset."""

from __future__ import annotations

from abc import ABC, abstractmethod

from kiosk.devices.smartcard.apdu import Command, Response


class VirtualCardBase(ABC):
    atr: bytes

    @abstractmethod
    def power_on(self) -> None:
        """Reset the card's state (selected file, authentication)."""

    def power_off(self) -> None:
        self.power_on()

    def process(self, apdu: bytes) -> bytes:
        try:
            cmd = Command.parse(apdu)
        except ValueError:
            return b"\x67\x00"
        return self.answer(cmd).encode()

    @abstractmethod
    def answer(self, cmd: Command) -> Response: ...

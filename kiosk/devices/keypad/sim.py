"""The simulated keypad: always the keyboard of the machine the kiosk runs on, with a switch
that unplugs it (the simulator panel and the tests), so a lost keypad can be shown."""

from __future__ import annotations

from kiosk.devices.base import Device, DeviceKind, DeviceStatus
from kiosk.devices.errors import DeviceUnavailable


class SimulatedKeypad(Device):
    kind = DeviceKind.KEYPAD

    def __init__(self, name: str) -> None:
        super().__init__(name, "simulated", simulated=True)
        self.plugged = True

    async def _open(self) -> None:
        if not self.plugged:
            raise DeviceUnavailable("the simulated keypad is unplugged")

    async def _close(self) -> None:
        return None

    async def probe(self) -> DeviceStatus:
        if not self.plugged:
            raise DeviceUnavailable("the simulated keypad is unplugged")
        return DeviceStatus.ok(keypad="simulated keypad")

"""The simulated headphone jack: a plug the trainer's panel and the tests put in or pull out.
(A real jack's kernel switch cannot be made here without uinput; the adapter that reads one,
jack.py, is checked on its bitmap decoding and against a node that is not a jack.)"""

from __future__ import annotations

from kiosk.devices.base import Device, DeviceKind, DeviceStatus


class SimulatedHeadphoneJack(Device):
    kind = DeviceKind.HEADPHONES

    def __init__(self, name: str) -> None:
        super().__init__(name, "simulated", simulated=True)
        self.inserted = False

    async def _open(self) -> None:
        return None

    async def _close(self) -> None:
        return None

    async def probe(self) -> DeviceStatus:
        return DeviceStatus.ok(inserted=self.inserted, jack="simulated jack")

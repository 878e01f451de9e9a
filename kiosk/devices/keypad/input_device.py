"""A keypad seen as a Linux input device node (/dev/input/...): present, readable, and named.

The kiosk never reads key events from the node (the windowing system delivers them to Qt);
opening it for a moment proves the keypad is plugged in and the kiosk may use it.
"""

from __future__ import annotations

import os
from pathlib import Path

from kiosk.devices.base import Device, DeviceKind, DeviceStatus, run_blocking
from kiosk.devices.input_node import input_name, open_input_node


class InputDeviceKeypad(Device):
    kind = DeviceKind.KEYPAD

    def __init__(self, name: str, node: str, *, adapter: str = "evdev") -> None:
        super().__init__(name, adapter)
        self.node = Path(node)

    def _check(self) -> str:
        os.close(open_input_node(self.node, "keypad"))
        return input_name(self.node)

    async def _open(self) -> None:
        await run_blocking(2.0, self._check)

    async def _close(self) -> None:
        return None

    async def probe(self) -> DeviceStatus:
        name = await run_blocking(2.0, self._check)
        return DeviceStatus.ok(node=str(self.node), **({"keypad": name} if name else {}))

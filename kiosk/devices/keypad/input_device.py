"""A keypad seen as a Linux input device node (/dev/input/...): present, readable, and named.

The kiosk never reads key events from the node (the windowing system delivers them to Qt);
opening it for a moment proves the keypad is plugged in and the kiosk may use it.
"""

from __future__ import annotations

import os
from pathlib import Path

from kiosk.devices.base import Device, DeviceKind, DeviceStatus, run_blocking
from kiosk.devices.errors import DeviceUnavailable


def _input_name(node: Path) -> str:
    """The name the kernel gives an input device (e.g. "USB Keypad"), or ""."""
    try:
        event = node.resolve().name  # by-id links point at eventN
        return Path(f"/sys/class/input/{event}/device/name").read_text().strip()[:60]
    except OSError:
        return ""


class InputDeviceKeypad(Device):
    kind = DeviceKind.KEYPAD

    def __init__(self, name: str, node: str, *, adapter: str = "evdev") -> None:
        super().__init__(name, adapter)
        self.node = Path(node)

    def _check(self) -> str:
        try:
            fd = os.open(self.node, os.O_RDONLY | os.O_NONBLOCK)
        except FileNotFoundError:
            raise DeviceUnavailable(f"no keypad at {self.node} (unplugged?)") from None
        except PermissionError:
            raise DeviceUnavailable(f"{self.node}: no permission to read the keypad "
                                    "(the kiosk user needs the input group)") from None
        except OSError as exc:
            raise DeviceUnavailable(f"{self.node}: {exc.strerror}") from None
        os.close(fd)
        return _input_name(self.node)

    async def _open(self) -> None:
        await run_blocking(2.0, self._check)

    async def _close(self) -> None:
        return None

    async def probe(self) -> DeviceStatus:
        name = await run_blocking(2.0, self._check)
        return DeviceStatus.ok(node=str(self.node), **({"keypad": name} if name else {}))

"""The headphone jack as the Linux kernel reports it: ALSA turns a sound card's jack detection
into an input device ("HDA Intel PCH Headphone", "... Front Headphone") whose switch
SW_HEADPHONE_INSERT is set while a plug is in. The kiosk asks for the switch state with the
EVIOCGSW ioctl at each poll (no event stream to keep open); the udev rule links the node to
/dev/kiosk-headphones (systemd/99-yiban-kiosk.rules).

Where the hardware reports nothing (a handset wired in for good, a USB sound card without jack
detection), `adapter = "fixed"` says in the config whether headphones are there.

Input-layer facts (linux/input.h, linux/input-event-codes.h): EVIOCGSW(len) is
_IOC(_IOC_READ, 'E', 0x1b, len); SW_HEADPHONE_INSERT is switch 0x02, SW_LINEOUT_INSERT 0x06,
SW_JACK_PHYSICAL_INSERT 0x07; SW_MAX is 0x10, so 8 bytes hold every switch.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from kiosk.devices.base import Device, DeviceKind, DeviceStatus, run_blocking
from kiosk.devices.errors import DeviceUnavailable
from kiosk.devices.input_node import input_name, open_input_node

SW_HEADPHONE_INSERT = 0x02
SW_BYTES = 8
_IOC_READ = 2
EVIOCGSW = (_IOC_READ << 30) | (SW_BYTES << 16) | (ord("E") << 8) | 0x1B


def switch_is_set(bitmap: bytes, switch: int) -> bool:
    """Whether switch number `switch` is set in an EVIOCGSW bitmap (bit n of byte n // 8)."""
    index = switch // 8
    return index < len(bitmap) and bool(bitmap[index] & (1 << (switch % 8)))


class EvdevHeadphoneJack(Device):
    kind = DeviceKind.HEADPHONES

    def __init__(self, name: str, node: str) -> None:
        super().__init__(name, "evdev")
        self.node = Path(node)

    def _read(self) -> tuple[bool, str]:
        fd = open_input_node(self.node, "headphone jack")
        try:
            bitmap = fcntl.ioctl(fd, EVIOCGSW, bytes(SW_BYTES))
        except OSError as exc:
            raise DeviceUnavailable(f"{self.node} reports no switches "
                                    f"(not a jack?): {exc.strerror}") from None
        finally:
            os.close(fd)
        return switch_is_set(bitmap, SW_HEADPHONE_INSERT), input_name(self.node)

    async def _open(self) -> None:
        await run_blocking(2.0, self._read)

    async def _close(self) -> None:
        return None

    async def probe(self) -> DeviceStatus:
        inserted, jack = await run_blocking(2.0, self._read)
        return DeviceStatus.ok(inserted=inserted, **({"jack": jack} if jack else {}))


class ConfiguredHeadphones(Device):
    """No jack detection: the configuration says whether headphones are there."""

    kind = DeviceKind.HEADPHONES

    def __init__(self, name: str, inserted: bool) -> None:
        super().__init__(name, "fixed")
        self.inserted = inserted

    async def _open(self) -> None:
        return None

    async def _close(self) -> None:
        return None

    async def probe(self) -> DeviceStatus:
        return DeviceStatus.ok(inserted=self.inserted, configured=True)

"""A Linux input device node (/dev/input/eventN, or a udev link to one): opened for a moment
with the reasons a citizen-facing device can be missing said plainly, and the name the kernel
gives it. Shared by the keypad and the headphone jack."""

from __future__ import annotations

import os
from pathlib import Path

from kiosk.devices.errors import DeviceUnavailable


def open_input_node(node: Path, what: str) -> int:
    """A read-only, non-blocking descriptor for `node` (the caller closes it), or
    DeviceUnavailable naming `what` is missing and why."""
    try:
        return os.open(node, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise DeviceUnavailable(f"no {what} at {node} (unplugged?)") from None
    except PermissionError:
        raise DeviceUnavailable(f"{node}: no permission to read the {what} "
                                "(the kiosk user needs the input group)") from None
    except OSError as exc:
        raise DeviceUnavailable(f"{node}: {exc.strerror}") from None


def input_name(node: Path) -> str:
    """The name the kernel gives an input device (e.g. "USB Keypad"), or ""."""
    try:
        event = node.resolve().name  # by-id links point at eventN
        return Path(f"/sys/class/input/{event}/device/name").read_text().strip()[:60]
    except OSError:
        return ""

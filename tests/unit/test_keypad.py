"""The keypad is a device like the others: present and readable is "ok", pulled out is
"unavailable" with the reason — so the status strip shows a lost keypad."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kiosk.admin.device_words import staff_view
from kiosk.devices.errors import DeviceUnavailable
from kiosk.devices.keypad.input_device import InputDeviceKeypad
from kiosk.devices.keypad.sim import SimulatedKeypad
from kiosk.devices.monitor import probe_now


async def test_a_present_keypad_node_is_ok_and_a_pulled_one_is_not(tmp_path: Path) -> None:
    node = tmp_path / "kiosk-keypad"
    node.write_bytes(b"")                       # stands in for /dev/input/eventN
    keypad = InputDeviceKeypad("keypad", str(node))
    status, reason = await probe_now(keypad)
    assert status.state.value == "ok", reason
    assert staff_view("keypad", status).line.startswith("按键盘 · 正常")
    node.unlink()                               # pulled out
    status, reason = await probe_now(keypad)
    assert status.state.value == "unavailable"
    assert reason is not None
    assert "unplugged" in reason


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
async def test_a_keypad_the_kiosk_may_not_read_says_so(tmp_path: Path) -> None:
    node = tmp_path / "kiosk-keypad"
    node.write_bytes(b"")
    node.chmod(0)
    with pytest.raises(DeviceUnavailable, match="input group"):
        await InputDeviceKeypad("keypad", str(node)).open()


async def test_the_simulated_keypad_can_be_pulled() -> None:
    keypad = SimulatedKeypad("keypad")
    assert (await probe_now(keypad))[0].state.value == "ok"
    keypad.plugged = False
    assert (await probe_now(keypad))[0].state.value == "unavailable"

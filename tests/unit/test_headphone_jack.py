"""The headphone jack: the kernel's switch bitmap read right, a node that is not a jack said
plainly, and the staff's words for it."""

from __future__ import annotations

import asyncio

import pytest

from kiosk.admin.device_words import staff_view
from kiosk.devices.errors import DeviceUnavailable
from kiosk.devices.headphones.jack import (
    EVIOCGSW,
    SW_HEADPHONE_INSERT,
    ConfiguredHeadphones,
    EvdevHeadphoneJack,
    switch_is_set,
)


def test_the_ioctl_number_is_the_kernels() -> None:
    assert EVIOCGSW == 0x8008451B  # _IOC(_IOC_READ, 'E', 0x1b, 8) as linux/input.h builds it


def test_the_headphone_switch_is_bit_two_of_the_first_byte() -> None:
    assert switch_is_set(bytes([0b0000_0100]) + bytes(7), SW_HEADPHONE_INSERT)
    assert not switch_is_set(bytes([0b0100_0000]) + bytes(7), SW_HEADPHONE_INSERT)  # line-out
    assert switch_is_set(bytes([0, 0b1000_0000]), 15)
    assert not switch_is_set(b"", SW_HEADPHONE_INSERT)


def test_a_node_that_is_not_a_jack_or_is_missing_is_unavailable(tmp_path) -> None:
    with pytest.raises(DeviceUnavailable, match="reports no switches"):
        asyncio.run(EvdevHeadphoneJack("headphones", "/dev/null").probe())
    with pytest.raises(DeviceUnavailable, match="no headphone jack"):
        asyncio.run(EvdevHeadphoneJack("headphones", str(tmp_path / "none")).probe())


def test_a_configured_jack_and_the_words_staff_read() -> None:
    status = asyncio.run(ConfiguredHeadphones("headphones", inserted=True).probe())
    assert status.detail["inserted"] is True
    view = staff_view("headphones", status)
    assert view.line == "耳机插孔 · 正常 · 已插入耳机，无插孔检测，按配置设定"

"""The camera's one-slot mailbox never hands a new consumer a frame taken before it asked: the
slot may hold the previous citizen's face or e-ID code when the camera stalled or idled."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from kiosk.devices.camera.base import LatestFrame
from kiosk.devices.errors import DeviceTimeout


def test_a_fresh_consumer_waits_for_a_frame_taken_after_it_asked() -> None:
    box = LatestFrame()
    before = np.full((4, 4, 3), 1, np.uint8)
    box.put(before)
    with pytest.raises(DeviceTimeout):
        box.wait_newer(0, 0.2)  # only the old frame is there
    after = np.full((4, 4, 3), 2, np.uint8)
    threading.Timer(0.1, box.put, (after,)).start()
    seq, frame = box.wait_newer(0, 2.0)
    assert int(frame[0, 0, 0]) == 2
    threading.Timer(0.1, box.put, (before,)).start()
    assert box.wait_newer(seq, 2.0)[0] == seq + 1  # a consumer that follows gets each next one


def test_asking_marks_demand_so_an_idle_producer_can_wake() -> None:
    box = LatestFrame()
    assert not box.wanted()
    box.peek()
    assert box.wanted()

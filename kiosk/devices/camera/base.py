"""What every camera offers: the newest frame (never a growing queue), and its frame rate."""

from __future__ import annotations

import threading
import time

import numpy as np
import numpy.typing as npt

from kiosk.devices.base import Device, DeviceKind, DeviceStatus
from kiosk.devices.errors import DeviceTimeout, DeviceUnavailable

Frame = npt.NDArray[np.uint8]


class LatestFrame:
    """A one-slot mailbox: the producer overwrites, consumers wait for a newer frame."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._frame: Frame | None = None
        self._seq = 0
        self._times: list[float] = []
        self.error: str | None = None
        self._asked_at = 0.0  # when a consumer last asked for a frame (monotonic)

    def wanted(self, within_s: float = 1.0) -> bool:
        """Whether anyone asked for a frame in the last `within_s` seconds: a producer may
        idle when nobody is looking."""
        return time.monotonic() - self._asked_at < within_s

    def put(self, frame: Frame) -> None:
        with self._cond:
            self._frame = frame
            self._seq += 1
            now = time.monotonic()
            self._times = [t for t in self._times if now - t < 2.0] + [now]
            self.error = None
            self._cond.notify_all()

    def fail(self, reason: str) -> None:
        with self._cond:
            self.error = reason
            self._cond.notify_all()

    def clear(self) -> None:
        with self._cond:
            if self._frame is not None:
                self._frame.fill(0)
            self._frame = None

    @property
    def seq(self) -> int:
        return self._seq

    def peek(self) -> tuple[int, Frame | None]:
        """The newest frame without waiting or copying (a preview copies it once to draw it;
        the producer replaces, never mutates, the array it handed over)."""
        with self._cond:
            self._asked_at = time.monotonic()
            return self._seq, self._frame

    def fps(self) -> float:
        with self._cond:
            times = list(self._times)
        if len(times) < 2:
            return 0.0
        return (len(times) - 1) / max(times[-1] - times[0], 1e-6)

    def wait_newer(self, after: int, timeout_s: float) -> tuple[int, Frame]:
        """The first frame after sequence number `after`; `after` 0 means a frame taken from
        now on — never one already in the slot, which may show the previous citizen (or their
        e-ID code) if the camera stalled or idled."""
        deadline = time.monotonic() + timeout_s
        with self._cond:
            if after == 0:
                after = self._seq
            self._asked_at = time.monotonic()
            while self._seq <= after or self._frame is None:
                if self.error is not None:
                    raise DeviceUnavailable(self.error)
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise DeviceTimeout(f"no camera frame within {timeout_s:g} s")
                self._cond.wait(remaining)
            return self._seq, self._frame.copy()


class Camera(Device):
    kind = DeviceKind.CAMERA

    def __init__(self, name: str, adapter: str, *, simulated: bool = False) -> None:
        super().__init__(name, adapter, simulated=simulated)
        self.frames = LatestFrame()
        self.width = 0
        self.height = 0

    async def probe(self) -> DeviceStatus:
        if self.frames.error is not None:
            raise DeviceUnavailable(self.frames.error)
        return DeviceStatus.ok(width=self.width, height=self.height,
                               fps=round(self.frames.fps(), 1))

    def next_frame(self, after: int, timeout_s: float = 2.0) -> tuple[int, Frame]:
        """Blocking: the newest frame after sequence number `after` (a copy); `after` 0: the
        first frame taken after this call."""
        return self.frames.wait_newer(after, timeout_s)

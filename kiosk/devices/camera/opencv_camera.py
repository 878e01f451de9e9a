"""A real camera through cv2.VideoCapture (a V4L2 index or device path), read in a worker
thread into a one-frame mailbox; an unplugged camera is reopened with backoff."""

from __future__ import annotations

import threading
import time

import cv2
import numpy as np

from kiosk.devices.camera.base import Camera
from kiosk.devices.errors import DeviceUnavailable


class OpenCvCamera(Camera):
    def __init__(self, name: str, source: str, width: int = 640, height: int = 480,
                 fps: float = 30, *, adapter: str = "opencv") -> None:
        super().__init__(name, adapter)
        self.source = source
        self.want = (width, height, fps)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _open_capture(self) -> cv2.VideoCapture:
        src: int | str = int(self.source) if self.source.isdigit() else self.source
        cap = cv2.VideoCapture(src)
        if not cap.isOpened():
            cap.release()
            raise DeviceUnavailable(f"cannot open camera {self.source}")
        w, h, fps = self.want
        cap.set(cv2.CAP_PROP_FRAME_WIDTH, w)
        cap.set(cv2.CAP_PROP_FRAME_HEIGHT, h)
        cap.set(cv2.CAP_PROP_FPS, fps)
        cap.set(cv2.CAP_PROP_BUFFERSIZE, 1)
        return cap

    async def _open(self) -> None:
        cap = self._open_capture()  # fail fast when the camera is absent
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, args=(cap,), name="camera",
                                        daemon=True)
        self._thread.start()

    async def _close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(3)
            self._thread = None
        self.frames.clear()

    def _run(self, cap: cv2.VideoCapture | None) -> None:
        backoff = 0.5
        while not self._stop.is_set():
            if cap is None:
                try:
                    cap = self._open_capture()
                    backoff = 0.5
                except DeviceUnavailable as exc:
                    self.frames.fail(str(exc))
                    self._stop.wait(backoff)
                    backoff = min(backoff * 2, 10.0)
                    continue
            ok, frame = cap.read()
            if not ok or frame is None:
                cap.release()
                cap = None
                self.frames.fail(f"camera {self.source} stopped delivering frames")
                continue
            self.height, self.width = frame.shape[:2]
            self.frames.put(np.asarray(frame, dtype=np.uint8))
            if self.source.isdigit() is False and cap.get(cv2.CAP_PROP_FRAME_COUNT) > 0:
                time.sleep(1 / max(self.want[2], 1))  # a file plays at its frame rate
        if cap is not None:
            cap.release()

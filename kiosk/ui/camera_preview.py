"""The live camera picture for the face-check screen: a QML image provider that hands Qt the
newest frame, converted once (BGR → QImage copy) per frame drawn; no frame is kept after it is
drawn, and none is ever written anywhere."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtQuick import QQuickImageProvider

if TYPE_CHECKING:  # the camera (and numpy) arrive with the core, after the first frame
    from kiosk.devices.camera.base import Camera


class CameraPreview(QQuickImageProvider):
    def __init__(self, camera: Camera | None) -> None:
        super().__init__(QQuickImageProvider.ImageType.Image)
        self.camera = camera
        self._last_seq = -1
        self._last: QImage | None = None
        self.frames_drawn = 0
        self._drawn_at: list[float] = []

    def requestImage(self, _id: str, size: QSize, requested: QSize) -> QImage:
        frame = None
        seq = self._last_seq
        if self.camera is not None:
            seq, frame = self.camera.frames.peek()
        if frame is None:
            image = QImage(64, 48, QImage.Format.Format_RGB888)
            image.fill(0)
            return image
        if seq == self._last_seq and self._last is not None:
            return self._last
        h, w = frame.shape[:2]
        # one copy: QImage wraps the array's memory, .copy() detaches it for Qt's renderer
        image = QImage(frame.data, w, h, frame.strides[0], QImage.Format.Format_BGR888).copy()
        self._last_seq, self._last = seq, image
        self.frames_drawn += 1
        now = time.monotonic()
        self._drawn_at = [t for t in self._drawn_at if now - t < 2.0] + [now]
        size.setWidth(w)
        size.setHeight(h)
        return image

    def fps(self) -> float:
        t = self._drawn_at
        return 0.0 if len(t) < 2 else (len(t) - 1) / max(t[-1] - t[0], 1e-6)

    def forget(self) -> None:
        """Drop the last picture (a visit ended)."""
        self._last = None
        self._last_seq = -1

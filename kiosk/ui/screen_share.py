"""The kiosk's screen for the staff member in a video call (远程同屏协助): the window grabbed a
few times a second on the GUI thread, every item that shows personal data painted over (unless
the citizen has let the staff member see it), scaled, and put where the call's video track takes
it (`LatestFrame`). The staff member's camera comes back as a picture for QML
(`StaffPicture`, `image://staff/<tick>`).

An item shows personal data when it has `property bool personal: true` (the review screen's
values, the field being typed, the face picture, the signature): new screens mark theirs.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QObject, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtQuick import QQuickImageProvider, QQuickItem, QQuickWindow

from kiosk.services.latest_frame import LatestFrame

MASK = QColor("#5A6470")


def personal_rects(window: QQuickWindow) -> list[QRectF]:
    """Where personal data is on screen now, in window coordinates."""
    out: list[QRectF] = []
    stack: list[QQuickItem] = [window.contentItem()]
    while stack:
        item = stack.pop()
        if not item.isVisible() or item.opacity() <= 0.01:
            continue
        if item.property("personal") is True:
            out.append(item.mapRectToScene(QRectF(0, 0, item.width(), item.height())))
            continue  # its children are covered with it
        stack.extend(item.childItems())
    return out


def masked(image: QImage, rects: list[QRectF], words: str) -> QImage:
    """`image` with each rect covered (a plain box and `words` on it), painted in place: the
    grab is a fresh image every frame, so no copy of a full screen is made."""
    if not rects:
        return image
    out = image
    dpr = image.devicePixelRatio()
    painter = QPainter(out)
    font = QFont()
    font.setPixelSize(max(12, int(18 * dpr)))
    painter.setFont(font)
    for r in rects:
        box = QRectF(r.x() * dpr, r.y() * dpr, r.width() * dpr, r.height() * dpr)
        painter.fillRect(box, MASK)
        painter.setPen(QColor("#FFFFFF"))
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), words)
    painter.end()
    return out


def letterbox(image_size: QSize, size: tuple[int, int]) -> QRectF:
    """Where a picture of `image_size` sits when fitted into `size`, centred."""
    w, h = size
    k = min(w / max(1, image_size.width()), h / max(1, image_size.height()))
    sw, sh = round(image_size.width() * k), round(image_size.height() * k)
    return QRectF((w - sw) // 2, (h - sh) // 2, sw, sh)


def to_rgb_array(image: QImage, size: tuple[int, int]) -> np.ndarray[Any, Any]:
    """`image` letterboxed into `size` (width, height), as an RGB array."""
    w, h = size
    box = letterbox(image.size(), size)
    scaled = image.scaled(QSize(int(box.width()), int(box.height())),
                          Qt.AspectRatioMode.IgnoreAspectRatio,
                          Qt.TransformationMode.SmoothTransformation)
    canvas = QImage(w, h, QImage.Format.Format_RGB888)
    canvas.fill(QColor("#000000"))
    painter = QPainter(canvas)
    painter.drawImage(int(box.x()), int(box.y()), scaled)
    painter.end()
    raw = np.frombuffer(canvas.constBits(), dtype=np.uint8,
                        count=canvas.sizeInBytes())
    return raw.reshape(h, canvas.bytesPerLine())[:, :w * 3].reshape(h, w, 3).copy()


class ScreenShare(QObject):
    """Grabs the window into `frames` at `fps` while started."""

    def __init__(self, window: QQuickWindow, frames: LatestFrame, fps: float,
                 size: tuple[int, int], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.frames = frames
        self.size = size
        self.show_personal = False  # the citizen tapped "让工作人员看到我的信息"
        self.mask_words = "已遮挡"
        self._timer = QTimer(self)
        self._timer.setInterval(max(30, int(1000 / fps)))
        self._timer.timeout.connect(self.grab)

    def to_window(self, x: float, y: float) -> tuple[float, float]:
        """A point on the shared picture (0..1 each way) as a point on the window (0..1),
        past the letterbox's bars."""
        box = letterbox(QSize(self.window.width(), self.window.height()), self.size)
        w, h = self.size
        wx = (x * w - box.x()) / max(1.0, box.width())
        wy = (y * h - box.y()) / max(1.0, box.height())
        return min(1.0, max(0.0, wx)), min(1.0, max(0.0, wy))

    def start(self) -> None:
        self.grab()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self.show_personal = False  # the next call starts masked again

    def grab(self) -> None:
        image = self.window.grabWindow()
        if image.isNull():
            return
        if not self.show_personal:
            image = masked(image, personal_rects(self.window), self.mask_words)
        self.frames.put(to_rgb_array(image, self.size))


class StaffPicture(QQuickImageProvider):
    """The staff member's camera, newest picture (image://staff/<tick>)."""

    def __init__(self) -> None:
        super().__init__(QQuickImageProvider.ImageType.Image)
        self._image = QImage()

    def put(self, rgb: np.ndarray[Any, Any]) -> None:
        h, w = rgb.shape[:2]
        data = np.ascontiguousarray(rgb)
        self._image = QImage(data.data, w, h, w * 3, QImage.Format.Format_RGB888).copy()

    def clear(self) -> None:
        self._image = QImage()

    def requestImage(self, _id: str, size: QSize, requested: QSize) -> QImage:
        image = self._image
        if image.isNull():
            image = QImage(16, 9, QImage.Format.Format_RGB888)
            image.fill(QColor("#263238"))
        if size is not None:
            size.setWidth(image.width())
            size.setHeight(image.height())
        return image

"""The kiosk's screen for the staff member in a video call (远程同屏协助): the window grabbed a
few times a second on the GUI thread, covered except what is public, scaled, and put where the
call's video track takes it (`LatestFrame`).

Covered unless public: the picture is painted over everywhere except the items QML marks
`property bool shareable: true` — the kiosk's own words: titles, instructions, buttons, the
bars and the progress (the shared controls Heading, Body, KButton, NavBar, TopBar... carry the
mark). Inside a public item, an item marked `personal: true` (a value from the citizen or
their card: the review screen's values, the field being typed, the signature) stays covered,
and one marked `neverShared: true` (the on-screen keyboard, the camera preview) is covered
always. A new screen shows nothing of itself until its public parts are marked: forgetting a
mark hides too much, never too little.

"让工作人员看到我的信息" lifts the cover of the current screen only (the keyboard and the camera
stay covered); the help bridge puts it back when the screen changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # numpy loads with the first call, not with the home screen
    import numpy as np
from PySide6.QtCore import QObject, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QRegion
from PySide6.QtQuick import QQuickItem, QQuickWindow

from kiosk.services.latest_frame import LatestFrame

MASK = QColor("#5A6470")


@dataclass
class SharePlan:
    """Where, on the window now, the public items, the personal ones and the never-shared ones
    are (window coordinates)."""

    public: list[QRectF] = field(default_factory=list)
    personal: list[QRectF] = field(default_factory=list)
    never: list[QRectF] = field(default_factory=list)

    def shown(self, window: QRectF, lifted: bool) -> QRegion:
        """What of the window the staff member sees: the public items less anything personal
        (or, lifted, the whole window), never the keyboard or the camera."""
        region = QRegion(window.toAlignedRect()) if lifted else QRegion()
        if not lifted:
            for r in self.public:
                region = region.united(r.toAlignedRect())
            for r in self.personal:
                region = region.subtracted(QRegion(r.toAlignedRect()))
        for r in self.never:
            region = region.subtracted(QRegion(r.toAlignedRect()))
        return region


def share_plan(window: QQuickWindow) -> SharePlan:
    """The marks on the visible items now (a personal or never-shared item's children are
    covered with it; a public item's children are looked at for their own marks)."""
    plan = SharePlan()
    stack: list[QQuickItem] = [window.contentItem()]
    while stack:
        item = stack.pop()
        if not item.isVisible() or item.opacity() <= 0.01:
            continue
        rect = item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))
        if item.property("neverShared") is True:
            # and what it draws above itself (the keyboard's key preview and its long-press
            # choices rise over whatever is there)
            above = item.property("coverAbove")
            if isinstance(above, int | float) and above > 0:
                rect = rect.adjusted(0, -float(above), 0, 0)
            plan.never.append(rect)
            continue
        if item.property("personal") is True:
            plan.personal.append(rect)
            continue
        if item.property("shareable") is True:
            plan.public.append(rect)
        stack.extend(item.childItems())
    return plan


def covered(image: QImage, plan: SharePlan, lifted: bool, words: str) -> QImage:
    """`image` painted over everywhere but what `plan` shows (in place: the grab is a fresh
    image every frame); a covered personal item carries `words` so the staff member knows
    something is there."""
    dpr = image.devicePixelRatio()
    window = QRectF(0, 0, image.width() / dpr, image.height() / dpr)
    hidden = QRegion(window.toAlignedRect()).subtracted(plan.shown(window, lifted))
    if hidden.isEmpty():
        return image
    painter = QPainter(image)
    painter.scale(dpr, dpr)
    painter.setClipRegion(hidden)
    painter.fillRect(window, MASK)
    painter.setClipping(False)
    if not lifted:
        font = QFont()
        font.setPixelSize(18)
        painter.setFont(font)
        painter.setPen(QColor("#FFFFFF"))
        for r in plan.personal:
            painter.drawText(r, int(Qt.AlignmentFlag.AlignCenter), words)
    painter.end()
    return image


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
    import numpy as np

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
        self.show_personal = False  # "让工作人员看到我的信息": this screen shown uncovered
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
        self.show_personal = False  # the next call starts covered again
        self.frames.clear()  # (a grab between the call's end and this stop leaves nothing)

    def grab(self) -> None:
        image = self.window.grabWindow()
        if image.isNull():
            return
        image = covered(image, share_plan(self.window), self.show_personal, self.mask_words)
        self.frames.put(to_rgb_array(image, self.size))

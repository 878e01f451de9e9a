"""The hidden way in: a number of taps in one corner of the screen within a few seconds (five
in the top-left within three, by default). Citizens tapping elsewhere, too slowly or too few
times open nothing; the taps still reach whatever is under them, so the corner must hold
nothing that acts on a single tap."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF
from PySide6.QtGui import QMouseEvent, QTouchEvent


class CornerTaps(QObject):
    def __init__(self, on_gesture: Callable[[], None], *, taps: int = 5, within_s: float = 3.0,
                 corner_px: int = 120, clock: Callable[[], float] = time.monotonic,
                 on_press: Callable[[], None] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.on_gesture = on_gesture
        self.on_press = on_press  # every press (keeps an open admin session from locking)
        self.taps = taps
        self.within_s = within_s
        self.corner_px = corner_px
        self.clock = clock
        self._times: list[float] = []

    def _press_at(self, event: QEvent) -> QPointF | None:
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            return event.scenePosition()
        if event.type() == QEvent.Type.TouchBegin and isinstance(event, QTouchEvent) and \
                event.points():
            return event.points()[0].scenePosition()
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not watched.isWindowType():
            return False
        pos = self._press_at(event)
        if pos is None:
            return False
        if self.on_press is not None:
            self.on_press()
        self.tap(pos.x(), pos.y())
        return False

    def tap(self, x: float, y: float) -> bool:
        """One press at (x, y) in window coordinates; True when it completes the gesture."""
        now = self.clock()
        if self._times and now - self._times[-1] < 0.05:
            return False  # the same touch seen twice (touch, then its synthesized mouse press)
        if x > self.corner_px or y > self.corner_px:
            self._times.clear()
            return False
        self._times = [t for t in self._times if now - t <= self.within_s] + [now]
        if len(self._times) >= self.taps:
            self._times.clear()
            self.on_gesture()
            return True
        return False

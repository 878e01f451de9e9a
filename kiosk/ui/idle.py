"""Watches every touch and click: after a quiet spell the kiosk shows its attract screen, and
the first touch on the attract screen only wakes it (it does not press what lies beneath)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer

_INPUT_EVENTS = {
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd, QEvent.Type.KeyPress, QEvent.Type.Wheel,
}
_PRESS_EVENTS = {QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin}


class IdleWatcher(QObject):
    def __init__(self, idle_after_s: float, on_change: Callable[[bool], None],
                 may_idle: Callable[[], bool] = lambda: True,
                 parent: QObject | None = None, *, wake_swallows: bool = True) -> None:
        super().__init__(parent)
        self._on_change = on_change
        self._may_idle = may_idle  # e.g. only on the home screen, never mid-visit
        # the attract screen's first touch only wakes it; other watchers let it through
        self._wake_swallows = wake_swallows
        self._idle = False
        self._swallow_until_release = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(int(idle_after_s * 1000))
        self._timer.timeout.connect(self._go_idle)
        self._timer.start()

    @property
    def idle(self) -> bool:
        return self._idle

    def _go_idle(self) -> None:
        if not self._may_idle():
            self._timer.start()  # look again after another quiet spell
            return
        self._idle = True
        self._on_change(True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        etype = event.type()
        if etype not in _INPUT_EVENTS:
            return False
        self._timer.start()
        if self._idle and etype in _PRESS_EVENTS:
            self._idle = False
            self._on_change(False)
            if not self._wake_swallows:
                return False
            self._swallow_until_release = True
            return True
        if self._swallow_until_release:
            if etype in (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd):
                self._swallow_until_release = False
            return True
        return False

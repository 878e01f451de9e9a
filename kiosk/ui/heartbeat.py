"""Sends systemd's WATCHDOG=1 from the Qt event loop: if the UI freezes, the heartbeats stop and
systemd restarts the kiosk. READY=1 goes out with the first frame of the home screen."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from kiosk.appliance.sd_notify import SystemdNotifier, watchdog_interval_s


class UiHeartbeat(QObject):
    def __init__(self, notifier: SystemdNotifier, interval_s: float | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.notifier = notifier
        self.interval_s = interval_s if interval_s is not None else watchdog_interval_s()
        self.beats = 0
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._beat)

    def start(self) -> None:
        if self.interval_s and self.notifier.enabled:
            self._timer.start(max(50, int(self.interval_s * 1000)))

    def _beat(self) -> None:
        if self.notifier.watchdog():
            self.beats += 1

    def stop(self) -> None:
        self._timer.stop()

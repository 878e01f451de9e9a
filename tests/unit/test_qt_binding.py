"""The Qt binding must not leak references to None or the booleans: on Python 3.11 (where they
are ordinary objects) a binding that drops one reference per call crashes a kiosk after some
hours ("deallocating None"). PySide6 6.12.0's wheels did exactly that, which is why
pyproject.toml pins 6.11.3; this test guards the pin."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

CALLS = 5000


class Emitter(QObject):
    fired = Signal()

    @Slot()
    def on_fired(self) -> None:
        pass


def test_void_calls_and_signals_keep_none_and_bool_alive(qapp) -> None:
    o = Emitter()
    o.fired.connect(o.on_fired)
    none0, true0, false0 = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(CALLS):
        o.setObjectName("x")          # a void method returns None
        o.fired.emit()                # emit returns a bool
        QCoreApplication.sendPostedEvents()
    # a healthy binding changes these by a handful at most; a leaking one by thousands
    assert abs(sys.getrefcount(None) - none0) < 100
    assert abs(sys.getrefcount(True) - true0) < 100
    assert abs(sys.getrefcount(False) - false0) < 100

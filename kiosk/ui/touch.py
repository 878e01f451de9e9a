"""A finger for the real QML: find items by objectName in the visual tree, scroll a list until
one shows, tap its centre, drag over it, read what is on the glass. Used by the UI tests (with
pytest-qt's waiting) and by the long-day benchmark (benchmarks/_ui_soak.py), so both drive the
screens the same way a citizen does."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QMouseEvent, QWindow
from PySide6.QtQuick import QQuickItem, QQuickWindow


def items(window: QQuickWindow) -> Iterator[QQuickItem]:
    stack = [window.contentItem()]
    while stack:
        item = stack.pop()
        yield item
        stack.extend(item.childItems())


def find_all(window: QQuickWindow, name: str) -> list[QQuickItem]:
    return [i for i in items(window) if i.objectName() == name]


def find(window: QQuickWindow, name: str) -> QQuickItem:
    """The visible item named `name` (Repeater and Loader content included)."""
    found = [i for i in find_all(window, name) if i.isVisible()] or find_all(window, name)
    if not found:
        raise LookupError(f"no item named {name}")
    return found[0]


def exists(window: QQuickWindow, name: str) -> bool:
    return any(i.isVisible() for i in find_all(window, name))


def center_of(item: QQuickItem) -> QPoint:
    p = item.mapToScene(item.boundingRect().center())
    return QPoint(int(p.x()), int(p.y()))


def scroll_into_view(item: QQuickItem) -> None:
    """Like a finger scrolling a list until the item shows: move the enclosing Flickable."""
    parent = item.parentItem()
    while parent is not None and parent.property("contentY") is None:
        parent = parent.parentItem()
    if parent is None:
        return
    top = item.mapToItem(parent, item.boundingRect().topLeft()).y()
    if top < 0 or top + item.height() > parent.height():
        y = float(parent.property("contentY")) + top - 10
        max_y = float(parent.property("contentHeight")) - parent.height()
        parent.setProperty("contentY", max(0.0, min(y, max(max_y, 0.0))))


def _mouse(window: QWindow, kind: QEvent.Type, at: QPoint, button: Qt.MouseButton,
           held: Qt.MouseButton) -> None:
    """One mouse event delivered to the window, as the platform would deliver it (a finger on
    a touchscreen reaches Qt Quick as a mouse event too). Sent directly rather than through
    QtTest, which would load QtWidgets into a process that measures the kiosk's memory."""
    event = QMouseEvent(kind, QPointF(at), QPointF(window.mapToGlobal(at)), button, held,
                        Qt.KeyboardModifier.NoModifier)
    QGuiApplication.sendEvent(window, event)


def _settle(ms: int) -> None:
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QGuiApplication.processEvents()
        time.sleep(0.002)


def click(window: QWindow, at: QPoint) -> None:
    left = Qt.MouseButton.LeftButton
    _mouse(window, QEvent.Type.MouseButtonPress, at, left, left)
    _mouse(window, QEvent.Type.MouseButtonRelease, at, left, Qt.MouseButton.NoButton)


def stroke(window: QWindow, points: list[QPoint]) -> None:
    left = Qt.MouseButton.LeftButton
    _mouse(window, QEvent.Type.MouseButtonPress, points[0], left, left)
    for pt in points[1:]:
        _settle(20)
        _mouse(window, QEvent.Type.MouseMove, pt, Qt.MouseButton.NoButton, left)
    _settle(20)
    _mouse(window, QEvent.Type.MouseButtonRelease, points[-1], left, Qt.MouseButton.NoButton)


def shown_texts(window: QQuickWindow) -> list[str]:
    """What is on the glass: an input's displayText (dots while masked), else its text."""
    out = []
    for i in items(window):
        if i.isVisible():
            t = i.property("displayText")
            if not isinstance(t, str):
                t = i.property("text")
            if isinstance(t, str) and t:
                out.append(t)
    return out


class Finger:
    """Taps by objectName without a test framework: waits by running the Qt event loop."""

    def __init__(self, app: QGuiApplication, window: QQuickWindow) -> None:
        self.app = app
        self.window = window

    def pump(self, seconds: float) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            self.app.processEvents()
            time.sleep(0.002)

    def until(self, ok: Callable[[], bool], timeout_s: float, what: str) -> None:
        deadline = time.perf_counter() + timeout_s
        while not ok():
            if time.perf_counter() > deadline:
                raise TimeoutError(f"waited {timeout_s:g} s for {what}")
            self.app.processEvents()
            time.sleep(0.005)

    def tap(self, name: str, timeout_s: float = 10.0) -> None:
        self.until(lambda: exists(self.window, name), timeout_s, f"{name} to show")
        self.pump(0.03)  # let the item settle where it will be drawn
        item = find(self.window, name)
        scroll_into_view(item)
        self.pump(0.03)
        click(self.window, center_of(item))

"""Driving the real QML by objectName, as a finger would: find items in the visual tree, tap
their centres, drag on them, wait for screens."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QPoint, Qt
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest


def items(shell) -> Iterator[QQuickItem]:
    stack = [shell.window.contentItem()]
    while stack:
        item = stack.pop()
        yield item
        stack.extend(item.childItems())


def find_all(shell, name: str) -> list[QQuickItem]:
    return [i for i in items(shell) if i.objectName() == name]


def find(shell, name: str) -> QQuickItem:
    """The visible item named `name` (Repeater and Loader content included)."""
    found = [i for i in find_all(shell, name) if i.isVisible()] or find_all(shell, name)
    if not found:
        raise AssertionError(f"no item named {name}")
    return found[0]


def exists(shell, name: str) -> bool:
    return any(i.isVisible() for i in find_all(shell, name))


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


def tap(shell, qtbot, name: str, timeout: int = 10000) -> None:
    qtbot.waitUntil(lambda: exists(shell, name), timeout=timeout)
    qtbot.wait(30)  # let the item settle where it will be drawn
    item = find(shell, name)
    scroll_into_view(item)
    qtbot.wait(30)
    QTest.mouseClick(shell.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     center_of(item))


def drag(shell, points: list[tuple[float, float]], on: QQuickItem) -> None:
    """A finger stroke over `on`, in fractions of its size."""
    def at(fx: float, fy: float) -> QPoint:
        p = on.mapToScene(on.boundingRect().topLeft())
        return QPoint(int(p.x() + fx * on.width()), int(p.y() + fy * on.height()))
    w = shell.window
    QTest.mousePress(w, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(*points[0]))
    for pt in points[1:]:
        QTest.mouseMove(w, at(*pt), 20)
    QTest.mouseRelease(w, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       at(*points[-1]), 20)


def wait_screen(shell, qtbot, screen: str, timeout: int = 15000) -> None:
    qtbot.waitUntil(lambda: shell.visit.screen == screen, timeout=timeout)
    qtbot.wait(50)


def texts(shell) -> list[str]:
    out = []
    for i in items(shell):
        if i.isVisible():
            # what is on the glass: an input's displayText (dots while masked), else its text
            t = i.property("displayText")
            if not isinstance(t, str):
                t = i.property("text")
            if isinstance(t, str) and t:
                out.append(t)
    return out

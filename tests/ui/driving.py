"""Driving the real QML by objectName, as a finger would (kiosk/ui/touch.py), with pytest-qt
doing the waiting."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QPoint
from PySide6.QtQuick import QQuickItem

from kiosk.ui import touch


def items(shell) -> Iterator[QQuickItem]:
    return touch.items(shell.window)


def find_all(shell, name: str) -> list[QQuickItem]:
    return touch.find_all(shell.window, name)


def find(shell, name: str) -> QQuickItem:
    try:
        return touch.find(shell.window, name)
    except LookupError as exc:
        raise AssertionError(str(exc)) from None


def exists(shell, name: str) -> bool:
    return touch.exists(shell.window, name)


center_of = touch.center_of


def tap(shell, qtbot, name: str, timeout: int = 10000) -> None:
    qtbot.waitUntil(lambda: exists(shell, name), timeout=timeout)
    qtbot.wait(30)  # let the item settle where it will be drawn
    item = find(shell, name)
    touch.scroll_into_view(item)
    qtbot.wait(30)
    touch.click(shell.window, touch.center_of(item))


def drag(shell, points: list[tuple[float, float]], on: QQuickItem) -> None:
    """A finger stroke over `on`, in fractions of its size."""
    p = on.mapToScene(on.boundingRect().topLeft())
    touch.stroke(shell.window, [QPoint(int(p.x() + fx * on.width()), int(p.y() + fy * on.height()))
                                for fx, fy in points])


def wait_screen(shell, qtbot, screen: str, timeout: int = 15000) -> None:
    qtbot.waitUntil(lambda: shell.visit.screen == screen, timeout=timeout)
    qtbot.wait(50)


def texts(shell) -> list[str]:
    return touch.shown_texts(shell.window)


def plain_text(item: QQuickItem) -> bool:
    """Whether a QML Text shows its text as characters (Text.PlainText), never as markup.
    (PySide6 cannot convert the TextFormat enum of a property read; QML itself answers.)"""
    from PySide6.QtQml import QQmlEngine, QQmlExpression

    context = QQmlEngine.contextForObject(item)
    value, failed = QQmlExpression(context, item, "textFormat === Text.PlainText").evaluate()
    return bool(value) and not failed

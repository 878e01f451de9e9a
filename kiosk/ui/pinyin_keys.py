"""Pinyin from a physical keyboard (issue 20): letters typed on a keyboard go to the on-screen
keyboard's Pinyin engine (Qt Virtual Keyboard), not into the field as Latin text.

Qt Virtual Keyboard composes only from its own keys: a hardware key press reaches the field
directly and commits whatever was being spelled. So while a text field has the focus and the
on-screen keyboard is in Pinyin mode, this filter hands letters to the panel's `pinyinKey`
(kiosk/ui/qml/Kiosk/controls/KeyboardPanel.qml) and swallows the key — press *and* release:
a release that reaches the input method commits the syllable half-spelt. While spelling,
1–9 choose a candidate, Space takes the first, Backspace takes a letter back. The voice says
the spelling and the first candidates with their numbers ("zhang：1 张，2 涨…").
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Q_ARG, Q_RETURN_ARG, QEvent, QMetaObject, QObject, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtQml import QJSValue
from PySide6.QtQuick import QQuickItem, QQuickWindow

CANDIDATES_SPOKEN = 5


def _find_panel(window: QQuickWindow) -> QQuickItem | None:
    stack = [window.contentItem()]
    while stack:
        item = stack.pop()
        if item.objectName() == "inputPanel":
            return item
        stack.extend(item.childItems())
    return None


def candidates_words(spelling: str, candidates: list[str], lang: str) -> str:
    """What the voice says while a syllable is spelled: the letters, then numbered choices."""
    numbered = ("，" if lang != "en" else ", ").join(
        f"{i} {word}" for i, word in enumerate(candidates, start=1))
    return f"{spelling}：{numbered}" if numbered else spelling


class PinyinKeys(QObject):
    """An application event filter: hardware letters into the on-screen Pinyin keyboard."""

    def __init__(self, window: QQuickWindow, typing: Callable[[], bool],
                 say: Callable[[str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self._typing = typing
        self._say = say
        self._swallowed: set[int] = set()  # keys whose press went to the engine

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease) \
                or not watched.isWindowType() or not isinstance(event, QKeyEvent):
            return False
        key = int(event.key())
        if kind == QEvent.Type.KeyRelease:
            if key in self._swallowed:
                self._swallowed.discard(key)
                return True
            return False
        if not self._typing():
            return False
        panel = _find_panel(self._window)
        if panel is None:
            return False
        used = QMetaObject.invokeMethod(panel, "pinyinKey", Q_RETURN_ARG("QVariant"),
                                        Q_ARG("QVariant", key), Q_ARG("QVariant", event.text()))
        if not used:
            return False
        self._swallowed.add(key)
        QTimer.singleShot(0, lambda: self._tell(panel))
        return True

    def _tell(self, panel: QQuickItem) -> None:
        state = QMetaObject.invokeMethod(panel, "pinyinState", Q_RETURN_ARG("QVariant"),
                                         Q_ARG("QVariant", CANDIDATES_SPOKEN))
        if isinstance(state, QJSValue):  # a JavaScript object comes back as itself
            state = state.toVariant()
        if not isinstance(state, dict):
            return
        spelling = str(state.get("spelling") or "")
        if spelling:
            words = [str(w) for w in state.get("candidates") or []]
            self._say(candidates_words(spelling, words, "zh-Hans"))

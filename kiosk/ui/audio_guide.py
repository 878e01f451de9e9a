"""Speech for the keyboard path (issue 20, a first step): once a citizen presses a key, the
kiosk is in audio mode and says what the focus lands on — its role, its label and where it is
among its neighbours ("按钮，个人服务，第1个，共3个"), in the visit's language.

Only the controls' own labels are read (their accessible names). Values typed into fields are
not: personal data is never spoken out loud by this guide. What was said is kept in a short
list in memory (for the tests and the trainer), never written anywhere.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAccessible
from PySide6.QtQuick import QQuickItem, QQuickWindow

from kiosk.logging import get_logger

log = get_logger(__name__)

_ROLE_WORDS = {
    QAccessible.Role.Button: {"zh-Hans": "按钮", "zh-Hant": "按鈕", "en": "button"},
    QAccessible.Role.ListItem: {"zh-Hans": "列表项", "zh-Hant": "列表項", "en": "list item"},
    QAccessible.Role.EditableText: {"zh-Hans": "输入框", "zh-Hant": "輸入框", "en": "text field"},
}
_POSITION = {"zh-Hans": "第{i}个，共{n}个", "zh-Hant": "第{i}個，共{n}個", "en": "{i} of {n}"}
_SEPARATOR = {"zh-Hans": "，", "zh-Hant": "，", "en": ", "}


def _focusable_neighbours(item: QQuickItem) -> list[QQuickItem]:
    parent = item.parentItem()
    if parent is None:
        return [item]
    return [c for c in parent.childItems()
            if c.isVisible() and bool(c.property("activeFocusOnTab"))]


def describe(item: QQuickItem, lang: str) -> str:
    """Role, label and position of a focused control, in `lang` ("" when it has no label)."""
    iface = QAccessible.queryAccessibleInterface(item)
    name = iface.text(QAccessible.Text.Name).strip() if iface is not None else ""
    if not name:  # no accessibility bridge here: the shared controls' own label properties
        name = str(item.property("text") or item.property("title") or "").strip()
    if not name:
        return ""
    parts = []
    role = _ROLE_WORDS.get(iface.role()) if iface is not None else \
        _ROLE_WORDS[QAccessible.Role.Button]
    if role is not None:
        parts.append(role.get(lang, role["zh-Hans"]))
    parts.append(name)
    neighbours = _focusable_neighbours(item)
    if len(neighbours) > 1 and item in neighbours:
        parts.append(_POSITION.get(lang, _POSITION["zh-Hans"]).format(
            i=neighbours.index(item) + 1, n=len(neighbours)))
    return _SEPARATOR.get(lang, "，").join(parts)


class AudioGuide(QObject):
    """Says where the keyboard focus is, from the first key press on."""

    def __init__(self, window: QQuickWindow, language: Callable[[], str],
                 speak: Callable[[str, str], None] | None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self._language = language
        self._speak = speak
        self.active = False
        self.spoken: deque[str] = deque(maxlen=50)
        window.activeFocusItemChanged.connect(self._focus_moved)

    def key_pressed(self) -> None:
        if not self.active:
            self.active = True
            log.info("audio mode on")
            self._focus_moved()

    def screen_shown(self, _name: str = "") -> None:
        """A screen finished loading, or showed a new question: in audio mode, say its title
        and put the focus on its first control (so keys work at once, and typed digits reach
        a number field). Deferred: QML lays the new content out first."""
        if self.active:
            QTimer.singleShot(0, self._focus_screen)

    def _focus_screen(self) -> None:
        loader = self._window.contentItem().findChild(QQuickItem, "screenLoader")
        screen = loader.property("item") if loader is not None else None
        if not isinstance(screen, QQuickItem):
            return
        title = screen.findChild(QQuickItem, "screenTitle")
        words = str(title.property("text") or "") if title is not None else ""
        if words:
            self.spoken.append(words)
            if self._speak is not None:
                self._speak(words, self._language())
        first = screen.nextItemInFocusChain(True)
        if first is not None and screen.isAncestorOf(first):
            first.forceActiveFocus()

    def reset(self) -> None:
        """The citizen has left: the next one starts in touch mode."""
        self.active = False
        self.spoken.clear()

    def _focus_moved(self) -> None:
        if not self.active:
            return
        item = self._window.activeFocusItem()
        if item is None:
            return
        lang = self._language()
        text = describe(item, lang)
        if not text:
            return
        self.spoken.append(text)
        if self._speak is not None:
            self._speak(text, lang)


class KeyPresses(QObject):
    """An application event filter: any key press switches the guide to audio mode."""

    def __init__(self, guide: AudioGuide, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._guide = guide

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and watched.isWindowType():
            self._guide.key_pressed()
        return False

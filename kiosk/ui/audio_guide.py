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
from typing import Protocol

from PySide6.QtCore import Property, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAccessible, QColor, QKeyEvent
from PySide6.QtQuick import QQuickItem, QQuickWindow

from kiosk.devices.base import DeviceState, DeviceStatus
from kiosk.logging import get_logger

log = get_logger(__name__)

_ROLE_WORDS = {
    QAccessible.Role.Button: {"zh-Hans": "按钮", "zh-Hant": "按鈕", "en": "button"},
    QAccessible.Role.ListItem: {"zh-Hans": "列表项", "zh-Hant": "列表項", "en": "list item"},
    QAccessible.Role.EditableText: {"zh-Hans": "输入框", "zh-Hant": "輸入框", "en": "text field"},
}
_POSITION = {"zh-Hans": "第{i}个，共{n}个", "zh-Hant": "第{i}個，共{n}個", "en": "{i} of {n}"}
_SEPARATOR = {"zh-Hans": "，", "zh-Hant": "，", "en": ", "}


def _find_item(root: QQuickItem, name: str) -> QQuickItem | None:
    """The first item called `name` in the visual tree under `root` (QML items' QObject
    parents are not always their visual parents, so findChild can miss them)."""
    stack = [root]
    while stack:
        item = stack.pop()
        if item.objectName() == name:
            return item
        stack.extend(item.childItems())
    return None


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
    editable = bool(item.flags() & QQuickItem.Flag.ItemAcceptsInputMethod)
    typed = str(item.property("text") or "").strip() if editable else ""
    if editable and name == typed:
        name = ""  # an input's name is its label, never what was typed into it
    if not name:  # no accessibility bridge here: the controls' own label properties
        name = str(item.property("spokenName") or "").strip()
    if not name and not editable:
        name = str(item.property("text") or item.property("title") or "").strip()
    if not name:
        return ""
    parts = []
    if iface is not None:
        role = _ROLE_WORDS.get(iface.role())
    else:
        role = _ROLE_WORDS[QAccessible.Role.EditableText if editable
                           else QAccessible.Role.Button]
    if role is not None:
        parts.append(role.get(lang, role["zh-Hans"]))
    parts.append(name)
    neighbours = _focusable_neighbours(item)
    if len(neighbours) > 1 and item in neighbours:
        parts.append(_POSITION.get(lang, _POSITION["zh-Hans"]).format(
            i=neighbours.index(item) + 1, n=len(neighbours)))
    return _SEPARATOR.get(lang, "，").join(parts)


_KEYS_HELP = {
    "zh-Hans": "按Tab键移动，按回车键确认，按Esc键返回，按星号键重听，按加号或减号键调节音量，"
               "按F12键打开或关闭隐私模式",
    "zh-Hant": "按Tab鍵移動，按回車鍵確認，按Esc鍵返回，按星號鍵重聽，按加號或減號鍵調節音量，"
               "按F12鍵打開或關閉隱私模式",
    "en": "Tab moves, Enter chooses, Escape goes back, star repeats, plus and minus change "
          "the volume, F12 turns private mode on or off",
}
_HEADPHONES_IN = {
    "zh-Hans": "已插入耳机，进入语音模式。按F1键听取帮助，按F12键可以关闭屏幕",
    "zh-Hant": "已插入耳機，進入語音模式。按F1鍵聽取幫助，按F12鍵可以關閉螢幕",
    "en": "Headphones in: audio mode. Press F1 for help, F12 to blank the screen",
}
_HEADPHONES_OUT = {"zh-Hans": "耳机已拔出，屏幕已打开", "zh-Hant": "耳機已拔出，螢幕已打開",
                   "en": "Headphones out, the screen is on"}
_VOLUME = {"zh-Hans": "音量，第{i}级，共{n}级", "zh-Hant": "音量，第{i}級，共{n}級",
           "en": "Volume {i} of {n}"}


class VolumeControl(Protocol):
    """The voice's loudness in steps (kiosk/ui/voice.py's SpokenPrompts)."""

    def change_volume(self, step: int) -> int: ...

    def reset_volume(self) -> None: ...


class AudioGuide(QObject):
    """Says where the keyboard focus is, from the first key press on; F1 help, * repeat, and
    private mode (the screen blanked while keys and speech go on)."""

    privacyChanged = Signal()
    _jack_seen = Signal(bool)  # cross-thread: the headphone jack's state from the monitor

    def __init__(self, window: QQuickWindow, language: Callable[[], str],
                 speak: Callable[[str, str], None] | None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self._language = language
        self.speak = speak  # where the words go (espeak-ng; a file in the benchmark)
        self.volume: VolumeControl | None = None  # + and - (none: a kiosk without a voice)
        self.active = False
        self._privacy = False
        self._colour: QColor | None = None
        self._titled: tuple[int, str] = (0, "")
        self.spoken: deque[str] = deque(maxlen=50)
        self.headphones = False  # a plug in the headphone jack (kiosk/devices/headphones/)
        window.activeFocusItemChanged.connect(self._focus_moved)
        self._jack_seen.connect(self._jack_changed, Qt.ConnectionType.QueuedConnection)

    def jack_status(self, status: DeviceStatus) -> None:
        """Monitor callback (any thread): the headphone jack's status."""
        self._jack_seen.emit(status.state is DeviceState.OK
                             and status.detail.get("inserted") is True)

    @Slot(bool)
    def _jack_changed(self, inserted: bool) -> None:
        """Headphones in: audio mode, as a first key press (and a word on the keys). Out: the
        screen comes back if it was blanked — nobody listens privately any more."""
        if inserted == self.headphones:
            return
        self.headphones = inserted
        lang = self._language()
        if inserted:
            log.info("headphones in: audio mode")
            self.active = True
            self._say(_HEADPHONES_IN.get(lang, _HEADPHONES_IN["zh-Hans"]))
            QTimer.singleShot(0, self._focus_screen)
        elif self._privacy:
            self._privacy = False
            self._blank(False)
            self.privacyChanged.emit()
            self._say(_HEADPHONES_OUT.get(lang, _HEADPHONES_OUT["zh-Hans"]))

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
        screen = self._screen()
        if screen is None:
            return
        title = self._screen_title()
        if (id(screen), title) != self._titled:  # a screen says its title once
            self._titled = (id(screen), title)
            self._say(title)
        first = screen.nextItemInFocusChain(True)
        if first is not None and screen.isAncestorOf(first):
            first.forceActiveFocus()

    def reset(self) -> None:
        """The citizen has left: the next one starts in touch mode, screen on."""
        self.active = False
        self.spoken.clear()
        if self.volume is not None:
            self.volume.reset_volume()  # the next citizen starts at the usual loudness
        if self._privacy:
            self._privacy = False
            self._blank(False)
            self.privacyChanged.emit()

    def _say(self, text: str) -> None:
        if not text:
            return
        self.spoken.append(text)
        if self.speak is not None:
            self.speak(text, self._language())

    @Slot()
    def help(self) -> None:
        """F1: what this screen is and which keys work."""
        self.key_pressed()
        title = self._screen_title()
        self._say((title + _SEPARATOR.get(self._language(), "，") if title else "")
                  + _KEYS_HELP.get(self._language(), _KEYS_HELP["zh-Hans"]))

    @Slot()
    def repeat(self) -> None:
        """*: say the last thing again."""
        self.key_pressed()
        if self.spoken:
            self._say(self.spoken[-1])

    @Slot(int)
    def changeVolume(self, step: int) -> None:
        """+ / -: one step louder or quieter, said at the new loudness."""
        self.key_pressed()
        if self.volume is None:
            return
        from kiosk.ui.voice import VOLUME_STEPS

        level = self.volume.change_volume(step)
        self._say(_VOLUME.get(self._language(), _VOLUME["zh-Hans"]).format(
            i=level, n=len(VOLUME_STEPS)))

    @Slot()
    def togglePrivacy(self) -> None:
        """F12: blank the screen (headphones on, nobody reads along) or show it again."""
        self.key_pressed()
        self._privacy = not self._privacy
        self._blank(self._privacy)
        self.privacyChanged.emit()
        lang = self._language()
        self._say({"zh-Hans": "隐私模式已打开，屏幕已关闭" if self._privacy else "屏幕已打开",
                   "zh-Hant": "隱私模式已打開，螢幕已關閉" if self._privacy else "螢幕已打開",
                   "en": "Private mode on, the screen is blank" if self._privacy
                   else "The screen is on"}.get(lang, ""))

    def _blank(self, blank: bool) -> None:
        """Nothing drawn, everything still there: focus, keys and speech go on (an item made
        invisible would lose the focus; a transparent one keeps it)."""
        if blank:
            self._colour = self._window.color()
            self._window.setColor(QColor("black"))
        elif self._colour is not None:
            self._window.setColor(self._colour)
        self._window.contentItem().setOpacity(0.0 if blank else 1.0)

    def _get_privacy(self) -> bool:
        return self._privacy

    privacy = Property(bool, _get_privacy, notify=privacyChanged)

    def _screen(self) -> QQuickItem | None:
        loader = _find_item(self._window.contentItem(), "screenLoader")
        screen = loader.property("item") if loader is not None else None
        return screen if isinstance(screen, QQuickItem) else None

    def _screen_title(self) -> str:
        screen = self._screen()
        title = _find_item(screen, "screenTitle") if screen is not None else None
        return str(title.property("text") or "") if title is not None else ""

    def typing(self) -> bool:
        """Whether the focus is in a text field (keys there are text, not commands)."""
        item = self._window.activeFocusItem()
        return item is not None and bool(
            item.flags() & QQuickItem.Flag.ItemAcceptsInputMethod)

    def _focus_moved(self) -> None:
        if not self.active:
            return
        item = self._window.activeFocusItem()
        if item is None:
            return
        self._say(describe(item, self._language()))


_TYPED_KEYS = {int(Qt.Key.Key_Asterisk.value), int(Qt.Key.Key_Plus.value),
               int(Qt.Key.Key_Minus.value)}


class KeyPresses(QObject):
    """An application event filter: any key press switches the guide to audio mode."""

    def __init__(self, guide: AudioGuide, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._guide = guide

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not watched.isWindowType():
            return False
        key = int(event.key()) if isinstance(event, QKeyEvent) else 0
        guide = self._guide
        if key in _TYPED_KEYS and guide.typing():
            guide.key_pressed()
            return False  # "*", "+" and "-" typed into a text field are text
        action = {int(Qt.Key.Key_F1.value): guide.help,
                  int(Qt.Key.Key_Asterisk.value): guide.repeat,
                  int(Qt.Key.Key_Plus.value): lambda: guide.changeVolume(1),
                  int(Qt.Key.Key_Minus.value): lambda: guide.changeVolume(-1),
                  int(Qt.Key.Key_F12.value): guide.togglePrivacy}.get(key)
        if action is not None:
            action()
            return True  # the guide's own keys do nothing else
        self._guide.key_pressed()
        return False

"""Speech for the keyboard path (issue 20): once a citizen presses a key, the kiosk is in audio
mode and says what the focus lands on — its role, its label and where it is among its
neighbours ("按钮，个人服务，第1个，共3个"), in the visit's language.

Only the controls' own labels are read (their accessible names). A value — what was typed into
a field, a line of the review screen — is read only when the citizen asks for it (F2, or `/`
outside a text field), and only into headphones: through the loudspeaker the guide says that
personal details are read with headphones in, and nothing else. What was said is kept in a
short list in memory (for the tests and the trainer), never written anywhere; a value read into
headphones is not kept there, so `*` never repeats it.
"""

from __future__ import annotations

import re
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
               "插入耳机后按F2键或斜杠键听取内容，按F12键打开或关闭隐私模式",
    "zh-Hant": "按Tab鍵移動，按回車鍵確認，按Esc鍵返回，按星號鍵重聽，按加號或減號鍵調節音量，"
               "插入耳機後按F2鍵或斜線鍵聽取內容，按F12鍵打開或關閉隱私模式",
    "en": "Tab moves, Enter chooses, Escape goes back, star repeats, plus and minus change "
          "the volume, F2 or slash reads what is in a field with headphones in, F12 turns "
          "private mode on or off",
}
_VALUE_NEEDS_HEADPHONES = {
    "zh-Hans": "为保护隐私，个人信息只在插入耳机后读出",
    "zh-Hant": "為保護隱私，個人資訊只在插入耳機後讀出",
    "en": "To keep it private, personal details are read only with headphones in",
}
_NO_VALUE = {"zh-Hans": "这里没有可读出的内容", "zh-Hant": "這裡沒有可讀出的內容",
             "en": "Nothing to read here"}
_EMPTY_VALUE = {"zh-Hans": "{name}，尚未填写", "zh-Hant": "{name}，尚未填寫",
                "en": "{name}, not filled in yet"}
_HEADPHONES_IN = {
    "zh-Hans": "已插入耳机，进入语音模式。按F1键听取帮助，按F12键可以关闭屏幕",
    "zh-Hant": "已插入耳機，進入語音模式。按F1鍵聽取幫助，按F12鍵可以關閉螢幕",
    "en": "Headphones in: audio mode. Press F1 for help, F12 to blank the screen",
}
_HEADPHONES_OUT = {"zh-Hans": "耳机已拔出，屏幕已打开", "zh-Hant": "耳機已拔出，螢幕已打開",
                   "en": "Headphones out, the screen is on"}
_VOLUME = {"zh-Hans": "音量，第{i}级，共{n}级", "zh-Hant": "音量，第{i}級，共{n}級",
           "en": "Volume {i} of {n}"}


def spoken_value(name: str, value: str, lang: str) -> str:
    """A value as it is read into headphones: its label first, then the value, with each run
    of digits spelled digit by digit (a voice reads "13912345678" as one large number)."""
    if not value.strip():
        return _EMPTY_VALUE.get(lang, _EMPTY_VALUE["zh-Hans"]).format(name=name).lstrip("，, ")
    spelled = re.sub(r"\d{3,}", lambda m: " ".join(m.group(0)), value.strip())
    return _SEPARATOR.get(lang, "，").join(p for p in (name, spelled) if p)


def value_of(item: QQuickItem) -> tuple[str, str] | None:
    """(label, value) a focused control can read out: a review line's `spokenValue`, or what
    was typed into an input; None for a control that has no value (a button)."""
    value = item.property("spokenValue")
    editable = bool(item.flags() & QQuickItem.Flag.ItemAcceptsInputMethod)
    if value is None and editable:
        value = item.property("text")
    if value is None:
        return None
    return str(item.property("spokenName") or ""), str(value)


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
        # a screen says once what it says to everyone: its prompt (a refusal's reason, a
        # question's label), or its title
        words = str(screen.property("prompt") or "") or self._screen_title()
        if (id(screen), words) != self._titled:
            self._titled = (id(screen), words)
            self._say(words)
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

    @Slot()
    def readValue(self) -> None:
        """F2 (or / outside a text field): the focused field's or review line's value — into
        headphones only; through the loudspeaker, why not."""
        self.key_pressed()
        lang = self._language()
        item = self._window.activeFocusItem()
        found = value_of(item) if item is not None else None
        screen = self._screen()
        if found is None and screen is not None:  # e.g. a number field's screen: its digits
            found = value_of(screen)
        if found is None:
            self._say(_NO_VALUE.get(lang, _NO_VALUE["zh-Hans"]))
        elif not self.headphones:
            log.info("value not read: no headphones")
            self._say(_VALUE_NEEDS_HEADPHONES.get(lang, _VALUE_NEEDS_HEADPHONES["zh-Hans"]))
        else:
            log.info("value read into headphones")  # never the value
            self.say_private(spoken_value(*found, lang))

    def say_private(self, text: str) -> None:
        """Words that may carry personal data (a value, the Pinyin being spelt): said into
        headphones only, and not kept in `spoken` (so * never repeats them out loud)."""
        if self.headphones and self.speak is not None and text:
            self.speak(text, self._language())

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

    def typing(self, text: str = "") -> bool:
        """Whether a key is text here, not a command: the focus is in a text field, or the
        screen takes `text` as typed anywhere on it (a date's "-": its `typedKeys`)."""
        item = self._window.activeFocusItem()
        if item is not None and bool(item.flags() & QQuickItem.Flag.ItemAcceptsInputMethod):
            return True
        screen = self._screen() if text else None
        return screen is not None and text in str(screen.property("typedKeys") or "")

    def _focus_moved(self) -> None:
        if not self.active:
            return
        item = self._window.activeFocusItem()
        if item is None:
            return
        self._say(describe(item, self._language()))


_TYPED_KEYS = {int(Qt.Key.Key_Asterisk.value), int(Qt.Key.Key_Plus.value),
               int(Qt.Key.Key_Minus.value), int(Qt.Key.Key_Slash.value)}


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
        text = event.text() if isinstance(event, QKeyEvent) else ""
        if key in _TYPED_KEYS and guide.typing(text):
            guide.key_pressed()
            return False  # "*", "+", "-" and "/" typed into a text field are text
        action = {int(Qt.Key.Key_F1.value): guide.help,
                  int(Qt.Key.Key_Asterisk.value): guide.repeat,
                  int(Qt.Key.Key_Plus.value): lambda: guide.changeVolume(1),
                  int(Qt.Key.Key_Minus.value): lambda: guide.changeVolume(-1),
                  int(Qt.Key.Key_F2.value): guide.readValue,
                  int(Qt.Key.Key_Slash.value): guide.readValue,
                  int(Qt.Key.Key_F12.value): guide.togglePrivacy}.get(key)
        if action is not None:
            action()
            return True  # the guide's own keys do nothing else
        self._guide.key_pressed()
        return False

"""Keys and headphones on the real QML offscreen (issue 20): a value — what was typed, a line
of the review screen — is read only into headphones and only when the citizen asks (F2); the
Pinyin being spelt on a keyboard is read into headphones too. Whole visits by keys are shipped
scenarios (`drive: keys`, kiosk/scenarios/shipped/*-by-keys*.yaml, run by
tests/integration/test_scenarios.py)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.ui.driving import exists, find, wait_screen
from tests.ui.test_visits import (
    PHONE,
    assert_nothing_left,
    place_card,
    press,
    type_on_keys,
)

pytestmark = pytest.mark.usefixtures("cupsd_running")

HAN = re.compile(r"^[\u3400-\u9fff]+$")


class Heard:
    """What the voice was given, in order (the guide's and the visit's voice both)."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def __call__(self, text: str, _lang: str) -> None:
        self.lines.append(text)


def listen(shell) -> Heard:
    heard = Heard()
    shell.guide.speak = heard
    shell.visit.speak = heard
    return heard


def key(shell, k: Qt.Key, qtbot=None) -> None:
    QTest.keyClick(shell.window, k)
    if qtbot is not None:
        qtbot.wait(30)


def spell(shell, qtbot, pinyin: str) -> None:
    """A syllable typed on a keyboard, the first candidate taken with Space."""
    for letter in pinyin:
        QTest.keyClick(shell.window, letter)
    qtbot.wait(50)
    key(shell, Qt.Key.Key_Space, qtbot)


def to_focus(shell, qtbot, name: str, tries: int = 40) -> None:
    """Tab until `name` has the focus (no Enter)."""
    for _ in range(tries):
        item = shell.window.activeFocusItem()
        if item is not None and item.objectName() == name:
            return
        key(shell, Qt.Key.Key_Tab, qtbot)
    raise AssertionError(f"Tab never reached {name}")


def answer_fields_by_keys(shell, qtbot) -> list[str]:
    """Every question of the form, by keys: the first choice, digits for numbers, Pinyin for
    text. Returns the text answers as they reached the fields."""
    typed: list[str] = []
    while shell.visit.screen == "field":
        view = shell.visit.view
        kind, label = view.get("input"), view.get("label")
        if kind == "choice":
            press(shell, qtbot, "choice_0")
        else:
            qtbot.waitUntil(lambda: exists(shell, "fieldNext"))
            qtbot.wait(100)  # the guide puts the focus on the new question
            if kind == "phone":
                type_on_keys(shell, PHONE)
            elif kind in ("number", "date"):
                type_on_keys(shell, "80")
            else:
                to_focus(shell, qtbot, "fieldInput")
                qtbot.waitUntil(lambda: exists(shell, "inputPanel"))  # the Pinyin keyboard
                qtbot.wait(200)
                for syllable in ("tian", "he", "lu"):
                    spell(shell, qtbot, syllable)
                typed.append(str(find(shell, "fieldInput").property("text")))
            press(shell, qtbot, "fieldNext")
        qtbot.waitUntil(lambda v=view, was=label: shell.visit.view is not v or
                        shell.visit.view.get("label") != was or shell.visit.screen != "field",
                        timeout=15000)
        qtbot.wait(100)
    return typed


def test_a_value_is_read_only_into_headphones_and_only_when_asked(shell, core, qtbot) -> None:
    """On the review screen each line is a Tab stop that says its label; F2 reads its value —
    through the loudspeaker never, only with headphones in, and * does not repeat it."""
    heard = listen(shell)
    press(shell, qtbot, "tilePersonal")
    wait_screen(shell, qtbot, "services")
    press(shell, qtbot, "service_criminal-record-certificate")
    wait_screen(shell, qtbot, "intro")
    press(shell, qtbot, "beginVisit")
    place_card(shell, "zhang-wei")
    wait_screen(shell, qtbot, "face_consent", timeout=15000)
    press(shell, qtbot, "faceConsentYes")
    wait_screen(shell, qtbot, "field", timeout=30000)
    answer_fields_by_keys(shell, qtbot)
    wait_screen(shell, qtbot, "confirm")
    rows = shell.visit.view["rows"]
    phone_row = next(i for i, r in enumerate(rows) if r["value"] == PHONE)
    to_focus(shell, qtbot, f"confirmRow_{phone_row}")
    assert rows[phone_row]["label"] in heard.lines[-1]          # the label, said on focus
    assert PHONE not in heard.lines[-1]

    key(shell, Qt.Key.Key_F2, qtbot)                            # loudspeaker: not read
    assert "耳机" in heard.lines[-1]
    digits = " ".join(PHONE)
    assert not any(PHONE in line or digits in line for line in heard.lines)

    shell.bridge.sim.plugHeadphones(True)
    qtbot.waitUntil(lambda: shell.guide.headphones, timeout=10000)
    # plugging in moves the focus to the screen's first stop (a zero-delay timer): let it
    qtbot.waitUntil(lambda: any("已插入耳机" in line for line in heard.lines), timeout=5000)
    qtbot.wait(300)
    to_focus(shell, qtbot, f"confirmRow_{phone_row}")
    before = len(heard.lines)
    key(shell, Qt.Key.Key_F2, qtbot)
    said = heard.lines[before:]   # (a focus word may follow it: judge what F2 said)
    assert any(line.endswith(digits) for line in said), said    # digit by digit, after its label
    key(shell, Qt.Key.Key_Asterisk, qtbot)                      # repeat: not the value
    assert digits not in heard.lines[-1]
    assert not any(digits in line for line in shell.guide.spoken)

    shell.bridge.sim.plugHeadphones(False)
    qtbot.waitUntil(lambda: not shell.guide.headphones, timeout=10000)
    key(shell, Qt.Key.Key_F2, qtbot)
    assert digits not in heard.lines[-1]
    press(shell, qtbot, "confirmNo")
    qtbot.waitUntil(lambda: shell.visit.screen != "confirm", timeout=15000)
    shell.visit.goHome()
    wait_screen(shell, qtbot, "home")
    assert_nothing_left(shell, "zhang-wei")


def test_pinyin_is_typed_on_a_keyboard_and_its_candidates_heard_in_headphones(shell, core,
                                                                             qtbot) -> None:
    """Letters on a keyboard spell Pinyin in the on-screen keyboard (not Latin text); with
    headphones in, the spelling and the numbered candidates are read; a digit picks one."""
    heard = listen(shell)
    press(shell, qtbot, "openSearch")
    wait_screen(shell, qtbot, "search")
    to_focus(shell, qtbot, "searchInput")
    qtbot.waitUntil(lambda: exists(shell, "inputPanel"))
    qtbot.wait(200)
    for letter in "zheng":                               # loudspeaker: the spelling is not read
        QTest.keyClick(shell.window, letter)
    qtbot.wait(100)
    assert not any(line.startswith("zheng") for line in heard.lines)
    # search follows the Pinyin while it is spelt, before a character is chosen
    qtbot.waitUntil(lambda: "criminal-record-certificate" in
                    [r["id"] for r in shell.visit.searchResults], timeout=3000)
    key(shell, Qt.Key.Key_Space, qtbot)
    first = str(find(shell, "searchInput").property("text"))
    assert HAN.match(first), first                       # a character, not "zheng"

    shell.bridge.sim.plugHeadphones(True)
    qtbot.waitUntil(lambda: shell.guide.headphones, timeout=10000)
    for letter in "ming":
        QTest.keyClick(shell.window, letter)
    qtbot.waitUntil(lambda: any(line.startswith("ming：1 ") for line in heard.lines),
                    timeout=3000)
    said = [line for line in heard.lines if line.startswith("ming：")][-1]
    second = said.split("，")[1].split(" ")[1]          # "2 X": the second candidate
    key(shell, Qt.Key.Key_2, qtbot)
    assert find(shell, "searchInput").property("text") == first + second
    shell.bridge.sim.plugHeadphones(False)
    qtbot.waitUntil(lambda: not shell.guide.headphones, timeout=10000)


def test_the_on_screen_keyboard_shows_and_types_by_touch(shell, core, qtbot,
                                                         artifacts) -> None:
    """A finger on the on-screen Pinyin keyboard: it shows (with its height: a keyboard left
    without its style has none) and its keys spell into the field."""
    from kiosk.ui import touch
    from tests.ui.driving import items, tap

    tap(shell, qtbot, "openSearch")
    wait_screen(shell, qtbot, "search")
    tap(shell, qtbot, "searchInput")
    qtbot.waitUntil(lambda: exists(shell, "inputPanel"))
    panel = find(shell, "inputPanel")
    qtbot.waitUntil(lambda: panel.height() > 200, timeout=5000)
    qtbot.wait(400)  # it slides in
    shell.window.grabWindow().save(str(artifacts / "keyboard-pinyin.png"))

    def key_named(letter: str):
        found = [i for i in items(shell) if panel.isAncestorOf(i) and i.isVisible()
                 and i.property("text") == letter and i.property("key") is not None]
        assert found, letter
        return found[0]
    for letter in "shebao":
        touch.click(shell.window, touch.center_of(key_named(letter)))
        qtbot.wait(40)
    touch.click(shell.window, touch.center_of(key_named(" ")))
    qtbot.wait(100)
    typed = str(find(shell, "searchInput").property("text"))
    assert HAN.match(typed), typed

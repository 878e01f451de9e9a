"""The real QML home screen, offscreen, on simulated devices."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest

from kiosk.devices.printers.escpos_status import Paper
from kiosk.ui.voice import SpokenPrompts
from tests.ui.driving import center_of, find

CJK_TEXT_PIXELS_MIN = 2000


def chip_text(shell, device: str) -> str:
    chip = find(shell, f"deviceChip_{device}")
    return str(chip.property("stateText"))


def test_home_screen_shows_chinese_ui_and_device_status(shell, qtbot, artifacts: Path) -> None:
    qtbot.waitUntil(lambda: chip_text(shell, "receipt_printer") == "正常", timeout=10000)
    assert str(find(shell, "appTitle").property("text")) == "易办自助终端"
    assert "欢迎" in str(find(shell, "greeting").property("text"))
    qtbot.wait(200)
    image: QImage = shell.window.grabWindow()
    path = artifacts / "home-screen.png"
    assert image.save(str(path))
    assert image.width() >= 1280

    # Not blank: many colours, and a good amount of dark text pixels in the greeting area.
    small = image.scaled(192, 108)
    colours = {small.pixel(x, y) for x in range(192) for y in range(108)}
    assert len(colours) > 50
    dark = 0
    for y in range(int(image.height() * 0.2), int(image.height() * 0.32)):
        for x in range(0, image.width(), 2):
            if QImage.pixelColor(image, x, y).lightness() < 80:
                dark += 1
    assert dark > CJK_TEXT_PIXELS_MIN


def test_paper_out_shows_on_the_strip_in_words(shell, core, qtbot) -> None:
    kiosk_core, thread = core
    qtbot.waitUntil(lambda: chip_text(shell, "receipt_printer") == "正常", timeout=10000)
    assert kiosk_core.hub.receipt is not None
    kiosk_core.hub.receipt.set_paper(Paper.OUT)
    thread.submit(kiosk_core.monitor.poll_once()).result(5)
    qtbot.waitUntil(lambda: chip_text(shell, "receipt_printer") == "缺纸", timeout=5000)


def test_idle_shows_attract_and_first_touch_only_wakes(shell, qtbot) -> None:
    attract = find(shell, "attractScreen")
    assert not attract.isVisible()
    shell.idle._timer.setInterval(100)
    shell.idle._timer.start()
    qtbot.waitUntil(attract.isVisible, timeout=3000)
    shell.idle._timer.setInterval(60_000)  # no second idle spell during the rest of the test

    tile = find(shell, "tilePersonal")
    QTest.mouseClick(shell.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     center_of(tile))
    qtbot.waitUntil(lambda: not attract.isVisible(), timeout=3000)
    qtbot.wait(100)
    assert shell.visit.screen == "home"  # the waking touch did not press the tile under it

    QTest.mouseClick(shell.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     center_of(tile))
    qtbot.waitUntil(lambda: shell.visit.screen == "services", timeout=3000)


def test_window_refuses_to_close(shell, qtbot) -> None:
    shell.window.close()
    qtbot.wait(100)
    assert shell.window.isVisible()


# loaded after the home screen is drawn, never before (issue 32): the signing stack, the rule
# parser, the simulated backend's server, OpenCV, the WebRTC stack
NOT_BEFORE_THE_FIRST_FRAME = {"pyhanko", "reportlab", "celpy", "lark", "uvicorn", "h11",
                              "starlette", "cv2", "aiortc", "av"}


def test_kiosk_run_reaches_first_frame_first_and_exits() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    r = subprocess.run([sys.executable, "-m", "kiosk", "run", "--simulate", "--windowed",
                        "--exit-after-first-frame", "--first-frame-modules"],
                       capture_output=True, text=True, env=env, timeout=60)
    # an abort's first lines say which thread died where; the last ones what else ran
    assert r.returncode == 0, r.stderr[:3000] + "\n[…]\n" + r.stderr[-1500:]
    modules_line, frame_line = r.stdout.splitlines()[:2]
    assert frame_line.startswith("first-frame ")
    loaded = {m.split(".")[0] for m in modules_line.removeprefix("modules ").split()}
    assert "PySide6" in loaded  # the list is what the process had loaded
    assert loaded & NOT_BEFORE_THE_FIRST_FRAME == set()


def test_no_display_gives_one_clear_line() -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    r = subprocess.run([sys.executable, "-m", "kiosk", "run", "--simulate"],
                       capture_output=True, text=True, env=env, timeout=60)
    assert r.returncode == 4
    assert r.stderr.strip().splitlines()[-1].startswith("kiosk: no display:")
    assert "Traceback" not in r.stderr


def test_keys_reach_a_home_tile_and_open_it(shell, qtbot, artifacts: Path) -> None:
    """The first step of the key path (issue 20): Tab moves a visible focus ring through the
    shared controls, Enter activates the focused one — no touch."""
    window = shell.window
    seen = []
    for _ in range(20):
        QTest.keyClick(window, Qt.Key.Key_Tab)
        qtbot.wait(30)
        focused = window.activeFocusItem()
        seen.append(focused.objectName() if focused is not None else "")
        if seen[-1] == "tilePersonal":
            break
    assert seen[-1] == "tilePersonal", f"Tab went through {seen}"
    ring = next(c for c in focused.childItems() if c.objectName() == "focusRing")
    assert ring.isVisible()
    # audio mode from the first key: the guide said the focused control's role, label, place
    assert shell.guide.active
    assert re.fullmatch(r"按钮，个人服务，第1个，共3个", shell.guide.spoken[-1]), \
        list(shell.guide.spoken)
    window.grabWindow().save(str(artifacts / "focus-on-tile.png"))
    QTest.keyClick(window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.visit.current_screen() == "services", timeout=5000)
    # on the list: Tab reaches a service row, Enter opens its introduction
    for _ in range(20):
        QTest.keyClick(window, Qt.Key.Key_Tab)
        qtbot.wait(30)
        focused = window.activeFocusItem()
        if focused is not None and focused.objectName().startswith("service_"):
            break
    assert focused is not None
    assert focused.objectName().startswith("service_")
    QTest.keyClick(window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.visit.current_screen() == "intro", timeout=5000)
    # F1 says where the citizen is and which keys work; * says it again
    QTest.keyClick(window, Qt.Key.Key_F1)
    assert "按Tab键移动" in shell.guide.spoken[-1]
    QTest.keyClick(window, Qt.Key.Key_Asterisk)
    assert shell.guide.spoken[-1] == shell.guide.spoken[-2]
    # + and - change the voice's loudness a step, and say where it is now
    voice = SpokenPrompts()
    shell.guide.volume = voice
    QTest.keyClick(window, Qt.Key.Key_Plus)
    QTest.keyClick(window, Qt.Key.Key_Plus)
    assert shell.guide.spoken[-1] == "音量，第6级，共7级"
    assert voice._args("好", "zh-Hans")[5:7] == ["-a", "165"]
    QTest.keyClick(window, Qt.Key.Key_Minus)
    assert shell.guide.spoken[-1] == "音量，第5级，共7级"
    # private mode: the screen is black, keys and speech go on
    QTest.keyClick(window, Qt.Key.Key_F12)
    qtbot.wait(100)
    blank = window.grabWindow()
    assert all(blank.pixelColor(x, y).lightness() == 0
               for x in range(0, blank.width(), 97) for y in range(0, blank.height(), 89))
    before = window.activeFocusItem()
    QTest.keyClick(window, Qt.Key.Key_Tab)
    assert window.activeFocusItem() is not before          # keys still move the focus
    assert shell.guide.spoken[-1]                          # and it is still said
    QTest.keyClick(window, Qt.Key.Key_F12)
    qtbot.wait(100)
    shown = window.grabWindow()
    assert any(shown.pixelColor(x, y).lightness() > 0
               for x in range(0, shown.width(), 97) for y in range(0, shown.height(), 89))
    QTest.keyClick(window, Qt.Key.Key_Escape)              # Esc: back, here to the home screen
    qtbot.waitUntil(lambda: shell.visit.current_screen() == "home", timeout=5000)
    assert not shell.guide.active                          # the next citizen starts by touch
    assert voice.level == 4                                # at the usual loudness
    # the keypad is a device: pulled out, the strip says so
    qtbot.waitUntil(lambda: chip_text(shell, "keypad") == "正常", timeout=10000)
    shell.simulator.plugKeypad(False)
    qtbot.waitUntil(lambda: chip_text(shell, "keypad") == "未连接", timeout=20000)


def test_headphones_in_start_audio_mode_and_out_bring_the_screen_back(shell, qtbot) -> None:
    """Plugging headphones in is the other way into audio mode (issue 20); pulling them out
    while the screen is blank shows it again: nobody is listening privately any more."""
    window = shell.window
    qtbot.waitUntil(lambda: chip_text(shell, "headphones") == "正常", timeout=10000)
    assert not shell.guide.active
    shell.simulator.plugHeadphones(True)
    qtbot.waitUntil(lambda: shell.guide.headphones, timeout=8000)   # at the next poll
    assert shell.guide.active
    assert any(s.startswith("已插入耳机，进入语音模式") for s in shell.guide.spoken)
    QTest.keyClick(window, Qt.Key.Key_F12)
    assert shell.guide.privacy
    shell.simulator.plugHeadphones(False)
    qtbot.waitUntil(lambda: not shell.guide.privacy, timeout=8000)
    assert shell.guide.spoken[-1] == "耳机已拔出，屏幕已打开"
    qtbot.wait(100)
    shown = window.grabWindow()
    assert any(shown.pixelColor(x, y).lightness() > 0
               for x in range(0, shown.width(), 97) for y in range(0, shown.height(), 89))

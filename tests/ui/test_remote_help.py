"""远程帮办 end to end with a real browser: Debian's Chromium (headless, fake microphone) opens
the simulated hall's staff console over HTTPS, a staff member signs in as herself and takes a
video request from the kiosk running offscreen on simulated devices; the citizen is asked by
her name and counter and accepts; the console sees the kiosk's screen covered except what is
public (the typed phone number covered until the citizen shows that page, and covered again on
the next); written lines pass both ways as text; the staff member's click shows on the kiosk's
screen; voices flow both ways; either side hangs up; declining sends nothing. Playwright drives
the browser (its own browsers are not used: `executable_path` is Debian's)."""

from __future__ import annotations

import asyncio
import shutil
import threading
from collections.abc import Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage

from kiosk.sim.staff_directory import sample_password
from kiosk.ui.screen_share import covered, share_plan
from tests.ui.driving import exists, find, plain_text, tap, wait_screen
from tests.ui.test_visits import PHONE, identified, type_digits

pytestmark = [pytest.mark.usefixtures("cupsd_running"),
              pytest.mark.skipif(shutil.which("chromium") is None,
                                 reason="Debian's chromium is not installed (scripts/setup.sh)")]

T = TypeVar("T")
CHROMIUM_ARGS = ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                 "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic", "--autoplay-policy=no-user-gesture-required"]

# the mean colour of a rectangle of the console's <video> (the kiosk's screen as received)
MEAN_COLOUR_JS = """([x, y, w, h]) => {
  const v = document.getElementById("kioskScreen");
  const c = document.createElement("canvas");
  c.width = v.videoWidth; c.height = v.videoHeight;
  const g = c.getContext("2d");
  g.drawImage(v, 0, 0);
  const d = g.getImageData(x, y, w, h).data;
  let r = 0, gr = 0, b = 0;
  for (let i = 0; i < d.length; i += 4) { r += d[i]; gr += d[i + 1]; b += d[i + 2]; }
  const n = d.length / 4;
  return [r / n, gr / n, b / n];
}"""
GRID_JS = """([cols, rows]) => {
  const v = document.getElementById("kioskScreen");
  const c = document.createElement("canvas");
  c.width = cols; c.height = rows;
  const g = c.getContext("2d");
  g.imageSmoothingQuality = "high";
  g.drawImage(v, 0, 0, cols, rows);
  return Array.from(g.getImageData(0, 0, cols, rows).data);
}"""
STATS_JS = """async () => {
  const out = {};
  for (const s of (await window.staffCall.pc.getStats()).values()) {
    if (s.type === "inbound-rtp") { out[s.kind] = s.bytesReceived; }
  }
  return out;
}"""


class StaffBrowser:
    """Chromium through Playwright's async API on a loop of its own thread; the test (on Qt's
    thread) waits for each step while Qt goes on painting and sharing the screen."""

    def __init__(self, qtbot: Any) -> None:
        self.qtbot = qtbot
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True,
                                       name="staff-browser")
        self.thread.start()
        self.pw: Any = None
        self.browser: Any = None
        self.page: Any = None

    def run(self, coro: Coroutine[Any, Any, T], timeout_s: float = 20) -> T:
        future = asyncio.run_coroutine_threadsafe(coro, self.loop)
        self.qtbot.waitUntil(future.done, timeout=int(timeout_s * 1000))
        return future.result()

    async def open(self, url: str, staff_id: str = "wangfang") -> None:
        """The console, signed in as `staff_id` (the simulated hall's authority is its own:
        the browser is told to accept it, as a trainer's browser would be set up to)."""
        from playwright.async_api import async_playwright

        self.pw = await async_playwright().start()
        self.browser = await self.pw.chromium.launch(
            executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS, headless=True)
        self.page = await self.browser.new_page(viewport={"width": 1200, "height": 1300},
                                                ignore_https_errors=True)
        await self.page.goto(url)
        await self.page.fill("#staffId", staff_id)
        await self.page.fill("#password", sample_password(staff_id))
        await self.page.click("#signIn button")
        await self.page.wait_for_function(
            "() => document.getElementById('whoami').textContent !== ''")

    async def close(self) -> None:
        if self.browser is not None:
            await self.browser.close()
        if self.pw is not None:
            await self.pw.stop()

    def stop(self) -> None:
        try:
            self.run(self.close(), 20)
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join(5)


@pytest.fixture
def staff(qtbot: Any) -> Iterator[StaffBrowser]:
    browser = StaffBrowser(qtbot)
    yield browser
    browser.stop()


def grid_of(image: QImage, cols: int, rows: int) -> list[int]:
    small = image.convertToFormat(QImage.Format.Format_RGB888).scaled(
        QSize(cols, rows), Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation)
    out: list[int] = []
    for y in range(rows):
        for x in range(cols):
            c = small.pixelColor(x, y)
            out += [c.red(), c.green(), c.blue(), 255]
    return out


def in_frame(shell: Any, name: str, frame: tuple[int, int], shrink: float = 0.25
             ) -> list[int]:
    """Where item `name` is on the shared picture (x, y, w, h in its pixels), its middle."""
    item = find(shell, name)
    r = item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))
    k = frame[0] / shell.window.width()
    dx, dy = r.width() * shrink, r.height() * shrink
    return [int((r.x() + dx) * k), int((r.y() + dy) * k),
            max(2, int((r.width() - 2 * dx) * k)), max(2, int((r.height() - 2 * dy) * k))]


def near(colour: list[float], hex_colour: str, tolerance: float) -> bool:
    want = QColor(hex_colour)
    return max(abs(colour[0] - want.red()), abs(colour[1] - want.green()),
               abs(colour[2] - want.blue())) <= tolerance


def shared(shell: Any) -> QImage:
    """What the staff member should receive now: the window, covered as the call covers it."""
    share = shell.help.share
    return covered(shell.window.grabWindow(), share_plan(shell.window), share.show_personal,
                   share.mask_words)


def console_lines(staff: StaffBrowser) -> list[str]:
    return list(staff.run(staff.page.evaluate(
        "() => Array.from(document.querySelectorAll('#lines li')).map((li) => li.textContent)")))


def test_a_video_call_shares_the_covered_screen_talks_writes_points_and_hangs_up(
        shell: Any, core: Any, qtbot: Any, staff: StaffBrowser, artifacts: Path) -> None:
    kiosk_core, thread = core
    help_bridge = shell.help
    identified(shell, qtbot, "tilePersonal", "criminal-record-certificate", "zhang-wei")
    tap(shell, qtbot, "choice_1")
    qtbot.waitUntil(lambda: exists(shell, "key_1"))       # the phone number's digit pad
    type_digits(shell, qtbot, PHONE)
    tap(shell, qtbot, "fieldReveal")                      # the phone number on screen
    assert find(shell, "fieldInput").property("text") == PHONE

    # the citizen asks for a video call: nothing is asked or opened yet, only the request sent
    files_before = set(kiosk_core.config.data_dir.rglob("*"))
    tap(shell, qtbot, "navStaff")
    tap(shell, qtbot, "helpVideo")
    qtbot.waitUntil(lambda: "已通知工作人员" in find(shell, "helpStatus").property("text"),
                    timeout=5000)
    assert find(shell, "navWithdraw").property("visible")  # it can be withdrawn while it waits

    # 王芳 signs in at the console and takes it; the kiosk asks the citizen, by her name
    staff.run(staff.open(kiosk_core.gateway_endpoint().url + "/console"), 40)
    page = staff.page
    staff.run(page.click("button.accept", timeout=10000))
    qtbot.waitUntil(lambda: exists(shell, "callAskDialog"), timeout=10000)
    assert help_bridge.askWords == "工作人员王芳（3号窗口）请求与您视频连线"
    assert help_bridge.callPhase == "asking"
    assert 0 < help_bridge.askLeft <= 30
    tap(shell, qtbot, "callAccept")
    qtbot.waitUntil(lambda: help_bridge.callPhase == "live", timeout=20000)
    assert find(shell, "callPanel").property("visible")
    assert find(shell, "callStaff").property("text") == "王芳（3号窗口）"
    staff.run(page.wait_for_function(
        "() => { const v = document.getElementById('kioskScreen');"
        " return v.videoWidth > 0 && v.currentTime > 1; }", timeout=15000))
    frame = tuple(staff.run(page.evaluate(
        "() => [document.getElementById('kioskScreen').videoWidth,"
        " document.getElementById('kioskScreen').videoHeight]")))
    assert frame == (1280, 720)

    # the console shows the kiosk's screen as covered: colour for colour on a coarse grid
    qtbot.wait(800)  # a frame or two after the last change on the kiosk
    seen = staff.run(page.evaluate(GRID_JS, [32, 18]))
    mine = grid_of(shared(shell), 32, 18)
    diff = sum(abs(a - b) for a, b in zip(seen, mine, strict=True)) / (32 * 18 * 3)
    staff.run(page.screenshot(path=str(artifacts / "remote-help-console.png")))
    assert diff < 20, f"the console's picture differs from the covered screen by {diff:.1f}"
    # ... and covered it is: most of the picture, the typed number among it; the page's
    # question and its buttons show
    field = in_frame(shell, "fieldInput", frame)
    assert near(staff.run(page.evaluate(MEAN_COLOUR_JS, field)), "#5A6470", 30)
    title = in_frame(shell, "screenTitle", frame, shrink=0.1)
    assert not near(staff.run(page.evaluate(MEAN_COLOUR_JS, title)), "#5A6470", 30)

    # the citizen shows this page: the number reaches the console; the next page is covered
    tap(shell, qtbot, "callShowMine")
    qtbot.waitUntil(lambda: help_bridge.showingMine, timeout=3000)
    qtbot.wait(1200)
    shown = staff.run(page.evaluate(MEAN_COLOUR_JS, field))
    assert not near(shown, "#5A6470", 30), f"still covered after the citizen allowed it: {shown}"
    tap(shell, qtbot, "fieldNext")
    qtbot.waitUntil(lambda: shell.visit.screen != "field", timeout=10000)
    assert not help_bridge.showingMine                    # lifted for that page only

    # written lines: the staff member's shows on the kiosk as characters; a ready answer back
    staff.run(page.fill("#say", "请点<b>确认无误</b>"))
    staff.run(page.click("#sayForm button[type=submit]"))
    qtbot.waitUntil(lambda: exists(shell, "callLine_0"), timeout=5000)
    line = find(shell, "callLine_0")
    assert line.property("text") == "工作人员：请点<b>确认无误</b>"
    assert plain_text(line)  # the markup is shown as typed
    tap(shell, qtbot, "callPhrase_0")                     # 听不清
    staff.run(page.wait_for_function(
        "() => Array.from(document.querySelectorAll('#lines li'))"
        ".some((li) => li.textContent === '市民：听不清')", timeout=5000))

    # voices both ways: the console hears the kiosk, the kiosk hears the console
    staff.run(page.wait_for_function(
        "async () => { for (const s of (await window.staffCall.pc.getStats()).values())"
        " if (s.type === 'inbound-rtp' && s.kind === 'audio' && s.bytesReceived > 0)"
        " return true; return false; }", timeout=10000))
    session = help_bridge.current_session()
    assert session is not None
    assert session.video is not None
    heard = thread.submit(session.video.received_packets()).result(5)
    assert heard.get("audio", 0) > 0
    assert "video" not in heard                           # no picture is taken in
    assert session.video.audio_frames_heard > 0

    # the staff member points at a quarter across, halfway down: a marker there on the kiosk
    staff.run(page.click("#kioskScreen", position={"x": 960 * 0.25, "y": 540 * 0.5}))
    qtbot.waitUntil(lambda: find(shell, "staffPointer").property("visible"), timeout=5000)
    marker = find(shell, "staffPointer")
    centre = marker.mapToScene(marker.boundingRect().center())
    assert abs(centre.x() - shell.window.width() * 0.25) < 8
    assert abs(centre.y() - shell.window.height() * 0.5) < 8
    shot = shell.window.grabWindow()
    shot.save(str(artifacts / "remote-help-pointer.png"))
    dpr = shot.devicePixelRatio()
    assert shot.pixelColor(int(centre.x() * dpr), int(centre.y() * dpr)).name() == "#d94f00"

    # the staff member hangs up: both ends close, the visit goes on where it was
    where = shell.visit.screen
    staff.run(page.click("#hangUp"))
    qtbot.waitUntil(lambda: help_bridge.callPhase == "ended", timeout=10000)
    assert not find(shell, "callPanel").property("visible")
    assert "视频通话已结束" in find(shell, "helpStatus").property("text")
    assert shell.visit.screen == where
    assert help_bridge.lines == []                        # nothing of the conversation stays
    assert staff.run(page.evaluate("() => window.staffCall.ended"))
    # nothing of the call was kept: no file appeared in the kiosk's data folder
    assert set(kiosk_core.config.data_dir.rglob("*")) - files_before == set()


def test_declining_when_staff_answer_sends_nothing_and_the_kiosk_hangs_up(
        shell: Any, core: Any, qtbot: Any, staff: StaffBrowser) -> None:
    kiosk_core, _thread = core
    help_bridge = shell.help
    tap(shell, qtbot, "tilePersonal")
    wait_screen(shell, qtbot, "services")
    tap(shell, qtbot, "navStaff")
    tap(shell, qtbot, "helpVideo")
    staff.run(staff.open(kiosk_core.gateway_endpoint().url + "/console", "liqiang"), 40)
    page = staff.page
    staff.run(page.click("button.accept", timeout=10000))
    qtbot.waitUntil(lambda: exists(shell, "callAskDialog"), timeout=10000)
    assert help_bridge.askWords == "工作人员李强（5号窗口）请求与您视频连线"
    tap(shell, qtbot, "callDecline")                    # no: nothing opens, nothing is sent
    qtbot.waitUntil(lambda: help_bridge.callPhase == "declined", timeout=5000)
    assert "已拒绝视频连线" in find(shell, "helpStatus").property("text")
    assert help_bridge.current_session() is None
    staff.run(page.wait_for_function(
        "() => document.getElementById('error').textContent.includes('市民没有接听')",
        timeout=10000))
    assert staff.run(page.evaluate("() => window.staffCall.pc === null"))

    tap(shell, qtbot, "navStaff")
    tap(shell, qtbot, "helpVideo")
    staff.run(page.click("button.accept", timeout=10000))
    qtbot.waitUntil(lambda: exists(shell, "callAskDialog"), timeout=10000)
    tap(shell, qtbot, "callAccept")
    qtbot.waitUntil(lambda: help_bridge.callPhase == "live", timeout=20000)
    staff.run(page.wait_for_function("() => window.staffCall.channel &&"
                                     " window.staffCall.channel.readyState === 'open'",
                                     timeout=10000))
    tap(shell, qtbot, "callHangUp")                     # the citizen hangs up
    qtbot.waitUntil(lambda: help_bridge.callPhase == "ended", timeout=10000)
    staff.run(page.wait_for_function("() => window.staffCall.ended", timeout=10000))
    assert shell.visit.screen == "services"

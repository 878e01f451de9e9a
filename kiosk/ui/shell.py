"""The Qt front end's start-up: application, fonts, QML engine, window, idle watcher.

Kept apart from `kiosk.app` so that headless commands never import Qt.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCursor, QFont, QFontDatabase, QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow

from kiosk.admin.recent_logs import RecentLogs
from kiosk.app import CoreThread, KioskCore
from kiosk.appliance.sd_notify import SystemdNotifier
from kiosk.config import KioskSettings
from kiosk.devices.base import DeviceKind, DeviceStatus
from kiosk.events import EventId
from kiosk.logging import get_logger
from kiosk.ui.admin.admin_bridge import AdminBridge
from kiosk.ui.admin.gesture import CornerTaps
from kiosk.ui.audio_guide import AudioGuide, KeyPresses
from kiosk.ui.bridge import DeviceStatusModel, KioskBridge
from kiosk.ui.camera_preview import CameraPreview
from kiosk.ui.display import check_display
from kiosk.ui.heartbeat import UiHeartbeat
from kiosk.ui.help_bridge import HelpBridge
from kiosk.ui.idle import IdleWatcher
from kiosk.ui.pinyin_keys import PinyinKeys
from kiosk.ui.qr_image import QrImages
from kiosk.ui.screen_share import ScreenShare
from kiosk.ui.simulator_bridge import SimulatorBridge
from kiosk.ui.translations import UiLanguage
from kiosk.ui.visit_bridge import VisitBridge
from kiosk.ui.voice import SpokenPrompts

if TYPE_CHECKING:
    from kiosk.flows.visit import VisitRunner

log = get_logger(__name__)

QML_DIR = Path(__file__).parent / "qml"
CJK_FONT_FILES = (
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
)
FONT_FAMILY = "WenQuanYi Micro Hei"


class UiLoadFailed(RuntimeError):
    pass


def load_fonts(app: QGuiApplication) -> str:
    for f in CJK_FONT_FILES:
        if f.exists():
            QFontDatabase.addApplicationFont(str(f))
    family = FONT_FAMILY if FONT_FAMILY in QFontDatabase.families() else app.font().family()
    font = QFont(family)
    font.setPixelSize(24)
    app.setFont(font)
    return family


@dataclass
class Shell:
    app: QGuiApplication
    engine: QQmlApplicationEngine
    window: QQuickWindow
    devices: DeviceStatusModel
    bridge: KioskBridge
    idle: IdleWatcher
    visit: VisitBridge
    preview: CameraPreview
    language: UiLanguage
    admin: AdminBridge
    gesture: CornerTaps
    logs: RecentLogs
    voice: SpokenPrompts | None = None
    simulator: SimulatorBridge | None = None  # the simulated devices' controls
    help: HelpBridge | None = None  # "call staff"
    guide: AudioGuide | None = None  # speech for the keyboard path
    keys: KeyPresses | None = None
    pinyin: PinyinKeys | None = None  # a hardware keyboard's letters into the Pinyin keyboard

    def attach_core(self, core: KioskCore) -> None:
        """The core has started its devices: show their states, and the camera's picture."""
        from kiosk.devices.camera.base import Camera

        self.devices.set_devices([(d.name, d.kind.value, d.simulated) for d in core.devices])
        if core.monitor is not None:
            for name, status in core.monitor.snapshot().items():
                self.devices.apply(name, status)
            core.monitor.subscribe(self.devices.apply)
            core.monitor.subscribe(self.visit.device_status)
            jacks = {d.name for d in core.devices if d.kind is DeviceKind.HEADPHONES}
            guide = self.guide
            if jacks and guide is not None:
                def jack(name: str, status: DeviceStatus) -> None:
                    if name in jacks:
                        guide.jack_status(status)

                for name, status in core.monitor.snapshot().items():
                    jack(name, status)
                core.monitor.subscribe(jack)
            self._monitor = core.monitor
        camera = next((d for d in core.devices if isinstance(d, Camera)), None)
        self.preview.camera = camera
        self.admin.attach(core.services(self.logs.lines), core.metrics_port)
        # the province's new catalog: the screens take it up between citizens
        core.catalog_updates.listeners.append(self.visit.catalog_offered)
        self._catalog_updates = core.catalog_updates
        if self.help is not None and core.gateway is not None:
            self.help.attach(core.help_call, core.remote_help,
                             video=core.config.help.video.enabled,
                             text=core.config.help.text_enabled)

    def load_visits(self, core: KioskCore, thread: CoreThread) -> None:
        """Build the visit machinery (catalog, rules, document signing, flow engine) in the
        background; `kiosk run` calls this once the home screen is up, so it never delays it."""
        if core.outbox is None:
            return

        async def build_runner() -> VisitRunner:
            runner = await asyncio.to_thread(core.visit_runner)
            core.release_memory_soon()  # what loading them left behind
            return runner

        def built(f: Future[VisitRunner]) -> None:
            if f.cancelled():
                return  # the kiosk is stopping before the visits were ready
            if f.exception() is None:
                self.visit.runner_ready(f.result())
            else:
                log.error("visits unavailable", error=repr(f.exception()))

        thread.submit(build_runner()).add_done_callback(built)

    def dispose(self) -> None:
        """Tear down in order: the QML engine (and its window) before the objects it reads."""
        updates = getattr(self, "_catalog_updates", None)
        if updates is not None and self.visit.catalog_offered in updates.listeners:
            updates.listeners.remove(self.visit.catalog_offered)
        monitor = getattr(self, "_monitor", None)
        if monitor is not None:  # no device news from the core thread into a closing window
            monitor.unsubscribe(self.devices.apply)
            monitor.unsubscribe(self.visit.device_status)
        self.app.removeEventFilter(self.idle)
        self.app.removeEventFilter(self.gesture)
        if self.keys is not None:
            self.app.removeEventFilter(self.keys)
        if self.pinyin is not None:
            self.app.removeEventFilter(self.pinyin)
        self.logs.remove()
        self.visit.shutdown()
        self.language.set("zh-Hans")  # the translator belongs to the app, not this window
        if self.voice is not None:
            self.voice.stop()
        self.window.setProperty("allowClose", True)
        self.window.close()
        self.window.deleteLater()
        self.engine.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def prepare_qt_environment() -> None:
    """Before the QGuiApplication exists: the Qt Virtual Keyboard as input method."""
    os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")


def build_shell(config: KioskSettings, core: KioskCore, *, fullscreen: bool,
                thread: CoreThread, voice: SpokenPrompts | None = None) -> Shell:
    """Create the window on the Qt thread. The core runs on `thread` (its loop runs the
    visits); it may still be starting: `attach_core` shows its devices once it has."""
    prepare_qt_environment()
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    assert isinstance(app, QGuiApplication)
    app.setApplicationName("yiban-kiosk")
    app.setApplicationDisplayName("易办自助终端")
    load_fonts(app)

    devices = DeviceStatusModel()
    # the configured devices, "checking" until the core has started them (attach_core)
    devices.set_devices([*((kind, kind, getattr(config.devices, kind).adapter == "simulated")
                           for kind in type(config.devices).model_fields
                           if getattr(config.devices, kind) is not None),
                         ("backend", "backend", config.simulate)])
    engine = QQmlApplicationEngine()
    language = UiLanguage(app, engine)
    sim = SimulatorBridge(core, thread) if config.simulate else None
    visit = VisitBridge(config, thread, set_language=language.set,
                        speak=voice.speak if voice is not None else None,
                        on_challenge=sim.hear if sim is not None else None)

    logs = RecentLogs().install()
    admin = AdminBridge(config, core.stats, thread, logs,
                        on_restart=lambda: QGuiApplication.exit(0))
    help_bridge = HelpBridge(visit, thread, config.help.counter)
    bridge = KioskBridge(config, devices, visit, sim, admin, help_bridge, clock=core.clock)
    language.set(visit.language_now())  # the configured default, whatever an earlier window left
    preview = CameraPreview(None)
    engine.addImageProvider("camera", preview)
    engine.addImageProvider("qr", QrImages())  # a payment order's QR code (主扫)

    qml_errors: list[str] = []
    engine.warnings.connect(lambda ws: qml_errors.extend(w.toString() for w in ws))
    engine.addImportPath(str(QML_DIR))
    engine.setInitialProperties({"kioskFullscreen": fullscreen})
    engine.rootContext().setContextProperty("kiosk", bridge)
    engine.loadFromModule("Kiosk", "Main")
    roots = engine.rootObjects()
    if not roots or not isinstance(roots[0], QQuickWindow):
        for e in qml_errors:
            log.error("qml error", event_id=EventId.UI_LOAD_FAILED, qml=e)
        first = qml_errors[0] if qml_errors else "no window was created"
        raise UiLoadFailed(f"the home screen failed to load: {first}")
    window = roots[0]
    if fullscreen:  # a touch kiosk shows no mouse pointer
        app.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))

    idle = IdleWatcher(config.timeouts.attract_after_s, bridge.set_attract,
                       may_idle=lambda: visit.current_screen() == "home")
    app.installEventFilter(idle)
    ui = config.ui
    gesture = CornerTaps(admin.open_pin_pad, taps=ui.admin_gesture_taps,
                         within_s=ui.admin_gesture_window_s,
                         corner_px=ui.admin_gesture_corner_px, on_press=admin.touched)
    app.installEventFilter(gesture)
    guide = AudioGuide(window, visit.language_now, voice.speak if voice is not None else None)
    guide.volume = voice
    pinyin = PinyinKeys(window, guide.typing, guide.say_private)
    app.installEventFilter(pinyin)  # before `keys`: the last filter installed sees a key first
    keys = KeyPresses(guide)
    app.installEventFilter(keys)
    visit.wentHome.connect(guide.reset)
    bridge.screenShownAt.connect(guide.screen_shown)
    visit.screenChanged.connect(guide.screen_shown)
    # help no one attends: a request, question or written session ends after a quiet spell
    help_idle = IdleWatcher(config.help.unattended_s, help_bridge.left_alone,
                            may_idle=help_bridge.unattended, parent=help_bridge,
                            wake_swallows=False)
    app.installEventFilter(help_idle)
    video = config.help.video
    if video.enabled:  # the screen a staff member sees in a video call: covered but what's public
        size = (video.width, round(video.width * 9 / 16 / 2) * 2)
        help_bridge.share_screen(ScreenShare(window, help_bridge.frames, video.fps, size,
                                             parent=help_bridge))
    shell = Shell(app, engine, window, devices, bridge, idle, visit, preview, language, admin,
                  gesture, logs, voice, sim, help_bridge, guide, keys, pinyin)
    if core.devices:
        shell.attach_core(core)
    return shell


class FirstFrameWatcher(QObject):
    """Logs the first frame shown (and, for benchmarks, prints a marker or quits).

    `frameSwapped` comes from the render thread; the queued connection brings it to this
    object's (the Qt main) thread.
    """

    def __init__(self, window: QQuickWindow, *, print_marker: bool, quit_after: bool,
                 notifier: SystemdNotifier | None = None,
                 then: Callable[[], None] | None = None, print_modules: bool = False) -> None:
        super().__init__()
        self._then = then
        self._print_modules = print_modules
        self._window = window
        self._print_marker = print_marker
        self._quit_after = quit_after
        self._notifier = notifier
        self.seen = False
        window.frameSwapped.connect(self._on_frame, Qt.ConnectionType.QueuedConnection)

    @Slot()
    def _on_frame(self) -> None:
        if self.seen:
            return
        self.seen = True
        self._window.frameSwapped.disconnect(self._on_frame)
        log.info("first frame", event_id=EventId.FIRST_FRAME)
        if self._notifier is not None:
            self._notifier.ready("home screen up")
        if self._then is not None:
            self._then()
        if self._print_modules:  # what had been imported by the first frame (tests)
            print("modules " + " ".join(sorted(sys.modules)), flush=True)
        if self._print_marker:
            print(f"first-frame {time.time():.6f}", flush=True)
        if self._quit_after:
            QGuiApplication.exit(0)


class CoreStarted(QObject):
    """The core's start, done on its loop, handed to the Qt thread."""

    done = Signal(object)  # the start's Future


def run(config: KioskSettings, *, fullscreen: bool, first_frame_marker: bool = False,
        exit_after_first_frame: bool = False, first_frame_modules: bool = False) -> int:
    """Run the kiosk UI until it is asked to stop. Returns the process exit code.

    The home screen comes first: its first frame is drawn before the core starts its devices
    and simulators (and before the signing stack, the rule parser and the simulated backend
    load); the status strip says "checking" until the devices answer, and the visits load once
    the core is up. (`exit_after_first_frame`, for start-up measurements, stops there.)"""
    check_display()
    core_thread = CoreThread()
    core_thread.start()
    core = KioskCore(config)
    prepare_qt_environment()
    app = QGuiApplication(sys.argv[:1])
    voice = SpokenPrompts() if config.ui.voice else None
    shell = build_shell(config, core, fullscreen=fullscreen, thread=core_thread, voice=voice)
    starting: list[Future[None]] = []
    relay = CoreStarted()

    def core_up(started: Future[None]) -> None:
        exc = started.exception()
        if exc is not None:
            log.error("the kiosk's devices could not be started", event_id=EventId.APP_STOPPING,
                      error=type(exc).__name__)
            QGuiApplication.exit(4)
            return
        shell.attach_core(core)
        shell.load_visits(core, core_thread)

    relay.done.connect(core_up, Qt.ConnectionType.QueuedConnection)

    def start_the_core() -> None:
        if exit_after_first_frame:
            return
        started = core_thread.submit(core.start(wait_first_poll=False))
        starting.append(started)
        started.add_done_callback(relay.done.emit)

    notifier = SystemdNotifier()
    first_frame = FirstFrameWatcher(shell.window, print_marker=first_frame_marker or
                                    exit_after_first_frame, quit_after=exit_after_first_frame,
                                    notifier=notifier, then=start_the_core,
                                    print_modules=first_frame_modules)
    heartbeat = UiHeartbeat(notifier)
    heartbeat.start()

    def on_signal(_signum: int, _frame: object) -> None:
        app.exit(0)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    # Let the Python interpreter run its signal handlers while Qt's loop runs.
    ticker = QTimer()
    ticker.start(200)
    ticker.timeout.connect(lambda: None)

    log.info("kiosk started", event_id=EventId.APP_STARTED, kiosk_id=config.kiosk_id,
             simulate=config.simulate)
    code = app.exec()
    log.info("kiosk stopping", event_id=EventId.APP_STOPPING)
    notifier.stopping()
    heartbeat.stop()
    ticker.stop()
    del first_frame
    shell.dispose()
    try:
        for started in starting:  # a stop never races a start still under way
            with contextlib.suppress(Exception):
                started.result(timeout=30)
        core_thread.submit(core.stop()).result(timeout=10)
    finally:
        core_thread.stop()
    return int(code)

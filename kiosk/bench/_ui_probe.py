"""Measures the touch UI in its own process (offscreen Qt, all simulators): screen transitions
(a tap to the next screen's first frame) and the camera preview's frame rate while face
tracking runs. Prints one JSON object. Run by kiosk/bench/ui.py."""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")

import cv2
import numpy as np
from PySide6.QtCore import QObject, QPoint, Qt, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from kiosk.app import KioskCore
from kiosk.bench._kiosk_process import running_kiosk
from kiosk.devices.camera.base import Camera
from kiosk.devices.camera.sim import Scene, SimulatedCamera
from kiosk.face.engine import FaceEngine
from kiosk.ui.shell import Shell
from kiosk.ui.voice import SpokenPrompts


class SwapRecorder(QObject):
    """When each frame reached the screen, and when the screen last changed (recorded as the
    change happens, before anything is drawn)."""

    def __init__(self) -> None:
        super().__init__()
        self.times: list[float] = []
        self.changed_at = 0.0

    @Slot()
    def on_swap(self) -> None:
        self.times.append(time.perf_counter())

    @Slot()
    def on_screen(self) -> None:
        self.changed_at = time.perf_counter()


def pump(app: QGuiApplication, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.002)


def find(root: QQuickItem, name: str) -> QQuickItem | None:
    stack = [root]
    while stack:
        item = stack.pop()
        if item.objectName() == name and item.isVisible():
            return item
        stack.extend(item.childItems())
    raise LookupError(name)


def key_to_speech(app: QGuiApplication, shell: Shell, presses: int) -> list[float]:
    """Tab on the home screen → the focused control's words rendered to a WAV file by the
    kiosk's speech engine (espeak-ng): the time until the citizen could hear it."""
    if shell.guide is None:
        raise RuntimeError("no audio guide")
    voice = SpokenPrompts()
    if not voice.available:
        raise RuntimeError("espeak-ng is not installed")
    out = Path(tempfile.mkdtemp(prefix="kiosk-bench-speech-"))
    heard: list[float] = []

    def to_file(text: str, lang: str) -> None:
        voice.render(text, lang, out / "focus.wav")
        heard.append(time.perf_counter())

    shell.guide.speak = to_file
    samples = []
    try:
        for _ in range(presses):
            heard.clear()
            t0 = time.perf_counter()
            QTest.keyClick(shell.window, Qt.Key.Key_Tab)
            limit = t0 + 5
            while not heard and time.perf_counter() < limit:
                app.processEvents()
            if heard:
                samples.append((heard[0] - t0) * 1000)
            pump(app, 0.05)
    finally:
        shell.guide.speak = None
        shell.guide.reset()
        shutil.rmtree(out, ignore_errors=True)
    return samples


def wait_for_screen(app: QGuiApplication, shell: Shell, screen: str, within_s: float) -> None:
    limit = time.perf_counter() + within_s
    while shell.visit.current_screen() != screen:
        if time.perf_counter() > limit:
            raise RuntimeError(f"{screen} did not come within {within_s:g} s "
                               f"(on {shell.visit.current_screen()})")
        pump(app, 0.05)


def main(transitions: int) -> None:
    with running_kiosk("kiosk-bench-ui-") as k:
        print(json.dumps(measure(k.app, k.shell, k.core, transitions)))


def measure(app: QGuiApplication, shell: Shell, core: KioskCore,
            transitions: int) -> dict[str, object]:
    recorder = SwapRecorder()
    swapped = recorder.times
    shell.window.frameSwapped.connect(recorder.on_swap, Qt.ConnectionType.DirectConnection)
    shell.visit.screenChanged.connect(recorder.on_screen, Qt.ConnectionType.DirectConnection)
    pump(app, 1.5)
    deadline = time.perf_counter() + 60
    while not shell.visit.ready:  # visits load after the first frame (slower on a cold start)
        if time.perf_counter() > deadline:
            raise RuntimeError("the visit machinery did not load within 60 s")
        pump(app, 0.05)

    def tap_and_wait(name: str, screen: str) -> float:
        item = find(shell.window.contentItem(), name)
        if item is None:
            raise RuntimeError(f"no visible {name!r} on the screen")
        p = item.mapToScene(item.boundingRect().center())
        swapped.clear()
        t0 = time.perf_counter()
        QTest.mouseClick(shell.window, Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, QPoint(int(p.x()), int(p.y())))
        limit = time.perf_counter() + 10
        while shell.visit.current_screen() != screen:
            app.processEvents()
            if time.perf_counter() > limit:
                raise RuntimeError(f"the tap on {name} did not lead to {screen}")
        changed = recorder.changed_at
        while not [t for t in swapped if t >= changed]:
            app.processEvents()
            if time.perf_counter() > limit:
                raise RuntimeError(f"{screen} was never drawn")
        return (next(t for t in swapped if t >= changed) - t0) * 1000

    samples = []
    for _ in range(transitions):
        samples.append(tap_and_wait("tilePersonal", "services"))
        pump(app, 0.05)
        samples.append(tap_and_wait("service_criminal-record-certificate", "intro"))
        pump(app, 0.05)
        samples.append(tap_and_wait("navHome", "home"))
        pump(app, 0.05)

    speech = key_to_speech(app, shell, transitions)

    # The face screen's preview while the face tracker runs on the same camera, reached by a
    # real visit: the citizen places the card, consents, and is still finding the camera (no
    # face in the picture yet), so the check waits and the preview runs.
    camera = next(d for d in core.devices if isinstance(d, Camera))
    sim = shell.simulator
    if sim is None:
        raise RuntimeError("the probe needs the simulated devices (simulate mode)")
    tap_and_wait("tilePersonal", "services")
    tap_and_wait("service_criminal-record-certificate", "intro")
    tap_and_wait("beginVisit", "identify")
    sim.placeCard("zhang-wei")
    wait_for_screen(app, shell, "face_consent", 20)
    if isinstance(camera, SimulatedCamera):  # after the card: placing it sets a genuine face
        camera.set_scene(Scene.NO_FACE)
    tap_and_wait("faceConsentYes", "face")
    engine = FaceEngine()
    stop = threading.Event()
    tracked = [0]

    def track() -> None:
        seq = 0
        while not stop.is_set():
            seq, frame = camera.next_frame(seq, 2.0)
            engine.detect(np.asarray(cv2.resize(frame, (320, 240)), dtype=np.uint8))
            tracked[0] += 1

    tracker = threading.Thread(target=track, daemon=True)
    tracker.start()
    pump(app, 1.0)
    drawn0, t0 = shell.preview.frames_drawn, time.perf_counter()
    pump(app, 3.0)
    fps = (shell.preview.frames_drawn - drawn0) / (time.perf_counter() - t0)
    track_fps = tracked[0] / (time.perf_counter() - t0 + 1.0)
    stop.set()
    tracker.join(5)
    sim.liftCard()  # the citizen leaves: the visit ends
    wait_for_screen(app, shell, "ended", 20)
    return {"transitions_ms": samples, "key_to_speech_ms": speech, "preview_fps": fps,
            "camera_fps": camera.frames.fps(), "tracking_fps": track_fps}


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)

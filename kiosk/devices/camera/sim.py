"""The simulated camera: scripted scenes built from packaged photos, delivered as 640×480
frames at a steady rate into the same mailbox a real camera fills.

Scenes: `genuine` (the card holder), `impostor` (someone else), `printed_photo` (the holder's
photo held up: it never turns its head), `wrong_way` (turns the other way when asked),
`two_faces`, `no_face`, `dark`, and `qr` (a QR code held up; text from `qr_text`).
The simulated person hears the liveness prompt through `hear()` and, in the cooperative
scenes, turns their head: the nose region of the photo is warped sideways, which moves
YuNet's nose landmark as a real head turn does. `unplug()` / `replug()` script a USB fault.
"""

from __future__ import annotations

import json
import threading
import time
from enum import StrEnum
from importlib import resources
from typing import Any

import cv2
import numpy as np
import qrcode

from kiosk.devices.camera.base import Camera, Frame


class Scene(StrEnum):
    GENUINE = "genuine"
    IMPOSTOR = "impostor"
    PRINTED_PHOTO = "printed_photo"
    WRONG_WAY = "wrong_way"
    TWO_FACES = "two_faces"
    NO_FACE = "no_face"
    DARK = "dark"
    QR = "qr"


_PHOTO = {Scene.GENUINE: "genuine-b", Scene.PRINTED_PHOTO: "genuine-b",
          Scene.WRONG_WAY: "genuine-b", Scene.DARK: "genuine-b", Scene.IMPOSTOR: "impostor"}


def _load(name: str) -> Frame:
    data = resources.files("kiosk.sim").joinpath(f"faces/{name}.jpg").read_bytes()
    img = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    return np.asarray(img, dtype=np.uint8)


def _landmarks() -> dict[str, Any]:
    raw = resources.files("kiosk.sim").joinpath("faces/landmarks.json").read_text()
    data: dict[str, Any] = json.loads(raw)
    return data


def turn_head(frame: Frame, marks: dict[str, Any], amount: float) -> Frame:
    """Shift the nose region sideways by `amount` eye distances (+: toward image right)."""
    (rx, ry), (lx, ly), (nx, ny) = marks["right_eye"], marks["left_eye"], marks["nose"]
    ed = float(np.hypot(lx - rx, ly - ry))
    h, w = frame.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    sx, sy = ed * 0.5, ed * 0.6
    g = np.exp(-(((xx - nx) ** 2) / (2 * sx**2) + ((yy - (ny + 0.2 * ed)) ** 2) / (2 * sy**2)))
    warped = cv2.remap(frame, (xx - amount * ed * g).astype(np.float32), yy, cv2.INTER_LINEAR)
    return np.asarray(warped, dtype=np.uint8)


class SimulatedCamera(Camera):
    def __init__(self, name: str = "camera", fps: float = 20, *,
                 scene: Scene = Scene.NO_FACE, qr_text: str = "") -> None:
        super().__init__(name, "simulated", simulated=True)
        self.fps = fps
        self.width, self.height = 640, 480
        self.scene = scene
        self.qr_text = qr_text
        self.turn_seconds = 0.6  # how long the simulated person takes to turn
        self._heard: tuple[str, float] | None = None
        self._plugged = True
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._marks = _landmarks()
        self._cache: dict[str, Frame] = {}

    # --- scripting ---
    def set_scene(self, scene: Scene, qr_text: str = "") -> None:
        self.scene = scene
        self.qr_text = qr_text
        self._heard = None

    def hear(self, direction: str) -> None:
        """The person hears the liveness prompt ("left" or "right")."""
        self._heard = (direction, time.monotonic())

    def unplug(self) -> None:
        self._plugged = False
        self.frames.fail("camera unplugged")

    def replug(self) -> None:
        self._plugged = True

    # --- frames ---
    def _photo(self, name: str) -> Frame:
        if name not in self._cache:
            self._cache[name] = _load(name)
        return self._cache[name]

    def render(self) -> Frame:
        scene = self.scene
        if scene is Scene.NO_FACE:
            base = cv2.GaussianBlur(self._photo("impostor")[:, 400:], (0, 0), 25)
            frame = cv2.resize(base, (640, 480))
        elif scene is Scene.TWO_FACES:
            frame = self._photo("two-people").copy()
        elif scene is Scene.QR:
            frame = np.full((480, 640, 3), 235, np.uint8)
            code = np.array(qrcode.make(self.qr_text or "EMPTY", box_size=6, border=3)
                            .convert("L"))
            code = cv2.resize(code, (300, 300), interpolation=cv2.INTER_NEAREST)
            frame[90:390, 170:470] = code[:, :, None]
        else:
            name = _PHOTO[scene]
            frame = self._photo(name).copy()
            amount = self._turn_amount(scene)
            if amount:
                frame = turn_head(frame, self._marks[name], amount)
            if scene is Scene.DARK:
                frame = (frame * 0.12).astype(np.uint8)
        noise = np.random.default_rng().integers(0, 3, frame.shape, dtype=np.uint8)
        out: Frame = np.minimum(frame.astype(np.uint16) + noise, 255).astype(np.uint8)
        return out

    def _turn_amount(self, scene: Scene) -> float:
        if self._heard is None or scene in (Scene.PRINTED_PHOTO, Scene.DARK):
            return 0.0
        direction, at = self._heard
        sign = 1.0 if direction == "right" else -1.0
        if scene is Scene.WRONG_WAY:
            sign = -sign
        progress = min(1.0, (time.monotonic() - at) / self.turn_seconds)
        name = _PHOTO[scene]
        # how far this photo's nose must move for a clear turn, calibrated per photo and
        # direction against the real detector (kiosk/sim/faces/landmarks.json)
        full = float(self._marks[name]["turn"]["right" if sign > 0 else "left"])
        return full * sign * progress

    async def _open(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="sim-camera", daemon=True)
        self._thread.start()

    async def _close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(2)
            self._thread = None
        self.frames.clear()

    def _run(self) -> None:
        """Frames at `fps` while someone is looking (a visit's QR scan, face check or
        preview), one a second otherwise: rendering a noisy 640×480 frame costs the kiosk's
        process CPU that a real camera's capture thread does not."""
        period = 1 / self.fps
        next_at = time.monotonic()
        last_put = 0.0
        while not self._stop.is_set():
            now = time.monotonic()
            if self._plugged and (self.frames.wanted() or now - last_put >= 1.0):
                self.frames.put(self.render())
                last_put = now
            next_at += period
            self._stop.wait(max(0.0, next_at - time.monotonic()))

"""The face check, start to finish: consent, guidance, liveness challenge, one embedding of the
best frame, comparison with the reference, and clearing every piece of face data.

Tracking runs on reduced (320×240) copies of the preview frames; the embedding is computed
once, on the best full-resolution frame seen while the citizen looked straight at the camera.
Only pass/fail and an outcome word leave this module; no frame touches the disk.
"""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

import cv2
import numpy as np

from kiosk.config import FaceConfig
from kiosk.devices.errors import DeviceTimeout, DeviceUnavailable
from kiosk.events import EventId
from kiosk.face.engine import Face, FaceEngine, Frame
from kiosk.face.guidance import Guidance, guidance_for
from kiosk.face.liveness import ChallengeState, HeadTurnChallenge, Turn
from kiosk.face.verifier import FaceVerifier
from kiosk.logging import get_logger

log = get_logger(__name__)
TRACK_SIZE = (320, 240)


class FrameSource(Protocol):
    def next_frame(self, after: int, timeout_s: float = 2.0) -> tuple[int, Frame]: ...


class FaceCheckUI(Protocol):
    async def ask_face_consent(self) -> bool: ...
    def guide(self, guidance: Guidance) -> None: ...
    def challenge(self, turn: Turn) -> None: ...


class Outcome(StrEnum):
    PASSED = "passed"
    NO_MATCH = "no_match"
    LIVENESS_FAILED = "liveness_failed"
    DECLINED = "declined"  # → staff-assisted check
    TIMED_OUT = "timed_out"
    CAMERA_UNAVAILABLE = "camera_unavailable"


@dataclass(frozen=True)
class FaceCheckResult:
    outcome: Outcome

    @property
    def passed(self) -> bool:
        return self.outcome is Outcome.PASSED

    @property
    def staff_assist(self) -> bool:
        return self.outcome in (Outcome.DECLINED, Outcome.CAMERA_UNAVAILABLE)


def _scaled(face: Face, factor: float) -> Face:
    raw = face.raw.copy()
    raw[:14] *= factor
    return Face.from_row(raw)


class FaceCheck:
    def __init__(self, engine: FaceEngine, config: FaceConfig, *, timeout_s: float = 20.0,
                 camera_grace_s: float = 5.0, rng: random.Random | None = None) -> None:
        self.engine: FaceEngine | None = engine  # None once let go (`let_models_go`)
        self.config = config
        self.timeout_s = timeout_s
        self.camera_grace_s = camera_grace_s
        self._rng = rng or random.Random()  # noqa: S311 (a prompt direction, not a secret)
        self.frames_seen = 0

    async def run(self, source: FrameSource, verifier: FaceVerifier,
                  ui: FaceCheckUI) -> FaceCheckResult:
        try:
            if not await ui.ask_face_consent():
                log.info("face check declined", event_id=EventId.FACE_CHECK_DONE,
                         outcome=Outcome.DECLINED.value)
                return FaceCheckResult(Outcome.DECLINED)
            outcome = await self._run(source, verifier, ui)
        finally:
            verifier.clear()
        log.info("face check done", event_id=EventId.FACE_CHECK_DONE, outcome=outcome.value,
                 frames=self.frames_seen)
        return FaceCheckResult(outcome)

    def let_models_go(self) -> None:
        """Drop this check's hold on the face models (the kiosk lets them go once a visit's
        face check is over); a check run after this raises."""
        self.engine = None

    async def _run(self, source: FrameSource, verifier: FaceVerifier,
                   ui: FaceCheckUI) -> Outcome:
        cfg = self.config
        engine = self.engine
        if engine is None:
            raise RuntimeError("the face models were let go")
        deadline = time.monotonic() + self.timeout_s
        seq = 0
        last_guidance: Guidance | None = None
        challenge: HeadTurnChallenge | None = None
        announced = False
        steady = 0
        best: tuple[float, Frame, Face] | None = None
        camera_lost_at: float | None = None
        # the tracking picture: one buffer for the whole check, scaled into at every frame
        small: Frame = np.empty((TRACK_SIZE[1], TRACK_SIZE[0], 3), np.uint8)
        try:
            while True:
                now = time.monotonic()
                if now > deadline:
                    return Outcome.TIMED_OUT
                try:
                    seq, frame = await asyncio.to_thread(source.next_frame, seq, 1.0)
                    camera_lost_at = None
                except DeviceUnavailable:
                    camera_lost_at = camera_lost_at or now
                    if now - camera_lost_at > self.camera_grace_s:
                        return Outcome.CAMERA_UNAVAILABLE
                    await asyncio.sleep(0.1)
                    continue
                except DeviceTimeout:
                    continue
                self.frames_seen += 1
                factor = frame.shape[1] / TRACK_SIZE[0]
                cv2.resize(frame, TRACK_SIZE, dst=small, interpolation=cv2.INTER_AREA)
                faces = engine.detect(small, cfg.detect_score)
                guidance = guidance_for(small, faces, min_face_fraction=cfg.min_face_fraction,
                                        min_brightness=cfg.min_brightness)
                if guidance is not last_guidance:
                    ui.guide(guidance)
                    last_guidance = guidance
                if guidance is not Guidance.OK:
                    if challenge is not None and challenge.tick(now) is ChallengeState.TIMED_OUT:
                        return Outcome.LIVENESS_FAILED
                    small.fill(0)
                    frame.fill(0)
                    continue
                face = faces[0]
                if challenge is None or challenge.state is ChallengeState.BASELINE:
                    if best is None or face.score > best[0]:
                        if best is not None:
                            best[1].fill(0)
                        best = (face.score, frame, _scaled(face, factor))
                    else:
                        frame.fill(0)
                else:
                    frame.fill(0)
                small.fill(0)
                if cfg.liveness == "none":
                    steady += 1
                    if steady >= 3:
                        break
                    continue
                if challenge is None:
                    challenge = HeadTurnChallenge(self._rng.choice(list(Turn)),
                                                  cfg.turn_threshold, cfg.challenge_timeout_s)
                state = challenge.observe(face.yaw, now)
                if state is ChallengeState.TURN and not announced:
                    ui.challenge(challenge.direction)
                    announced = True
                if state is ChallengeState.PASSED:
                    break
                if state is ChallengeState.TIMED_OUT:
                    return Outcome.LIVENESS_FAILED
            assert best is not None
            _score, best_frame, best_face = best
            full = engine.detect(best_frame, cfg.detect_score)
            live = engine.embed(best_frame, full[0] if full else best_face)
            ok, jpeg = cv2.imencode(".jpg", best_frame, [cv2.IMWRITE_JPEG_QUALITY, 90])
            live_jpeg = jpeg.tobytes() if ok else b""
            try:
                matched = await verifier.verify(live, live_jpeg)
            finally:
                live.fill(0)  # the embedding is zeroed; the JPEG goes with this frame
            return Outcome.PASSED if matched else Outcome.NO_MATCH
        finally:
            if best is not None:
                best[1].fill(0)

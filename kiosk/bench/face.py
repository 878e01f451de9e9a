"""Face check figures on the real models: tracking on a 320×240 preview frame, and
verification (detect + align + embed on a 640×480 frame + compare). Reports the process RSS
after loading the models, too."""

from __future__ import annotations

import time
from typing import Any

import cv2
import numpy as np
import psutil

from kiosk.bench.budgets import figure, runs
from kiosk.devices.camera.sim import _load
from kiosk.face.engine import FaceEngine

_engine: FaceEngine | None = None


def _get_engine() -> tuple[FaceEngine, float]:
    global _engine
    if _engine is None:
        _engine = FaceEngine()
    return _engine, psutil.Process().memory_info().rss / 2**20


def face_track_ms() -> dict[str, Any]:
    engine, rss = _get_engine()
    frame = np.asarray(cv2.resize(_load("genuine-b"), (320, 240)), np.uint8)
    engine.detect(frame)
    samples = []
    for _ in range(runs(50)):
        t0 = time.perf_counter()
        faces = engine.detect(frame)
        samples.append((time.perf_counter() - t0) * 1000)
        assert faces
    return figure("face_track_ms", samples, rss_after_models_mb=round(rss, 1))


def face_verify_ms() -> dict[str, Any]:
    engine, rss = _get_engine()
    live = _load("genuine-b")
    reference = engine.embed(_load("genuine-a"), engine.detect(_load("genuine-a"))[0])
    samples = []
    for _ in range(runs(20)):
        t0 = time.perf_counter()
        face = engine.detect(live)[0]
        emb = engine.embed(live, face)
        engine.similarity(reference, emb)
        samples.append((time.perf_counter() - t0) * 1000)
    return figure("face_verify_ms", samples, rss_after_models_mb=round(rss, 1))


FIGURES = {"face_track_ms": face_track_ms, "face_verify_ms": face_verify_ms}

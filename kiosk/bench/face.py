"""Face check figures on the real models: tracking on a 320×240 preview frame, and
verification (detect + align + embed on a 640×480 frame + compare). Reports the process RSS
after loading the models, too."""

from __future__ import annotations

import statistics
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


def _opencv_models() -> tuple[Any, Any]:
    """The same two models straight from OpenCV, without the kiosk around them: the floor."""
    from kiosk.face.models import model_paths

    det, rec = model_paths(None, None)
    return (cv2.FaceDetectorYN.create(str(det), "", (320, 320), 0.6, 0.3, 20),
            cv2.FaceRecognizerSF.create(str(rec), ""))


def face_track_ms() -> dict[str, Any]:
    """Detection on one 320x240 preview frame, beside OpenCV's own inference of the same model
    on the same frame (measured turn about in the same run)."""
    engine, rss = _get_engine()
    detector, _rec = _opencv_models()
    frame = np.asarray(cv2.resize(_load("genuine-b"), (320, 240)), np.uint8)
    detector.setInputSize((320, 240))
    engine.detect(frame)
    detector.detect(frame)
    samples, floors = [], []
    for _ in range(runs(50)):
        t0 = time.perf_counter()
        faces = engine.detect(frame)
        samples.append((time.perf_counter() - t0) * 1000)
        assert faces
        t0 = time.perf_counter()
        detector.detect(frame)
        floors.append((time.perf_counter() - t0) * 1000)
    floor = statistics.median(floors)
    return figure("face_track_ms", samples, rss_after_models_mb=round(rss, 1),
                  floor_ms=round(floor, 2), ratio=round(statistics.median(samples) / floor, 2))


def face_verify_ms() -> dict[str, Any]:
    """Detect + align + embed (640x480) + compare, beside OpenCV's own calls of the same
    models on the same frame."""
    engine, rss = _get_engine()
    detector, recognizer = _opencv_models()
    live = _load("genuine-b")
    reference = engine.embed(_load("genuine-a"), engine.detect(_load("genuine-a"))[0])
    detector.setInputSize((live.shape[1], live.shape[0]))
    samples, floors = [], []
    for _ in range(runs(20)):
        t0 = time.perf_counter()
        face = engine.detect(live)[0]
        emb = engine.embed(live, face)
        engine.similarity(reference, emb)
        samples.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        _n, rows = detector.detect(live)
        feature = recognizer.feature(recognizer.alignCrop(live, rows[0]))
        recognizer.match(reference, feature, cv2.FaceRecognizerSF_FR_COSINE)
        floors.append((time.perf_counter() - t0) * 1000)
    floor = statistics.median(floors)
    return figure("face_verify_ms", samples, rss_after_models_mb=round(rss, 1),
                  floor_ms=round(floor, 2), ratio=round(statistics.median(samples) / floor, 2))


FIGURES = {"face_track_ms": face_track_ms, "face_verify_ms": face_verify_ms}

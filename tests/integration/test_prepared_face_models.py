"""SFace prepared at install time (its int8 weights dequantized once, kiosk/face/
prepared_models.py) computes exactly the embeddings of the shipped file, is what the kiosk
loads once setup has made it, and is ignored the moment it differs from what setup makes."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from kiosk.face import prepared_models
from kiosk.face.engine import FaceEngine
from kiosk.face.models import SFACE, bundled, model_paths
from kiosk.face.prepared_models import PREPARED, PREPARED_SHA256, prepare, prepared_recognizer

FACES = Path(__file__).resolve().parents[1] / "data" / "faces"


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("prepared")
    assert prepare(bundled(SFACE), folder / PREPARED) == PREPARED_SHA256  # reproducible
    return folder


def test_the_prepared_model_computes_the_shipped_models_embeddings(prepared: Path) -> None:
    shipped = FaceEngine(recognizer_model=bundled(SFACE))
    ready = FaceEngine(recognizer_model=prepared / PREPARED)
    embeddings = []
    for name in ("obama", "obama2", "biden"):
        image = cv2.imread(str(FACES / f"{name}.jpg"))
        assert image is not None
        face = shipped.detect(image)[0]
        a, b = shipped.embed(image, face), ready.embed(image, face)
        assert np.array_equal(a, b), name  # bit for bit: the same arithmetic, done earlier
        embeddings.append(b)
    # and still a face recogniser: the same person matches, another does not
    assert ready.similarity(embeddings[0], embeddings[1]) > 0.363 > \
        ready.similarity(embeddings[0], embeddings[2])


def test_the_kiosk_loads_it_only_while_it_is_what_setup_makes(
        prepared: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    here = tmp_path / PREPARED
    here.write_bytes((prepared / PREPARED).read_bytes())
    monkeypatch.setattr(prepared_models, "prepared_dir", lambda: tmp_path)
    assert model_paths()[1] == here
    assert model_paths(recognizer=bundled(SFACE))[1] == bundled(SFACE)  # configured wins

    # found right, then one weight byte changed in place: passed over at the next load, the
    # shipped file loaded instead
    with here.open("r+b") as f:
        f.seek(here.stat().st_size // 2)
        byte = f.read(1)
        f.seek(-1, 1)
        f.write(bytes([byte[0] ^ 0x01]))
    assert prepared_recognizer() is None
    assert model_paths()[1] == bundled(SFACE)

    # put right again (a new file in its place): used again
    here.write_bytes((prepared / PREPARED).read_bytes())
    assert model_paths()[1] == here

    here.unlink()  # not prepared at all (setup not run): the shipped file
    assert model_paths()[1] == bundled(SFACE)

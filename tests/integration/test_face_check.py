"""The face check on the real YuNet + SFace models, driven by the simulated camera."""

from __future__ import annotations

import builtins
import json
import os
import random
import subprocess
import sys
from importlib import resources
from pathlib import Path

import cv2
import numpy as np
import pytest

from kiosk.config import FaceConfig
from kiosk.devices.camera.qr import QrCredentialReader
from kiosk.devices.camera.sim import Scene, SimulatedCamera
from kiosk.face.check import FaceCheck, Outcome
from kiosk.face.engine import FaceEngine, shared_face_engine
from kiosk.face.guidance import Guidance
from kiosk.face.liveness import Turn
from kiosk.face.models import model_paths
from kiosk.face.verifier import LocalFaceVerifier

FACES = Path(__file__).resolve().parents[1] / "data" / "faces"
CONFIG = FaceConfig(challenge_timeout_s=3)


@pytest.fixture(scope="module")
def engine() -> FaceEngine:
    return FaceEngine()


def photo(name: str, size: int = 640):
    img = cv2.imread(str(FACES / f"{name}.jpg"))
    assert img is not None, f"sample face {name} missing under {FACES}"
    s = size / max(img.shape[:2])
    return np.asarray(cv2.resize(img, None, fx=s, fy=s, interpolation=cv2.INTER_AREA), np.uint8)


def embedding(engine: FaceEngine, img, score: float = 0.6):
    faces = engine.detect(img, score)
    assert faces, "no face found"
    return engine.embed(img, faces[0])


def test_genuine_photos_match_and_the_impostor_matches_none(engine: FaceEngine) -> None:
    e = {n: embedding(engine, photo(n)) for n in ("obama", "obama2", "obama3", "biden")}
    for a, b in (("obama", "obama2"), ("obama", "obama3"), ("obama2", "obama3")):
        assert engine.similarity(e[a], e[b]) >= CONFIG.match_threshold, (a, b)
    for a in ("obama", "obama2", "obama3"):
        assert engine.similarity(e[a], e["biden"]) < CONFIG.match_threshold, a


def test_the_kiosk_and_the_simulated_verifier_load_the_models_once() -> None:
    """The models cost ~100 MB once used: a kiosk naming them by path (its config) and the
    simulated verification service naming none share one engine."""
    by_config = shared_face_engine(*model_paths())  # the files the defaults resolve to
    assert shared_face_engine() is by_config
    assert shared_face_engine(None, None) is by_config


def test_a_genuine_photo_at_id_card_size_still_matches(engine: FaceEngine) -> None:
    card = resources.files("kiosk.sim").joinpath("photos/photo-1.png").read_bytes()
    img = cv2.imdecode(np.frombuffer(card, np.uint8), cv2.IMREAD_COLOR)
    assert img.shape[:2] == (126, 102)
    small = embedding(engine, np.asarray(img, np.uint8), CONFIG.id_photo_detect_score)
    assert engine.similarity(small, embedding(engine, photo("obama3"))) >= CONFIG.match_threshold
    assert engine.similarity(small, embedding(engine, photo("biden"))) < CONFIG.match_threshold


class ScriptedCitizen:
    """Stands in for the UI: consents (or not) and, being a person, hears the prompt."""

    def __init__(self, camera: SimulatedCamera, consent: bool = True) -> None:
        self.camera = camera
        self.consent = consent
        self.guidance: list[Guidance] = []
        self.turns: list[Turn] = []

    async def ask_face_consent(self) -> bool:
        return self.consent

    def guide(self, guidance: Guidance) -> None:
        self.guidance.append(guidance)

    def challenge(self, turn: Turn) -> None:
        self.turns.append(turn)
        self.camera.hear(turn.value)


def reference() -> bytes:
    return resources.files("kiosk.sim").joinpath("photos/photo-1.png").read_bytes()


class AskFirst(random.Random):
    """Picks the liveness direction the test wants."""

    def __init__(self, turn: Turn) -> None:
        super().__init__(0)
        self.turn = turn

    def choice(self, seq):
        return self.turn


async def check(engine, scene: Scene, *, turn: Turn = Turn.LEFT, consent: bool = True,
                timeout_s: float = 6.0, before=None):
    camera = SimulatedCamera(scene=scene)
    await camera.open()
    citizen = ScriptedCitizen(camera, consent)
    verifier = LocalFaceVerifier(engine, reference(), CONFIG.match_threshold)
    try:
        if before is not None:
            before(camera)
        result = await FaceCheck(engine, CONFIG, timeout_s=timeout_s, camera_grace_s=1.5,
                                 rng=AskFirst(turn)).run(camera, verifier, citizen)
    finally:
        await camera.close()
    return result, citizen, verifier


@pytest.mark.parametrize("turn", list(Turn))
async def test_the_holder_passes_after_turning_on_request(engine, turn: Turn) -> None:
    result, citizen, _ = await check(engine, Scene.GENUINE, turn=turn)
    assert result.passed
    assert citizen.turns == [turn]
    assert citizen.guidance[0] is Guidance.OK


@pytest.mark.parametrize("turn", list(Turn))
async def test_an_impostor_is_refused(engine, turn: Turn) -> None:
    result, _c, _v = await check(engine, Scene.IMPOSTOR, turn=turn)
    assert result.outcome is Outcome.NO_MATCH
    assert not result.passed


@pytest.mark.parametrize("scene", [Scene.PRINTED_PHOTO, Scene.WRONG_WAY])
@pytest.mark.parametrize("turn", list(Turn))
async def test_a_photo_or_a_wrong_turn_fails_liveness(engine, scene: Scene, turn: Turn) -> None:
    result, _c, _v = await check(engine, scene, turn=turn)
    assert result.outcome is Outcome.LIVENESS_FAILED


@pytest.mark.parametrize(("scene", "guidance"), [(Scene.TWO_FACES, Guidance.TWO_FACES),
                                                 (Scene.NO_FACE, Guidance.NO_FACE),
                                                 (Scene.DARK, Guidance.TOO_DARK)])
async def test_guidance_for_bad_scenes(engine, scene: Scene, guidance: Guidance) -> None:
    result, citizen, _v = await check(engine, scene, timeout_s=1.5)
    assert result.outcome is Outcome.TIMED_OUT
    assert citizen.guidance[0] is guidance


async def test_declining_consent_captures_nothing_and_offers_staff(engine) -> None:
    result, citizen, verifier = await check(engine, Scene.GENUINE, consent=False)
    assert result.outcome is Outcome.DECLINED
    assert result.staff_assist
    assert citizen.guidance == []
    assert verifier._reference is None


async def test_camera_unplugged_for_good_mid_check(engine) -> None:
    result, _c, _v = await check(engine, Scene.GENUINE, before=lambda cam: cam.unplug())
    assert result.outcome is Outcome.CAMERA_UNAVAILABLE
    assert result.staff_assist


async def test_camera_unplugged_briefly_recovers(engine) -> None:
    import threading

    def blip(camera: SimulatedCamera) -> None:
        camera.unplug()
        threading.Timer(0.5, camera.replug).start()

    result, _c, _v = await check(engine, Scene.GENUINE, before=blip)
    assert result.passed


def _images_in_tmp(tmp_path: Path) -> set[Path]:
    """Image files anywhere under /tmp (a native library could write one past Python's
    hooks) but in the folders of the other test workers, whose kiosks print receipts as
    images meanwhile; this worker's own folders are looked in."""
    ours = tmp_path.parent  # this worker's base folder (pytest-N/popen-gwK)
    others = ours.parent if ours.name.startswith("popen-gw") else None

    def theirs(p: Path) -> bool:
        return others is not None and p.is_relative_to(others) and not p.is_relative_to(ours)
    return {p for p in Path("/tmp").rglob("*")
            if p.suffix in (".jpg", ".png", ".bmp") and not theirs(p)}


async def test_no_image_is_written_and_face_data_is_released(engine, monkeypatch,
                                                             tmp_path: Path) -> None:
    writes: list[str] = []
    real_open, real_os_open, real_imwrite = builtins.open, os.open, cv2.imwrite

    def guarded_open(file, mode="r", *a, **k):
        if any(m in mode for m in "wax+"):
            writes.append(str(file))
        return real_open(file, mode, *a, **k)

    def guarded_os_open(path, flags, *a, **k):
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            writes.append(str(path))
        return real_os_open(path, flags, *a, **k)

    def no_imwrite(path, *a, **k):
        writes.append(str(path))
        return real_imwrite(path, *a, **k)

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(os, "open", guarded_os_open)
    monkeypatch.setattr(cv2, "imwrite", no_imwrite)
    before = _images_in_tmp(tmp_path)
    result, _c, verifier = await check(engine, Scene.GENUINE)
    after = _images_in_tmp(tmp_path)
    assert result.passed
    assert writes == []
    assert after - before == set()
    assert verifier._reference is None  # the reference embedding is gone


async def test_qr_shown_to_the_camera_is_read_and_validated() -> None:
    reader = QrCredentialReader(r"^EID1\.[A-Za-z0-9_-]{16,200}$")
    camera = SimulatedCamera(scene=Scene.QR, qr_text="EID1.Zx9_bQ-41aaaaBBBBccccDDDD")
    await camera.open()
    try:
        _seq, frame = camera.next_frame(0, 3)
        text = reader.decode(frame)
        assert text is not None
        assert reader.validate(text) == "EID1.Zx9_bQ-41aaaaBBBBccccDDDD"
        camera.set_scene(Scene.QR, "https://evil.example/login")
        # the frame being drawn while the scene changed may still show the first code
        for _ in range(3):
            _seq, frame = camera.next_frame(_seq, 3)
            text = reader.decode(frame)
            if text != "EID1.Zx9_bQ-41aaaaBBBBccccDDDD":
                break
        assert text == "https://evil.example/login"
        with pytest.raises(Exception, match="web address"):
            reader.validate(text)
    finally:
        reader.close()
        await camera.close()


def test_face_eval_cli_on_the_sample_faces(tmp_path: Path) -> None:
    for person, names in (("obama", ["obama", "obama2", "obama3"]), ("biden", ["biden"])):
        (tmp_path / person).mkdir()
        for n in names:
            (tmp_path / person / f"{n}.jpg").write_bytes((FACES / f"{n}.jpg").read_bytes())
    r = subprocess.run([sys.executable, "-m", "kiosk", "face", "eval", str(tmp_path), "--json"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["threshold"] == 0.363
    assert (out["genuine_pairs"], out["impostor_pairs"]) == (3, 3)
    assert (out["far"], out["frr"]) == (0, 0)
    assert all(p["similarity"] > 0.6 for p in out["pairs"]["genuine"])
    assert all(p["similarity"] < 0.3 for p in out["pairs"]["impostor"])

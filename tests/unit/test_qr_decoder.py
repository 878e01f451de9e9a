"""QR codes are decoded in a worker process: a decoder that crashes or hangs on a frame costs
that frame, never the kiosk (OpenCV's detector once took the whole test run down with SIGSEGV)."""

from __future__ import annotations

import io
import json
import os
import signal
import sys
from collections.abc import Iterator

import numpy as np
import pytest

from kiosk.devices.camera.qr import QrCredentialReader
from kiosk.devices.camera.qr_decoder import IsolatedQrDecoder
from kiosk.devices.camera.sim import Scene, SimulatedCamera
from kiosk.events import EventId
from kiosk.logging import configure_logging

CODE = "EID1.abcdefghij_KLMNOP-0123456789"
# a worker that reads a request header, then dies the way a native decoder does
SEGFAULTS = (sys.executable, "-c",
             "import os, signal; os.read(0, 6); os.kill(os.getpid(), signal.SIGSEGV)")
HANGS = (sys.executable, "-c", "import os, time; os.read(0, 6); time.sleep(60)")


def frame(scene: Scene, text: str = "") -> np.ndarray:
    camera = SimulatedCamera(scene=scene, qr_text=text)
    return camera.render()


@pytest.fixture
def log_lines() -> Iterator[io.StringIO]:
    stream = io.StringIO()
    configure_logging("INFO", stream=stream)
    yield stream
    configure_logging("INFO")


def crash_records(stream: io.StringIO) -> list[dict[str, object]]:
    records = [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]
    return [r for r in records if r.get("event_id") == EventId.QR_DECODER_CRASHED]


def test_a_code_is_read_and_a_face_is_not() -> None:
    reader = QrCredentialReader(r"^EID1\.[A-Za-z0-9_-]{16,200}$")
    try:
        assert reader.decode(frame(Scene.QR, CODE)) == CODE
        assert reader.decode(frame(Scene.GENUINE)) is None
        assert reader.decode(frame(Scene.NO_FACE)) is None
        # a grey frame is read as well as a colour one
        grey = frame(Scene.QR, CODE).mean(axis=2).astype(np.uint8)
        assert reader.decode(grey) == CODE
    finally:
        reader.close()
    assert reader.decoder._proc is None


def test_binary_content_reaches_the_check_as_replacement_characters() -> None:
    decoder = IsolatedQrDecoder()
    try:
        import qrcode

        image = qrcode.make(b"\xff\xfe\x00binary")  # type: ignore[arg-type]
        grey = np.array(image.convert("L").resize((300, 300)), dtype=np.uint8)
        page = np.full((480, 640), 235, np.uint8)
        page[90:390, 170:470] = grey
        text = decoder.decode(page)
    finally:
        decoder.close()
    assert text is not None
    assert "\ufffd" in text


def test_a_worker_that_crashes_costs_one_frame_and_is_logged(log_lines: io.StringIO) -> None:
    decoder = IsolatedQrDecoder(worker=SEGFAULTS)
    try:
        assert decoder.decode(frame(Scene.QR, CODE)) is None
        assert decoder.decode(frame(Scene.QR, CODE)) is None  # a fresh worker, crashed again
    finally:
        decoder.close()
    assert decoder.crashes == 2
    records = crash_records(log_lines)
    assert [r["exit_code"] for r in records] == [-signal.SIGSEGV, -signal.SIGSEGV]
    assert CODE not in log_lines.getvalue()


def test_a_real_worker_killed_mid_day_is_replaced() -> None:
    decoder = IsolatedQrDecoder()
    try:
        assert decoder.decode(frame(Scene.QR, CODE)) == CODE
        assert decoder._proc is not None
        # dies while idle: noticed and replaced before the next frame is sent
        os.kill(decoder._proc.pid, signal.SIGSEGV)
        decoder._proc.wait()
        assert decoder.decode(frame(Scene.QR, CODE)) == CODE
        # dies mid-frame (stopped, then killed, while the frame is on its way): that frame only
        os.kill(decoder._proc.pid, signal.SIGSTOP)
        decoder.timeout_s = 0.5
        assert decoder.decode(frame(Scene.QR, CODE)) is None
        decoder.timeout_s = 3.0
        assert decoder.decode(frame(Scene.QR, CODE)) == CODE
    finally:
        decoder.close()
    assert decoder.crashes == 2


def test_a_worker_that_hangs_is_killed_at_the_deadline(log_lines: io.StringIO) -> None:
    decoder = IsolatedQrDecoder(worker=HANGS, timeout_s=0.5)
    try:
        assert decoder.decode(frame(Scene.NO_FACE)) is None
    finally:
        decoder.close()
    [record] = crash_records(log_lines)
    assert record["reason"] == "TimeoutError"
    assert record["exit_code"] == -signal.SIGKILL


def test_a_worker_crashing_again_and_again_is_rested() -> None:
    decoder = IsolatedQrDecoder(worker=SEGFAULTS, max_crashes=3, rest_s=60)
    try:
        for _ in range(6):
            assert decoder.decode(frame(Scene.QR, CODE)) is None
    finally:
        decoder.close()
    assert decoder.crashes == 3  # the last three frames were not sent to a new worker

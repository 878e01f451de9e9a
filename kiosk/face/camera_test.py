"""A camera measured for staff (`kiosk camera test`, the admin menu's camera row): the frame
rate over real frames, the resolution, and in how many frames the face detector finds a face."""

from __future__ import annotations

import asyncio
import time
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from kiosk.devices.camera.base import Camera

if TYPE_CHECKING:
    from kiosk.face.engine import FaceEngine


@dataclass(frozen=True)
class CameraMeasurement:
    adapter: str
    frames: int
    fps: float
    width: int
    height: int
    frames_with_face: int

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    def summary(self) -> str:
        return (f"{self.adapter}: {self.width}x{self.height} at {self.fps} fps, "
                f"face in {self.frames_with_face} of {self.frames} frames")


async def measure_camera(camera: Camera, engine: FaceEngine, frames: int,
                         detect_score: float, frame_timeout_s: float = 5.0) -> CameraMeasurement:
    """Opens the camera, takes `frames` fresh frames, closes it. The rate counts the time
    between the first frame and the last (so opening the device is not in it)."""
    await camera.open()
    try:
        seq, detected = 0, 0
        started: float | None = None
        shape: tuple[int, ...] | None = None
        for _ in range(frames):
            seq, frame = await asyncio.to_thread(camera.next_frame, seq, frame_timeout_s)
            now = time.perf_counter()
            started = started if started is not None else now
            shape = shape or frame.shape
            if engine.detect(frame, detect_score):
                detected += 1
            frame.fill(0)  # the frame may hold a face: do not leave it in memory
        elapsed = time.perf_counter() - (started if started is not None else 0.0)
    finally:
        await camera.close()
    return CameraMeasurement(
        adapter=camera.adapter, frames=frames,
        fps=round((frames - 1) / elapsed, 1) if frames > 1 and elapsed > 0 else 0.0,
        width=shape[1] if shape else 0, height=shape[0] if shape else 0,
        frames_with_face=detected)

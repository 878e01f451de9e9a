"""One slot for the newest picture, shared between threads (the screen the front end grabs for
a video call, kiosk/services/video_call.py). Kept apart from the call so that the front end
can hold one without loading the WebRTC stack."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np


class LatestFrame:
    """One slot for the newest picture, shared between threads: a writer never waits for a
    reader, and a reader takes what is newest (old frames are worth nothing in a call)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._frame: np.ndarray[Any, Any] | None = None
        self.count = 0

    def put(self, frame: np.ndarray[Any, Any]) -> None:
        with self._lock:
            self._frame = frame
            self.count += 1

    def clear(self) -> None:
        """Nothing to show: a call's end leaves no picture for the next call."""
        with self._lock:
            self._frame = None

    def take(self) -> np.ndarray[Any, Any] | None:
        with self._lock:
            return self._frame

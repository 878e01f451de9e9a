"""Reading the text of a QR code out of a camera frame.

Whatever the camera sees is untrusted input, and a native barcode decoder that meets a frame it
was not written for can crash the process it runs in (OpenCV's QR detector did, mid-test, with
a segmentation fault on an ordinary noisy frame). So the kiosk never decodes in its own
process: `IsolatedQrDecoder` hands each frame, as grey bytes over a pipe, to a small worker
process (`kiosk.devices.camera.qr_decoder_process`) that runs zxing-cpp. A worker that dies or
hangs costs one frame, is logged with its exit status, and is started afresh for the next one;
the visit on screen never notices.

The protocol is in `qr_decoder_process`.
"""

from __future__ import annotations

import os
import select
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Sequence
from typing import IO

import numpy as np

from kiosk.devices.camera.base import Frame
from kiosk.devices.camera.qr_decoder_process import MAGIC, NO_CODE, REPLY, REQUEST
from kiosk.events import EventId
from kiosk.logging import get_logger

log = get_logger(__name__)

MAX_REPLY = 64 * 1024  # far above any QR code's capacity (2 953 bytes)


def as_text(content: bytes) -> str:
    """A code's bytes as text; bytes that are not UTF-8 become U+FFFD, which the credential
    check refuses as binary data."""
    return content.decode("utf-8", errors="replace")


def grey_of(frame: Frame) -> Frame:
    if frame.ndim == 2:
        return np.ascontiguousarray(frame)
    import cv2  # the kiosk has it loaded already; the worker never needs it

    return np.asarray(cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY), dtype=np.uint8)


class IsolatedQrDecoder:
    """Decodes frames in a worker process it starts on first use and restarts after a crash.

    Thread-safe (one frame at a time). `timeout_s` bounds one frame's decoding: a worker that
    takes longer is killed. After `max_crashes` crashes within `crash_window_s` the decoder
    rests for `rest_s` (frames return None) rather than restarting in a tight loop. `worker`
    is the command that runs the worker (tests give it one that crashes or hangs)."""

    WORKER = (sys.executable, "-m", "kiosk.devices.camera.qr_decoder_process")

    def __init__(self, *, timeout_s: float = 3.0, max_crashes: int = 5,
                 crash_window_s: float = 60.0, rest_s: float = 30.0,
                 worker: Sequence[str] = WORKER) -> None:
        self.worker = tuple(worker)
        self.timeout_s = timeout_s
        self.max_crashes = max_crashes
        self.crash_window_s = crash_window_s
        self.rest_s = rest_s
        self.crashes = 0
        self._recent: deque[float] = deque(maxlen=max_crashes)
        self._resting_until = 0.0
        self._proc: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()

    def decode(self, frame: Frame) -> str | None:
        content = self.decode_bytes(frame)
        return None if content is None else as_text(content)

    def decode_bytes(self, frame: Frame) -> bytes | None:
        grey = grey_of(frame)
        h, w = grey.shape
        with self._lock:
            if self._proc is not None and self._proc.poll() is not None:
                self._lost(self._proc, "it ended between frames")
            if time.monotonic() < self._resting_until:
                return None
            proc = self._running()
            try:
                assert proc.stdin is not None
                assert proc.stdout is not None
                deadline = time.monotonic() + self.timeout_s
                _write_all(proc.stdin, REQUEST.pack(MAGIC, h, w) + grey.tobytes(), deadline)
                (length,) = REPLY.unpack(_read_exact(proc.stdout, REPLY.size, deadline))
                if length == NO_CODE:
                    return None
                if not 0 <= length <= MAX_REPLY:
                    raise _WorkerBroke(f"a reply of {length} bytes")
                return _read_exact(proc.stdout, length, deadline)
            except (OSError, _WorkerBroke, TimeoutError) as exc:
                self._lost(proc, type(exc).__name__)
                return None

    def _running(self) -> subprocess.Popen[bytes]:
        if self._proc is None:
            self._proc = subprocess.Popen(
                self.worker,
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                close_fds=True, env={**os.environ, "OMP_NUM_THREADS": "1"})
            assert self._proc.stdin is not None
            # writes wait with a deadline too: a stuck worker may stop reading mid-frame
            os.set_blocking(self._proc.stdin.fileno(), False)
        return self._proc

    def _lost(self, proc: subprocess.Popen[bytes], why: str) -> None:
        """The worker died, hung or spoke nonsense: kill what is left, count it, maybe rest."""
        if proc.poll() is None:
            proc.kill()
        code = proc.wait()
        for pipe in (proc.stdin, proc.stdout):  # a lost worker's pipes go with it
            if pipe is not None:
                pipe.close()
        self._proc = None
        self.crashes += 1
        now = time.monotonic()
        self._recent.append(now)
        resting = (len(self._recent) == self.max_crashes
                   and now - self._recent[0] < self.crash_window_s)
        if resting:
            self._resting_until = now + self.rest_s
            self._recent.clear()
        # the frame is not logged: it may show a face or a credential
        log.warning("QR decoder worker lost; the frame is skipped",
                    event_id=EventId.QR_DECODER_CRASHED, exit_code=code,
                    reason=why, crashes=self.crashes,
                    resting_s=self.rest_s if resting else 0)

    def close(self) -> None:
        with self._lock:
            proc, self._proc = self._proc, None
        if proc is None:
            return
        if proc.stdin is not None:
            proc.stdin.close()  # the worker ends at the end of its input
        try:
            proc.wait(2)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()


class _WorkerBroke(Exception):
    pass


def _write_all(stream: IO[bytes], data: bytes, deadline: float) -> None:
    """All of `data` into the worker's (non-blocking) pipe by `deadline` (TimeoutError)."""
    fd = stream.fileno()
    view = memoryview(data)
    while view:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("the QR decoder stopped reading")
        _, ready, _ = select.select([], [fd], [], remaining)
        if ready:
            try:
                view = view[os.write(fd, view):]
            except BlockingIOError:
                continue


def _read_exact(stream: IO[bytes], n: int, deadline: float) -> bytes:
    """n bytes from the worker's pipe by `deadline` (TimeoutError), or _WorkerBroke at EOF."""
    fd = stream.fileno()
    chunks: list[bytes] = []
    got = 0
    while got < n:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("the QR decoder took too long")
        ready, _, _ = select.select([fd], [], [], remaining)
        if not ready:
            continue
        chunk = os.read(fd, n - got)
        if not chunk:
            raise _WorkerBroke("the worker's pipe closed")
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)

"""Cold start to the home screen's first frame, and idle memory, of `kiosk run --simulate`.

Both start the real app in a fresh process (offscreen Qt, all simulators attached).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from typing import Any

import psutil

from kiosk.bench.budgets import figure, runs

_CMD = [sys.executable, "-m", "kiosk", "run", "--simulate", "--windowed"]


def _env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "KIOSK_LOG_LEVEL": "WARNING"}


def _first_frame_s(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            env=_env())
    assert proc.stdout is not None
    line = ""
    for line in proc.stdout:  # (the marker is the first line that starts with it)
        if line.startswith("first-frame"):
            break
    t1 = time.perf_counter()
    proc.wait(30)
    if not line.startswith("first-frame"):
        raise RuntimeError(f"{cmd[2]}: no first frame")
    return t1 - t0


def startup_first_frame_s() -> dict[str, Any]:
    """`kiosk run --simulate` to its home screen's first frame, beside its floor: a bare Qt
    Quick window with one CJK text, started the same way (kiosk/bench/_bare_window.py),
    measured in the same run, turn about."""
    samples, floors = [], []
    for _ in range(runs(5)):
        floors.append(_first_frame_s([sys.executable, "-m", "kiosk.bench._bare_window"]))
        samples.append(_first_frame_s([*_CMD, "--exit-after-first-frame"]))
    floor = statistics.median(floors)
    return figure("startup_first_frame_s", samples, floor_s=round(floor, 3),
                  ratio=round(statistics.median(samples) / floor, 2))


def idle_rss_mb(idle_s: float = 3.0) -> dict[str, Any]:
    samples = []
    for _ in range(runs(3)):
        proc = subprocess.Popen([*_CMD, "--first-frame-marker"], stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, text=True, env=_env())
        try:
            assert proc.stdout is not None
            if not proc.stdout.readline().startswith("first-frame"):
                raise RuntimeError("the kiosk did not show its first frame")
            time.sleep(idle_s)
            samples.append(psutil.Process(proc.pid).memory_info().rss / 2**20)
        finally:
            proc.terminate()
            proc.wait(15)
    return figure("idle_rss_mb", samples)


FIGURES = {
    "startup_first_frame_s": startup_first_frame_s,
    "idle_rss_mb": idle_rss_mb,
}

"""The touch UI: a tap to the next screen fully drawn, and the camera preview's frame rate
while face tracking runs (both from benchmarks/_ui_probe.py in a fresh offscreen process)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from functools import cache
from typing import Any

from benchmarks import figure, runs


@cache
def _probe() -> dict[str, Any]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "KIOSK_LOG_LEVEL": "WARNING"}
    r = subprocess.run([sys.executable, "-m", "benchmarks._ui_probe", str(runs(10))],
                       capture_output=True, text=True, env=env, timeout=100, check=False)
    lines = [line for line in r.stdout.splitlines() if line.startswith("{")]
    if r.returncode != 0 or not lines:
        raise RuntimeError(f"the UI probe failed: {r.stderr[-500:]}")
    return dict(json.loads(lines[-1]))


def screen_transition_ms() -> dict[str, Any]:
    p = _probe()
    return figure(p["transitions_ms"], "ms", 100, worst=round(max(p["transitions_ms"]), 1))


def preview_fps() -> dict[str, Any]:
    p = _probe()
    return figure([p["preview_fps"]], "fps", 15, camera_fps=round(p["camera_fps"], 1),
                  tracking_fps=round(p["tracking_fps"], 1), budget_is="minimum")


FIGURES = {"screen_transition_ms": screen_transition_ms, "preview_fps": preview_fps}

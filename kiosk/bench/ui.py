"""The touch UI: a tap to the next screen fully drawn, and the camera preview's frame rate
while face tracking runs (both from kiosk/bench/_ui_probe.py in a fresh offscreen process)."""

from __future__ import annotations

import os
from functools import cache
from typing import Any

from kiosk.bench.budgets import figure, runs
from kiosk.bench.probe_process import run_probe
from kiosk.config import load_config, packaged_config


@cache
def _probe() -> dict[str, Any]:
    r = run_probe("kiosk.bench._ui_probe", str(runs(10)), timeout_s=100)
    if r.returncode != 0 or r.result is None:
        raise RuntimeError(f"the UI probe failed: {r.stderr[-500:]}")
    return r.result


def screen_transition_ms() -> dict[str, Any]:
    p = _probe()
    return figure("screen_transition_ms", p["transitions_ms"],
                  worst=round(max(p["transitions_ms"]), 1))


def preview_fps() -> dict[str, Any]:
    p = _probe()
    return figure("preview_fps", [p["preview_fps"]], camera_fps=round(p["camera_fps"], 1),
                  tracking_fps=round(p["tracking_fps"], 1))


@cache
def _soak() -> dict[str, Any]:
    """The long day (kiosk/bench/_ui_soak.py): 500 visits, or KIOSK_BENCH_RUNS of them; then
    the rest after which the kiosk lets its face models go (the configured one; a second
    when KIOSK_BENCH_RUNS asks for a short run)."""
    visits = int(os.environ.get("KIOSK_BENCH_RUNS", 0)) or 500
    rest_s = 1.0 if os.environ.get("KIOSK_BENCH_RUNS") else \
        load_config(packaged_config("simulated"), simulate=True).face.release_models_after_s
    r = run_probe("kiosk.bench._ui_soak", str(max(visits, 2)), "--rest", str(rest_s),
                  timeout_s=60 + rest_s + 20 * visits,
                  env={"MALLOC_ARENA_MAX": "2"})  # as systemd/kiosk.service runs the kiosk
    if r.result is None:
        # an abort (SIGSEGV, SIGABRT) is a result of this benchmark, not a failure to measure
        return {"aborted": 1, "returncode": r.returncode, "stderr": r.stderr[-300:]}
    return {**r.result, "aborted": 0 if r.returncode == 0 else 1}


def ui_soak() -> dict[str, Any]:
    """RSS growth over the day's visits (budget 30 MB), with aborts (must be 0), visits per
    minute, how the visits ended, and Python objects, threads, fds and QObjects first/last."""
    s = _soak()
    if "last" not in s:
        return figure("ui_soak", [float("inf")], **s)
    return figure("ui_soak", [s["rss_growth_mb"]], aborted=s["aborted"], visits=s["visits"],
                  visits_per_min=s["visits_per_min"], ended=s["ended"],
                  failures=len(s["failures"]), first=s["first"], last=s["last"],
                  rested=s.get("rested"))


def visit_rss_mb() -> dict[str, Any]:
    """Steady resident memory once visits run (2.5 s after the last visit: trimmed), kiosk
    and QR worker together, with the kiosk's own settings (the face models are held for each
    face check alone: `face.hold_models`); besides it the figure after the first visit,
    before any, the kiosk process's peak (models in use), and at rest (the hall quiet for
    `face.release_models_after_s`)."""
    s = _soak()
    if "last" not in s:
        return figure("visit_rss_mb", [float("inf")], **s)
    return figure("visit_rss_mb", [s["last"]["rss_mb"]], after_first_visit=s["first"]["rss_mb"],
                  before_first_visit=s["idle"]["rss_mb"],
                  peak_during_visits=s["last"].get("peak_rss_mb"),
                  at_rest=s.get("rested", {}).get("rss_mb"))


def key_to_speech_ms() -> dict[str, Any]:
    """A key press → the focused control's words rendered by the speech engine (issue 20)."""
    p = _probe()
    return figure("key_to_speech_ms", p["key_to_speech_ms"],
                  worst=round(max(p["key_to_speech_ms"]), 1))


FIGURES = {"screen_transition_ms": screen_transition_ms, "preview_fps": preview_fps,
           "key_to_speech_ms": key_to_speech_ms,
           "ui_soak": ui_soak, "visit_rss_mb": visit_rss_mb}

"""Every benchmark figure's unit and budget, in one table: `kiosk bench` judges by it and
docs/benchmarks.md shows it (a test keeps the two the same).

A budget is a ceiling (`max`, the figure must not exceed it), a floor (`min`, e.g. frames per
second) or `report` (measured and shown, not judged: it depends on things outside the kiosk,
such as cups-pdf's job time). `KIOSK_BENCH_RUNS` overrides the number of runs (tests use 1).
"""

from __future__ import annotations

import os
import statistics
from dataclasses import dataclass
from typing import Any, Literal


@dataclass(frozen=True)
class Budget:
    unit: str
    limit: float
    kind: Literal["max", "min", "report"] = "max"
    what: str = ""

    def judge(self, median: float) -> str:
        """"ok", "OVER" (above a ceiling), "UNDER" (below a floor) or "report"."""
        if self.kind == "report":
            return "report"
        if self.kind == "min":
            return "ok" if median >= self.limit else "UNDER"
        return "ok" if median <= self.limit else "OVER"


BUDGETS: dict[str, Budget] = {
    "catalog_load_ms_per_item": Budget("ms", 1.0, what="loading and validating one service "
                                       "definition, rules compiled, search index built (a "
                                       "3,000-item catalog)"),
    "search_ms": Budget("ms", 50, what="the slowest keystroke typing into the search box over "
                        "3,000 items (Pinyin, initials, characters, hall words), rows included"),
    "catalog_update_s": Budget("s", 5.0, what="a changed 3,000-item catalog published (served) "
                               "→ taken up by a kiosk polling every second"),
    "catalog_fleet_kb_per_kiosk": Budget("KB", 0, "report", what="what one kiosk downloads "
                                         "for an update of a 3,000-item catalog (one item "
                                         "changed)"),
    "certificate_pdf_ms": Budget("ms", 120, what="one signed A4 certificate PDF"),
    "receipt_bytes_ms": Budget("ms", 20, what="one receipt's ESC/POS bytes"),
    "face_track_ms": Budget("ms", 6, what="face detection on one camera frame"),
    "face_verify_ms": Budget("ms", 45, what="one face comparison, photo against frame"),
    "sam_decode_us": Budget("us", 100, what="decoding one SAM read answer frame"),
    "sam_read_wire_ratio": Budget("x", 1.1, what="a card read's time over the wire time at "
                                  "115200 baud"),
    "outbox_write_ms": Budget("ms", 0, "report", what="one encrypted, fsync'd outbox write"),
    "outbox_drain_per_s": Budget("apps/s", 0, "report", what="applications sent per second"),
    "scenario_s": Budget("s", 1.0, "report", what="one scenario, start to printed documents"),
    "visit_overhead_ms": Budget("ms", 250, what="a visit's own time, waits on devices and "
                                "the citizen taken out"),
    "scenario_rss_growth_mb": Budget("MB", 20, what="memory growth over 200 scenarios"),
    "bac_read_overhead_ratio": Budget("ratio", 0.2, what="e-passport BAC and secure "
                                      "messaging, over the plain reads"),
    "startup_first_frame_s": Budget("s", 1.0, what="`kiosk run` to the first frame drawn"),
    "idle_rss_mb": Budget("MB", 300, what="resident memory at the home screen, before visits"),
    "screen_transition_ms": Budget("ms", 100, what="one screen change in the QML"),
    "preview_fps": Budget("fps", 15, "min", what="the face-check preview's frame rate"),
    "key_to_speech_ms": Budget("ms", 300, what="a key press → the focused control's words "
                               "rendered by the speech engine"),
    "ui_soak": Budget("MB", 30, what="memory growth over 500 visits in one process (aborts "
                      "must be 0)"),
    "visit_rss_mb": Budget("MB", 450, what="resident memory once visits run"),
    "remote_help_connect_s": Budget("s", 2.0, what="the citizen's 接听 → the first picture "
                                    "of the kiosk's screen decoded at the staff's end"),
    "remote_help_hangup_ms": Budget("ms", 200, what="挂断 → the kiosk's microphone and screen "
                                    "stopped and its peer connection closed"),
    "remote_help_cpu_pct": Budget("%", 0, "report", what="CPU of one process holding both "
                                  "ends of a call (kiosk and staff), of one core"),
    "payment_confirm_ms": Budget("ms", 500, what="the platform confirms a payment → "
                                 "“已支付” drawn on the screen"),
}


def runs(default: int) -> int:
    return max(1, int(os.environ.get("KIOSK_BENCH_RUNS", default)))


def figure(name: str, samples: list[float], **extra: Any) -> dict[str, Any]:
    """One figure's result: the median of `samples`, judged by the table."""
    budget = BUDGETS[name]
    median = statistics.median(samples)
    return {"median": median, "unit": budget.unit, "budget": budget.limit,
            "budget_is": budget.kind, "verdict": budget.judge(median), "runs": len(samples),
            **extra}

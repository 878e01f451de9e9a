"""Performance figures with their budgets, run by `kiosk bench`.

Each module exposes FIGURES: name → a callable returning
{"median": number, "unit": str, "budget": number, "runs": int, ...}.
`KIOSK_BENCH_RUNS` overrides the number of runs (tests use 1).
"""

from __future__ import annotations

import os
import statistics
from typing import Any


def runs(default: int) -> int:
    return max(1, int(os.environ.get("KIOSK_BENCH_RUNS", default)))


def figure(samples: list[float], unit: str, budget: float, **extra: Any) -> dict[str, Any]:
    return {"median": statistics.median(samples), "unit": unit, "budget": budget,
            "runs": len(samples), **extra}

"""缴费: the platform confirms a payment → "已支付" drawn on the screen (kiosk/bench/
_payment_probe.py, in a fresh offscreen process with all simulators: a citizen pays by touch,
the simulated phone pays the order's QR code)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

from kiosk.bench.budgets import figure, runs


def payment_confirm_ms() -> dict[str, Any]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "KIOSK_LOG_LEVEL": "WARNING"}
    r = subprocess.run([sys.executable, "-m", "kiosk.bench._payment_probe", str(runs(5))],
                       capture_output=True, text=True, env=env, timeout=300, check=False)
    lines = [line for line in r.stdout.splitlines() if line.startswith("{")]
    if r.returncode != 0 or not lines:
        said = [line for line in r.stderr.splitlines() if line.strip()]
        raise RuntimeError(f"the payment probe failed: {said[-1] if said else r.returncode}")
    samples = list(json.loads(lines[-1])["payment_confirm_ms"])
    return figure("payment_confirm_ms", samples, worst=round(max(samples), 1))


FIGURES = {"payment_confirm_ms": payment_confirm_ms}

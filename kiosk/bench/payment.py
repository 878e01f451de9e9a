"""缴费: the platform confirms a payment → "已支付" drawn on the screen (kiosk/bench/
_payment_probe.py, in a fresh offscreen process with all simulators: a citizen pays by touch,
the simulated phone pays the order's QR code)."""

from __future__ import annotations

from typing import Any

from kiosk.bench.budgets import figure, runs
from kiosk.bench.probe_process import run_probe


def payment_confirm_ms() -> dict[str, Any]:
    r = run_probe("kiosk.bench._payment_probe", str(runs(5)), timeout_s=300)
    if r.returncode != 0 or r.result is None:
        raise RuntimeError(f"the payment probe failed: {r.last_said()}")
    samples = list(r.result["payment_confirm_ms"])
    return figure("payment_confirm_ms", samples, worst=round(max(samples), 1))


FIGURES = {"payment_confirm_ms": payment_confirm_ms}

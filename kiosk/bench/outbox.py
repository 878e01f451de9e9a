"""The outbox: one durable encrypted write (median and p99), and 1,000 applications drained
through the simulated backend (throughput and RSS growth)."""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import psutil

from kiosk.bench.budgets import figure, runs
from kiosk.services.outbox import Outbox, Uploader
from kiosk.sim.backend import BackendServer


def _app(i: int) -> dict[str, Any]:
    return {"kiosk_id": "BENCH", "service_code": "WFZZM", "item_codes": ["WFZZM"],
            "applicant": {"name": "张伟", "id_number": "110105198503120311",
                          "credential": "idcard"},
            "form": {"purpose": "签证", "n": str(i)}, "materials": [], "decision": "approved"}


BENCH_DIR = Path(__file__).resolve().parent.parent / ".bench-tmp"  # a real disk, not tmpfs


def outbox_write_ms() -> dict[str, Any]:
    BENCH_DIR.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=BENCH_DIR) as tmp:
        outbox = Outbox.open(Path(tmp))
        samples = []
        for i in range(runs(200)):
            t0 = time.perf_counter()
            outbox.put("application", _app(i), service="WFZZM")
            samples.append((time.perf_counter() - t0) * 1000)
        outbox.close()
    p99 = statistics.quantiles(samples, n=100)[98] if len(samples) >= 2 else samples[0]
    return figure("outbox_write_ms", samples, p99=round(p99, 3))


def outbox_drain_per_s(count: int = 1000) -> dict[str, Any]:
    n = min(count, runs(1000))
    server = BackendServer()
    server.start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            outbox = Outbox.open(Path(tmp))
            for i in range(n):
                outbox.put("application", _app(i), service="WFZZM")
            rss0 = psutil.Process().memory_info().rss / 2**20

            async def drain() -> float:
                up = Uploader(outbox, server.gateway("BENCH"), backoff_initial_s=0)
                t0 = time.perf_counter()
                while outbox.status().pending:
                    await up.drain_once()
                elapsed = time.perf_counter() - t0
                await up.gateway.aclose()
                return elapsed

            elapsed = asyncio.run(drain())
            rss1 = psutil.Process().memory_info().rss / 2**20
            outbox.close()
    finally:
        server.stop()
    return figure("outbox_drain_per_s", [n / elapsed], applications=n,
                  rss_growth_mb=round(rss1 - rss0, 1))


FIGURES = {"outbox_write_ms": outbox_write_ms, "outbox_drain_per_s": outbox_drain_per_s}

"""Headless scenarios: one approved service end to end on the real visit path (`KioskCore` and
its `VisitRunner`: ID card over a pty, face check on the real models, backend over HTTP, signed
certificate, receipt), and memory over 200 runs."""

from __future__ import annotations

import asyncio
import shutil
import tempfile
from pathlib import Path
from typing import Any

import psutil

from kiosk.bench.budgets import figure, runs
from kiosk.scenarios.rig import Scenario, ScenarioRig

SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios" / "shipped"


def _run(name: str, count: int) -> tuple[list[float], list[dict[str, Any]], float, float]:
    async def go() -> tuple[list[float], list[dict[str, Any]], float, float]:
        out = Path(tempfile.mkdtemp(prefix="kiosk-bench-"))
        rig = ScenarioRig(out)
        await rig.start()
        scenario = Scenario.load(SCENARIOS / name)
        try:
            await rig.run(scenario)  # warm: fonts, models, keys
            rss0 = psutil.Process().memory_info().rss / 2**20
            results = [await rig.run(scenario) for _ in range(count)]
            rss1 = psutil.Process().memory_info().rss / 2**20
        finally:
            await rig.stop()
            shutil.rmtree(out, ignore_errors=True)
        return [r["seconds"] for r in results], results, rss0, rss1

    return asyncio.run(go())


def scenario_s() -> dict[str, Any]:
    seconds, results, _a, _b = _run("criminal-record-approved.yaml", runs(5))
    last = results[-1]
    # reported, not budgeted: it includes cups-pdf's job time and the pty at its baud rate
    return figure("scenario_s", seconds, printed=last["printed"],
                  steps={k: round(v, 3) for k, v in last["timings"].items()})


def visit_overhead_ms() -> dict[str, Any]:
    """The kiosk's own cost of a headless visit: its wall time minus the time it waited on the
    world (identification, the citizen's answers, the face check, the backend, the printers;
    `FlowResult.waited`). What is left is the engine, the form, the rules, the outbox, signing
    and rendering the certificate and the receipt."""
    _s, results, _a, _b = _run("criminal-record-approved.yaml", runs(5))
    overheads = [(r["visit_seconds"] - sum(r["waited"].values())) * 1000 for r in results]
    last = results[-1]
    return figure("visit_overhead_ms", overheads, waited=last["waited"],
                  visit_s=last["visit_seconds"])


def scenario_rss_growth_mb() -> dict[str, Any]:
    _s, _r, rss0, rss1 = _run("business-registration-review.yaml", runs(200))
    return figure("scenario_rss_growth_mb", [rss1 - rss0], scenarios=runs(200))


FIGURES = {"scenario_s": scenario_s, "visit_overhead_ms": visit_overhead_ms,
           "scenario_rss_growth_mb": scenario_rss_growth_mb}

"""Runs the performance figures in the repository's benchmarks/ folder (`kiosk bench`).

Each module in benchmarks/ exposes `FIGURES`: name → `Figure`. The output is one object:
figure name → {"median", "unit", "budget", "runs"} (plus p99 where a figure reports it).
Figures not built yet are absent, never faked.
"""

from __future__ import annotations

import importlib.util
import pkgutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO_BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


class BenchmarksMissing(RuntimeError):
    pass


def _load_figures() -> dict[str, Any]:
    if not (REPO_BENCHMARKS / "__init__.py").exists():
        raise BenchmarksMissing(f"benchmarks not found at {REPO_BENCHMARKS} (run from a checkout)")
    root = str(REPO_BENCHMARKS.parent)
    if root not in sys.path:
        sys.path.insert(0, root)
    figures: dict[str, Any] = {}
    for mod in sorted(pkgutil.iter_modules([str(REPO_BENCHMARKS)]), key=lambda m: m.name):
        if mod.name.startswith("_"):
            continue
        module = importlib.import_module(f"benchmarks.{mod.name}")
        figures.update(getattr(module, "FIGURES", {}))
    return figures


def run_benchmarks(only: list[str] | None = None,
                   log: Callable[[str], None] = lambda _m: None) -> dict[str, dict[str, Any]]:
    figures = _load_figures()
    names = only or list(figures)
    for n in names:
        if n not in figures:
            raise KeyError(n)
    results: dict[str, dict[str, Any]] = {}
    for n in names:
        log(f"bench: {n} ...")
        try:
            results[n] = figures[n]()
        except Exception as exc:  # a figure that cannot run here is left out, never faked
            log(f"bench: {n} not measured: {type(exc).__name__}: {exc}")
    return results

"""`kiosk bench`: the performance figures and their budgets.

Each figure module here (`catalog`, `documents`, ...) exposes `FIGURES`: name → a function
that measures and returns `budgets.figure(name, samples, ...)`. Modules starting with `_` are
the probes some figures run in a child process (`python -m kiosk.bench._ui_soak`). The units
and budgets live in one table, `budgets.BUDGETS`. A figure that cannot run here is left out of
the answer, never faked.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

FIGURE_MODULES = ("catalog", "catalog_updates", "documents", "face", "idcard", "outbox", "payment",
                  "remote_help", "scenarios", "smartcard", "startup", "ui")


def all_figures() -> dict[str, Callable[[], dict[str, Any]]]:
    figures: dict[str, Callable[[], dict[str, Any]]] = {}
    for name in FIGURE_MODULES:
        module = importlib.import_module(f"kiosk.bench.{name}")
        figures.update(module.FIGURES)
    return figures


def run_benchmarks(only: list[str] | None = None,
                   log: Callable[[str], None] = lambda _m: None) -> dict[str, dict[str, Any]]:
    figures = all_figures()
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

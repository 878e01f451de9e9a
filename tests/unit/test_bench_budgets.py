"""docs/benchmarks.md shows the budgets `kiosk bench` judges by: one table, two readers."""

from __future__ import annotations

import re
from pathlib import Path

from kiosk.bench import all_figures
from kiosk.bench.budgets import BUDGETS, Budget

DOC = Path(__file__).resolve().parents[2] / "docs" / "benchmarks.md"
ROW = re.compile(r"^\| `(\w+)` \| [^|]+ \| (≤|≥|reported) ?([\d.]*) ?\(?([\w/%]+)\)? \|$")


def documented() -> dict[str, tuple[str, float, str]]:
    rows = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        m = ROW.match(line)
        if m:
            kind = {"≤": "max", "≥": "min", "reported": "report"}[m[2]]
            rows[m[1]] = (kind, float(m[3] or 0), m[4])
    return rows


def as_row(b: Budget) -> tuple[str, float, str]:
    return (b.kind, b.limit if b.kind != "report" else 0.0, b.unit)


def test_the_page_shows_every_budget_as_the_table_has_it() -> None:
    assert documented() == {name: as_row(b) for name, b in BUDGETS.items()}


def test_every_figure_has_a_budget_and_every_budget_a_figure() -> None:
    assert set(all_figures()) == set(BUDGETS)


def test_a_verdict_follows_the_kind_of_budget() -> None:
    assert Budget("ms", 100).judge(101) == "OVER"
    assert Budget("ms", 100).judge(100) == "ok"
    assert Budget("fps", 15, "min").judge(14.9) == "UNDER"
    assert Budget("s", 1, "report").judge(99) == "report"

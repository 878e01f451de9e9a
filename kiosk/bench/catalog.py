"""Loading a province-sized catalog: 3,000 service items (copies of the shipped ones under new
ids) parsed, validated and their rules compiled; then the search over it."""

from __future__ import annotations

import json
import re
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

from kiosk.bench.budgets import figure, runs
from kiosk.flows.catalog import CATALOG_DIR, load_catalog


def _generated_catalog(directory: Path, items: int, distinct_rules: bool = False) -> int:
    """Write `items` service files (the shipped items, each copied under a new id); returns how
    many were written. Bundles and the guide stay out: they name the original ids. With
    `distinct_rules` every copy's rule texts differ too, so no compiled rule is shared."""
    shipped = [p for p in sorted(CATALOG_DIR.glob("*.yaml"))
               if p.name != "guide.yaml" and "bundle: true" not in p.read_text("utf-8")]
    written = 0
    while written < items:
        for path in shipped:
            if written == items:
                break
            text = path.read_text("utf-8")
            original = next(line for line in text.splitlines() if line.startswith("id: "))
            new_id = f"{original[4:].strip()}-{written:05d}"
            text = text.replace(original, f"id: {new_id}", 1)
            if distinct_rules:  # "(rule) && n == n": the same meaning, a text of its own
                def own_rule(m: re.Match[str], n: int = written) -> str:
                    return m[1] + json.dumps(f"({yaml.safe_load(m[2])}) && {n} == {n}",
                                             ensure_ascii=False)
                text = re.sub(r"^(\s*expr: )(.+)$", own_rule, text, flags=re.MULTILINE)
            (directory / f"{new_id}.yaml").write_text(text, "utf-8")
            written += 1
    return written


def catalog_load_ms_per_item(items: int = 3000) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-catalog-") as tmp:
        n = _generated_catalog(Path(tmp), items)
        samples, search_ms = [], []
        for _ in range(runs(3)):
            started = time.perf_counter()
            catalog = load_catalog(Path(tmp))
            samples.append((time.perf_counter() - started) * 1000 / n)
            assert len(catalog.services) == n
            started = time.perf_counter()
            for query in ("饭店", "证明", "health", "新生儿"):
                catalog.search(query)
            search_ms.append((time.perf_counter() - started) * 1000)
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-catalog-") as tmp:
        _generated_catalog(Path(tmp), items, distinct_rules=True)
        started = time.perf_counter()
        load_catalog(Path(tmp))
        distinct = (time.perf_counter() - started) * 1000 / n
    return figure("catalog_load_ms_per_item", samples, items=n,
                  search_4_queries_ms=round(min(search_ms), 1), search_budget_ms=20,
                  every_rule_distinct_ms_per_item=round(distinct, 2))


FIGURES = {"catalog_load_ms_per_item": catalog_load_ms_per_item}

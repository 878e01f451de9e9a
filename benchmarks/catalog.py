"""Loading a province-sized catalog: 3,000 service items (copies of the shipped ones under new
ids) parsed, validated and their rules compiled; then the search over it."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks import figure, runs
from kiosk.flows.catalog import CATALOG_DIR, load_catalog


def _generated_catalog(directory: Path, items: int) -> int:
    """Write `items` service files (the shipped items, each copied under a new id); returns how
    many were written. Bundles and the guide stay out: they name the original ids."""
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
            (directory / f"{new_id}.yaml").write_text(text.replace(original, f"id: {new_id}", 1),
                                                      "utf-8")
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
    return figure(samples, "ms", 1.0, items=n,
                  search_4_queries_ms=round(min(search_ms), 1), search_budget_ms=20)


FIGURES = {"catalog_load_ms_per_item": catalog_load_ms_per_item}

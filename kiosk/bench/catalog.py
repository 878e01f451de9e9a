"""A province-sized catalog: 3,000 service items (kiosk/bench/province_catalog.py: the shipped
ones and generated ones with titles of their own) loaded, validated and their rules compiled;
then a citizen typing into the search box over it, keystroke by keystroke."""

from __future__ import annotations

import json
import re
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

from kiosk.bench.budgets import figure, runs
from kiosk.bench.province_catalog import shipped_count, write_province_catalog
from kiosk.flows.catalog import load_catalog
from kiosk.flows.service_summary import search

ITEMS = 3000
# what citizens type, one keystroke at a time: Pinyin in full, initials, characters (as the
# Pinyin keyboard commits them), the hall's words, English
TYPED = ["wufanzui", "wfzjl", "shebaozhengming", "juzhuzheng", "gjjtq", "health permit",
         ["无", "无犯", "无犯罪", "无犯罪证", "无犯罪证明"], ["社", "社保", "社保证", "社保证明"],
         ["上", "上户", "上户口"], ["居住证", "居住证补", "居住证补领"]]


def keystrokes() -> list[str]:
    """Every search the box makes while the TYPED texts are typed."""
    out: list[str] = []
    for typed in TYPED:
        if isinstance(typed, str):
            out += [typed[:i] for i in range(1, len(typed) + 1)]
        else:
            out += typed
    return out


def _distinct_rules(directory: Path) -> None:
    """Every item's rule texts made its own ("(rule) && n == n": the same meaning), so no
    compiled rule is shared."""
    for n, path in enumerate(sorted(directory.glob("item-*.yaml"))):
        def own(m: re.Match[str], n: int = n) -> str:
            return m[1] + json.dumps(f"({yaml.safe_load(m[2])}) && {n} == {n}",
                                     ensure_ascii=False)
        text = path.read_text("utf-8")
        path.write_text(re.sub(r"^(\s*expr: )(.+)$", own, text, flags=re.MULTILINE), "utf-8")


def catalog_load_ms_per_item(items: int = ITEMS) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-catalog-") as tmp:
        n = write_province_catalog(Path(tmp), items - shipped_count())
        samples = []
        for _ in range(runs(3)):
            started = time.perf_counter()
            catalog = load_catalog(Path(tmp))
            samples.append((time.perf_counter() - started) * 1000 / n)
            assert len(catalog.services) == n
        _distinct_rules(Path(tmp))
        started = time.perf_counter()
        load_catalog(Path(tmp))
        distinct = (time.perf_counter() - started) * 1000 / n
    return figure("catalog_load_ms_per_item", samples, items=n,
                  every_rule_distinct_ms_per_item=round(distinct, 2))


def search_ms(items: int = ITEMS) -> dict[str, Any]:
    """The slowest keystroke of a run (search and the result rows the screen shows), median
    over runs."""
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-search-") as tmp:
        write_province_catalog(Path(tmp), items - shipped_count())
        catalog = load_catalog(Path(tmp))
    typed = keystrokes()
    slowest, every = [], []
    for _ in range(runs(5)):
        times = []
        for text in typed:
            started = time.perf_counter()
            search(catalog, text, "zh-Hans")
            times.append((time.perf_counter() - started) * 1000)
        slowest.append(max(times))
        every += times
    found = {t: [catalog.find(i).titles["zh-Hans"] for i in catalog.search(t)[:1]]
             for t in ("wfzjl", "wufanzui", "无犯罪证明", "社保证明", "上户口")}
    return figure("search_ms", slowest, items=len(catalog.services) + len(catalog.bundles),
                  keystrokes=len(typed), median_keystroke_ms=round(statistics.median(every), 2),
                  first_result={k: v[0] if v else None for k, v in found.items()})


FIGURES = {"catalog_load_ms_per_item": catalog_load_ms_per_item, "search_ms": search_ms}

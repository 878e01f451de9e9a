"""The province's signed catalog in motion (docs/catalog-updates.md):

- `catalog_update_s`: a changed 3,000-item catalog published (`kiosk catalog publish`'s code
  has written it: the repository serves it) → taken up by a kiosk's scheduled checks polling
  every second (python-tuf, the one changed file downloaded, the new version loaded by the
  kiosk's loader, its unchanged items taken from the catalog in service). The publication's
  own time (load, Pinyin, sign, on the province's machine) is reported beside it.
- `catalog_fleet_kb_per_kiosk`: many kiosks' updaters (the kiosk's own check code, each with
  its own data folder, not whole kiosks) against one plain static server: what one kiosk
  downloads for an update and for a check that finds nothing new, how many requests each
  makes, and the requests per second the server answered while all of them checked at once.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from kiosk.bench.budgets import figure, runs
from kiosk.bench.province_catalog import shipped_count, write_province_catalog
from kiosk.bench.static_server import static_server
from kiosk.config import load_config, packaged_config
from kiosk.signed_catalog.catalog_check import CatalogCheck, CheckSettings
from kiosk.signed_catalog.catalog_updates import CatalogUpdates
from kiosk.signed_catalog.kept_catalogs import KeptCatalogs
from kiosk.signed_catalog.publisher import publish

ITEMS = 3000
CHANGED = "criminal-record-certificate.yaml"


def _change(src: Path, n: int) -> None:
    """The province's weekly change: one rule's words."""
    item = src / CHANGED
    text = item.read_text("utf-8")
    item.write_text(text.replace("申请人须年满18周岁", f"申请人须年满18周岁（第{n}版）", 1)
                    if n == 1 else text.replace(f"（第{n - 1}版）", f"（第{n}版）", 1), "utf-8")


def catalog_update_s(items: int = ITEMS) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-update-") as tmp:
        base = Path(tmp)
        src, repo, keys = base / "src", base / "served" / "repo", base / "keys"
        write_province_catalog(src, items - shipped_count())
        publish(src, repo, keys)
        with static_server(base / "served") as server:
            config = load_config(packaged_config("simulated"), simulate=True,
                                 data_dir=base / "kiosk", catalog={
                                     "repository": f"{server.url}/repo",
                                     "root": str(repo / "metadata" / "1.root.json"),
                                     "check_every_s": 1})
            return asyncio.run(_timed_updates(config, src, repo, keys))


async def _timed_updates(config: Any, src: Path, repo: Path, keys: Path) -> dict[str, Any]:
    updates = CatalogUpdates(config)
    await asyncio.to_thread(updates.load_at_start)
    first = await updates.check_now()
    assert first is not None
    assert first.result == "applied", first
    taken: asyncio.Queue[int] = asyncio.Queue()
    loop = asyncio.get_running_loop()
    def told(_catalog: Any, version: int) -> None:
        loop.call_soon_threadsafe(taken.put_nowait, version)
    updates.listeners.append(told)
    updates.start()
    samples, publish_s = [], []
    try:
        for n in range(1, runs(3) + 1):
            _change(src, n)
            started = time.perf_counter()
            done = await asyncio.to_thread(publish, src, repo, keys)
            published = time.perf_counter()
            publish_s.append(published - started)
            while await asyncio.wait_for(taken.get(), 30) != done.version:
                pass
            samples.append(time.perf_counter() - published)
    finally:
        await updates.stop()
    return figure("catalog_update_s", samples, items=len(list(src.glob("*.yaml"))) - 2,
                  publish_s=round(statistics.median(publish_s), 2),
                  publish_to_kiosk_s=round(statistics.median(
                      p + s for p, s in zip(publish_s, samples, strict=True)), 2),
                  polling_every_s=1)


FLEET = 10_000  # the province the docs size (docs/appliance.md, "Serving 10,000 kiosks")
EVERY_S = 900  # catalog.check_every_s's default


def catalog_fleet_kb_per_kiosk(kiosks: int = 100, items: int = ITEMS) -> dict[str, Any]:
    """Bytes one kiosk downloads for an update of a 3,000-item catalog (one item changed)."""
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-fleet-") as tmp:
        base = Path(tmp)
        src, repo, keys = base / "src", base / "served" / "repo", base / "keys"
        write_province_catalog(src, items - shipped_count())
        publish(src, repo, keys)
        root = repo / "metadata" / "1.root.json"
        with static_server(base / "served") as server:
            def check(n: int) -> Any:
                return CatalogCheck(KeptCatalogs(base / "fleet" / f"k{n}"), CheckSettings(
                    f"{server.url}/repo", configured_root=root)).run().outcome
            # these take every version in full, loader and all (one when KIOSK_BENCH_RUNS=1)
            updating = min(kiosks, runs(4))
            for n in range(updating):
                assert check(n).result == "applied"
            for n in range(updating, kiosks):
                _quiet_kiosk(base / "fleet" / "k0", base / "fleet" / f"k{n}")
            # the fleet's everyday load: every kiosk checks at once, nothing new
            server.reset_counts()
            started = time.perf_counter()
            with ThreadPoolExecutor(32) as pool:
                quiet = list(pool.map(check, range(kiosks)))
            wall = time.perf_counter() - started
            assert all(o.result == "current" for o in quiet), quiet[0]
            served = server.requests
            # a weekly change: one item's rule reworded, published, taken up
            _change(src, 1)
            publish(src, repo, keys)
            updated = [check(n) for n in range(updating)]
            assert all(o.result == "applied" for o in updated), updated[0]
    per_update = [o.downloaded_bytes / 1024 for o in updated]
    quiet_requests = statistics.median(o.requests for o in quiet)
    return figure("catalog_fleet_kb_per_kiosk", per_update,
                  items=items, requests_per_update=updated[0].requests,
                  files_per_update=updated[0].files_downloaded,
                  quiet_check_bytes=round(statistics.median(o.downloaded_bytes for o in quiet)),
                  quiet_check_requests=round(quiet_requests),
                  kiosks=kiosks, server_requests=served,
                  # all kiosks at once on this machine: bounded by the checks' own work (each
                  # verifies its kept metadata), not by the server
                  server_requests_per_s_observed=round(served / wall),
                  fleet_kiosks=FLEET,
                  fleet_requests_per_s=round(FLEET * quiet_requests / EVERY_S, 1),
                  fleet_gb_per_version=round(FLEET * statistics.median(per_update) / 2**20, 2))


def _quiet_kiosk(model: Path, data: Path) -> None:
    """A kiosk in the state `model` reached, for a check that finds nothing new: the trusted
    root and metadata, and the kept version's manifest (the only file of the catalog such a
    check reads). Copying all 3,000 files for each of hundreds of kiosks would time the copy."""
    import shutil

    kept, to = model / "catalog", data / "catalog"
    version = os.readlink(kept / "current")
    (to / version).mkdir(parents=True)
    shutil.copy(kept / version / "manifest.json", to / version / "manifest.json")
    shutil.copytree(kept / "tuf", to / "tuf", symlinks=True)
    shutil.copy(kept / "provisioned-root.json", to / "provisioned-root.json")
    os.symlink(version, to / "current")


FIGURES = {"catalog_update_s": catalog_update_s,
           "catalog_fleet_kb_per_kiosk": catalog_fleet_kb_per_kiosk}

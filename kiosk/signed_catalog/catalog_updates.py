"""A running kiosk's catalog over its life: the last good catalog at start, then a check of the
province's repository every `catalog.check_every_s` (a tenth of it at random either way, so a
fleet started together does not ask at the same second), and whoever must know of a new one
(the visit runner, the screens, the metrics) told of it.

A check runs in a worker thread (python-tuf is synchronous) and ends in one of the outcomes of
kiosk/signed_catalog/check_outcome.py; nothing in it can stop the kiosk: a refused or
unreachable repository leaves the catalog as it is, and a check that fails for any other reason
is logged (event 1107) and tried again at the next turn. Every few seconds the kiosk also looks
whether `kiosk catalog update`, run by staff over SSH, has kept a newer catalog meanwhile.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.config import KioskSettings
from kiosk.events import EventId
from kiosk.logging import get_logger, where_raised
from kiosk.signed_catalog.check_outcome import CatalogStatus, CheckOutcome
from kiosk.signed_catalog.kept_catalogs import KeptCatalogs, LoadedCatalog

if TYPE_CHECKING:  # python-tuf and the catalog's loader load with the first check, not at start
    from kiosk.flows.catalog import Catalog
    from kiosk.signed_catalog.catalog_check import Checked

log = get_logger(__name__)
DISK_LOOK_S = 5.0  # how often the kiosk looks for a catalog kept by `kiosk catalog update`

NewCatalog = Callable[["Catalog", int], None]


@dataclass(frozen=True)
class _Where:
    repository: str
    root: Path | None
    deadline_s: float
    socket_timeout_s: float
    simulated: bool


class CatalogUpdates:
    def __init__(self, config: KioskSettings, *, repository: str | None = None) -> None:
        c = config.catalog
        self.kept = KeptCatalogs(config.data_dir)
        self.repository = repository or c.repository
        self.every_s = c.check_every_s
        self.where = _Where(self.repository, c.root, c.check_timeout_s, c.socket_timeout_s,
                            config.simulate) if self.repository else None
        self.serving: int | None = None  # the version visits start on (None: not loaded yet)
        self.catalog: Catalog | None = None  # that version, loaded
        self.listeners: list[NewCatalog] = []  # told of each new catalog (on the core loop)
        self.outcome_listeners: list[Callable[[CheckOutcome], None]] = []
        self._task: asyncio.Task[None] | None = None
        self._checking = asyncio.Lock()

    # --- at start --------------------------------------------------------------------------
    def load_at_start(self) -> LoadedCatalog:
        """The last good catalog (or the shipped one): what the kiosk serves until a newer
        one comes. Slow for a province's catalog: call it off the event loop."""
        loaded = self.kept.load_last_good()
        self.catalog = loaded.catalog
        self.serving = loaded.version
        log.info("catalog in service", event_id=EventId.CATALOG_IN_SERVICE, version=loaded.version,
                 source="shipped" if loaded.version == 0 else "kept")
        return loaded

    def start(self) -> None:
        """The scheduled checks, on the running loop (nothing happens without a repository)."""
        if self.where is not None and self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._loop(),
                                                                 name="catalog-updates")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None

    # --- checks ----------------------------------------------------------------------------
    async def check_now(self) -> CheckOutcome | None:
        """One check now (the schedule's, or staff's); None without a repository."""
        if self.where is None:
            return None
        from kiosk.signed_catalog.catalog_check import CatalogCheck, CheckSettings

        w = self.where
        settings = CheckSettings(w.repository, configured_root=w.root, deadline_s=w.deadline_s,
                                 socket_timeout_s=w.socket_timeout_s, simulated=w.simulated)
        async with self._checking:
            checked = await asyncio.to_thread(CatalogCheck(self.kept, settings,
                                                           self.catalog).run)
            self._deliver(checked)
            for listener in self.outcome_listeners:
                listener(checked.outcome)
            return checked.outcome

    async def look_on_disk(self) -> None:
        """A catalog kept meanwhile by `kiosk catalog update` is taken up like one of ours."""
        if self.serving is None or self.kept.current_version() == self.serving:
            return
        async with self._checking:
            if self.kept.current_version() == self.serving:
                return
            loaded = await asyncio.to_thread(self.kept.load_last_good)
            if loaded.version != self.serving:
                self._tell(loaded.catalog, loaded.version)

    def _deliver(self, checked: Checked) -> None:
        if checked.catalog is not None and checked.outcome.after != self.serving:
            self._tell(checked.catalog, checked.outcome.after)

    def _tell(self, catalog: Catalog, version: int) -> None:
        log.info("catalog taken up for the next visit", event_id=EventId.CATALOG_SWAPPED,
                 before=self.serving, version=version)
        self.serving, self.catalog = version, catalog
        for listener in self.listeners:
            try:
                listener(catalog, version)
            except Exception as exc:  # one listener must not keep the catalog from the others
                log.error("a catalog listener failed", event_id=EventId.CATALOG_CHECK_FAILED,
                          error=type(exc).__name__, where=where_raised(exc))

    async def _loop(self) -> None:
        while self.serving is None:  # the first catalog is still loading
            await asyncio.sleep(0.2)
        due = 0.0
        loop = asyncio.get_running_loop()
        while True:
            try:
                if loop.time() >= due:
                    due = loop.time() + self.every_s * random.uniform(0.9, 1.1)  # noqa: S311
                    await self.check_now()
                else:
                    await self.look_on_disk()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # a check never ends the schedule, nor the kiosk
                log.error("catalog check failed", event_id=EventId.CATALOG_CHECK_FAILED,
                          error=type(exc).__name__, detail=str(exc)[:200],
                          where=where_raised(exc))
            await asyncio.sleep(max(0.05, min(DISK_LOOK_S, due - loop.time())))

    # --- what staff see --------------------------------------------------------------------
    def status(self) -> dict[str, Any]:
        """The catalog in service and the last checks (for the admin page and readiness)."""
        kept = CatalogStatus.load(self.kept.state_file).as_json()
        kept.pop("refused_manifest", None)
        return {"serving": self.serving, "repository": self.repository or "",
                "check_every_s": self.every_s, **kept}

"""The catalogs a kiosk keeps, in `<data_dir>/catalog/`:

    provisioned-root.json   the root metadata it trusts (kiosk/signed_catalog/trust.py)
    tuf/                    python-tuf's trusted metadata (root history, timestamp, ...)
    versions/N/             each catalog version that verified and loaded, with its manifest
                            and files.json (each file's verified length and SHA-256)
    current -> versions/N   the last good catalog: what the kiosk starts on after a restart
    previous -> versions/M  the one before, in case `current` no longer loads
    state.json              the last check: when, what came of it, why it was refused
    lock                    one check at a time (the kiosk's own, or `kiosk catalog update`)

A version folder is complete before it is named `versions/N` and never changes afterwards;
`current` is switched by renaming a new link over it, so a power cut leaves the old catalog
or the new one, never half of one. Only `current` and `previous` are kept.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.config import ensure_private_dir
from kiosk.domain.errors import KioskError
from kiosk.events import EventId
from kiosk.logging import get_logger
from kiosk.signed_catalog.manifest import KeptFiles, ManifestInvalid

if TYPE_CHECKING:  # the loader (CEL, pydantic) loads with the first catalog, not with this
    from kiosk.flows.catalog import Catalog

log = get_logger(__name__)
SHIPPED = 0  # the version number of the catalog shipped inside the kiosk package


class CatalogBusy(KioskError):
    """Another check holds the lock longer than this one may wait."""

    code = "catalog_busy"


@dataclass(frozen=True)
class LoadedCatalog:
    catalog: Catalog
    version: int  # 0: the shipped catalog
    directory: Path


class KeptCatalogs:
    def __init__(self, data_dir: Path) -> None:
        self.root = data_dir / "catalog"
        self.tuf = self.root / "tuf"
        self.versions = self.root / "versions"
        self.current = self.root / "current"
        self.previous = self.root / "previous"
        self.state_file = self.root / "state.json"
        self.provisioned_root = self.root / "provisioned-root.json"

    def prepare(self) -> None:
        ensure_private_dir(self.root.parent)
        for d in (self.root, self.tuf, self.versions):
            d.mkdir(mode=0o700, exist_ok=True)

    @contextlib.contextmanager
    def lock(self, wait_s: float) -> Iterator[None]:
        """One check at a time on this kiosk; CatalogBusy after `wait_s`."""
        self.prepare()
        fd = os.open(self.root / "lock", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            until = time.monotonic() + wait_s
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > until:
                        raise CatalogBusy("another catalog check is running") from None
                    time.sleep(0.05)
            yield
        finally:
            os.close(fd)

    # --- what is kept ------------------------------------------------------------------------
    def version_of(self, link: Path) -> int | None:
        """The version `current` or `previous` points at (None: none kept)."""
        try:
            target = os.readlink(link)
        except OSError:
            return None
        name = Path(target).name
        return int(name) if name.isdigit() else None

    def current_version(self) -> int:
        version = self.version_of(self.current)
        return SHIPPED if version is None else version

    def folder(self, version: int) -> Path:
        return self.versions / str(version)

    # --- adding a version ----------------------------------------------------------------
    def staging(self) -> Path:
        """An empty folder for a version being downloaded (removed if it is not kept)."""
        self.prepare()
        return Path(tempfile.mkdtemp(dir=self.versions, prefix=".staging-"))

    def keep(self, staging: Path, version: int) -> Path:
        """The staged folder, complete and validated (its new files already on disk: see
        `sync_files`), becomes version `version` and current; the one that was current becomes
        previous; older ones are removed."""
        _fsync_folder(staging)
        final = self.folder(version)
        if final.exists():  # a leftover of a cut run: the staged copy is the checked one
            shutil.rmtree(final)
        os.rename(staging, final)
        old = self.version_of(self.current)
        if old is not None and old != version:
            _switch_link(self.previous, f"versions/{old}")
        _switch_link(self.current, f"versions/{version}")
        _fsync_folder(self.root)
        self._prune()
        return final

    def _prune(self) -> None:
        keep = {self.version_of(self.current), self.version_of(self.previous)}
        for d in self.versions.iterdir():
            if (d.name.isdigit() and int(d.name) not in keep) or d.name.startswith(".staging-"):
                shutil.rmtree(d, ignore_errors=True)

    def discard(self, staging: Path) -> None:
        shutil.rmtree(staging, ignore_errors=True)

    # --- loading at start ------------------------------------------------------------------
    def load_last_good(self) -> LoadedCatalog:
        """The kept catalog the kiosk starts on: `current`, else `previous`, else the one
        shipped with the kiosk. A kept one is checked against files.json (every file whole)
        and loaded by the same loader as ever; one that fails is said (event 1105) and the
        next is tried."""
        from kiosk.flows.catalog import CATALOG_DIR, CatalogError, load_catalog

        for link in (self.current, self.previous):
            version = self.version_of(link)
            if version is None:
                continue
            folder = self.folder(version)
            try:
                damaged = KeptFiles.read(folder).check_folder(folder)
            except ManifestInvalid as exc:
                self._unusable(version, f"its list of verified files is not usable: {exc}")
                continue
            if damaged:
                self._unusable(version, f"files differ from what was verified: "
                                        f"{', '.join(damaged[:5])}")
                continue
            try:
                return LoadedCatalog(load_catalog(folder), version, folder)
            except CatalogError as exc:
                self._unusable(version, str(exc))
        return LoadedCatalog(load_catalog(CATALOG_DIR), SHIPPED, CATALOG_DIR)

    @staticmethod
    def _unusable(version: int, why: str) -> None:
        log.error("kept catalog not used", event_id=EventId.CATALOG_LAST_GOOD_UNUSABLE,
                  version=version, reason=why)


def _switch_link(link: Path, target: str) -> None:
    tmp = link.with_name(f".{link.name}.new")
    tmp.unlink(missing_ok=True)
    os.symlink(target, tmp)
    os.replace(tmp, link)


def sync_files(paths: list[Path]) -> None:
    """Files downloaded into a staged version, on disk before the version is kept: one by one
    when they are few (a weekly change), else the whole file system at once (a kiosk's first
    catalog: thousands of files, where one fsync each would take minutes on slow storage)."""
    if len(paths) > 32 and _syncfs(paths[0].parent):
        return
    for path in paths:
        with path.open("rb") as fh:
            os.fsync(fh.fileno())


def _syncfs(folder: Path) -> bool:
    """syncfs(2) on the file system holding `folder` (Linux); False where it is missing."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    if name is None:
        return False
    libc = ctypes.CDLL(name, use_errno=True)
    if not hasattr(libc, "syncfs"):
        return False
    fd = os.open(folder, os.O_RDONLY)
    try:
        return int(libc.syncfs(fd)) == 0
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    """The folder's entries (names), on disk."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

"""One catalog check on a kiosk (the scheduled one and `kiosk catalog update` alike):

1. python-tuf's ngclient, from the root the kiosk trusts (kiosk/signed_catalog/trust.py),
   walks root → timestamp → snapshot → targets: every signature, threshold, version, expiry,
   length and hash is checked there, and metadata that has not changed is not downloaded.
2. The manifest (the catalog's version and files) is looked up and fetched like any target.
   Not newer than the kept catalog: nothing to do.
3. Each file of the new version: one the kept catalog already has (same length and hash) is
   linked, not downloaded; the others are downloaded and checked against their signed hash.
4. The whole folder is loaded by the kiosk's own loader (`load_catalog`; the items whose
   files did not change are taken from the catalog in service as they were loaded). Only a
   catalog that loads is kept, and it becomes the kiosk's catalog for the next visit.

Anything that fails refuses the whole version: the kiosk keeps what it has and says why.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from tuf.api.metadata import TargetFile
from tuf.ngclient import Updater, UpdaterConfig

from kiosk import __version__
from kiosk.events import EventId
from kiosk.flows.catalog import Catalog, load_catalog
from kiosk.logging import get_logger
from kiosk.signed_catalog.bounded_fetcher import BoundedFetcher
from kiosk.signed_catalog.check_outcome import CatalogStatus, CheckOutcome
from kiosk.signed_catalog.kept_catalogs import KeptCatalogs, sync_files
from kiosk.signed_catalog.manifest import (
    CatalogFile,
    CatalogManifest,
    KeptFiles,
    ManifestInvalid,
)
from kiosk.signed_catalog.policy import MANIFEST
from kiosk.signed_catalog.refusals import refusal_of
from kiosk.signed_catalog.trust import MAX_ROOT_BYTES, trusted_root

log = get_logger(__name__)


@dataclass(frozen=True)
class CheckSettings:
    repository: str  # base URL: metadata/ and targets/ under it
    configured_root: Path | None = None
    given_root: Path | None = None  # `--root FILE`: trusted on first use
    deadline_s: float = 120.0
    socket_timeout_s: float = 15.0
    # a simulated kiosk with no root provisioned trusts the repository's 1.root.json on first
    # use (kiosk/signed_catalog/trust.py); never a kiosk in service
    simulated: bool = False


@dataclass(frozen=True)
class Checked:
    outcome: CheckOutcome
    catalog: Catalog | None = None  # the new catalog, loaded, when one was applied


class CatalogCheck:
    def __init__(self, kept: KeptCatalogs, settings: CheckSettings,
                 serving: Catalog | None = None) -> None:
        self.kept = kept
        self.settings = settings
        # the catalog the kiosk serves: a new version's unchanged items are taken from it
        # as they were loaded (load_catalog's `reuse`), the others loaded afresh
        self.serving = serving
        self._offered = ""  # the manifest offered in the check under way

    def run(self) -> Checked:
        """One check under the kiosk's catalog lock; its outcome is kept in state.json and
        logged. Errors of trust (no root to trust, a conflicting --root) are raised."""
        with self.kept.lock(self.settings.deadline_s):
            status = CatalogStatus.load(self.kept.state_file)
            before = self.kept.current_version()
            fetcher = BoundedFetcher(deadline_s=self.settings.deadline_s,
                                     socket_timeout_s=self.settings.socket_timeout_s)
            base = self.settings.repository.rstrip("/")
            first_root = (lambda: fetcher.download_bytes(f"{base}/metadata/1.root.json",
                                                         MAX_ROOT_BYTES)) \
                if self.settings.simulated else None
            root = trusted_root(self.kept, self.settings.configured_root,
                                self.settings.given_root, first_root)
            now = datetime.now(UTC)
            self._offered = ""
            try:
                checked = self._check(root, fetcher, before, status, now)
            except Exception as exc:
                refusal = refusal_of(exc)
                if refusal is None:
                    raise
                # a version refused for what it holds is refused again without a download;
                # one refused for how it came (a file tampered on a mirror) is tried again
                lasting = refusal.code in ("invalid_catalog", "invalid_manifest")
                checked = Checked(CheckOutcome(
                    "unreachable" if refusal.unreachable else "refused", before, before, now,
                    refusal.code, refusal.words,
                    refused_manifest=self._offered if lasting else ""))
            checked.outcome.downloaded_bytes = fetcher.bytes_received
            checked.outcome.requests = fetcher.requests
            status.record(checked.outcome)
            status.save(self.kept.state_file)
        _log(checked.outcome)
        return checked

    def _check(self, root: bytes, fetcher: BoundedFetcher, before: int,
               status: CatalogStatus, now: datetime) -> Checked:
        base = self.settings.repository.rstrip("/")
        updater = Updater(str(self.kept.tuf), f"{base}/metadata/", None, f"{base}/targets/",
                          fetcher=fetcher, config=UpdaterConfig(app_user_agent="yiban-kiosk"),
                          bootstrap=root)
        updater.refresh()
        info = updater.get_targetinfo(MANIFEST)
        if info is None:
            raise ManifestInvalid(f"the repository's targets list no {MANIFEST}")
        # what is offered, as this kiosk's software judges it (a newer kiosk may load it)
        digest = f"{info.hashes.get('sha256', '')}:{__version__}"
        kept_manifest = self.kept.folder(before) / MANIFEST
        if before and updater.find_cached_target(info, str(kept_manifest)):
            return Checked(CheckOutcome("current", before, before, now))
        refused = status.last_refusal
        if refused is not None and refused.refused_manifest and \
                refused.refused_manifest == digest:  # the same refused version, offered again
            return Checked(CheckOutcome("refused", before, before, now, refused.reason_code,
                                        refused.reason, refused_manifest=digest))
        self._offered = digest
        staging = self.kept.staging()
        try:
            return self._download(updater, info, staging, before, now)
        finally:
            self.kept.discard(staging)  # gone once kept (renamed) or refused

    def _download(self, updater: Updater, info: TargetFile, staging: Path, before: int,
                  now: datetime) -> Checked:
        path = Path(updater.download_target(info, str(staging / MANIFEST)))
        manifest = CatalogManifest.from_bytes(path.read_bytes(), MANIFEST)
        if manifest.version <= before:
            raise ManifestInvalid(f"catalog version {manifest.version} is not newer than the "
                                  f"kept version {before}")
        old = self.kept.folder(before) if before else None
        downloaded = [path]
        verified = [CatalogFile(MANIFEST, info.length, info.hashes["sha256"])]
        for name in manifest.files:
            target = updater.get_targetinfo(name)
            if target is None:
                raise ManifestInvalid(f"{name}: in the manifest, not among the targets")
            verified.append(CatalogFile(name, target.length, target.hashes["sha256"]))
            dest = staging / name
            if old is not None and updater.find_cached_target(target, str(old / name)):
                _link_or_copy(old / name, dest)
                continue
            updater.download_target(target, str(dest))
            downloaded.append(dest)
        downloaded.append(KeptFiles(tuple(verified)).write(staging))
        sync_files(downloaded)
        # the kiosk's own loader: a catalog that fails is refused
        catalog = load_catalog(staging, reuse=self.serving)
        self.kept.keep(staging, manifest.version)
        outcome = CheckOutcome("applied", before, manifest.version, now,
                               files_downloaded=len(downloaded) - 2)
        outcome.extra["published"] = manifest.published
        return Checked(outcome, catalog)


def _link_or_copy(src: Path, dest: Path) -> None:
    """A file the kept catalog already has: linked (kept versions never change), or copied."""
    try:
        os.link(src, dest)
    except OSError:
        shutil.copyfile(src, dest)


def _log(outcome: CheckOutcome) -> None:
    fields = {"before": outcome.before, "after": outcome.after,
              "downloaded_bytes": outcome.downloaded_bytes, "requests": outcome.requests}
    if outcome.result == "applied":
        log.info("catalog update applied", event_id=EventId.CATALOG_UPDATE_APPLIED,
                 files_downloaded=outcome.files_downloaded, **fields)
    elif outcome.result == "current":
        log.info("catalog current", event_id=EventId.CATALOG_CURRENT, **fields)
    elif outcome.result == "refused":
        log.warning("catalog update refused", event_id=EventId.CATALOG_UPDATE_REFUSED,
                    reason_code=outcome.reason_code, reason=outcome.reason, **fields)
    else:
        log.warning("catalog repository unreachable",
                    event_id=EventId.CATALOG_REPOSITORY_UNREACHABLE, reason=outcome.reason,
                    **fields)


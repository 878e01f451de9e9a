"""The province's catalog repository as plain files, the layout TUF clients expect with
consistent snapshots — any static web server or CDN serves it as it is:

    DIR/metadata/1.root.json, 2.root.json, …   every root version (a kiosk walks them in order)
    DIR/metadata/N.targets.json                  the catalog's files, their lengths and hashes
    DIR/metadata/N.snapshot.json                 the targets metadata's version, length, hash
    DIR/metadata/timestamp.json                  the current snapshot (the one file replaced)
    DIR/targets/<sha256>.<name>                  each file of each catalog version

Files named by version or hash are written once and never change, so a kiosk fetching while
a new version is published never mixes the two; timestamp.json is replaced last, atomically.

Reading the repository back (to publish the next version on it) verifies it first with the
Metadata API: the root chain from version 1, each role's signatures against the root, and the
timestamp → snapshot → targets links. A repository someone changed on the server is refused,
never signed over.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tuf.api.exceptions import RepositoryError
from tuf.api.metadata import Metadata, MetaFile, Root, Snapshot, Targets, Timestamp
from tuf.api.serialization import DeserializationError

from kiosk.domain.errors import KioskError


class RepositoryDamaged(KioskError):
    """The repository folder holds metadata that does not verify."""

    code = "catalog_repository_damaged"


@dataclass
class RepositoryState:
    """The repository's newest root and its current timestamp, snapshot and targets, with the
    bytes each was read from (hashes in the metadata are over those exact bytes)."""

    root: Metadata[Root] | None = None
    timestamp: Metadata[Timestamp] | None = None
    snapshot: Metadata[Snapshot] | None = None
    snapshot_bytes: bytes = b""
    targets: Metadata[Targets] | None = None
    targets_bytes: bytes = b""


class RepositoryFiles:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.metadata = directory / "metadata"
        self.targets = directory / "targets"

    def root_versions(self) -> list[int]:
        found = []
        for p in self.metadata.glob("*.root.json"):
            head = p.name.split(".", 1)[0]
            if head.isdigit():
                found.append(int(head))
        return sorted(found)

    def target_path(self, name: str, sha256: str) -> Path:
        return self.targets / f"{sha256}.{name}"

    # --- reading, verified ---------------------------------------------------------------
    def read(self) -> RepositoryState:
        try:
            return self._read()
        except (RepositoryError, DeserializationError, ValueError, KeyError, OSError) as exc:
            raise RepositoryDamaged(f"{self.directory}: the repository does not verify: "
                                    f"{type(exc).__name__}: {exc}") from None

    def _read(self) -> RepositoryState:
        state = RepositoryState()
        versions = self.root_versions()
        if not versions:
            if (self.metadata / "timestamp.json").exists():
                raise ValueError("metadata/timestamp.json but no 1.root.json")
            return state
        if versions != list(range(1, len(versions) + 1)):
            raise ValueError(f"root versions are not 1…N without gaps: {versions}")
        trusted: Metadata[Root] = Metadata.from_bytes(
            (self.metadata / "1.root.json").read_bytes())
        trusted.verify_delegate(Root.type, trusted)
        for v in versions[1:]:
            new: Metadata[Root] = Metadata.from_bytes(
                (self.metadata / f"{v}.root.json").read_bytes())
            trusted.verify_delegate(Root.type, new)  # the old keys agree ...
            new.verify_delegate(Root.type, new)  # ... and the new ones
            if new.signed.version != v:
                raise ValueError(f"{v}.root.json holds version {new.signed.version}")
            trusted = new
        state.root = trusted
        stamp_file = self.metadata / "timestamp.json"
        if not stamp_file.exists():
            return state
        stamp: Metadata[Timestamp] = Metadata.from_bytes(stamp_file.read_bytes())
        trusted.verify_delegate(Timestamp.type, stamp)
        snap_meta = stamp.signed.snapshot_meta
        snap_bytes = (self.metadata / f"{snap_meta.version}.snapshot.json").read_bytes()
        snap_meta.verify_length_and_hashes(snap_bytes)
        snap: Metadata[Snapshot] = Metadata.from_bytes(snap_bytes)
        trusted.verify_delegate(Snapshot.type, snap)
        targets_meta = snap.signed.meta["targets.json"]
        targets_bytes = (self.metadata / f"{targets_meta.version}.targets.json").read_bytes()
        targets_meta.verify_length_and_hashes(targets_bytes)
        targets: Metadata[Targets] = Metadata.from_bytes(targets_bytes)
        trusted.verify_delegate(Targets.type, targets)
        state.timestamp, state.snapshot, state.snapshot_bytes = stamp, snap, snap_bytes
        state.targets, state.targets_bytes = targets, targets_bytes
        return state

    # --- writing ----------------------------------------------------------------------------
    def write_target(self, name: str, sha256: str, data: bytes) -> bool:
        """One catalog file under its hash-prefixed name; False when it was there already."""
        path = self.target_path(name, sha256)
        if path.exists():
            return False
        _write_whole(path, data)
        return True

    def write_metadata(self, file_name: str, data: bytes) -> None:
        _write_whole(self.metadata / file_name, data)


def meta_file(version: int, data: bytes) -> MetaFile:
    """What a snapshot or timestamp says of the metadata file `data`: its version, length and
    hash (so a kiosk downloads no more than that many bytes, and exactly those)."""
    return MetaFile(version=version, length=len(data),
                    hashes={"sha256": _sha256(data)})


def _sha256(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def _write_whole(path: Path, data: bytes) -> None:
    """Written to a temporary file beside it, flushed to disk, then renamed into place: a
    reader sees the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)  # served to everyone: the catalog is public
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

"""`kiosk catalog publish SRC --repo DIR --keys KEYDIR`: the province signs a catalog for every
kiosk.

1. SRC is loaded with the kiosk's own loader (`load_catalog`): what a kiosk would refuse is
   refused here, with the file, the line and the field. The Pinyin of every title and keyword
   is worked out here and published as `pinyin.json` (kiosk/flows/pinyin_map.py).
2. The repository in DIR is read back and verified (kiosk/signed_catalog/repository_files.py);
   on first use, KEYDIR's keys are made and the first root is written (`metadata/1.root.json`,
   what kiosks are provisioned with).
3. When the catalog's files differ from the published ones: a new targets version lists each
   file and a new manifest (the catalog's version); snapshot follows. A timestamp is signed at
   every run, so running publish from cron with the same SRC keeps kiosks from seeing the
   repository as frozen. Root and targets are signed again before they expire when their keys
   are present (a warning says so when they are not).
4. `rotate` (`--rotate targets-2`): that key is replaced by a new one — a new root version
   names the new key instead of the old (signed by the old root's threshold and the new
   one's), the role is signed again with the new key in the same run, and the old key file is
   moved to KEYDIR/retired/. Kiosks follow the root chain by themselves.

Times here are UTC: TUF's expiry is UTC by definition.
"""

from __future__ import annotations

import copy
import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from securesystemslib.signer import CryptoSigner
from tuf.api.metadata import (
    Metadata,
    Root,
    Signed,
    Snapshot,
    TargetFile,
    Targets,
    Timestamp,
)
from tuf.api.serialization.json import JSONSerializer

from kiosk.domain.errors import KioskError
from kiosk.events import EventId
from kiosk.flows.catalog import CatalogError, catalog_files, load_catalog
from kiosk.flows.pinyin_map import (
    PINYIN_FILE,
    encode,
    needs_pinyin,
    read_pinyin_map,
    transliterate,
)
from kiosk.logging import get_logger
from kiosk.signed_catalog.manifest import CatalogManifest, ManifestInvalid
from kiosk.signed_catalog.policy import MANIFEST, POLICY, ROLES
from kiosk.signed_catalog.publisher_keys import KeysRefused, PublisherKeys
from kiosk.signed_catalog.repository_files import (
    RepositoryDamaged,
    RepositoryFiles,
    RepositoryState,
    meta_file,
)

log = get_logger(__name__)


class PublishRefused(KioskError):
    """Nothing was published; `detail` says why in one line."""

    code = "catalog_publish_refused"


@dataclass
class Published:
    version: int  # the catalog version the repository now serves
    changed: bool  # a new catalog version (False: only signatures renewed)
    files: int
    root_version: int
    signed: list[str] = field(default_factory=list)  # roles signed in this run
    keys_created: list[str] = field(default_factory=list)
    rotated: list[str] = field(default_factory=list)  # key files replaced by new keys
    expires: dict[str, datetime] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def publish(src: Path, repo: Path, keys_dir: Path, *, rotate: tuple[str, ...] = (),
            now: datetime | None = None) -> Published:
    """Publish the catalog in `src` into the repository `repo`, signed with `keys_dir`'s keys,
    replacing the keys named in `rotate` (e.g. "targets-2"). PublishRefused (nothing written)
    when the catalog, the keys or the repository will not do.
    """
    try:
        return _Publication(src, repo, keys_dir, now or datetime.now(UTC), rotate).run()
    except PublishRefused as exc:
        log.warning("catalog not published", event_id=EventId.CATALOG_PUBLISH_REFUSED,
                    reason=exc.detail)
        raise


class _Publication:
    def __init__(self, src: Path, repo: Path, keys_dir: Path, now: datetime,
                 rotate: tuple[str, ...] = ()) -> None:
        self.src = src
        self.rotate = rotate
        self.fresh: dict[str, CryptoSigner] = {}  # key file name → its new key (rotation)
        self.retired: dict[str, CryptoSigner] = {}  # key file name → the key it replaces
        self.forced: set[str] = set()  # roles signed again whatever else changed
        self.files = RepositoryFiles(repo)
        self.keys_dir = keys_dir
        self.now = now.replace(microsecond=0)
        self.serializer = JSONSerializer(compact=True)  # 3,000 targets: a third less to fetch
        self.writes: list[tuple[str, bytes]] = []  # metadata, in the order they are written
        self.root = Root()  # the root the run signs under (set before anything is signed)
        self.texts: list[str] = []  # every title and keyword of the catalog

    def run(self) -> Published:
        contents = self._catalog()
        try:
            keys = PublisherKeys.open(self.keys_dir)
            state = self.files.read()
        except (KeysRefused, RepositoryDamaged) as exc:
            raise PublishRefused(exc.detail) from None
        # the Pinyin of every title and keyword, worked out here so kiosks need no dictionary
        contents[PINYIN_FILE] = self._pinyin(state)
        out = Published(version=0, changed=False, files=len(contents), root_version=0)
        if state.root is None:
            if self.rotate:
                raise PublishRefused("nothing to rotate: the repository has no root yet")
            if keys.is_empty():
                out.keys_created = keys.create_all()
            root = self._first_root(keys)
            out.signed.append("root")
        elif self.rotate:
            root = self._rotated_root(state.root, keys, out)
        else:
            root = self._renewed_root(state.root, keys, out)
        out.root_version = root.signed.version
        self.root = root.signed
        signers = {role: self._trusted_signers(keys, root.signed, role) for role in ROLES}
        targets_md, targets_bytes, manifest = self._targets(state, contents, signers, out)
        snapshot_md, snapshot_bytes = self._snapshot(state, targets_md, targets_bytes,
                                                     signers, out)
        timestamp = Timestamp(
            version=(state.timestamp.signed.version + 1) if state.timestamp else 1,
            expires=self.now + POLICY["timestamp"].valid_for,
            snapshot_meta=meta_file(snapshot_md.signed.version, snapshot_bytes))
        timestamp_md = Metadata(timestamp)
        self._sign(timestamp_md, signers["timestamp"], "timestamp")
        out.signed.append("timestamp")
        self._write(keys, contents, timestamp_md.to_bytes(self.serializer))
        out.version = manifest.version
        out.expires = {"root": root.signed.expires, "targets": targets_md.signed.expires,
                       "snapshot": snapshot_md.signed.expires, "timestamp": timestamp.expires}
        log.info("catalog published", event_id=EventId.CATALOG_PUBLISHED,
                 version=out.version, changed=out.changed, files=out.files,
                 signed=",".join(out.signed), root_version=out.root_version)
        for warning in out.warnings:
            log.warning("catalog publishing", event_id=EventId.CATALOG_PUBLISH_WARNING,
                        warning=warning)
        return out

    # --- the catalog ----------------------------------------------------------------------
    def _catalog(self) -> dict[str, bytes]:
        if not self.src.is_dir():
            raise PublishRefused(f"{self.src}: not a folder")
        try:
            catalog = load_catalog(self.src)  # the kiosk's loader: refused what kiosks refuse
        except CatalogError as exc:
            raise PublishRefused(str(exc), code="catalog_invalid") from None
        contents = {p.name: p.read_bytes() for p in catalog_files(self.src)}
        if MANIFEST in contents:
            raise PublishRefused(f"{self.src / MANIFEST}: the name is the manifest's")
        self.texts = catalog.searchable_texts()
        return contents

    def _pinyin(self, state: RepositoryState) -> bytes:
        """pinyin.json for this catalog: what the last published one says of a text, and the
        rest worked out now (a weekly change adds a few titles, not three thousand)."""
        known: dict[str, str] = {}
        info = state.targets.signed.targets.get(PINYIN_FILE) if state.targets else None
        if info is not None:
            path = self.files.target_path(PINYIN_FILE, info.hashes["sha256"])
            try:
                data = path.read_bytes()
                info.verify_length_and_hashes(data)
                known = {t: " ".join(p) for t, p in read_pinyin_map(path).items()}
            except (OSError, ValueError):
                known = {}  # worked out afresh
        missing = [t for t in self.texts if t not in known and needs_pinyin(t)]
        if missing:
            known.update(transliterate(missing))
        return encode({t: known[t] for t in self.texts if t in known})

    # --- root ----------------------------------------------------------------------------
    def _first_root(self, keys: PublisherKeys) -> Metadata[Root]:
        root = Root(expires=self.now + POLICY["root"].valid_for, consistent_snapshot=True)
        for role in ROLES:
            present = keys.signers(role)
            if len(present) < POLICY[role].threshold:
                raise PublishRefused(
                    f"{self.keys_dir}: a new repository needs at least {POLICY[role].threshold} "
                    f"{role} key(s) ({role}-1.pem …), found {len(present)}")
            for signer in present:
                root.add_key(signer.public_key, role)
            root.roles[role].threshold = POLICY[role].threshold
        md = Metadata(root)
        self.root = root
        self._sign(md, keys.signers("root"), "root")
        self.writes.append(("1.root.json", md.to_bytes(self.serializer)))
        return md

    def _renewed_root(self, current: Metadata[Root], keys: PublisherKeys,
                      out: Published) -> Metadata[Root]:
        """The repository's root, signed again as a new version when it expires soon."""
        if not self._expiring(current.signed, "root"):
            return current
        signers = self._trusted_signers(keys, current.signed, "root")
        if len(signers) < current.signed.roles["root"].threshold:
            out.warnings.append(f"root expires {current.signed.expires:%Y-%m-%d}: publish "
                                "with the root keys present to renew it")
            return current
        root = current.signed
        root.version += 1
        root.expires = self.now + POLICY["root"].valid_for
        md = Metadata(root)
        self.root = root  # signed by the keys it names itself: the same ones as before
        self._sign(md, signers, "root")
        self.writes.append((f"{root.version}.root.json", md.to_bytes(self.serializer)))
        out.signed.append("root")
        return md

    def _rotated_root(self, current: Metadata[Root], keys: PublisherKeys,
                      out: Published) -> Metadata[Root]:
        """A new root version in which each key named in `rotate` is replaced by a new one,
        signed by the old root's threshold of keys and the new root's."""
        old = current.signed
        root = Root.from_dict(copy.deepcopy(old.to_dict()))
        root.version = old.version + 1
        root.expires = self.now + POLICY["root"].valid_for
        for name in self.rotate:
            role, _, n = name.partition("-")
            if role not in ROLES or not n.isdigit():
                raise PublishRefused(f"--rotate {name}: name a key file as ROLE-N "
                                     f"(e.g. targets-2)")
            present = keys.signer_of(name)
            if present is None:
                raise PublishRefused(f"--rotate {name}: no {name}.pem in {self.keys_dir}")
            if present.public_key.keyid not in old.roles[role].keyids:
                raise PublishRefused(f"--rotate {name}: not a key the root trusts for {role}")
            fresh = CryptoSigner(Ed25519PrivateKey.generate())
            root.revoke_key(present.public_key.keyid, role)
            root.add_key(fresh.public_key, role)
            self.retired[name], self.fresh[name] = present, fresh
            self.forced.add(role)
        md = Metadata(root)
        signers = [s for s in keys.signers("root") if s.public_key.keyid in old.roles["root"]
                   .keyids or s.public_key.keyid in root.roles["root"].keyids]
        signers += [s for name, s in self.fresh.items() if name.startswith("root-")]
        for signer in signers:
            md.sign(signer, append=True)
        for who, by in (("the old root's", old), ("the new root's", root)):
            if not by.get_verification_result(Root.type, md.signed_bytes, md.signatures):
                raise PublishRefused(f"{self.keys_dir}: the new root needs {who} threshold of "
                                     f"root keys ({by.roles['root'].threshold}); too few are "
                                     "here")
        self.writes.append((f"{root.version}.root.json", md.to_bytes(self.serializer)))
        out.signed.append("root")
        out.rotated = list(self.rotate)
        return md

    # --- targets and snapshot ------------------------------------------------------------
    def _targets(self, state: RepositoryState, contents: dict[str, bytes],
                 signers: dict[str, list[CryptoSigner]], out: Published,
                 ) -> tuple[Metadata[Targets], bytes, CatalogManifest]:
        files = {name: TargetFile.from_data(name, data, ["sha256"])
                 for name, data in contents.items()}
        old = state.targets
        published = {p: t for p, t in old.signed.targets.items() if p != MANIFEST} \
            if old is not None else {}
        if old is not None and published == files:
            manifest = self._published_manifest(old.signed)
            if not self._expiring(old.signed, "targets") and "targets" not in self.forced:
                return old, state.targets_bytes, manifest
            if len(signers["targets"]) < self.root.roles["targets"].threshold:
                out.warnings.append(f"targets expires {old.signed.expires:%Y-%m-%d}: publish "
                                    "with the targets keys present to renew it")
                return old, state.targets_bytes, manifest
            targets = old.signed
            targets.version += 1  # the same files, signed again
        else:
            version = (old.signed.version + 1) if old is not None else 1
            manifest = CatalogManifest(version, self.now, tuple(sorted(contents)))
            mbytes = manifest.to_bytes()
            contents[MANIFEST] = mbytes
            targets = Targets(version=version, targets={
                **files, MANIFEST: TargetFile.from_data(MANIFEST, mbytes, ["sha256"])})
            out.changed = True
        targets.expires = self.now + POLICY["targets"].valid_for
        md = Metadata(targets)
        self._sign(md, signers["targets"], "targets")
        data = md.to_bytes(self.serializer)
        self.writes.append((f"{targets.version}.targets.json", data))
        out.signed.append("targets")
        return md, data, manifest

    def _published_manifest(self, targets: Targets) -> CatalogManifest:
        info = targets.targets.get(MANIFEST)
        if info is None:
            raise PublishRefused(f"{self.files.directory}: the published targets list no "
                                 f"{MANIFEST}")
        path = self.files.target_path(MANIFEST, info.hashes["sha256"])
        try:
            data = path.read_bytes()
            info.verify_length_and_hashes(data)
            return CatalogManifest.from_bytes(data, str(path))
        except (OSError, ManifestInvalid, ValueError) as exc:
            raise PublishRefused(f"{path}: the published manifest is missing or damaged "
                                 f"({exc})") from None

    def _snapshot(self, state: RepositoryState, targets: Metadata[Targets], targets_bytes: bytes,
                  signers: dict[str, list[CryptoSigner]], out: Published,
                  ) -> tuple[Metadata[Snapshot], bytes]:
        old = state.snapshot
        if old is not None and targets is state.targets and "snapshot" not in self.forced \
                and not self._expiring(old.signed, "snapshot"):
            return old, state.snapshot_bytes
        snapshot = Snapshot(version=(old.signed.version + 1) if old is not None else 1,
                            expires=self.now + POLICY["snapshot"].valid_for,
                            meta={"targets.json": meta_file(targets.signed.version,
                                                            targets_bytes)})
        md = Metadata(snapshot)
        self._sign(md, signers["snapshot"], "snapshot")
        data = md.to_bytes(self.serializer)
        self.writes.append((f"{snapshot.version}.snapshot.json", data))
        out.signed.append("snapshot")
        return md, data

    # --- signing and writing ---------------------------------------------------------------
    def _expiring(self, signed: Signed, role: str) -> bool:
        return signed.expires - self.now < POLICY[role].renew_within

    def _trusted_signers(self, keys: PublisherKeys, root: Root, role: str
                         ) -> list[CryptoSigner]:
        """KEYDIR's keys for `role` that the root trusts for it (a retired key signs nothing),
        and the new keys of this run's rotation."""
        present = [] if keys.is_empty() else keys.signers(role)
        present += [s for name, s in self.fresh.items() if name.startswith(f"{role}-")]
        return [s for s in present if s.public_key.keyid in root.roles[role].keyids]

    def _sign(self, md: Metadata[Any], signers: list[CryptoSigner], role: str) -> None:
        need = self.root.roles[role].threshold
        if len(signers) < need:
            raise PublishRefused(
                f"{self.keys_dir}: {role} must be signed by {need} of its keys and "
                f"{len(signers)} are here ({role}-N.pem files the root trusts)")
        for signer in signers:
            md.sign(signer, append=True)

    def _write(self, keys: PublisherKeys, contents: dict[str, bytes], timestamp: bytes) -> None:
        """Rotated keys first (the old files kept in KEYDIR/retired/), then the targets, then
        root, targets, snapshot metadata; timestamp.json last."""
        for name, fresh in self.fresh.items():
            keys.replace(name, fresh, self.retired[name])
        for name, data in contents.items():
            self.files.write_target(name, hashlib.sha256(data).hexdigest(), data)
        for name, data in sorted(self.writes, key=lambda w: _WRITE_ORDER[w[0].split(".")[1]]):
            self.files.write_metadata(name, data)
        self.files.write_metadata("timestamp.json", timestamp)


_WRITE_ORDER = {"root": 0, "targets": 1, "snapshot": 2}

"""Catalog repositories for the tests: published by the kiosk's own publisher, then changed the
way a compromised server, a hostile mirror or a stolen key would change them — with python-tuf's
own Metadata API, never by hand-written signatures."""

from __future__ import annotations

import contextlib
import hashlib
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.serialization import load_pem_private_key
from securesystemslib.signer import CryptoSigner
from tuf.api.metadata import Metadata, MetaFile, Snapshot, TargetFile, Targets, Timestamp
from tuf.api.serialization.json import JSONSerializer

from kiosk.bench.static_server import StaticServer, static_server
from kiosk.flows.catalog import CATALOG_DIR
from kiosk.signed_catalog.catalog_check import CatalogCheck, Checked, CheckSettings
from kiosk.signed_catalog.kept_catalogs import KeptCatalogs
from kiosk.signed_catalog.manifest import CatalogManifest
from kiosk.signed_catalog.publisher import publish

SERIALIZER = JSONSerializer(compact=False)
RULE_V1 = "申请人须年满18周岁"
RULE_V2 = "申请人须年满十八周岁（以证件出生日期计算）"


def catalog_copy(into: Path, adult_message: str | None = None) -> Path:
    """The shipped catalog copied into `into`; with `adult_message`, the criminal-record
    item's age rule says that instead of RULE_V1 (a changed rule, as a province changes it)."""
    shutil.copytree(CATALOG_DIR, into)
    if adult_message is not None:
        item = into / "criminal-record-certificate.yaml"
        item.write_text(item.read_text(encoding="utf-8").replace(RULE_V1, adult_message),
                        encoding="utf-8")
    return into


def copy_tree(src: Path, dest: Path) -> Path:
    shutil.copytree(src, dest, symlinks=True)
    return dest


class RepoEditor:
    """Changes a published repository with python-tuf's Metadata API, signing with whichever of
    the province's keys the attacker (or the test) holds."""

    def __init__(self, repo: Path, keys: Path) -> None:
        self.repo = repo
        self.keys = keys
        self.metadata = repo / "metadata"

    def signer(self, name: str) -> CryptoSigner:
        key = load_pem_private_key((self.keys / f"{name}.pem").read_bytes(), None)
        return CryptoSigner(key)  # type: ignore[arg-type]

    def timestamp(self) -> Metadata[Timestamp]:
        return Metadata.from_bytes((self.metadata / "timestamp.json").read_bytes())

    def snapshot(self) -> Metadata[Snapshot]:
        v = self.timestamp().signed.snapshot_meta.version
        return Metadata.from_bytes((self.metadata / f"{v}.snapshot.json").read_bytes())

    def targets(self) -> Metadata[Targets]:
        v = self.snapshot().signed.meta["targets.json"].version
        return Metadata.from_bytes((self.metadata / f"{v}.targets.json").read_bytes())

    def target_file(self, name: str) -> Path:
        info = self.targets().signed.targets[name]
        return self.repo / "targets" / f"{info.hashes['sha256']}.{name}"

    def _signed(self, md: Metadata, signers: list[str]) -> bytes:
        md.signatures.clear()
        for name in signers:
            md.sign(self.signer(name), append=True)
        return md.to_bytes(SERIALIZER)

    def sign_timestamp(self, *, expires: datetime | None = None, snapshot: bytes | None = None,
                       snapshot_version: int | None = None, signers: tuple[str, ...] = (
                           "timestamp-1",)) -> None:
        """A new timestamp (version + 1), over the current snapshot or `snapshot`."""
        md = self.timestamp()
        md.signed.version += 1
        md.signed.expires = expires or datetime.now(UTC) + timedelta(days=1)
        if snapshot is not None:
            assert snapshot_version is not None
            md.signed.snapshot_meta = MetaFile(snapshot_version, len(snapshot),
                                               {"sha256": hashlib.sha256(snapshot).hexdigest()})
        (self.metadata / "timestamp.json").write_bytes(self._signed(md, list(signers)))

    def publish_files(self, files: dict[str, bytes], *,
                      targets_signers: tuple[str, ...] = ("targets-1", "targets-2")) -> int:
        """A new catalog version holding `files` in place of the current ones of those names —
        what a publisher does, without the kiosk's loader looking at them: targets (signed by
        `targets_signers`), snapshot and timestamp. Returns the new catalog version."""
        old = self.targets()
        manifest_info = old.signed.targets["manifest.json"]
        manifest = CatalogManifest.from_bytes(
            (self.repo / "targets" / f"{manifest_info.hashes['sha256']}.manifest.json")
            .read_bytes())
        for name, data in files.items():
            (self.repo / "targets" / f"{hashlib.sha256(data).hexdigest()}.{name}") \
                .write_bytes(data)
        new_manifest = CatalogManifest(manifest.version + 1, datetime.now(UTC).replace(
            microsecond=0), tuple(sorted({*manifest.files, *files})))
        mbytes = new_manifest.to_bytes()
        (self.repo / "targets" / f"{hashlib.sha256(mbytes).hexdigest()}.manifest.json") \
            .write_bytes(mbytes)
        targets = old.signed
        targets.version += 1
        targets.expires = datetime.now(UTC) + timedelta(days=30)
        for name, data in files.items():
            targets.targets[name] = TargetFile.from_data(name, data, ["sha256"])
        targets.targets["manifest.json"] = TargetFile.from_data("manifest.json", mbytes,
                                                                ["sha256"])
        tbytes = self._signed(Metadata(targets), list(targets_signers))
        (self.metadata / f"{targets.version}.targets.json").write_bytes(tbytes)
        snap = self.snapshot()
        snap.signed.version += 1
        snap.signed.meta["targets.json"] = MetaFile(
            targets.version, len(tbytes), {"sha256": hashlib.sha256(tbytes).hexdigest()})
        sbytes = self._signed(snap, ["snapshot-1"])
        (self.metadata / f"{snap.signed.version}.snapshot.json").write_bytes(sbytes)
        self.sign_timestamp(snapshot=sbytes, snapshot_version=snap.signed.version)
        return new_manifest.version


@dataclass(frozen=True)
class Province:
    """A province's repository at two versions, served, and a kiosk that applied the first."""

    base: Path  # served: base/repo_v1, base/repo_v2 (and what tests add beside them)
    keys: Path
    server: StaticServer
    kiosk_v1: Path  # a kiosk's data folder that applied version 1

    def url(self, name: str) -> str:
        return f"{self.server.url}/{name}"

    def root(self) -> Path:
        return self.base / "repo_v1" / "metadata" / "1.root.json"

    def mirror(self, of: str, name: str) -> Path:
        """A copy of repository `of`, served as `name`, for a test to change."""
        return copy_tree(self.base / of, self.base / name)


@contextlib.contextmanager
def provinces(factory: pytest.TempPathFactory) -> Iterator[Province]:
    """Version 1 (the shipped catalog) and version 2 (the criminal-record item's age rule
    reworded) published by `kiosk catalog publish`'s code, a static server, and a kiosk at
    version 1. Built once per test module; each test copies what it changes."""
    base = factory.mktemp("province")
    work = base / "work"
    keys = base / "keys"
    publish(catalog_copy(base / "src_v1"), work, keys)
    copy_tree(work, base / "repo_v1")
    publish(catalog_copy(base / "src_v2", adult_message=RULE_V2), work, keys)
    copy_tree(work, base / "repo_v2")
    with static_server(base) as server:
        p = Province(base, keys, server, base / "kiosk_v1")
        outcome = check(p, p.kiosk_v1, "repo_v1").outcome
        assert (outcome.result, outcome.after) == ("applied", 1)
        yield p


def check(p: Province, data_dir: Path, repo: str, deadline_s: float = 20) -> Checked:
    """One catalog check of the kiosk in `data_dir` against the served repository `repo`."""
    return CatalogCheck(KeptCatalogs(data_dir), CheckSettings(
        p.url(repo), configured_root=p.root(), deadline_s=deadline_s)).run()


def kiosk_at_v1(p: Province, tmp_path: Path) -> Path:
    return copy_tree(p.kiosk_v1, tmp_path / "data")


def rule_message(catalog: Any) -> str:
    rules = {r.rule_id: r for r in catalog.rules["criminal-record-certificate"]}
    return str(rules["adult"].message["zh-Hans"])


def events(caplog: pytest.LogCaptureFixture) -> list[int]:
    return [r.msg.get("event_id") for r in caplog.records if isinstance(r.msg, dict)]

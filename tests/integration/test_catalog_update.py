"""A kiosk's side of the signed catalog: python-tuf's ngclient from the provisioned root, over a
plain static HTTP server on loopback. A new version is verified, validated by the kiosk's own
loader and kept, downloading only the files that changed; a check that finds nothing new costs
one small request; the kept catalog is what the kiosk starts on after a restart (a damaged one
is not); a signed catalog that does not load is never applied; `kiosk catalog update` says all
of it with its exit codes."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.events import EventId
from kiosk.signed_catalog.check_outcome import CatalogStatus
from kiosk.signed_catalog.kept_catalogs import KeptCatalogs
from tests.catalog_repos import (
    RULE_V1,
    RULE_V2,
    Province,
    RepoEditor,
    check,
    copy_tree,
    events,
    kiosk_at_v1,
    provinces,
    rule_message,
)


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory):
    with provinces(tmp_path_factory) as p:
        yield p


def test_a_new_version_is_verified_validated_kept_and_only_its_changes_downloaded(
        province: Province, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    data = kiosk_at_v1(province, tmp_path)
    checked = check(province, data, "repo_v2")
    out = checked.outcome
    assert (out.result, out.before, out.after) == ("applied", 1, 2)
    assert out.files_downloaded == 1  # the changed item; the ten others linked from version 1
    assert checked.catalog is not None
    assert rule_message(checked.catalog) == RULE_V2
    kept = KeptCatalogs(data)
    assert (kept.version_of(kept.current), kept.version_of(kept.previous)) == (2, 1)
    assert CatalogStatus.load(kept.state_file).last_check.result == "applied"
    assert EventId.CATALOG_UPDATE_APPLIED in events(caplog)
    # nothing new: the timestamp, and a look for a next root version, nothing else
    again = check(province, data, "repo_v2").outcome
    assert (again.result, again.after, again.requests) == ("current", 2, 2)
    timestamp = province.base / "repo_v2" / "metadata" / "timestamp.json"
    assert again.downloaded_bytes == timestamp.stat().st_size


def test_the_kiosk_starts_on_its_last_good_catalog_and_never_on_a_damaged_one(
        province: Province, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    data = kiosk_at_v1(province, tmp_path)
    check(province, data, "repo_v2")
    kept = KeptCatalogs(data)
    loaded = kept.load_last_good()  # a restart
    assert loaded.version == 2
    assert rule_message(loaded.catalog) == RULE_V2
    item = kept.folder(2) / "criminal-record-certificate.yaml"
    item.write_text(item.read_text(encoding="utf-8").replace(RULE_V2, "已被改动"),
                    encoding="utf-8")  # a cut write, a damaged disk, a hand on the disk
    loaded = kept.load_last_good()
    assert loaded.version == 1
    assert rule_message(loaded.catalog) == RULE_V1
    assert EventId.CATALOG_LAST_GOOD_UNUSABLE in events(caplog)
    (kept.folder(1) / "guide.yaml").unlink()
    assert kept.load_last_good().version == 0  # the catalog shipped with the kiosk


def test_a_signed_catalog_the_loader_refuses_is_never_applied(
        province: Province, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """Signed with two targets keys (a publisher that skipped the kiosk's loader), but a rule
    that does not compile: refused with its file, line and field, and not downloaded again."""
    repo = copy_tree(province.base / "repo_v1", province.base / f"bad-{tmp_path.name}")
    item = (province.base / "src_v1" / "criminal-record-certificate.yaml").read_text("utf-8")
    broken = item.replace("expr: identity.age >= 18", "expr: identity.age >=")
    assert RepoEditor(repo, province.keys).publish_files(
        {"criminal-record-certificate.yaml": broken.encode()}) == 2
    data = kiosk_at_v1(province, tmp_path)
    out = check(province, data, repo.name).outcome
    assert (out.result, out.reason_code, out.after) == ("refused", "invalid_catalog", 1)
    line = next(i for i, t in enumerate(broken.splitlines(), 1) if "identity.age >=" in t)
    assert f"criminal-record-certificate.yaml:{line}: rules[0].expr" in out.reason
    kept = KeptCatalogs(data)
    assert kept.current_version() == 1
    assert sorted(p.name for p in kept.versions.iterdir()) == ["1"]  # nothing half-kept
    assert EventId.CATALOG_UPDATE_REFUSED in events(caplog)
    again = check(province, data, repo.name).outcome
    assert (again.result, again.reason_code) == ("refused", "invalid_catalog")
    assert again.downloaded_bytes < 2000  # the timestamp only: the same version, known bad


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_kiosk_catalog_update_says_current_applied_refused_unreachable(
        province: Province, tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text(f'data_dir = "{tmp_path / "data"}"\n', encoding="utf-8")
    tampered = copy_tree(province.base / "repo_v2", province.base / f"t-{tmp_path.name}")
    RepoEditor(tampered, province.keys).target_file("criminal-record-certificate.yaml") \
        .write_text("id: someone-else's-rules\n", encoding="utf-8")
    env = {**os.environ, "KIOSK_CONFIG": ""}

    def update(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "kiosk", "catalog", "update",
                               "--config", str(config), "--json", *args],
                              capture_output=True, text=True, timeout=60, env=env)

    first = update("--repo", province.url("repo_v1"), "--root", str(province.root()))
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["result"] == "applied"
    assert "catalog version 0 → 1: applied" in first.stderr
    refused = update("--repo", province.url(tampered.name))
    assert refused.returncode == 1, refused.stderr
    assert json.loads(refused.stdout)["reason_code"] == "mismatch"
    assert "catalog version 1: refused: a file differs from its signed" in refused.stderr
    gone = update("--repo", f"http://127.0.0.1:{_free_port()}")
    assert gone.returncode == 4, gone.stderr
    assert json.loads(gone.stdout)["result"] == "unreachable"

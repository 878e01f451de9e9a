"""The attacks The Update Framework is designed against, each built with python-tuf's own
Metadata API (or by replaying genuine old files) on a repository `kiosk catalog publish`
wrote, served by a plain HTTP server on loopback. Each is refused with its reason, and the
kiosk goes on serving the catalog it had: its kept version, its rules."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

import pytest

from kiosk.admin.catalog_lines import catalog_lines
from kiosk.appliance.doctor import check_catalog
from kiosk.appliance.metrics import KioskMetrics
from kiosk.config import load_config, packaged_config
from kiosk.domain.clock import KioskClock, printed_time
from kiosk.events import EventId
from kiosk.signed_catalog.catalog_updates import CatalogUpdates
from kiosk.signed_catalog.check_outcome import CatalogStatus
from kiosk.signed_catalog.kept_catalogs import KeptCatalogs
from kiosk.signed_catalog.publisher import publish
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

CHANGED = "criminal-record-certificate.yaml"  # the file version 2 changes


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory):
    with provinces(tmp_path_factory) as p:
        yield p


def serves_on(data: Path, version: int = 1, rule: str = RULE_V1) -> None:
    """The kiosk still has what it had: that version kept and loadable, its rule unchanged,
    nothing else kept beside it."""
    kept = KeptCatalogs(data)
    assert kept.current_version() == version
    loaded = kept.load_last_good()
    assert loaded.version == version
    assert rule_message(loaded.catalog) == rule
    assert not [p for p in kept.versions.iterdir() if p.name.startswith(".staging")]


def approve_everyone(p: Province) -> bytes:
    text = (p.base / "src_v1" / CHANGED).read_text(encoding="utf-8")
    return text.replace("expr: records.criminal_record.has_record == false",
                        "expr: true").encode()


def test_a_tampered_catalog_file_is_refused(province: Province, tmp_path: Path,
                                            caplog: pytest.LogCaptureFixture) -> None:
    """The server (or a mirror) swaps version 2's changed file for one that approves anyone."""
    mirror = province.mirror("repo_v2", f"tampered-{tmp_path.name}")
    RepoEditor(mirror, province.keys).target_file(CHANGED).write_bytes(
        approve_everyone(province))
    data = kiosk_at_v1(province, tmp_path)
    out = check(province, data, mirror.name).outcome
    assert (out.result, out.reason_code) == ("refused", "mismatch")
    assert "differs from its signed length or hash" in out.reason
    assert EventId.CATALOG_UPDATE_REFUSED in events(caplog)
    serves_on(data)


def test_an_expired_timestamp_is_refused(province: Province, tmp_path: Path) -> None:
    mirror = province.mirror("repo_v2", f"expired-{tmp_path.name}")
    RepoEditor(mirror, province.keys).sign_timestamp(
        expires=datetime.now(UTC) - timedelta(hours=1))
    data = kiosk_at_v1(province, tmp_path)
    out = check(province, data, mirror.name).outcome
    assert (out.result, out.reason_code) == ("refused", "expired")
    assert "timestamp.json is expired" in out.reason
    serves_on(data)


def test_a_rollback_to_an_older_repository_is_refused(province: Province,
                                                      tmp_path: Path) -> None:
    """The kiosk has version 2; a mirror replays the genuine, still valid, version 1."""
    data = kiosk_at_v1(province, tmp_path)
    assert check(province, data, "repo_v2").outcome.after == 2
    out = check(province, data, "repo_v1").outcome
    assert (out.result, out.reason_code) == ("refused", "rollback")
    assert "must be >= 2" in out.reason  # the timestamp's version
    serves_on(data, 2, RULE_V2)


def test_a_frozen_repository_is_refused_once_its_timestamp_expires(
        province: Province, tmp_path: Path) -> None:
    """A mirror keeps serving the same repository: no new timestamp comes, and the one the
    kiosk has runs out (here in two seconds rather than a day)."""
    mirror = province.mirror("repo_v2", f"frozen-{tmp_path.name}")
    expires = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=2)
    RepoEditor(mirror, province.keys).sign_timestamp(expires=expires)
    data = kiosk_at_v1(province, tmp_path)
    assert check(province, data, mirror.name).outcome.result == "applied"
    time.sleep(max(0.0, (expires - datetime.now(UTC)).total_seconds()) + 0.2)
    out = check(province, data, mirror.name).outcome
    assert (out.result, out.reason_code) == ("refused", "expired")
    serves_on(data, 2, RULE_V2)


def _endless(handler: SimpleHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.end_headers()
    chunk = b"#" * 65536
    try:
        while True:
            handler.wfile.write(chunk)
    except OSError:
        pass  # the kiosk hung up


def _drip(handler: SimpleHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Length", "4000")
    handler.end_headers()
    try:
        for _ in range(4000):
            handler.wfile.write(b" ")
            handler.wfile.flush()
            time.sleep(0.1)
    except OSError:
        pass


def test_an_endless_download_is_cut_at_the_signed_length(province: Province,
                                                         tmp_path: Path) -> None:
    mirror = province.mirror("repo_v2", f"endless-{tmp_path.name}")
    served = RepoEditor(mirror, province.keys).target_file(CHANGED)
    province.server.answer(f"/{mirror.name}/targets/{served.name}", _endless)
    data = kiosk_at_v1(province, tmp_path)
    started = time.monotonic()
    out = check(province, data, mirror.name).outcome
    assert (out.result, out.reason_code) == ("refused", "too_large")
    assert out.downloaded_bytes < 2_000_000  # cut near the file's few kilobytes
    assert time.monotonic() - started < 5
    serves_on(data)


def test_a_dripping_server_is_cut_at_the_check_deadline(province: Province,
                                                        tmp_path: Path) -> None:
    mirror = province.mirror("repo_v2", f"drip-{tmp_path.name}")
    province.server.answer(f"/{mirror.name}/metadata/timestamp.json", _drip)
    data = kiosk_at_v1(province, tmp_path)
    started = time.monotonic()
    out = check(province, data, mirror.name, deadline_s=1.0).outcome
    assert (out.result, out.reason_code) == ("refused", "too_slow")
    assert time.monotonic() - started < 3
    serves_on(data)


def test_metadata_mixed_from_two_versions_is_refused(province: Province,
                                                     tmp_path: Path) -> None:
    """Version 2's snapshot and timestamp, with version 1's genuine targets metadata served
    under version 2's name (mix-and-match)."""
    mirror = province.mirror("repo_v2", f"mixed-{tmp_path.name}")
    (mirror / "metadata" / "2.targets.json").write_bytes(
        (mirror / "metadata" / "1.targets.json").read_bytes())
    data = kiosk_at_v1(province, tmp_path)
    out = check(province, data, mirror.name).outcome
    assert (out.result, out.reason_code) == ("refused", "mismatch")
    serves_on(data)


async def test_one_stolen_targets_key_signs_nothing_and_staff_see_why(
        province: Province, tmp_path: Path) -> None:
    """The server is taken (its online snapshot and timestamp keys) and one of the three
    targets keys is stolen: a catalog that approves anyone, signed by that one key. The running
    kiosk refuses it, keeps serving version 1, and says so: event, metrics, doctor, admin page."""
    mirror = province.mirror("repo_v1", f"stolen-{tmp_path.name}")
    RepoEditor(mirror, province.keys).publish_files({CHANGED: approve_everyone(province)},
                                                    targets_signers=("targets-1",))
    data = kiosk_at_v1(province, tmp_path)
    config = load_config(packaged_config("simulated"), simulate=True, data_dir=data,
                         catalog={"repository": province.url(mirror.name),
                                  "root": str(province.root())})
    updates = CatalogUpdates(config)
    assert updates.load_at_start().version == 1
    told: list[int] = []
    updates.listeners.append(lambda _catalog, version: told.append(version))
    metrics = KioskMetrics("TEST-0001")
    updates.outcome_listeners.append(metrics.catalog_checked)
    try:
        out = await updates.check_now()
        assert out is not None
        assert (out.result, out.reason_code) == ("refused", "signatures")
        assert "targets was signed by 1/2 keys" in out.reason
        assert told == []
        assert updates.serving == 1
        refusals = metrics.registry.get_sample_value("kiosk_catalog_refusals_total",
                                                     {"reason": "signatures"})
        assert refusals == 1
        assert metrics.registry.get_sample_value("kiosk_catalog_last_check_ok") == 0
    finally:
        metrics.close()
    doctor = check_catalog(config)
    assert doctor.verdict == "FAIL"
    assert "(signatures): not signed by enough of the keys" in doctor.detail
    clock = KioskClock("Asia/Shanghai")  # staff read Beijing time
    page = catalog_lines(updates.status(), clock)
    applied = CatalogStatus.load(KeptCatalogs(data).state_file).last_applied_at
    assert applied is not None
    when = printed_time(applied.astimezone(clock.zone))
    assert page["version"] == f"服务目录：版本 1（{when} 更新）"
    assert page["alarm"] is True
    assert page["refused"].startswith("更新被拒绝（")
    assert "targets was signed by 1/2 keys" in page["refused"]
    serves_on(data)


def test_a_kiosk_follows_a_key_rotation_and_the_retired_key_counts_for_nothing(
        province: Province, tmp_path: Path) -> None:
    """The province rotates targets-2 (kiosk catalog publish --rotate): the kiosk walks from its
    provisioned root 1 to root 2 by itself; a catalog signed with targets-1 and the retired key
    — two signatures, one of them no longer trusted — is refused."""
    mirror = province.mirror("repo_v1", f"rotated-{tmp_path.name}")
    keys = copy_tree(province.keys, tmp_path / "keys")
    retired = keys / "targets-2.pem"
    (tmp_path / "retired-targets-2.pem").write_bytes(retired.read_bytes())
    done = publish(province.base / "src_v1", mirror, keys, rotate=("targets-2",))
    assert done.root_version == 2
    data = kiosk_at_v1(province, tmp_path)
    out = check(province, data, mirror.name).outcome
    assert (out.result, out.after) == ("current", 1)  # the same catalog, under root 2
    assert (data / "catalog" / "tuf" / "root_history" / "2.root.json").exists()
    (keys / "old-targets-2.pem").write_bytes((tmp_path / "retired-targets-2.pem").read_bytes())
    RepoEditor(mirror, keys).publish_files({CHANGED: approve_everyone(province)},
                                           targets_signers=("targets-1", "old-targets-2"))
    out = check(province, data, mirror.name).outcome
    assert (out.result, out.reason_code) == ("refused", "signatures")
    serves_on(data)

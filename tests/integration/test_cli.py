from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

CONTRACT = ["run", "scenario", "idcard", "devices", "card", "verify", "sim", "bench"]


def kiosk(*args: str, env: dict[str, str] | None = None, timeout: float = 120):
    return subprocess.run([sys.executable, "-m", "kiosk", *args], capture_output=True,
                          text=True, timeout=timeout, env=env)


def test_help_documents_every_command_of_the_contract() -> None:
    r = kiosk("--help")
    assert r.returncode == 0
    for command in CONTRACT:
        assert f"    {command} " in r.stdout
    assert "Exit codes" in r.stdout


@pytest.mark.daemon
def test_devices_json_lists_every_simulated_device(pcscd_running, cupsd_running) -> None:
    r = kiosk("devices", "--simulate", "--json")
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert {row["kind"] for row in rows} == {"idcard", "smartcard", "receipt_printer",
                                            "document_printer", "camera", "keypad",
                                            "headphones"}
    for row in rows:
        assert set(row) >= {"name", "kind", "adapter", "simulated", "connected", "state",
                            "detail"}
        assert row["simulated"] is True
        assert row["connected"] is True, row
        assert row["state"] == "ok", row


def test_devices_reports_an_unreachable_device_as_status(tmp_path) -> None:
    cfg = tmp_path / "k.toml"
    cfg.write_text('[devices.receipt_printer]\nadapter = "escpos-serial"\n'
                   'device = "/dev/does-not-exist"\n')
    env = {**os.environ, "KIOSK_DEVICES__SMARTCARD__READER": "Nobody"}
    r = kiosk("devices", "--config", str(cfg), "--json", env=env)
    assert r.returncode == 0, r.stderr
    row = next(x for x in json.loads(r.stdout) if x["name"] == "receipt_printer")
    assert row["connected"] is False
    assert row["state"] == "unavailable"
    assert "/dev/does-not-exist" in row["reason"]


def test_sim_receipt_printer_refuses_a_port_in_use() -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        r = kiosk("sim", "receipt-printer", "--port", str(port), timeout=30)
    assert r.returncode != 0
    assert f"cannot listen on 127.0.0.1:{port}" in r.stderr
    assert "Traceback" not in r.stderr


@pytest.mark.daemon
@pytest.mark.timeout(300)
def test_every_benchmark_figure_is_measured(pcscd_running, cupsd_running) -> None:
    """`kiosk bench` once over (KIOSK_BENCH_RUNS=1, the soaks with a couple of visits): every
    figure in the budget table is measured — none left out because it could not run — and
    nothing is logged as an error on the way."""
    from kiosk.bench.budgets import BUDGETS

    env = {**os.environ, "KIOSK_BENCH_RUNS": "1", "QT_QPA_PLATFORM": "offscreen"}
    r = kiosk("bench", "--json", env=env, timeout=280)
    assert r.returncode == 0, r.stderr[-3000:]
    results = json.loads(r.stdout)
    not_measured = [line for line in r.stderr.splitlines() if "not measured" in line]
    assert not_measured == []
    assert set(results) == set(BUDGETS)
    for name, fig in results.items():
        assert isinstance(fig["median"], int | float), name
        assert (fig["unit"], fig["budget"], fig["runs"]) == \
            (BUDGETS[name].unit, BUDGETS[name].limit, fig["runs"]), name
    errors = [line for line in r.stderr.splitlines() if '"level": "error"' in line]
    assert errors == [], errors[:3]
    assert 0 < results["startup_first_frame_s"]["median"] < 30
    assert results["startup_first_frame_s"]["runs"] == 1
    assert results["preview_fps"]["median"] > 1  # frames reached the screen while it tracked
    assert results["preview_fps"]["tracking_fps"] > 1

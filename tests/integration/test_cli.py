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
def test_bench_prints_json_figures(pcscd_running, cupsd_running) -> None:
    env = {**os.environ, "KIOSK_BENCH_RUNS": "1", "QT_QPA_PLATFORM": "offscreen"}
    r = kiosk("bench", "--json", "--only", "startup_first_frame_s", env=env)
    assert r.returncode == 0, r.stderr
    result = json.loads(r.stdout)
    fig = result["startup_first_frame_s"]
    assert fig["unit"] == "s"
    assert fig["runs"] == 1
    assert 0 < fig["median"] < 30
    assert fig["budget"] == 1.5


@pytest.mark.daemon
def test_bench_measures_the_touch_ui(cupsd_running) -> None:
    env = {**os.environ, "KIOSK_BENCH_RUNS": "1", "QT_QPA_PLATFORM": "offscreen"}
    r = kiosk("bench", "--json", "--only", "preview_fps", env=env)
    assert r.returncode == 0, r.stderr
    fig = json.loads(r.stdout)["preview_fps"]
    assert fig["unit"] == "fps"
    assert fig["median"] > 1  # frames did reach the screen while the tracker ran
    assert fig["tracking_fps"] > 1

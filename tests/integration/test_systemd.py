"""The appliance's systemd side: the notify protocol against a real NOTIFY_SOCKET datagram
socket (READY from the real app's first frame, WATCHDOG from the Qt event loop, STOPPING on the
way out) with the app inside the unit's system-call sandbox (tests/unit_sandbox.py), heartbeats
that stop when the event loop is blocked, units that systemd-analyze accepts, and the unit's
exposure as `systemd-analyze security` scores it."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.appliance.sd_notify import SystemdNotifier, watchdog_interval_s
from kiosk.ui.heartbeat import UiHeartbeat

ROOT = Path(__file__).resolve().parents[2]
UNIT = ROOT / "systemd" / "kiosk.service"
SANDBOX = ROOT / "tests" / "unit_sandbox.py"


@pytest.fixture
def notify_socket(tmp_path: Path):
    path = tmp_path / "notify.sock"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(str(path))
    sock.settimeout(0.05)
    yield path, sock
    sock.close()


def drain(sock: socket.socket, seconds: float) -> list[tuple[float, str]]:
    end = time.monotonic() + seconds
    got = []
    while time.monotonic() < end:
        with contextlib.suppress(TimeoutError):
            got.append((time.monotonic(), sock.recv(4096).decode()))
    return got


def test_notifier_speaks_to_a_path_and_an_abstract_socket(notify_socket) -> None:
    path, sock = notify_socket
    n = SystemdNotifier(str(path))
    assert n.ready("home screen up")
    assert sock.recv(4096).decode() == "READY=1\nSTATUS=home screen up"
    abstract = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    abstract.bind(f"\0kiosk-test-{os.getpid()}")
    abstract.settimeout(2)
    try:
        assert SystemdNotifier(f"@kiosk-test-{os.getpid()}").watchdog()
        assert abstract.recv(4096) == b"WATCHDOG=1"
    finally:
        abstract.close()
    assert not SystemdNotifier("").ready()  # not under systemd: nothing sent, no error


def test_watchdog_interval_is_half_the_timeout(monkeypatch) -> None:
    monkeypatch.setenv("WATCHDOG_USEC", "30000000")
    assert watchdog_interval_s() == 15
    monkeypatch.delenv("WATCHDOG_USEC")
    assert watchdog_interval_s() is None


def test_heartbeats_come_from_the_event_loop_and_stop_when_it_blocks(qapp, notify_socket) -> None:
    path, sock = notify_socket
    beat = UiHeartbeat(SystemdNotifier(str(path)), interval_s=0.05)
    beat.start()
    try:
        before: list[str] = []
        end = time.monotonic() + 0.6
        while time.monotonic() < end:  # the loop runs, and systemd (this test) reads
            qapp.processEvents()
            before += [m for _t, m in drain(sock, 0.005)]
        assert before.count("WATCHDOG=1") >= 8
        time.sleep(0.8)  # the UI thread is stuck: no event loop, no heartbeat
        blocked = drain(sock, 0.3)
        assert blocked == [] or len(blocked) <= 1  # at most the one the loop queued before
        after: list[str] = []
        end = time.monotonic() + 0.4
        while time.monotonic() < end:
            qapp.processEvents()
            after += [m for _t, m in drain(sock, 0.005)]
        assert after.count("WATCHDOG=1") >= 4  # back alive
    finally:
        beat.stop()


@pytest.mark.daemon
def test_the_app_reports_ready_watchdog_and_stopping(notify_socket, cupsd_running) -> None:
    """...inside the unit's SystemCallFilter= and RestrictAddressFamilies=, as systemd would
    apply them (python3-seccomp, which scripts/setup.sh installs)."""
    path, sock = notify_socket
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "NOTIFY_SOCKET": str(path),
           "WATCHDOG_USEC": "400000", "KIOSK_LOG_LEVEL": "WARNING"}
    proc = subprocess.Popen(["/usr/bin/python3", str(SANDBOX), str(UNIT), "--", sys.executable,
                             "-m", "kiosk", "run", "--simulate", "--windowed"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        got = drain(sock, 1.0)
        deadline = time.monotonic() + 40
        while not any(m.startswith("READY=1") for _t, m in got) and time.monotonic() < deadline:
            got += drain(sock, 0.5)
        assert any(m.startswith("READY=1") for _t, m in got), got
        got = drain(sock, 1.5)
        assert [m for _t, m in got].count("WATCHDOG=1") >= 4  # every 0.2 s
        proc.send_signal(signal.SIGTERM)
        got = drain(sock, 5)
        assert "STOPPING=1" in [m for _t, m in got]
        assert proc.wait(15) == 0
    finally:
        if proc.poll() is None:
            proc.kill()


UNITS = ["kiosk.service", "kiosk-nightly-restart.service", "kiosk-nightly-restart.timer"]


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze")
def test_units_pass_systemd_analyze_verify(tmp_path: Path) -> None:
    # verify checks that ExecStart programs exist: point the install paths at ones that do
    for unit in UNITS:
        text = (ROOT / "systemd" / unit).read_text()
        text = text.replace("/usr/bin/cage", "/usr/bin/env")
        text = text.replace("/opt/yiban-kiosk/.venv/bin/kiosk", sys.executable)
        (tmp_path / unit).write_text(text)
    r = subprocess.run(["systemd-analyze", "verify", *[str(tmp_path / u) for u in UNITS]],
                       capture_output=True, text=True, timeout=60)
    problems = [line for line in (r.stdout + r.stderr).splitlines()
                if str(tmp_path) in line or "kiosk" in line]
    assert problems == [], "\n".join(problems)
    assert r.returncode == 0, r.stderr


def security_report() -> str:
    return subprocess.run(["systemd-analyze", "security", "--offline=yes", "--no-pager",
                           str(UNIT)], capture_output=True, text=True, timeout=60).stdout


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze")
def test_the_unit_is_sandboxed_to_its_work_and_the_docs_say_what_is_left_out() -> None:
    report = security_report()
    exposure = re.search(r"Overall exposure level for kiosk\.service: ([0-9.]+)", report)
    assert exposure, report[-500:]
    assert float(exposure.group(1)) <= 2.5  # it was 4.0
    left_out = [line.split()[1] for line in report.splitlines() if line.startswith("✗")]
    assert left_out  # what no kiosk can give up (the network, devices) is always there
    docs = (ROOT / "docs" / "appliance.md").read_text()
    reasons = docs[docs.index("### Left out of the sandbox"):].replace("\\|", "|")
    assert [d for d in left_out if f"`{d}`" not in reasons] == []


def test_the_kiosk_user_gets_its_devices_not_device_groups() -> None:
    unit = UNIT.read_text()
    assert "SupplementaryGroups" not in unit
    rules = (ROOT / "systemd" / "99-yiban-kiosk.rules").read_text().splitlines()
    device_rules = [r for r in rules if r.startswith("SUBSYSTEM")]
    assert device_rules
    assert [r for r in device_rules if 'GROUP="kiosk"' not in r] == []
    install = (ROOT / "scripts" / "install-appliance.sh").read_text()
    assert "--groups" not in install


def test_the_unit_has_the_hardening_the_appliance_relies_on() -> None:
    text = (ROOT / "systemd" / "kiosk.service").read_text()
    for directive in ("Type=notify", "WatchdogSec=", "Restart=always", "StartLimitBurst=",
                      "ProtectSystem=strict", "ReadWritePaths=/var/lib/kiosk", "PrivateTmp=yes",
                      "NoNewPrivileges=yes", "ProtectHome=yes", "CapabilityBoundingSet=\n",
                      "DevicePolicy=closed", "User=kiosk",
                      "LoadCredentialEncrypted=outbox.key:/etc/kiosk/credentials/outbox.key.cred",
                      "LoadCredentialEncrypted=documents.key:",
                      "LoadCredentialEncrypted=reprint.key:", "LoadCredentialEncrypted=pin.key:",
                      "ProtectProc=invisible", "PrivateIPC=yes", "PrivateMounts=yes",
                      "RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6 AF_NETLINK\n",
                      "SystemCallFilter=@system-service\n", "IPAddressDeny=any\n"):
        assert directive in text, directive

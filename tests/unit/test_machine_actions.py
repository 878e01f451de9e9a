"""Rebooting the machine and stopping the kiosk for maintenance: audited admin actions, over
SSH (`kiosk admin reboot|stop`) as from the touch menu, that ask systemd through `systemctl`;
and the polkit rule that lets the kiosk's own user do exactly these two things.

This machine runs no systemd, so `systemctl` here is a stand-in on PATH that records how it
was called (and can refuse, as polkit would); the kiosk's code runs as on a kiosk. The polkit
rule runs in a JavaScript engine (the Node.js that Playwright ships in the dev dependencies)
with polkit's `addRule` API around it, not in polkitd, which needs a system bus.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from kiosk.cli import build_parser
from kiosk.events import EventId

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def systemctl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A `systemctl` that writes its arguments to calls.txt; exits with $REFUSE if set."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "systemctl"
    calls = tmp_path / "calls.txt"
    fake.write_text(f'#!/bin/sh\necho "$@" >> {calls}\n'
                    'if [ -n "$REFUSE" ]; then echo "Access denied" >&2; exit 1; fi\n')
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:/usr/bin:/bin")
    monkeypatch.delenv("REFUSE", raising=False)
    return calls


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(f'data_dir = "{tmp_path / "data"}"\n'
                    f'credentials_dir = "{tmp_path / "no-credentials"}"\n')
    return path


def kiosk_admin(*argv: str) -> int:
    """`kiosk admin ...` in this process (the command's code without main's logging set-up)."""
    args = build_parser().parse_args(["admin", *argv])
    code: int = args.func(args)
    return code


def audit(tmp_path: Path) -> list[dict[str, object]]:
    lines = (tmp_path / "data" / "admin" / "audit.jsonl").read_text().splitlines()
    return [json.loads(line) for line in lines]


def test_reboot_and_stop_over_ssh_are_audited_then_asked_of_systemd(
        systemctl: Path, config: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert kiosk_admin("reboot", "--config", str(config), "--staff", "li-4") == 0
    assert kiosk_admin("stop", "--config", str(config), "--staff", "li-4", "--json") == 0
    assert systemctl.read_text().splitlines() == ["reboot --no-block",
                                                  "stop --no-block kiosk.service"]
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "设备正在重启"
    assert json.loads(out[1]) == {"ok": True, "words": "终端正在停止，进入维护状态"}
    assert [(e["event_id"], e["action"], e["staff_id"], e["via"]) for e in audit(tmp_path)] == [
        (EventId.ADMIN_REBOOT, "reboot", "li-4", "ssh"),
        (EventId.ADMIN_STOP_FOR_MAINTENANCE, "stop-for-maintenance", "li-4", "ssh")]


def test_a_refused_reboot_says_why_and_stays_in_the_audit_trail(
        systemctl: Path, config: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setenv("REFUSE", "1")
    assert kiosk_admin("reboot", "--config", str(config), "--staff", "li-4") == 4
    assert capsys.readouterr().out.strip() == \
        "无法重启设备：systemctl reboot refused: Access denied"
    errors = [r.msg.get("event_id") for r in caplog.records
              if r.levelname == "ERROR" and isinstance(r.msg, dict)]
    assert errors == [EventId.ADMIN_MACHINE_CONTROL_FAILED]
    assert [e["action"] for e in audit(tmp_path)] == ["reboot"]


def test_the_admin_bridge_no_longer_starts_processes() -> None:
    bridge = (ROOT / "kiosk" / "ui" / "admin" / "admin_bridge.py").read_text()
    assert "subprocess" not in bridge
    assert "a.reboot(staff)" in bridge
    assert "a.stop_for_maintenance(staff)" in bridge


POLKIT_HARNESS = """
const rules = [];
const polkit = {Result: {YES: "yes", NO: "no", NOT_HANDLED: null},
                addRule: (rule) => rules.push(rule)};
eval(require("fs").readFileSync(process.argv[2], "utf8"));
const asked = JSON.parse(process.argv[3]);
console.log(JSON.stringify(asked.map(([user, id, details]) => {
  const action = {id: id, lookup: (key) => details[key]};
  for (const rule of rules) {
    const answer = rule(action, {user: user});
    if (answer) return answer;
  }
  return null;
})));
"""


def test_the_polkit_rule_grants_the_kiosk_user_a_reboot_and_its_own_stop_only(
        tmp_path: Path) -> None:
    from playwright._impl._driver import compute_driver_executable

    node = compute_driver_executable()[0]
    asked = [
        ["kiosk", "org.freedesktop.login1.reboot", {}],
        ["kiosk", "org.freedesktop.login1.reboot-multiple-sessions", {}],
        ["kiosk", "org.freedesktop.systemd1.manage-units", {"unit": "kiosk.service",
                                                           "verb": "stop"}],
        ["kiosk", "org.freedesktop.systemd1.manage-units", {"unit": "kiosk.service",
                                                           "verb": "restart"}],
        ["kiosk", "org.freedesktop.systemd1.manage-units", {"unit": "cups.service",
                                                           "verb": "stop"}],
        ["kiosk", "org.freedesktop.systemd1.manage-unit-files", {}],
        ["kiosk", "org.freedesktop.login1.power-off", {}],
        ["kiosk", "org.freedesktop.login1.reboot-ignore-inhibit", {}],
        ["visitor", "org.freedesktop.login1.reboot", {}],
        ["visitor", "org.freedesktop.systemd1.manage-units", {"unit": "kiosk.service",
                                                             "verb": "stop"}],
    ]
    harness = tmp_path / "harness.js"
    harness.write_text(POLKIT_HARNESS)
    done = subprocess.run([str(node), str(harness), str(ROOT / "systemd" / "50-yiban-kiosk.rules"),
                           json.dumps(asked)], capture_output=True, text=True, timeout=60,
                          check=True)
    assert json.loads(done.stdout) == ["yes", "yes", "yes"] + [None] * 7

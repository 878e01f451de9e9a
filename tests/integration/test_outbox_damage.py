"""A damaged outbox on disk: the kiosk still starts with a new outbox, the damaged files are kept
aside (never deleted), the alarm is raised — `kiosk outbox status` says so in one line, the
metrics and `kiosk doctor` (exit 4) show it — until staff clear it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.appliance.doctor import check_outbox
from kiosk.services.outbox import Outbox
from kiosk.services.outbox_file import inspect_outbox

APP = {"kiosk_id": "K", "service_code": "WFZZM", "item_codes": ["WFZZM"],
       "applicant": {"name": "张伟", "id_number": "11010519491231002X", "credential": "idcard"},
       "form": {}, "materials": []}


def kiosk(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KIOSK_DATA_DIR": str(data_dir)}
    env.pop("CREDENTIALS_DIRECTORY", None)
    return subprocess.run([sys.executable, "-m", "kiosk", *args], capture_output=True,
                          text=True, timeout=120, env=env)


def with_pending(data_dir: Path, n: int = 200) -> None:
    outbox = Outbox.open(data_dir)
    for _ in range(n):
        outbox.put("application", APP, service="WFZZM")
    outbox.close()


def random_header(db: Path) -> None:
    raw = bytearray(db.read_bytes())
    raw[:100] = os.urandom(100)
    db.write_bytes(bytes(raw))


def half(db: Path) -> None:
    with db.open("r+b") as fh:
        fh.truncate(db.stat().st_size // 2)


def zero(db: Path) -> None:
    with db.open("r+b") as fh:
        fh.truncate(0)


def gone(db: Path) -> None:
    db.unlink()


def key_cut(db: Path) -> None:
    key = db.parent / "keys" / "outbox.key"
    key.write_bytes(key.read_bytes()[:13])


DAMAGE: dict[str, Callable[[Path], None]] = {
    "random header": random_header, "truncated to half": half, "truncated to 0": zero,
    "deleted": gone, "key file cut": key_cut}


@pytest.mark.parametrize("how", list(DAMAGE))
def test_a_damaged_outbox_is_set_aside_and_raises_the_alarm(tmp_path: Path, how: str) -> None:
    with_pending(tmp_path)
    db = tmp_path / "outbox.sqlite3"
    for side in ("-wal", "-shm"):  # what a power cut leaves: the main file, checkpointed
        (tmp_path / f"outbox.sqlite3{side}").unlink(missing_ok=True)
    DAMAGE[how](db)
    assert inspect_outbox(tmp_path) is not None  # doctor sees it before anyone repairs it
    assert check_outbox(tmp_path).verdict == "FAIL"

    outbox = Outbox.open(tmp_path)  # what the kiosk does at start: it starts
    try:
        assert outbox.damage is not None
        assert outbox.status().pending == 0
        assert outbox.status().alarm is not None
        item = outbox.put("application", APP, service="WFZZM")  # and it works
        assert outbox.state(item) == "pending"
    finally:
        outbox.close()
    kept = [p.name for p in tmp_path.iterdir() if ".damaged-" in p.name] + \
        [p.name for p in (tmp_path / "keys").iterdir() if ".damaged-" in p.name]
    if how != "deleted":
        assert any(name.startswith("outbox.sqlite3.damaged-") for name in kept), kept
    if how == "key file cut":
        assert any(name.startswith("outbox.key.damaged-") for name in kept), kept

    r = kiosk("outbox", "status", data_dir=tmp_path)
    assert r.returncode == 0, r.stderr
    first = r.stdout.splitlines()[0]
    assert first.startswith("ALARM: the outbox was damaged"), r.stdout
    assert "new one was started" in first
    assert check_outbox(tmp_path).verdict == "FAIL"  # until staff acknowledge

    r = kiosk("outbox", "status", "--clear-alarm", "--json", data_dir=tmp_path)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["alarm"] is None
    assert json.loads(r.stdout)["pending"] == 1
    assert check_outbox(tmp_path).verdict == "ok"


def test_an_intact_outbox_opens_without_alarm(tmp_path: Path) -> None:
    with_pending(tmp_path, 3)
    outbox = Outbox.open(tmp_path)
    assert outbox.damage is None
    assert outbox.status().pending == 3
    assert outbox.status().alarm is None
    outbox.close()
    assert inspect_outbox(tmp_path) is None

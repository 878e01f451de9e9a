"""`kiosk doctor` and `kiosk admin set-pin` as a technician runs them over SSH."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from kiosk.admin.pin import PinStore
from kiosk.appliance.doctor import check_certificates, check_credentials
from kiosk.config import load_config, packaged_config
from kiosk.credentials import Credentials


def kiosk(*args: str, stdin: str = "", env: dict[str, str] | None = None):
    return subprocess.run([sys.executable, "-m", "kiosk", *args], input=stdin,
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, **(env or {})})


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.daemon
def test_doctor_names_exactly_the_missing_device(tmp_path: Path, pcscd_running,
                                                 cupsd_running) -> None:
    text = packaged_config("simulated").read_text()
    text = text.replace('simulate = true\n', f'simulate = true\ndata_dir = "{tmp_path}/data"\n')
    # the receipt printer is a network printer that is switched off
    text = text.replace('[devices.receipt_printer]\nadapter = "simulated"',
                        f'[devices.receipt_printer]\nadapter = "escpos-network"\n'
                        f'host = "127.0.0.1"\nport = {free_port()}\ntimeout_s = 1')
    cfg = tmp_path / "kiosk.toml"
    cfg.write_text(text)
    r = kiosk("doctor", "--config", str(cfg), "--json")
    assert r.returncode == 4, r.stderr
    checks = {c["name"]: c for c in json.loads(r.stdout)}
    failed = [n for n, c in checks.items() if c["verdict"] == "FAIL"]
    assert failed == ["device receipt_printer"]
    assert checks["config"]["verdict"] == "ok"
    assert checks["backend"]["verdict"] == "ok"
    assert checks["device idcard"]["verdict"] == "ok"
    assert checks["outbox"]["verdict"] == "ok"
    assert "receipt_printer" in r.stderr

    # the outbox's database damaged (a random header): doctor fails on it too
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "outbox.sqlite3").write_bytes(os.urandom(4096))
    r = kiosk("doctor", "--config", str(cfg), "--json")
    assert r.returncode == 4
    checks = {c["name"]: c for c in json.loads(r.stdout)}
    assert checks["outbox"]["verdict"] == "FAIL"
    assert "damaged" in checks["outbox"]["detail"]


def test_doctor_reports_a_bad_config_in_one_line(tmp_path: Path) -> None:
    cfg = tmp_path / "kiosk.toml"
    cfg.write_text('kiosk_id = "bad id with spaces"\n')
    r = kiosk("doctor", "--config", str(cfg))
    assert r.returncode == 4
    first = r.stdout.splitlines()[0]
    assert first.startswith("FAIL  config")
    assert "kiosk_id" in first


def _cert(days: int) -> bytes:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "gateway test CA")])
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(1)
            .not_valid_before(now - timedelta(days=400)).not_valid_after(now + timedelta(days=days))
            .sign(key, hashes.SHA256()))
    return cert.public_bytes(serialization.Encoding.PEM)


@pytest.mark.parametrize(("days", "verdict"), [(400, "ok"), (10, "warn"), (-1, "FAIL")])
def test_certificate_expiry(tmp_path: Path, days: int, verdict: str) -> None:
    (tmp_path / "ca.pem").write_bytes(_cert(days))
    config = load_config(None, data_dir=tmp_path, backend_ca_bundle=tmp_path / "ca.pem")
    (check,) = check_certificates(config)
    assert check.verdict == verdict


def test_plain_credentials_warn_on_a_simulated_kiosk_and_fail_on_a_real_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CREDENTIALS_DIRECTORY", raising=False)
    nothing_sealed = tmp_path / "no-credentials"
    real = check_credentials(load_config(None, data_dir=tmp_path, credentials_dir=nothing_sealed))
    assert real.verdict == "FAIL"
    assert "not sealed to this machine" in real.detail
    assert str(tmp_path / "keys") in real.detail
    demo = check_credentials(load_config(None, data_dir=tmp_path, simulate=True,
                                         credentials_dir=nothing_sealed))
    assert demo.verdict == "warn"


def test_set_pin_over_ssh_stores_only_a_hash_and_audits(tmp_path: Path) -> None:
    env = {"KIOSK_DATA_DIR": str(tmp_path), "KIOSK_CREDENTIALS_DIR": str(tmp_path / "none")}
    r = kiosk("admin", "set-pin", "--staff", "zhao", stdin="482913\n482913\n", env=env)
    assert r.returncode == 0, r.stderr
    # no sealed credentials on this machine: the command used the plain development folder
    store = PinStore(tmp_path / "admin" / "pins.json",
                     key=Credentials("plain", tmp_path / "keys").secret("pin.key"))
    assert store.check("482913").staff_id == "zhao"
    assert "482913" not in (tmp_path / "admin" / "pins.json").read_text()
    audit = (tmp_path / "admin" / "audit.jsonl").read_text()
    assert '"action": "set-pin"' in audit
    assert '"staff_id": "zhao"' in audit
    r = kiosk("admin", "set-pin", "--staff", "zhao", stdin="482913\n482914\n", env=env)
    assert r.returncode == 2
    assert "differ" in r.stderr
    r = kiosk("admin", "set-pin", "--staff", "zhao", stdin="123456\n123456\n", env=env)
    assert r.returncode == 2
    assert "PIN not set" in r.stderr

"""The kiosk's secrets sealed to the machine, with the real `systemd-creds` and the real
`scripts/seal-credentials`.

This machine runs no systemd as PID 1 and has no TPM2: the machine's key is the host key,
which systemd-creds reads from the file $SYSTEMD_CREDENTIAL_SECRET names (instead of
/var/lib/systemd/credential.secret). Each test makes its own, so "another machine" is another
such file. What systemd does for the service with LoadCredentialEncrypted= (open the sealed
file into $CREDENTIALS_DIRECTORY) is done here with `systemd-creds decrypt`, the same code.
"""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from kiosk.admin.pin import PinKeyMismatch, PinStore
from kiosk.appliance.doctor import check_credentials
from kiosk.cli import build_parser
from kiosk.config import KioskSettings, load_config
from kiosk.credentials import (
    SECRET_NAMES,
    CredentialUnreadable,
    credentials_for,
)
from kiosk.documents.issuer import keys_for
from kiosk.documents.qr_payload import CertificateClaim, encode_payload, verify_payload
from kiosk.documents.reprint_store import ReprintStore
from kiosk.services.outbox import Outbox

ROOT = Path(__file__).resolve().parents[2]
SEAL = ROOT / "scripts" / "seal-credentials"
NAME = "欧阳䶮明"
ID_NUMBER = "11010519491231002X"


def use_machine(monkeypatch: pytest.MonkeyPatch, host_key: Path) -> None:
    """Act as the machine whose host key is `host_key` (made on first use)."""
    host_key.parent.mkdir(parents=True, exist_ok=True)
    monkeypatch.setenv("SYSTEMD_CREDENTIAL_SECRET", str(host_key))
    monkeypatch.delenv("CREDENTIALS_DIRECTORY", raising=False)


def kiosk_config(root: Path) -> KioskSettings:
    return load_config(None, data_dir=root / "var-lib-kiosk",
                       credentials_dir=root / "etc-kiosk-credentials")


@pytest.fixture
def kiosk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> KioskSettings:
    """A kiosk as scripts/install-appliance.sh leaves it: its secrets sealed in its
    credential folder."""
    assert shutil.which("systemd-creds"), "systemd-creds is missing (scripts/setup.sh)"
    use_machine(monkeypatch, tmp_path / "machine" / "credential.secret")
    config = kiosk_config(tmp_path / "kiosk")
    subprocess.run([str(SEAL), str(config.credentials_dir)], check=True, capture_output=True,
                   timeout=60)
    return config


def every_file(*folders: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for f in folders for p in f.rglob("*") if p.is_file()}


def test_a_stolen_data_folder_and_credential_folder_give_no_key_away(
        kiosk: KioskSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    creds = credentials_for(kiosk)
    assert creds.source == "sealed"
    check = check_credentials(kiosk)
    assert check.verdict == "ok", check.detail
    assert "sealed to this machine" in check.detail
    assert "(host key)" in check.detail
    # the kiosk at work: an application in the outbox, a certificate kept for a reprint,
    # its signing keys made
    outbox = Outbox.open(kiosk.data_dir, creds)
    item = outbox.put("application", {"name": NAME, "id_number": ID_NUMBER}, service="WFZZM")
    outbox.close()
    ReprintStore(kiosk.data_dir / "reprints", key=creds.secret("reprint.key")).put(
        "WFZZM-1", "certificate", f"%PDF-1.7 {NAME} {ID_NUMBER}".encode())
    signing = keys_for(kiosk.data_dir, kiosk.kiosk_id, creds.secret("documents.key"))
    secrets = {name: creds.secret(name) for name in SECRET_NAMES}

    # the service reads the same keys from what systemd opened (LoadCredentialEncrypted=)
    opened = tmp_path / "run-credentials"
    opened.mkdir(mode=0o700)
    for name in SECRET_NAMES:
        subprocess.run(["systemd-creds", "decrypt", f"--name={name}",
                        str(kiosk.credentials_dir / f"{name}.cred"), str(opened / name)],
                       check=True, capture_output=True, timeout=20)
    monkeypatch.setenv("CREDENTIALS_DIRECTORY", str(opened))
    service = credentials_for(kiosk)
    assert service.source == "systemd"
    assert {name: service.secret(name) for name in SECRET_NAMES} == secrets
    outbox = Outbox.open(kiosk.data_dir, service)
    assert outbox.payload(outbox.due()[0])["name"] == NAME
    outbox.close()

    # the disk walks away: its data folder and credential folder, not the machine's key
    stolen = tmp_path / "stolen"
    shutil.copytree(kiosk.data_dir, stolen / "var-lib-kiosk")
    shutil.copytree(kiosk.credentials_dir, stolen / "etc-kiosk-credentials")
    use_machine(monkeypatch, tmp_path / "thief" / "credential.secret")
    thief = credentials_for(kiosk_config(stolen))
    for name in SECRET_NAMES:
        with pytest.raises(CredentialUnreadable):
            thief.secret(name)
    files = every_file(stolen)
    assert any(p.name.endswith(".cred") for p in files)
    assert any(p.name == "outbox.sqlite3" for p in files)
    for name, secret in secrets.items():
        for form in (secret, secret.hex().encode(), base64.b64encode(secret)):
            assert not [p for p, data in files.items() if form in data], name
    for p, data in files.items():
        assert NAME.encode() not in data, p
        assert ID_NUMBER.encode() not in data, p
        if b"PRIVATE KEY" in data:
            with pytest.raises(TypeError, match="encrypted"):
                serialization.load_pem_private_key(data, None)
    assert len([p for p, data in files.items() if b"ENCRYPTED PRIVATE KEY" in data]) == 2

    # what was missing is exactly the machine's key: with it, the same copy opens
    use_machine(monkeypatch, tmp_path / "machine" / "credential.secret")
    back = credentials_for(kiosk_config(stolen))
    outbox = Outbox.open(stolen / "var-lib-kiosk", back)
    assert [e.id for e in outbox.due()] == [item]
    outbox.close()
    assert keys_for(stolen / "var-lib-kiosk", kiosk.kiosk_id,
                    back.secret("documents.key")).key_id == signing.key_id


def test_sealing_keeps_an_older_installs_plain_outbox_key(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    use_machine(monkeypatch, tmp_path / "machine" / "credential.secret")
    config = kiosk_config(tmp_path)
    config.credentials_dir.mkdir(mode=0o700)
    plain = config.credentials_dir / "outbox.key"  # what LoadCredential= used to read
    plain.write_bytes(bytes(range(32)))
    done = subprocess.run([str(SEAL), str(config.credentials_dir)], capture_output=True,
                          text=True, timeout=60, check=True)
    assert "outbox.key sealed from the plain key" in done.stderr
    assert not plain.exists()
    assert sorted(p.name for p in config.credentials_dir.iterdir()) == sorted(
        f"{n}.cred" for n in SECRET_NAMES)
    assert credentials_for(config).secret("outbox.key") == bytes(range(32))
    sealed = {p.name: p.read_bytes() for p in config.credentials_dir.iterdir()}
    subprocess.run([str(SEAL), str(config.credentials_dir)], capture_output=True, timeout=60,
                   check=True)  # run again (a re-install): nothing sealed anew
    assert {p.name: p.read_bytes() for p in config.credentials_dir.iterdir()} == sealed


def test_rotating_each_key_carries_over_or_retires_what_it_protected(
        kiosk: KioskSettings, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config_file = tmp_path / "kiosk.toml"
    config_file.write_text(f'kiosk_id = "{kiosk.kiosk_id}"\ndata_dir = "{kiosk.data_dir}"\n'
                           f'credentials_dir = "{kiosk.credentials_dir}"\n')
    creds = credentials_for(kiosk)
    old = {name: creds.secret(name) for name in SECRET_NAMES}
    pins = PinStore(kiosk.data_dir / "admin" / "pins.json", key=old["pin.key"], scrypt_n=2**10)
    pins.set_pin("zhao", "573920")
    ReprintStore(kiosk.data_dir / "reprints", key=old["reprint.key"]).put(
        "WFZZM-2", "receipt", b"kept receipt")
    signing = keys_for(kiosk.data_dir, kiosk.kiosk_id, old["documents.key"])
    printed_before = encode_payload(CertificateClaim(
        "WFZ-2026-000001", "WFZZM", "欧**", date(2026, 12, 1), signing.key_id),
        signing.qr_key, "https://v.example/c/")
    outbox = Outbox.open(kiosk.data_dir, creds)
    waiting = outbox.put("application", {"name": NAME}, service="WFZZM")

    def rotate(name: str) -> int:  # `kiosk admin rotate-key`, in this process
        args = build_parser().parse_args(["admin", "rotate-key", name, "--config",
                                          str(config_file), "--staff", "li-4"])
        code: int = args.func(args)
        return code

    assert rotate("outbox.key") == 1  # an application still waits under the old key
    assert "1 application(s) waiting" in capsys.readouterr().err
    outbox.mark_sent(waiting, ["CASE-1"])
    outbox.close()
    for name in SECRET_NAMES:
        assert rotate(name) == 0, capsys.readouterr().err
    said = capsys.readouterr().out
    assert "1 kept reprint copies deleted" in said
    assert "1 staff PINs sealed under the new key" in said

    rotated = credentials_for(kiosk_config(tmp_path / "kiosk"))
    assert all(rotated.secret(name) != old[name] for name in SECRET_NAMES)
    assert check_credentials(kiosk).detail.endswith("(host key)")  # sealed as before
    assert PinStore(pins.path, key=rotated.secret("pin.key")).check("573920").staff_id == "zhao"
    with pytest.raises(PinKeyMismatch):
        PinStore(pins.path, key=old["pin.key"]).check("573920")
    assert ReprintStore(kiosk.data_dir / "reprints", key=rotated.secret("reprint.key")).list() == []
    renewed = keys_for(kiosk.data_dir, kiosk.kiosk_id, rotated.secret("documents.key"))
    assert renewed.key_id != signing.key_id
    assert verify_payload(printed_before, renewed.trusted_qr_keys()).valid  # printed before
    assert signing.pdf_cert in renewed.trusted_pdf_certs()
    Outbox.open(kiosk.data_dir, rotated).close()
    audit = (kiosk.data_dir / "admin" / "audit.jsonl").read_text()
    assert audit.count('"action": "rotate-key"') == 5


def test_the_service_without_one_of_its_credentials_says_which_and_does_not_start(
        tmp_path: Path) -> None:
    passed = tmp_path / "run-credentials"  # what systemd opened: all but pin.key
    passed.mkdir()
    for name in SECRET_NAMES[:-1]:
        (passed / name).write_bytes(bytes(32))
    env = {**os.environ, "CREDENTIALS_DIRECTORY": str(passed), "QT_QPA_PLATFORM": "offscreen",
           "KIOSK_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "-m", "kiosk", "run", "--simulate", "--windowed"],
                          env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 4
    assert "systemd passed no credential pin.key" in done.stderr
    assert "LoadCredentialEncrypted=pin.key:" in done.stderr

"""Rotating one of the kiosk's secrets (kiosk/credentials.py): a new random key takes its
place, sealed like the one it replaces, and what the old key protected is carried over or
retired — never left behind unreadable without saying so.

- `outbox.key`: only while no application waits (pending or dead letters keep their payload,
  encrypted under the old key): retry or clear them first.
- `documents.key`: the signing keys it wraps are retired with it; their public halves go into
  `<data_dir>/keys/trusted/` (so certificates printed before still verify, here and wherever
  that folder is copied), and the kiosk makes new signing keys at its next start.
- `reprint.key`: the copies kept for a reprint (24 hours at most) are deleted.
- `pin.key`: every PIN hash is sealed again under the new key; staff keep their PINs.

Run as root over SSH with the kiosk stopped (`kiosk admin stop`): the service holds its keys in
memory from its start, and would go on writing under the old one.
"""

from __future__ import annotations

import os
import shutil
import subprocess

from kiosk.admin.pin import PinStore
from kiosk.config import KioskSettings
from kiosk.credentials import SECRET_BYTES, SECRET_NAMES, Credentials
from kiosk.documents.keys import DocumentKeys, export_trusted
from kiosk.documents.reprint_store import ReprintStore
from kiosk.domain.errors import KioskError
from kiosk.services.outbox import Outbox
from kiosk.services.outbox_file import DB_NAME


class RotationRefused(KioskError):
    code = "key_rotation_refused"


def kiosk_is_running() -> bool:
    """Whether systemd runs the kiosk service now (False where there is no systemd)."""
    program = shutil.which("systemctl")
    if program is None:
        return False
    try:
        return subprocess.run([program, "is-active", "--quiet", "kiosk.service"],
                              capture_output=True, timeout=10, check=False).returncode == 0
    except subprocess.TimeoutExpired:
        return True  # it cannot say: assume the worst


def rotate_key(config: KioskSettings, credentials: Credentials, name: str) -> str:
    """Replace the secret `name`; returns what was done, in one line for staff."""
    if name not in SECRET_NAMES:
        raise RotationRefused(f"{name} is not one of the kiosk's keys: "
                              f"{', '.join(SECRET_NAMES)}")
    if kiosk_is_running():
        raise RotationRefused("the kiosk is running: stop it first (kiosk admin stop)")
    old, new = credentials.secret(name), os.urandom(SECRET_BYTES)
    data = config.data_dir
    if name == "outbox.key":
        done = _outbox_is_empty(config, credentials)
    elif name == "documents.key":
        done = _retire_signing_keys(config, old)
    elif name == "reprint.key":
        store = ReprintStore(data / "reprints", key=old)
        kept = store.list()
        for doc in kept:
            (data / "reprints" / f"{doc.case_number}.{doc.kind}.bin").unlink()
        done = f"{len(kept)} kept reprint copies deleted"
    else:  # every PIN opened with the old key before the key is replaced
        pins = PinStore(data / "admin" / "pins.json", key=old)
        sealed = pins.reseal(new, lambda: credentials.replace(name, new))
        return f"{name} rotated: {sealed} staff PINs sealed under the new key"
    credentials.replace(name, new)
    return f"{name} rotated: {done}"


def _outbox_is_empty(config: KioskSettings, credentials: Credentials) -> str:
    if not (config.data_dir / DB_NAME).exists():
        return "no outbox yet"
    outbox = Outbox.open(config.data_dir, credentials)
    try:
        status = outbox.status()
    finally:
        outbox.close()
    if status.pending or status.dead:
        raise RotationRefused(f"{status.pending} application(s) waiting and {status.dead} "
                              "dead letter(s) are encrypted under the old key: retry them "
                              "until none is left (kiosk admin outbox-retry)")
    return "the outbox holds no application"


def _retire_signing_keys(config: KioskSettings, old: bytes) -> str:
    directory = config.data_dir / "keys"
    if not (directory / "document-ed25519.pem").exists():
        return "no signing keys yet"
    keys = DocumentKeys.load_or_create(directory, config.kiosk_id, wrap_key=old)
    export_trusted(keys, directory / "trusted")
    for file in ("document-ed25519.pem", "document-signing.pem", "document-signing.crt"):
        (directory / file).unlink(missing_ok=True)
    return (f"signing keys {keys.key_id} retired (their public halves kept in "
            f"{directory / 'trusted'}); new ones are made at the next start")

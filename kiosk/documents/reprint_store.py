"""Printed documents kept for a reprint by staff, by case number, encrypted at rest.

Each document is one file, AES-256-GCM under the credential `reprint.key` (sealed to the
machine on a kiosk: kiosk/credentials.py, never beside the files), with the case number and
kind as associated data (a file renamed to another case fails to open). A store from before
the credential kept its key as `reprint.key` beside the files: its documents are encrypted
again under the credential and that file deleted, the first time the store opens.
Written with fsync before the citizen is told anything; purged after `retention_s` (personal
data is kept no longer than a reprint needs: one day by default).
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from kiosk.events import EventId
from kiosk.logging import get_logger

log = get_logger(__name__)
LEGACY_KEY_NAME = "reprint.key"
_SAFE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


class ReprintNotFound(KeyError):
    pass


class ReprintDamaged(RuntimeError):
    pass


@dataclass(frozen=True)
class StoredDocument:
    case_number: str
    kind: str
    age_s: float
    size: int


def _private_write(path: Path, data: bytes) -> None:
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


class ReprintStore:
    def __init__(self, directory: Path, *, key: bytes,
                 retention_s: float = 24 * 3600) -> None:
        self.directory = directory
        self.retention_s = retention_s
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._key_id = hashlib.sha256(b"reprint-key-id" + key).hexdigest()[:8]
        self._aead = AESGCM(key)
        self._seal_documents_kept_beside_their_key()

    def _seal_documents_kept_beside_their_key(self) -> None:
        old_key_path = self.directory / LEGACY_KEY_NAME
        if not old_key_path.exists():
            return
        old = AESGCM(old_key_path.read_bytes())
        for doc in self.list():
            path = self._path(doc.case_number, doc.kind)
            blob = path.read_bytes()
            aad = f"{doc.case_number}|{doc.kind}".encode()
            try:
                data = old.decrypt(blob[:12], blob[12:], aad)
            except (InvalidTag, ValueError):
                continue  # damaged already, or already under the credential
            self.put(doc.case_number, doc.kind, data)
        old_key_path.unlink()
        log.info("reprint store moved to its sealed key", event_id=EventId.REPRINT_KEY_SEALED)

    def _path(self, case_number: str, kind: str) -> Path:
        if not _SAFE.match(case_number) or not _SAFE.match(kind):
            raise ValueError("case number and kind are letters, digits, '-' and '_'")
        return self.directory / f"{case_number}.{kind}.bin"

    def put(self, case_number: str, kind: str, data: bytes) -> None:
        nonce = os.urandom(12)
        aad = f"{case_number}|{kind}".encode()
        _private_write(self._path(case_number, kind), nonce + self._aead.encrypt(nonce, data,
                                                                                  aad))

    def get(self, case_number: str, kind: str) -> bytes:
        path = self._path(case_number, kind)
        try:
            blob = path.read_bytes()
        except FileNotFoundError:
            raise ReprintNotFound(f"no {kind} kept for case {case_number}") from None
        try:
            return self._aead.decrypt(blob[:12], blob[12:], f"{case_number}|{kind}".encode())
        except (InvalidTag, ValueError):
            raise ReprintDamaged(f"the kept {kind} of case {case_number} cannot be "
                                 f"decrypted") from None

    def list(self) -> list[StoredDocument]:
        now = time.time()
        out = []
        for p in sorted(self.directory.glob("*.bin")):
            case, kind, _ = p.name.rsplit(".", 2)
            st = p.stat()
            out.append(StoredDocument(case, kind, now - st.st_mtime, st.st_size))
        return out

    def purge(self) -> int:
        """Delete documents older than the retention period; returns how many."""
        n = 0
        for doc in self.list():
            if doc.age_s > self.retention_s:
                self._path(doc.case_number, doc.kind).unlink(missing_ok=True)
                n += 1
        return n

    def digest(self) -> str:
        """A fingerprint of the key (for staff reports), never the key."""
        return self._key_id

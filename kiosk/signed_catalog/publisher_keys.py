"""The province's signing keys, on the publishing machine (never on a kiosk): one PEM file per
key in KEYDIR, named for its role — `root-1.pem`, `targets-2.pem`, `snapshot-1.pem`,
`timestamp-1.pem` (Ed25519, PKCS#8). A kiosk holds only the public halves, inside the root
metadata it was provisioned with.

An empty (or missing) KEYDIR gets every role's keys on first use. Afterwards only the keys
present sign: root and targets keys belong offline (one per person who approves), and a run
that only refreshes the timestamp needs the online snapshot and timestamp keys alone.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import load_pem_private_key
from securesystemslib.signer import CryptoSigner

from kiosk.domain.errors import KioskError
from kiosk.signed_catalog.policy import POLICY, ROLES


class KeysRefused(KioskError):
    """KEYDIR cannot be used: not private, or a file in it is not a key."""

    code = "catalog_keys_refused"


class PublisherKeys:
    def __init__(self, directory: Path) -> None:
        self.directory = directory

    @classmethod
    def open(cls, directory: Path) -> PublisherKeys:
        """KEYDIR as it is; refused when someone else can read or write it."""
        keys = cls(directory)
        if directory.exists():
            keys._check_private()
        return keys

    def is_empty(self) -> bool:
        return not self.directory.exists() or not any(self.directory.glob("*.pem"))

    def _check_private(self) -> None:
        st = self.directory.lstat()
        if not stat.S_ISDIR(st.st_mode):
            raise KeysRefused(f"{self.directory}: not a folder")
        if st.st_uid != os.getuid():
            raise KeysRefused(f"{self.directory}: belongs to another user (uid {st.st_uid})")
        if st.st_mode & 0o077:
            raise KeysRefused(f"{self.directory}: other users can open it (mode "
                              f"{stat.S_IMODE(st.st_mode):o}); chmod 700 it")

    def create_all(self) -> list[str]:
        """First use: every role's keys (root and targets three each, the online roles one);
        returns the files written."""
        self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(self.directory, 0o700)
        written = []
        for role in ROLES:
            for n in range(1, POLICY[role].keys + 1):
                written.append(self._write(f"{role}-{n}.pem", Ed25519PrivateKey.generate()))
        return written

    def _write(self, name: str, key: Ed25519PrivateKey) -> str:
        self._write_signer(self.directory / name, CryptoSigner(key))
        return name

    @staticmethod
    def _write_signer(path: Path, signer: CryptoSigner) -> None:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(signer.private_bytes)
            fh.flush()
            os.fsync(fh.fileno())

    def replace(self, name: str, fresh: CryptoSigner, old: CryptoSigner) -> None:
        """Key rotation: `name`.pem holds `fresh` from now on; the old file is moved to
        retired/ under its key id (kept for the record, trusted by no root any more)."""
        retired = self.directory / "retired"
        retired.mkdir(mode=0o700, exist_ok=True)
        os.rename(self.directory / f"{name}.pem",
                  retired / f"{name}-{old.public_key.keyid[:12]}.pem")
        self._write_signer(self.directory / f"{name}.pem", fresh)

    def signer_of(self, name: str) -> CryptoSigner | None:
        """The key in `name`.pem (e.g. targets-2), None when there is no such file."""
        path = self.directory / f"{name}.pem"
        return self._load(path) if path.exists() else None

    def signers(self, role: str) -> list[CryptoSigner]:
        """The keys present for `role` (files `role-*.pem`), in name order."""
        return [self._load(path) for path in sorted(self.directory.glob(f"{role}-*.pem"))]

    @staticmethod
    def _load(path: Path) -> CryptoSigner:
        try:
            key = load_pem_private_key(path.read_bytes(), None)
        except (OSError, ValueError, TypeError) as exc:
            raise KeysRefused(f"{path}: not a readable private key ({exc})") from None
        if not isinstance(key, Ed25519PrivateKey):
            raise KeysRefused(f"{path}: not an Ed25519 key")
        return CryptoSigner(key)

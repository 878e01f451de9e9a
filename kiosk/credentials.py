"""Where the kiosk's secrets come from: one place for all of them.

Each secret is 32 random bytes under a name:
- `outbox.key`: the outbox's AES-256-GCM key;
- `documents.key`: wraps the certificate signing keys in `<data_dir>/keys` (encrypted PKCS#8);
- `reprint.key`: the reprint store's AES-256-GCM key;
- `pin.key`: seals the staff PIN hashes in `pins.json`.

Three sources, the first that applies:
- **systemd** — the service runs with `LoadCredentialEncrypted=`: systemd opened the sealed
  files (with the machine's TPM2 and/or host key) into `$CREDENTIALS_DIRECTORY`, which lives
  in memory and only the service can read.
- **sealed** — a `kiosk` command run by root over SSH on a kiosk whose `credentials_dir`
  (`/etc/kiosk/credentials`) holds `NAME.cred` files: each is opened with
  `systemd-creds decrypt`, which needs the same machine key.
- **plain** — development and `--simulate`: plain files in `<data_dir>/keys`, made on first
  use. Nothing is sealed to the machine; `kiosk doctor` says so.

The same code reads all three: what differs is only where the 32 bytes come from.
"""

from __future__ import annotations

import base64
import binascii
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from kiosk.config import KioskSettings, ensure_private_dir
from kiosk.domain.errors import KioskError

SECRET_NAMES = ("outbox.key", "documents.key", "reprint.key", "pin.key")
SECRET_BYTES = 32
SEALED_SUFFIX = ".cred"

Source = Literal["systemd", "sealed", "plain"]

# The first 16 bytes of a credential sealed by systemd-creds name the key that sealed it
# (systemd's src/shared/creds-util.h).
_SEALED_WITH = {
    bytes.fromhex("5a1c6a86df9d4096b1d5a65e0862f19a"): "host key",
    bytes.fromhex("0c7cc07b117645919c4b0bea08bc20fe"): "TPM2",
    bytes.fromhex("faf7eb9341e3412ca1a436f95a29362f"): "TPM2",  # with a signed PCR policy
    bytes.fromhex("93a894094874449090caf2fc93cab553"): "host key + TPM2",
}


# how `systemd-creds encrypt --with-key=` names the keys `sealed_with` reports
_WITH_KEY = {"host key": "host", "TPM2": "tpm2", "host key + TPM2": "host+tpm2"}


class CredentialError(KioskError):
    code = "credential"


class CredentialMissing(CredentialError):
    code = "credential_missing"


class CredentialUnreadable(CredentialError):
    code = "credential_unreadable"


@dataclass
class Credentials:
    """The kiosk's secrets from one source (see the module's docstring)."""

    source: Source
    directory: Path
    _cache: dict[str, bytes] = field(default_factory=dict, repr=False)

    @property
    def sealed(self) -> bool:
        """Whether the secrets on disk are sealed to this machine."""
        return self.source != "plain"

    def secret(self, name: str) -> bytes:
        """The 32 bytes of `name` (one of SECRET_NAMES). In a plain folder a missing secret
        is made; sealed ones are only ever made by the install script."""
        if name not in SECRET_NAMES:
            raise CredentialMissing(f"{name} is not one of the kiosk's credentials")
        if name not in self._cache:
            value = {"systemd": self._from_systemd, "sealed": self._from_sealed,
                     "plain": self._from_plain}[self.source](name)
            if len(value) != SECRET_BYTES:
                raise CredentialUnreadable(f"the credential {name} is damaged: it must hold "
                                           f"{SECRET_BYTES} bytes, it holds {len(value)}")
            self._cache[name] = value
        return self._cache[name]

    def replace(self, name: str, value: bytes) -> None:
        """Put `value` in place of the secret `name` (a key rotation): sealed again with the
        key that sealed the one it replaces, or written to the plain folder. Never from
        inside the service, whose credentials systemd opened at its start."""
        if name not in SECRET_NAMES or len(value) != SECRET_BYTES:
            raise CredentialError(f"{name}: not a credential of the kiosk, or not "
                                  f"{SECRET_BYTES} bytes")
        if self.source == "systemd":
            raise CredentialError("the service cannot replace its own credentials: rotate "
                                  "them over SSH as root, with the kiosk stopped")
        if self.source == "plain":
            path = self.plain_path(name)
            _replace_file(path, value)
        else:
            path = self.directory / f"{name}{SEALED_SUFFIX}"
            with_key = _WITH_KEY.get(sealed_with(path), "auto")
            fresh = path.with_name(path.name + ".new")
            done = subprocess.run(["systemd-creds", "encrypt", f"--with-key={with_key}",
                                   f"--name={name}", "-", str(fresh)], input=value,
                                  capture_output=True, timeout=20, check=False)
            if done.returncode != 0:
                fresh.unlink(missing_ok=True)
                why = (done.stderr.decode(errors="replace").strip().splitlines()
                       or ["no reason"])[-1]
                raise CredentialUnreadable(f"{name} could not be sealed: {why}")
            fresh.chmod(0o600)
            os.replace(fresh, path)
        self._cache[name] = value

    def plain_path(self, name: str) -> Path:
        """Where a plain folder keeps `name` (development only)."""
        return self.directory / name

    def describe(self) -> str:
        """One line for `kiosk doctor` and the start-up log."""
        if self.source == "systemd":
            return f"sealed to this machine, opened by systemd into {self.directory}"
        if self.source == "sealed":
            kinds = sorted({sealed_with(p) for p in self.directory.glob(f"*{SEALED_SUFFIX}")})
            return f"sealed to this machine in {self.directory} ({', '.join(kinds)})"
        return (f"plain files in {self.directory}: not sealed to this machine "
                "(development; scripts/install-appliance.sh seals them on a kiosk)")

    # --- the three sources ------------------------------------------------------------------
    def _from_systemd(self, name: str) -> bytes:
        try:
            return (self.directory / name).read_bytes()
        except FileNotFoundError:
            raise CredentialMissing(
                f"systemd passed no credential {name}: the unit needs "
                f"LoadCredentialEncrypted={name}:/etc/kiosk/credentials/{name}{SEALED_SUFFIX}"
            ) from None
        except OSError as exc:
            raise CredentialUnreadable(f"the credential {name} cannot be read: "
                                       f"{exc.strerror}") from None

    def _from_sealed(self, name: str) -> bytes:
        path = self.directory / f"{name}{SEALED_SUFFIX}"
        if not path.exists():
            raise CredentialMissing(f"{path} does not exist: scripts/install-appliance.sh "
                                    "creates the missing credentials")
        try:
            done = subprocess.run(["systemd-creds", "decrypt", f"--name={name}", str(path), "-"],
                                  capture_output=True, timeout=20, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise CredentialUnreadable(f"{path} cannot be opened: systemd-creds did not run "
                                       f"({type(exc).__name__})") from None
        if done.returncode != 0:
            why = (done.stderr.decode(errors="replace").strip().splitlines() or ["no reason"])[-1]
            hint = " (run as root, on the kiosk it was sealed on)" if os.geteuid() != 0 else \
                " (sealed on another machine, or its key changed)"
            raise CredentialUnreadable(f"{path} cannot be opened: {why}{hint}")
        return done.stdout

    def _from_plain(self, name: str) -> bytes:
        path = self.plain_path(name)
        if not path.exists():  # made whole, then linked in: a reader never sees half of it
            ensure_private_dir(self.directory.parent)  # the data folder: this user's alone
            ensure_private_dir(self.directory)
            fresh = path.with_name(f".{name}.{os.getpid()}.new")
            _write_new(fresh, os.urandom(SECRET_BYTES))
            try:
                os.link(fresh, path)
            except FileExistsError:
                pass  # another process made it first: its key is the key
            finally:
                fresh.unlink()
        return path.read_bytes()


def _write_new(path: Path, value: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(value)
        fh.flush()
        os.fsync(fh.fileno())


def _replace_file(path: Path, value: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fresh = path.with_name(path.name + ".new")
    _write_new(fresh, value)
    os.replace(fresh, path)


def sealed_with(path: Path) -> str:
    """Which machine key sealed the credential file at `path`, in words."""
    try:
        head = base64.b64decode(path.read_bytes()[:24], validate=False)[:16]
    except (OSError, binascii.Error, ValueError):
        return "unreadable"
    return _SEALED_WITH.get(head, "unknown key")


def locate_credentials(data_dir: Path, *, sealed_dir: Path, simulate: bool) -> Credentials:
    """The kiosk's credentials: systemd's, else the sealed folder's (not for a simulated
    kiosk), else the plain development folder `<data_dir>/keys`."""
    found = passed_or_plain(data_dir)
    if found.source == "plain" and not simulate and sealed_dir.is_dir() and \
            any(sealed_dir.glob(f"*{SEALED_SUFFIX}")):
        return Credentials("sealed", sealed_dir)
    return found


def passed_or_plain(data_dir: Path) -> Credentials:
    """systemd's credentials when the service passes some, else the plain folder: for a
    component built without the configuration (a benchmark, a test)."""
    passed = os.environ.get("CREDENTIALS_DIRECTORY")
    return Credentials("systemd", Path(passed)) if passed else Credentials("plain",
                                                                            data_dir / "keys")


def credentials_for(config: KioskSettings) -> Credentials:
    """This kiosk's credentials, as its configuration places them."""
    return locate_credentials(config.data_dir, sealed_dir=config.credentials_dir,
                              simulate=config.simulate)

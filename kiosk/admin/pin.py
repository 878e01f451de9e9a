"""Staff PINs: stored only as scrypt hashes, checked in constant time, with VotingWorks-style
lockout: a few free attempts, then a lockout that doubles with each further wrong PIN
(15 s, 30 s, 60 s, ...). Attempts survive a restart (pulling the plug does not reset them).
The clock is injected so the timings are testable."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kiosk.domain.errors import Advice, KioskError

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1  # ~50 ms and 32 MiB per check
FREE_ATTEMPTS = 5
FIRST_LOCKOUT_S = 15.0
MAX_LOCKOUT_S = 3600.0
PIN_PATTERN = re.compile(r"^[0-9]{6,12}$")
STAFF_ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,32}$")


class PinError(KioskError):
    code = "admin_pin"
    advice = Advice.CALL_STAFF


class WeakPin(PinError):
    code = "admin_pin_weak"


class LockedOut(PinError):
    code = "admin_locked_out"

    def __init__(self, seconds: float) -> None:
        super().__init__(f"locked for {seconds:.0f} s more")
        self.seconds = seconds


@dataclass(frozen=True)
class PinCheck:
    ok: bool
    staff_id: str = ""
    locked_for_s: float = 0.0
    attempts_left: int = 0


def _hash(pin: str, salt: bytes) -> bytes:
    return hashlib.scrypt(pin.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P,
                          maxmem=64 * 2**20, dklen=32)


def check_pin_strength(pin: str) -> None:
    if not PIN_PATTERN.fullmatch(pin):
        raise WeakPin("a PIN is 6 to 12 digits")
    if len(set(pin)) == 1 or pin in "0123456789012" or pin in "9876543210987":
        raise WeakPin("a PIN must not be one repeated digit or a run like 123456")


def lockout_after(failures: int) -> float:
    """Seconds locked after `failures` wrong PINs in a row."""
    if failures < FREE_ATTEMPTS:
        return 0.0
    return float(min(MAX_LOCKOUT_S, FIRST_LOCKOUT_S * 2.0 ** (failures - FREE_ATTEMPTS)))


class PinStore:
    """<data_dir>/admin/pins.json: {"staff": {id: {salt, hash}}, "failures": n, "locked_until"}"""

    def __init__(self, path: Path, clock: Callable[[], float] = time.time) -> None:
        self.path = path
        self.clock = clock

    def _load(self) -> dict:  # type: ignore[type-arg]
        try:
            data = json.loads(self.path.read_text())
        except FileNotFoundError:
            data = {}
        data.setdefault("staff", {})
        data.setdefault("failures", 0)
        data.setdefault("locked_until", 0.0)
        return data  # type: ignore[no-any-return]

    def _save(self, data: dict) -> None:  # type: ignore[type-arg]
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = self.path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            json.dump(data, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.path)

    @property
    def configured(self) -> bool:
        return bool(self._load()["staff"])

    def set_pin(self, staff_id: str, pin: str) -> None:
        if not STAFF_ID_PATTERN.fullmatch(staff_id):
            raise PinError("a staff id is 1 to 32 letters, digits, '-' or '_'")
        check_pin_strength(pin)
        data = self._load()
        salt = secrets.token_bytes(16)
        data["staff"][staff_id] = {"salt": salt.hex(), "hash": _hash(pin, salt).hex(),
                                   "set_at": self.clock()}
        self._save(data)

    def locked_for(self) -> float:
        return max(0.0, float(self._load()["locked_until"]) - self.clock())

    def check(self, pin: str) -> PinCheck:
        """Whose PIN this is. While locked, no PIN is even tried."""
        data = self._load()
        now = self.clock()
        if float(data["locked_until"]) > now:
            return PinCheck(False, locked_for_s=float(data["locked_until"]) - now)
        found = ""
        for staff_id, rec in data["staff"].items():  # every hash is computed: same time
            digest = _hash(pin, bytes.fromhex(rec["salt"]))
            if hmac.compare_digest(digest, bytes.fromhex(rec["hash"])) and not found:
                found = staff_id
        if found:
            data["failures"], data["locked_until"] = 0, 0.0
            self._save(data)
            return PinCheck(True, staff_id=found)
        data["failures"] = int(data["failures"]) + 1
        lock = lockout_after(data["failures"])
        data["locked_until"] = now + lock if lock else 0.0
        self._save(data)
        return PinCheck(False, locked_for_s=lock,
                        attempts_left=max(0, FREE_ATTEMPTS - data["failures"]))

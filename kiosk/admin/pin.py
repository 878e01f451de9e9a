"""Staff PINs: stored only as scrypt hashes, checked in constant time, with VotingWorks-style
lockout: a few free attempts, then a lockout that doubles with each further wrong PIN
(15 s, 30 s, 60 s, ...). Attempts survive a restart (pulling the plug does not reset them).

A lockout can never last longer than its computed length, whatever the wall clock does (set
three years ahead and corrected, it must not lock staff out for three years): the store keeps
the lockout's length, and where it started on the monotonic clock of this boot
(`/proc/sys/kernel/random/boot_id` names the boot). Within one boot only monotonic time
counts; after a reboot the wall clock is used, and the time left is always clamped between 0
and the length. A damaged pins.json is `PinStoreDamaged`, never an exception in a Qt slot; the
admin menu says so and `kiosk admin set-pin` starts a new store (the damaged file kept aside).
The clocks are injected so the timings are testable."""

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
from typing import Any

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


class PinStoreDamaged(PinError):
    code = "admin_pin_store_damaged"


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


def current_boot_id() -> str:
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text().strip()
    except OSError:
        return ""


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
    """<data_dir>/admin/pins.json: {"staff": {id: {salt, hash, set_at}}, "failures": n,
    "lock": {"length_s", "wall_start", "mono_start", "boot_id"} or null}"""

    def __init__(self, path: Path, clock: Callable[[], float] = time.time,
                 monotonic: Callable[[], float] = time.monotonic,
                 boot_id: Callable[[], str] = current_boot_id) -> None:
        self.path = path
        self.clock = clock
        self.monotonic = monotonic
        self.boot_id = boot_id

    def _load(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {"staff": {}, "failures": 0, "lock": None}
        except (OSError, ValueError) as exc:
            raise PinStoreDamaged(f"{self.path} cannot be read: {type(exc).__name__}") \
                from None
        if not isinstance(data, dict):
            raise PinStoreDamaged(f"{self.path} is not a PIN store")
        staff = data.get("staff", {})
        failures = data.get("failures", 0)
        lock = data.get("lock")
        if not isinstance(staff, dict) or not isinstance(failures, int) or failures < 0 or \
                not (lock is None or isinstance(lock, dict)):
            raise PinStoreDamaged(f"{self.path} is not a PIN store")
        for rec in staff.values():
            if not isinstance(rec, dict) or not all(
                    isinstance(rec.get(k), str) and _is_hex(rec[k]) for k in ("salt", "hash")):
                raise PinStoreDamaged(f"{self.path} holds a damaged PIN record")
        if lock is not None and not all(isinstance(lock.get(k), int | float)
                                        for k in ("length_s", "wall_start", "mono_start")):
            raise PinStoreDamaged(f"{self.path} holds a damaged lockout")
        return {"staff": staff, "failures": failures, "lock": lock}

    def _save(self, data: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = self.path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            json.dump(data, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.path)

    def _remaining(self, lock: dict[str, Any] | None) -> float:
        """Seconds left of `lock`, between 0 and its length whatever the clocks say."""
        if not lock:
            return 0.0
        length = max(0.0, min(MAX_LOCKOUT_S, float(lock["length_s"])))
        if lock.get("boot_id") and lock.get("boot_id") == self.boot_id():
            elapsed = self.monotonic() - float(lock["mono_start"])
        else:  # another boot: the monotonic clock restarted, the wall clock is all there is
            elapsed = self.clock() - float(lock["wall_start"])
        return max(0.0, min(length, length - max(0.0, elapsed)))

    @property
    def configured(self) -> bool:
        return bool(self._load()["staff"])

    def set_pin(self, staff_id: str, pin: str) -> None:
        """Set (or replace) a staff PIN. Over a damaged store, the damaged file is kept aside
        and a new store started."""
        if not STAFF_ID_PATTERN.fullmatch(staff_id):
            raise PinError("a staff id is 1 to 32 letters, digits, '-' or '_'")
        check_pin_strength(pin)
        try:
            data = self._load()
        except PinStoreDamaged:
            os.replace(self.path, self.path.with_name(
                f"{self.path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}"))
            data = {"staff": {}, "failures": 0, "lock": None}
        salt = secrets.token_bytes(16)
        data["staff"][staff_id] = {"salt": salt.hex(), "hash": _hash(pin, salt).hex(),
                                   "set_at": self.clock()}
        self._save(data)

    def locked_for(self) -> float:
        return self._remaining(self._load()["lock"])

    def check(self, pin: str) -> PinCheck:
        """Whose PIN this is. While locked, no PIN is even tried."""
        data = self._load()
        left = self._remaining(data["lock"])
        if left > 0:
            return PinCheck(False, locked_for_s=left)
        found = ""
        for staff_id, rec in data["staff"].items():  # every hash is computed: same time
            digest = _hash(pin, bytes.fromhex(rec["salt"]))
            if hmac.compare_digest(digest, bytes.fromhex(rec["hash"])) and not found:
                found = staff_id
        if found:
            data["failures"], data["lock"] = 0, None
            self._save(data)
            return PinCheck(True, staff_id=found)
        data["failures"] = int(data["failures"]) + 1
        lock = lockout_after(data["failures"])
        data["lock"] = {"length_s": lock, "wall_start": self.clock(),
                        "mono_start": self.monotonic(), "boot_id": self.boot_id()} \
            if lock else None
        self._save(data)
        return PinCheck(False, locked_for_s=lock,
                        attempts_left=max(0, FREE_ATTEMPTS - data["failures"]))


def _is_hex(text: str) -> bool:
    try:
        bytes.fromhex(text)
    except ValueError:
        return False
    return True

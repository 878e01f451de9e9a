"""Staff PINs: stored only as scrypt hashes sealed under the kiosk's own secret, checked in
constant time, with VotingWorks-style lockout: a few free attempts, then a lockout that
doubles with each further wrong PIN (15 s, 30 s, 60 s, ...). Attempts survive a restart
(pulling the plug does not reset them).

A lockout can never last longer than its computed length, whatever the wall clock does (set
three years ahead and corrected, it must not lock staff out for three years): the store keeps
the lockout's length, and where it started on the monotonic clock of this boot
(`/proc/sys/kernel/random/boot_id` names the boot). Within one boot only monotonic time
counts; after a reboot the wall clock is used, and the time left is always clamped between 0
and the length. A damaged pins.json is `PinStoreDamaged`, never an exception in a Qt slot; the
admin menu says so and `kiosk admin set-pin` starts a new store (the damaged file kept aside).
The clocks are injected so the timings are testable.

A stolen disk must not let anyone try PINs offline (a 6-digit PIN falls to a brute force in
hours, and a PIN reused across the fleet would open every kiosk): each scrypt hash is sealed
with AES-256-GCM under the credential `pin.key` (kiosk/credentials.py, sealed to the machine),
with the staff id and salt as associated data. pins.json alone holds no hash to test a guess
against; another kiosk's key opens nothing in it (`PinKeyMismatch`). Hashes from before the
key are sealed the first time the store is read with it. A new PIN may not be one of the
staff member's last `PIN_HISTORY` PINs, nor a trivial pattern (`check_pin_strength`)."""

from __future__ import annotations

import hashlib
import hmac
import json
import math
import os
import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from kiosk.domain.errors import Advice, KioskError
from kiosk.events import EventId
from kiosk.logging import get_logger

log = get_logger(__name__)

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1  # ~50 ms and 32 MiB per check
SCRYPT_N_RANGE = (2**10, 2**17)  # what a record may name (a record names its own cost)
PIN_HISTORY = 5  # a new PIN may not be any of the staff member's last five
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


class PinKeyMismatch(PinStoreDamaged):
    """pins.json was sealed under another `pin.key`: another kiosk's file, or a rotated key.
    Its PINs can only be set again."""

    code = "admin_pin_key_mismatch"


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


def _hash(pin: str, salt: bytes, n: int = SCRYPT_N) -> bytes:
    return hashlib.scrypt(pin.encode(), salt=salt, n=n, r=SCRYPT_R, p=SCRYPT_P,
                          maxmem=64 * 2**20 if n <= SCRYPT_N else 256 * 2**20, dklen=32)


def check_pin_strength(pin: str) -> None:
    """Refuse what a passer-by would try first: one digit repeated (000000), a run up or down
    (123456, 987654), two digits only (121211, 100100), a short group repeated (123123) or
    pairs in a run (112233)."""
    if not PIN_PATTERN.fullmatch(pin):
        raise WeakPin("a PIN is 6 to 12 digits")
    if len(set(pin)) == 1 or pin in "0123456789012" or pin in "9876543210987":
        raise WeakPin("a PIN must not be one repeated digit or a run like 123456")
    if len(set(pin)) == 2:
        raise WeakPin("a PIN must use more than two different digits")
    if any(len(pin) % n == 0 and pin == pin[:n] * (len(pin) // n) for n in (2, 3, 4)):
        raise WeakPin("a PIN must not be a short group of digits repeated, like 123123")
    if len(pin) % 2 == 0 and all(pin[i] == pin[i + 1] for i in range(0, len(pin), 2)):
        singles = pin[::2]
        if singles in "0123456789012" or singles in "9876543210987":
            raise WeakPin("a PIN must not be pairs in a run, like 112233")


def lockout_after(failures: int) -> float:
    """Seconds locked after `failures` wrong PINs in a row."""
    if failures < FREE_ATTEMPTS:
        return 0.0
    return float(min(MAX_LOCKOUT_S, FIRST_LOCKOUT_S * 2.0 ** (failures - FREE_ATTEMPTS)))


class PinStore:
    """<data_dir>/admin/pins.json: {"staff": {id: {salt, n, sealed, set_at, history: [{salt,
    n, sealed}]}}, "failures": n, "lock": {"length_s", "wall_start", "mono_start", "boot_id"}
    or null}. `sealed` is nonce ‖ AES-GCM(pin.key, scrypt(PIN, salt)); `key` is the
    credential `pin.key`; `scrypt_n` the cost of PINs set from now on."""

    def __init__(self, path: Path, clock: Callable[[], float] = time.time,
                 monotonic: Callable[[], float] = time.monotonic,
                 boot_id: Callable[[], str] = current_boot_id, *, key: bytes,
                 scrypt_n: int = SCRYPT_N) -> None:
        self.path = path
        self.clock = clock
        self.monotonic = monotonic
        self.boot_id = boot_id
        self._aead = AESGCM(key)
        self.scrypt_n = scrypt_n

    # --- sealing ------------------------------------------------------------------------------
    def _seal(self, staff_id: str, salt: bytes, digest: bytes) -> str:
        nonce = secrets.token_bytes(12)
        return (nonce + self._aead.encrypt(nonce, digest, _aad(staff_id, salt))).hex()

    def _opened(self, staff_id: str, rec: dict[str, Any]) -> bytes:
        sealed = bytes.fromhex(rec["sealed"])
        try:
            return self._aead.decrypt(sealed[:12], sealed[12:],
                                      _aad(staff_id, bytes.fromhex(rec["salt"])))
        except (InvalidTag, ValueError):
            raise PinKeyMismatch(f"{self.path} was sealed with another pin.key (another "
                                 "kiosk's, or a rotated key): set the PINs again") from None

    def _matches(self, staff_id: str, rec: dict[str, Any], pin: str) -> bool:
        digest = _hash(pin, bytes.fromhex(rec["salt"]), int(rec.get("n", SCRYPT_N)))
        return hmac.compare_digest(digest, self._opened(staff_id, rec))

    def _seal_older_hashes(self, data: dict[str, Any]) -> bool:
        """Hashes from before pin.key (`hash` in clear) sealed now; True when any was."""
        found = False
        for staff_id, rec in data["staff"].items():
            if "sealed" not in rec:
                rec["sealed"] = self._seal(staff_id, bytes.fromhex(rec["salt"]),
                                           bytes.fromhex(rec.pop("hash")))
                found = True
        return found

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
            if not isinstance(rec, dict) or not _is_record(rec) or not all(
                    isinstance(h, dict) and "sealed" in h and _is_record(h)
                    for h in rec.get("history", [])):
                raise PinStoreDamaged(f"{self.path} holds a damaged PIN record")
        if lock is not None and not all(isinstance(lock.get(k), int | float)
                                        for k in ("length_s", "wall_start", "mono_start")):
            raise PinStoreDamaged(f"{self.path} holds a damaged lockout")
        data = {"staff": staff, "failures": failures, "lock": lock}
        if self._seal_older_hashes(data):
            self._save(data)
            log.info("PIN hashes sealed under pin.key", event_id=EventId.PIN_STORE_SEALED)
        return data

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

    def set_pin(self, staff_id: str, pin: str) -> Path | None:
        """Set (or replace) a staff PIN. Over a damaged store, or one sealed under another
        pin.key, that file is kept aside (its path returned: the other staff's PINs must be
        set again) and a new store started."""
        if not STAFF_ID_PATTERN.fullmatch(staff_id):
            raise PinError("a staff id is 1 to 32 letters, digits, '-' or '_'")
        check_pin_strength(pin)
        kept_aside = None
        try:
            data = self._load()
            for other, rec in data["staff"].items():
                self._opened(other, rec)  # every record opens with this kiosk's key
        except PinStoreDamaged:
            kept_aside = self.path.with_name(
                f"{self.path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
            os.replace(self.path, kept_aside)
            data = {"staff": {}, "failures": 0, "lock": None}
        before = data["staff"].get(staff_id)
        earlier = [] if before is None else \
            [before, *before.get("history", [])][:PIN_HISTORY]
        if any(self._matches(staff_id, rec, pin) for rec in earlier):
            raise WeakPin(f"a new PIN must differ from the last {PIN_HISTORY} PINs of "
                          f"{staff_id}")
        salt = secrets.token_bytes(16)
        data["staff"][staff_id] = {
            "salt": salt.hex(), "n": self.scrypt_n,
            "sealed": self._seal(staff_id, salt, _hash(pin, salt, self.scrypt_n)),
            "set_at": self.clock(),
            "history": [{k: rec[k] for k in ("salt", "n", "sealed") if k in rec}
                        for rec in earlier]}
        self._save(data)
        return kept_aside

    def reseal(self, new_key: bytes, replace_key: Callable[[], None]) -> int:
        """Seal every PIN hash (and the PIN history) under `new_key`: a rotation of pin.key.
        Every record is opened with the old key first; `replace_key` (which puts the new key
        in the old one's place) runs only then, and the store is saved after it. Returns how
        many staff records were sealed again."""
        data = self._load()
        fresh = PinStore(self.path, key=new_key)
        for staff_id, rec in data["staff"].items():
            for entry in [rec, *rec.get("history", [])]:
                entry["sealed"] = fresh._seal(staff_id, bytes.fromhex(entry["salt"]),
                                              self._opened(staff_id, entry))
        replace_key()
        self._save(data)
        self._aead = AESGCM(new_key)
        return len(data["staff"])

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
            if self._matches(staff_id, rec, pin) and not found:
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


def _aad(staff_id: str, salt: bytes) -> bytes:
    return f"kiosk-pin|{staff_id}|{salt.hex()}".encode()


def _is_record(rec: dict[str, Any]) -> bool:
    """A PIN record's fields are of the right kinds (sealed, or from before pin.key)."""
    n = rec.get("n", SCRYPT_N)
    return all(isinstance(rec.get(k), str) and _is_hex(rec[k])
               for k in ("salt", "sealed" if "sealed" in rec else "hash")) and \
        isinstance(n, int) and SCRYPT_N_RANGE[0] <= n <= SCRYPT_N_RANGE[1] and \
        math.log2(n).is_integer()


def _is_hex(text: str) -> bool:
    try:
        bytes.fromhex(text)
    except ValueError:
        return False
    return True

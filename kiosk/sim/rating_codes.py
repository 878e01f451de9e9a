"""扫码评 in the simulated platform: a short-lived rating code for the cases of one receipt,
issued to the kiosk that printed it, opened on the citizen's phone (kiosk/sim/rating_page.py)
and used once. A code names cases, never a person.

A code lives `LIFETIME` (three days: rating "later" means tonight or tomorrow, not next month);
past that, or once used, the page says so instead of the form.
"""

from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta

LIFETIME = timedelta(days=3)
# twelve characters without 0/O and 1/I: read off the paper if the camera will not scan
_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


@dataclass
class RatingCode:
    code: str
    cases: list[tuple[str, str]]  # (case number, item code)
    service_title: str
    expires_at: datetime
    used: bool = False


@dataclass
class RatingCodes:
    """The codes issued, by code; one code per (kiosk, idempotency key)."""

    codes: dict[str, RatingCode] = field(default_factory=dict)
    by_key: dict[str, str] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def issue(self, cases: list[tuple[str, str]], service_title: str, now: datetime,
              key: str) -> tuple[RatingCode, bool]:
        """A new code (True), or the one this key already got (False)."""
        with self.lock:
            if key in self.by_key:
                return self.codes[self.by_key[key]], False
            code = "".join(secrets.choice(_ALPHABET) for _ in range(12))
            issued = RatingCode(code, list(cases), service_title, now + LIFETIME)
            self.codes[code] = issued
            self.by_key[key] = code
            return issued, True

    def usable(self, code: str, now: datetime) -> tuple[RatingCode | None, str]:
        """The code, and "" if it can be used now, else why not: unknown, expired, used."""
        found = self.codes.get(code)
        if found is None:
            return None, "unknown"
        if found.used:
            return found, "used"
        if now >= found.expires_at:
            return found, "expired"
        return found, ""

    def use(self, code: str, now: datetime) -> RatingCode | None:
        """Mark the code used (once); None if it cannot be used now."""
        with self.lock:
            found, why = self.usable(code, now)
            if found is None or why:
                return None
            found.used = True
            return found

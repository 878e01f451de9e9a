"""How the province's catalog repository is signed: the four TUF roles, how many keys each has
and how many must sign (the threshold), how long each role's metadata stays valid, and how long
before it expires a publish run signs it again.

- root: which keys are trusted for every role. Kept offline, changed rarely; 2 of 3 sign.
- targets: the catalog's files, their lengths and hashes. The people who approve a catalog
  sign it; 2 of 3, so one stolen key signs nothing a kiosk accepts.
- snapshot: the version of the targets metadata (stops mix-and-match). Online key.
- timestamp: the current snapshot, signed at every publish run with a short expiry (stops a
  freeze: a mirror that keeps serving yesterday's repository is refused within a day).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

ROLES = ("root", "targets", "snapshot", "timestamp")
# the catalog's own index among the targets: its version and its files (kiosk/signed_catalog/
# manifest.py); every other target is one file of the catalog
MANIFEST = "manifest.json"


@dataclass(frozen=True)
class RolePolicy:
    keys: int  # keys made for the role on first use
    threshold: int  # signatures a kiosk requires
    valid_for: timedelta  # a new version expires this long after it is signed
    renew_within: timedelta  # a publish run signs again what expires sooner than this


POLICY: dict[str, RolePolicy] = {
    "root": RolePolicy(3, 2, timedelta(days=365), timedelta(days=60)),
    "targets": RolePolicy(3, 2, timedelta(days=90), timedelta(days=30)),
    "snapshot": RolePolicy(1, 1, timedelta(days=14), timedelta(days=7)),
    # signed again at every run, whatever its expiry (run publish hourly from cron)
    "timestamp": RolePolicy(1, 1, timedelta(days=1), timedelta(days=1)),
}

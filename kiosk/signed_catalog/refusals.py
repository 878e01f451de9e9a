"""Why a catalog check did not apply anything, in a code (for metrics and alert rules) and in
plain words (for the log, `kiosk doctor`, the admin page). python-tuf's errors name what
failed; each is mapped to the attack it stops:

- `expired` (ExpiredMetadataError): metadata past its expiry — a mirror serving a frozen
  repository, or a province that stopped signing;
- `rollback` (BadVersionNumberError): a version older than one already trusted;
- `signatures` (UnsignedMetadataError): fewer valid signatures than the role's threshold — a
  forged file, or a stolen key below the threshold;
- `mismatch` (LengthOrHashMismatchError): a file differs from its signed length or hash — a
  tampered file, or metadata mixed from two versions;
- `too_large` (DownloadLengthMismatchError): more bytes than the file may have — an endless
  or oversized answer;
- `too_slow` (SlowRetrievalError): the check's deadline passed — a server dripping its answer;
- `invalid_catalog` (the kiosk's own loader): signed, but it would not load on a kiosk;
- `invalid_manifest`, `repository`: the repository's content does not hang together.

`unreachable` is apart: the repository did not answer (no connection, HTTP errors).
"""

from __future__ import annotations

from dataclasses import dataclass

from tuf.api import exceptions as tuf_errors

from kiosk.flows.catalog import CatalogError
from kiosk.signed_catalog.manifest import ManifestInvalid


@dataclass(frozen=True)
class Refusal:
    unreachable: bool
    code: str
    words: str


def refusal_of(exc: Exception) -> Refusal | None:
    """The refusal an exception of a check stands for; None for one that is not about the
    repository's content or its reachability (a bug, a full disk: the caller says so)."""
    detail = str(exc) or type(exc).__name__
    if isinstance(exc, tuf_errors.ExpiredMetadataError):
        return Refusal(False, "expired", f"the repository's metadata has expired ({detail}): "
                       "a mirror may be serving a frozen copy, or the province has stopped "
                       "signing it")
    if isinstance(exc, tuf_errors.BadVersionNumberError):
        return Refusal(False, "rollback", f"the repository offered an older version than the "
                       f"one this kiosk trusts ({detail})")
    if isinstance(exc, tuf_errors.UnsignedMetadataError):
        return Refusal(False, "signatures", f"not signed by enough of the keys the root "
                       f"trusts ({detail})")
    if isinstance(exc, tuf_errors.LengthOrHashMismatchError):
        return Refusal(False, "mismatch", f"a file differs from its signed length or hash "
                       f"({detail})")
    if isinstance(exc, tuf_errors.DownloadLengthMismatchError):
        return Refusal(False, "too_large", f"the repository sent more than the file may hold "
                       f"({detail})")
    if isinstance(exc, tuf_errors.SlowRetrievalError):
        return Refusal(False, "too_slow", f"the repository answered too slowly ({detail})")
    if isinstance(exc, tuf_errors.DownloadError):
        cause = exc.__cause__ or exc.__context__
        more = f": {type(cause).__name__}" if cause is not None else ""
        return Refusal(True, "unreachable", f"the repository cannot be reached ({detail}{more})")
    if isinstance(exc, CatalogError):
        return Refusal(False, "invalid_catalog", f"the catalog would not load on this kiosk: "
                       f"{detail}")
    if isinstance(exc, ManifestInvalid):
        return Refusal(False, "invalid_manifest", f"the catalog's manifest is not usable: "
                       f"{detail}")
    if isinstance(exc, tuf_errors.RepositoryError):
        return Refusal(False, "repository", f"the repository's metadata does not verify "
                       f"({detail})")
    return None

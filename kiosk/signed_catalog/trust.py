"""The root metadata a kiosk trusts: the province's `1.root.json`, provisioned with the kiosk
(config `catalog.root`, or `kiosk catalog update --root FILE` on first use).

On first use it is checked (a root metadata file, signed by its own threshold of root keys)
and kept as `<data_dir>/catalog/provisioned-root.json`; from then on that kept copy is the
trust anchor, whatever the configuration or a later `--root` says. python-tuf walks from it
to the repository's newest root (each one signed by the keys of the one before), so a key
rotation at the province needs nothing on the kiosk. Trusting another root — after the
province lost its root keys — means removing the kiosk's catalog folder and provisioning
again (docs/catalog-updates.md).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from tuf.api.exceptions import RepositoryError
from tuf.api.metadata import Metadata, Root
from tuf.api.serialization import DeserializationError

from kiosk.domain.bounded_file import FileRefused, read_bounded
from kiosk.domain.errors import KioskError
from kiosk.events import EventId
from kiosk.logging import get_logger
from kiosk.signed_catalog.kept_catalogs import KeptCatalogs

log = get_logger(__name__)
MAX_ROOT_BYTES = 512 * 1024


class TrustNotProvisioned(KioskError):
    """No root metadata to trust, or one that is not a root."""

    code = "catalog_trust_missing"


class TrustConflict(KioskError):
    """`--root` names a root other than the one this kiosk already trusts."""

    code = "catalog_trust_conflict"


def trusted_root(kept: KeptCatalogs, configured: Path | None, given: Path | None,
                 repository_root: Callable[[], bytes] | None = None) -> bytes:
    """The root metadata's bytes this kiosk trusts, provisioning it on first use.
    `repository_root` (a simulated kiosk only): with nothing provisioned, the repository's own
    1.root.json is trusted on first use — a demonstration's convenience, said at warning
    level; a kiosk in service is provisioned with the province's root."""
    if kept.provisioned_root.exists():
        data = kept.provisioned_root.read_bytes()
        if given is not None and _read(given) != data:
            raise TrustConflict(
                f"{given}: this kiosk already trusts another root "
                f"({kept.provisioned_root}); to trust a new one, remove {kept.root} first")
        return data
    source: Path | str | None = given or configured
    if source is None and repository_root is not None:
        source = "the repository's metadata/1.root.json (simulated kiosk)"
        log.warning("trusting the catalog repository's own root on first use",
                    event_id=EventId.CATALOG_TRUST_PROVISIONED, simulated=True)
        data = repository_root()
        if len(data) > MAX_ROOT_BYTES:
            raise TrustNotProvisioned(f"{source}: larger than {MAX_ROOT_BYTES // 1024} KB")
    elif source is None:
        raise TrustNotProvisioned("no root metadata to trust: set catalog.root, or give "
                                  "--root with the province's 1.root.json")
    else:
        data = _read(Path(source))
    try:
        md: Metadata[Root] = Metadata.from_bytes(data)
        if not isinstance(md.signed, Root):
            raise TrustNotProvisioned(f"{source}: not root metadata ({md.signed.type})")
        md.verify_delegate(Root.type, md)
    except (DeserializationError, RepositoryError, ValueError) as exc:
        raise TrustNotProvisioned(f"{source}: not a signed root metadata file ({exc})") \
            from None
    kept.prepare()
    tmp = kept.provisioned_root.with_name(".provisioned-root.json.new")
    tmp.write_bytes(data)
    os.chmod(tmp, 0o600)
    os.replace(tmp, kept.provisioned_root)
    log.info("catalog root trusted", event_id=EventId.CATALOG_TRUST_PROVISIONED,
             source=str(source), root_version=md.signed.version,
             expires=md.signed.expires.isoformat())
    return data


def _read(path: Path) -> bytes:
    try:
        return read_bounded(path, MAX_ROOT_BYTES)
    except FileRefused as exc:
        raise TrustNotProvisioned(str(exc)) from None

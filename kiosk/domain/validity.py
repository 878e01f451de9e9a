"""Is a credential valid today? The validity date printed on an ID card, a permit, a passport
or a social security card is a local calendar date: a card whose last valid day is today is
valid until midnight where the kiosk stands (`KioskClock.today()`, kiosk/domain/clock.py),
whatever the machine's clock zone. `长期` (no end date) never expires."""

from __future__ import annotations

from datetime import date

from kiosk.domain.errors import CredentialExpired
from kiosk.domain.identity import Identity


def ensure_valid(identity: Identity, today: date) -> None:
    """CredentialExpired when the credential's last valid day is before `today`."""
    if identity.expiry is not None and identity.expiry < today:
        raise CredentialExpired(f"{identity.credential.value} expired")

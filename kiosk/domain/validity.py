"""Is a credential valid today? The validity date printed on an ID card, a permit, a passport
or a social security card is a local calendar date: a card whose last valid day is today is
valid until midnight where the kiosk stands, whatever the machine's clock zone. `长期` (no
end date) never expires."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kiosk.domain.errors import CredentialExpired
from kiosk.domain.identity import Identity

# China Standard Time, for a machine without the time-zone database
_CST = timezone(timedelta(hours=8), "CST")


def zone(name: str) -> tzinfo:
    """The named time zone; China Standard Time when the database lacks it."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return _CST


def local_today(time_zone: str, now: datetime | None = None) -> date:
    """Today's date in `time_zone` (now: an aware datetime, for tests)."""
    return (now or datetime.now(UTC)).astimezone(zone(time_zone)).date()


def ensure_valid(identity: Identity, today: date) -> None:
    """CredentialExpired when the credential's last valid day is before `today`."""
    if identity.expiry is not None and identity.expiry < today:
        raise CredentialExpired(f"{identity.credential.value} expired")

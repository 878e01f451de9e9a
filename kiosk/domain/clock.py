"""The kiosk's one clock: "now" and "today" where the kiosk stands (the configured
`time_zone`, Asia/Shanghai by default), never in the machine's zone. Kiosks run their system
clock in UTC; a hall that is open 24 hours still lives on Beijing's calendar, so every date the
kiosk judges (age, validity, an MRZ's century) or prints (issue date, receipt and footer times,
statistics' days, the signed QR's date) comes from here.

The composition root builds one `KioskClock` from the configuration and hands it to whatever
needs a date; tests and scenarios give it a wall of their own (`KioskClock.at`). Durations and
timeouts are not dates: they stay on the monotonic clock.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_ZONE = "Asia/Shanghai"
# Beijing time: printed times carry no zone where they are in it
BEIJING_OFFSET = timedelta(hours=8)
# China Standard Time, for a machine without the time-zone database
_CST = timezone(BEIJING_OFFSET, "CST")


def zone(name: str) -> tzinfo:
    """The named time zone; China Standard Time when the database lacks it."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return _CST


class KioskClock:
    """Now and today in one zone. `wall` gives seconds since the epoch (time.time by
    default): the only thing a test replaces."""

    def __init__(self, time_zone: str = DEFAULT_ZONE,
                 wall: Callable[[], float] = time.time) -> None:
        self.zone_name = time_zone
        self.zone = zone(time_zone)
        self._wall = wall

    @classmethod
    def at(cls, moment: datetime, time_zone: str = DEFAULT_ZONE, *,
           running: bool = True) -> KioskClock:
        """A clock that reads `moment` now (an aware datetime) and runs on from it with the
        monotonic clock — or stands still there (`running` False)."""
        if moment.tzinfo is None:
            raise ValueError("the moment must say its zone (an aware datetime)")
        start = moment.timestamp()
        if not running:
            return cls(time_zone, lambda: start)
        began = time.monotonic()
        return cls(time_zone, lambda: start + (time.monotonic() - began))

    def timestamp(self) -> float:
        """Seconds since the epoch (for what is stored as an instant)."""
        return self._wall()

    def now(self) -> datetime:
        """The time where the kiosk stands, as an aware datetime."""
        return datetime.fromtimestamp(self._wall(), self.zone)

    def today(self) -> date:
        """Today's date where the kiosk stands."""
        return self.now().date()

    def day_of(self, timestamp: float) -> date:
        """The kiosk's calendar day of an instant."""
        return datetime.fromtimestamp(timestamp, self.zone).date()


def printed_time(when: datetime, *, seconds: bool = False) -> str:
    """A time as printed on paper: `2026-12-07 20:59`, followed by its UTC offset only where
    it is not Beijing time (`2026-12-07 20:59 UTC+06:00`), so a reader in the hall never
    mistakes another zone's time for theirs."""
    text = when.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")
    offset = when.utcoffset()
    if offset is None or offset == BEIJING_OFFSET:
        return text
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"{text} UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"

"""预约叫号 in the simulated hall: bookings made on the province's app (seeded here: POST
/sim/bookings, and a few for the sample deck's citizens), checked in at a kiosk by their own
person (实名签到: the citizen identifies; a booking code, when typed, says which booking), and
the ticket the hall's queue gives for it.

The hall's rules (`arrival`): from `EARLY` before the booked time to `LATE` after its start is
on time, and an on-time arrival is called before walk-ins (a priority ticket); earlier or later
on the booked day, the booking is honoured with an ordinary walk-in ticket. A booking for
another day, a cancelled one, or one made for someone else is refused, each with its own code.
A booking already checked in answers the ticket it got (a citizen who lost the paper prints it
again), never a second number.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, Literal

from kiosk.sim.hall_queue import HallQueue

EARLY = timedelta(minutes=30)  # checking in this long before the booked time is on time
LATE = timedelta(minutes=15)  # and until this long after it starts

Arrival = Literal["on_time", "early", "late"]


def arrival(starts: datetime, now: datetime, early: timedelta = EARLY,
            late: timedelta = LATE) -> Arrival:
    """On time, early or late for a booking that starts at `starts` (both aware)."""
    if now < starts - early:
        return "early"
    if now > starts + late:
        return "late"
    return "on_time"


@dataclass
class Booking:
    code: str  # 8 digits, as the app shows it
    holder: str  # the booked person's number
    item_code: str
    service_title: str
    starts: datetime  # aware, the hall's zone
    minutes: int
    status: Literal["booked", "cancelled", "checked_in"] = "booked"
    ticket: dict[str, Any] | None = None  # the ticket it was checked in with
    arrived: Arrival = "on_time"  # how it was checked in

    @property
    def ends(self) -> datetime:
        return self.starts + timedelta(minutes=self.minutes)

    def answer(self) -> dict[str, Any]:
        """The contract's `Booking` (no person in it)."""
        return {"code": self.code, "item_code": self.item_code,
                "service_title": self.service_title,
                "starts_at": self.starts.isoformat(timespec="seconds"),
                "ends_at": self.ends.isoformat(timespec="seconds")}


class Refused(Exception):
    """A check-in the hall refuses: the contract's problem code, and the day booked when the
    booking is for another day."""

    def __init__(self, code: str, message: str, booked_on: date | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.booked_on = booked_on


class AppointmentBook:
    def __init__(self, queue: HallQueue) -> None:
        self.queue = queue
        self._bookings: dict[str, Booking] = {}
        self._by_key: dict[str, dict[str, Any]] = {}  # kiosk + idempotency key → answer
        self._lock = threading.Lock()

    def add(self, holder: str, item_code: str, service_title: str, starts: datetime,
            minutes: int = 30, status: str = "booked") -> Booking:
        """A booking as the province's app makes it; its code is derived from what it is."""
        if status not in ("booked", "cancelled"):
            raise ValueError(f"a new booking is booked or cancelled, not {status!r}")
        if starts.tzinfo is None:
            raise ValueError("a booking's time says its zone")
        with self._lock:
            seed = f"{holder}|{item_code}|{starts.isoformat()}|{len(self._bookings)}"
            code = str(int(hashlib.sha256(seed.encode()).hexdigest(), 16) % 10**8).zfill(8)
            booking = Booking(code, holder, item_code, service_title, starts, minutes,
                              "cancelled" if status == "cancelled" else "booked")
            self._bookings[code] = booking
            return booking

    def check_in(self, holder: str, code: str, now: datetime,
                 key: str) -> tuple[dict[str, Any], bool]:
        """The citizen `holder` checks in (with the booking `code` they typed, or "": today's
        booking of theirs). (answer, new) — a repeat of `key` answers the same; Refused."""
        with self._lock:
            if key in self._by_key:
                return self._by_key[key], False
            booking = self._find(holder, code, now.date())
            if booking.status != "checked_in" or booking.ticket is None:
                booking.arrived = arrival(booking.starts, now)
                booking.ticket, _new = self.queue.take(
                    booking.item_code, f"booking:{booking.code}",
                    priority=booking.arrived == "on_time")
                booking.status = "checked_in"
            answer = {"booking": booking.answer(), "arrival": booking.arrived,
                      "priority": booking.arrived == "on_time", "ticket": booking.ticket}
            self._by_key[key] = answer
            return answer, True

    def _find(self, holder: str, code: str, today: date) -> Booking:
        if code:
            booking = self._bookings.get(code)
            if booking is None:
                raise Refused("booking_not_found", "no booking with this code")
            if booking.holder != holder:
                raise Refused("booking_other_person", "the booking is for someone else")
            return self._usable(booking, today)
        mine = [b for b in self._bookings.values() if b.holder == holder]
        if not mine:
            raise Refused("booking_not_found", "no booking for this person")
        today_s = [b for b in mine if b.starts.date() == today]
        live = [b for b in today_s if b.status != "cancelled"]
        if live:  # today's: the one not yet checked in that starts first, else the last one
            waiting = sorted((b for b in live if b.status == "booked"), key=lambda b: b.starts)
            return waiting[0] if waiting else max(live, key=lambda b: b.starts)
        if today_s:
            raise Refused("booking_cancelled", "the booking was cancelled")
        coming = sorted((b for b in mine if b.starts.date() > today and b.status == "booked"),
                        key=lambda b: b.starts)
        other = coming[0] if coming else max(mine, key=lambda b: b.starts)
        raise Refused("booking_other_day", "the booking is for another day", other.starts.date())

    @staticmethod
    def _usable(booking: Booking, today: date) -> Booking:
        if booking.status == "cancelled":
            raise Refused("booking_cancelled", "the booking was cancelled")
        if booking.starts.date() != today:
            raise Refused("booking_other_day", "the booking is for another day",
                          booking.starts.date())
        return booking


def sample_start(now: datetime) -> datetime:
    """A booking time near `now` for the demo: the next half hour (on time now)."""
    minute = 0 if now.minute < 30 else 30
    base = datetime.combine(now.date(), time(now.hour, minute), now.tzinfo)
    return base + timedelta(minutes=30)

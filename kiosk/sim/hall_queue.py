"""The simulated hall's queue system (排队叫号): counter groups with their own numbers, tickets
drawn by kiosks (`POST /v1/queue/tickets`), and counters calling the next number
(`POST /v1/queue/call-next`, from the staff console). Waiting counts go down as numbers are
called. A ticket names a service item's counter group, never a person.

Which group serves which service item is the hall's own table; the simulated one groups the
sample catalog's items by their item code (the part before the dash).

A citizen who checks in on time for a booking (预约签到, kiosk/sim/appointments.py) gets a
priority number (its group's letter and Y: BY003), called before the walk-ins of the group.
"""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from kiosk.domain.clock import KioskClock


@dataclass
class CounterGroup:
    code: str          # the number's letter: A017
    name: str          # what the citizen reads: 社保医保业务
    counters: tuple[str, ...]
    issued: int = 0
    waiting: deque[str] = field(default_factory=deque)
    called: str | None = None
    priority_issued: int = 0
    priority_waiting: deque[str] = field(default_factory=deque)  # called first


def sample_groups() -> dict[str, CounterGroup]:
    return {
        "A": CounterGroup("A", "综合受理", ("1号窗口", "2号窗口", "3号窗口")),
        "B": CounterGroup("B", "社保医保业务", ("5号窗口", "6号窗口")),
        "C": CounterGroup("C", "企业开办业务", ("8号窗口", "9号窗口")),
    }


ITEM_GROUPS = {"SBJF": "B", "XSEYB": "B", "XSESBK": "B", "YBJF": "B", "YLJF": "B", "SPJY": "C",
               "GTGSH": "C", "GGCS": "C"}


class HallQueue:
    def __init__(self, clock: KioskClock | None = None,
                 groups: dict[str, CounterGroup] | None = None,
                 item_groups: dict[str, str] | None = None) -> None:
        self.clock = clock or KioskClock()
        self.groups = groups or sample_groups()
        self.item_groups = ITEM_GROUPS if item_groups is None else item_groups
        self._by_key: dict[str, dict[str, Any]] = {}
        self._lock = threading.Lock()

    def group_for(self, service_code: str) -> CounterGroup:
        prefix = service_code.split("-", 1)[0].upper()
        return self.groups[self.item_groups.get(prefix, "A")]

    def take(self, service_code: str, idempotency_key: str, *,
             priority: bool = False) -> tuple[dict[str, Any], bool]:
        """A new ticket (True), or the one this key already drew (False). A `priority` ticket
        (an on-time booking) waits only behind the priority tickets before it."""
        with self._lock:
            if idempotency_key in self._by_key:
                return self._by_key[idempotency_key], False
            group = self.group_for(service_code)
            if priority:
                group.priority_issued += 1
                number = f"{group.code}Y{group.priority_issued:03d}"
                before = len(group.priority_waiting)
                group.priority_waiting.append(number)
            else:
                group.issued += 1
                number = f"{group.code}{group.issued:03d}"
                before = len(group.priority_waiting) + len(group.waiting)
                group.waiting.append(number)
            ticket = {"number": number, "group": group.code, "group_name": group.name,
                      "counters": list(group.counters), "waiting": before,
                      "issued_at": self.clock.now().isoformat(timespec="seconds")}
            self._by_key[idempotency_key] = ticket
            return ticket, True

    def call_next(self, group_code: str, counter: str) -> dict[str, Any] | None:
        """The next number of `group_code` called to `counter` (None: no such group)."""
        with self._lock:
            group = self.groups.get(group_code)
            if group is None:
                return None
            line = group.priority_waiting if group.priority_waiting else group.waiting
            group.called = line.popleft() if line else None
            return {"group": group.code, "number": group.called, "counter": counter,
                    "waiting": len(group.priority_waiting) + len(group.waiting)}

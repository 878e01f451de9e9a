"""The simulated hall's help desk: requests from kiosks ("call staff"), the list staff see in
their console, accepting one, and cancelling. A request says where help is needed (kiosk,
screen, service item) and for how long the citizen has been at it, never who they are.

A video request (`mode: video`) also carries the call's signaling once a staff member has
taken it: the kiosk's offer, the console's answer (whole session descriptions, candidates
included: neither side trickles), and "ended" when either side hangs up. The desk relays
descriptions and never sees media."""

from __future__ import annotations

import threading
import time
import uuid
from dataclasses import dataclass
from typing import Any


@dataclass
class HelpRequest:
    id: str
    kiosk_id: str
    screen: str
    service_code: str | None
    mode: str
    waiting_s: int  # how long the citizen had been at it when they asked
    created: float
    status: str = "waiting"
    staff_name: str | None = None
    offer: dict[str, str] | None = None  # {"type": "offer", "sdp": ...} from the kiosk
    answer: dict[str, str] | None = None  # from the staff console


class HelpDesk:
    def __init__(self) -> None:
        self._requests: dict[str, HelpRequest] = {}
        self._lock = threading.Lock()

    def _view(self, r: HelpRequest) -> dict[str, Any]:
        waiting = [x for x in self._requests.values() if x.status == "waiting"]
        position = sum(1 for x in waiting if x.created < r.created) \
            if r.status == "waiting" else 0
        return {"id": r.id, "kiosk_id": r.kiosk_id, "screen": r.screen,
                "service_code": r.service_code, "mode": r.mode, "status": r.status,
                "position": position, "staff_name": r.staff_name,
                "waited_s": r.waiting_s + int(time.monotonic() - r.created)}

    def create(self, body: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            r = HelpRequest(uuid.uuid4().hex[:12], str(body["kiosk_id"]), str(body["screen"]),
                            body.get("service_code"), str(body["mode"]),
                            int(body["waiting_s"]), time.monotonic())
            self._requests[r.id] = r
            return self._view(r)

    def get(self, request_id: str) -> dict[str, Any] | None:
        with self._lock:
            r = self._requests.get(request_id)
            return None if r is None else self._view(r)

    def cancel(self, request_id: str) -> dict[str, Any] | None:
        with self._lock:
            r = self._requests.get(request_id)
            if r is None:
                return None
            r.status = "cancelled"
            return self._view(r)

    def accept(self, request_id: str, staff_name: str) -> dict[str, Any] | None:
        """None: no such request; a cancelled one stays cancelled (the citizen has left)."""
        with self._lock:
            r = self._requests.get(request_id)
            if r is None:
                return None
            if r.status == "waiting":
                r.status, r.staff_name = "accepted", staff_name
            return self._view(r)

    def open_requests(self) -> list[dict[str, Any]]:
        with self._lock:
            return [self._view(r) for r in sorted(self._requests.values(),
                                                  key=lambda x: x.created)
                    if r.status not in ("cancelled", "ended")]

    def call(self, request_id: str) -> dict[str, Any] | None:
        """Where a video call stands: its status and the descriptions so far. A cancelled
        request (the citizen left before anyone answered) has no call: None, as if unknown."""
        with self._lock:
            r = self._requests.get(request_id)
            if r is None or r.status == "cancelled":
                return None
            return {"status": r.status, "offer": r.offer, "answer": r.answer}

    def describe(self, request_id: str, side: str, description: dict[str, Any]
                 ) -> dict[str, Any] | str:
        """The kiosk's offer or the console's answer. A string says why it was refused."""
        with self._lock:
            r = self._requests.get(request_id)
            if r is None:
                return "unknown_request"
            if r.mode != "video" or r.status != "accepted":
                return "not_in_call"  # only a taken video request carries a call
            desc = {"type": str(description["type"]), "sdp": str(description["sdp"])}
            if side == "offer":
                r.offer, r.answer = desc, None  # a new offer (a reconnect) starts over
            else:
                if r.offer is None:
                    return "no_offer"
                r.answer = desc
            return {"status": r.status, "offer": r.offer, "answer": r.answer}

    def hang_up(self, request_id: str) -> dict[str, Any] | None:
        """Either side ended the call: the request is done (the descriptions are dropped)."""
        with self._lock:
            r = self._requests.get(request_id)
            if r is None:
                return None
            if r.status in ("waiting", "accepted"):
                r.status = "ended"
            r.offer = r.answer = None
            return self._view(r)

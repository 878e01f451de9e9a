"""The simulated hall's help desk: requests from kiosks ("call staff"), the list staff see in
their console, taking one, and cancelling. A request says where help is needed (kiosk,
screen, service item) and for how long the citizen has been at it, never who they are.

Who may do what is bound here, not trusted from what a caller writes:
- a request belongs to the kiosk that made it (the kiosk its client certificate names): no
  other kiosk can read it, cancel it, or touch its call — to them it does not exist;
- taking it binds it to the staff member signed in (the staff directory's name and counter are
  what the kiosk shows); a second taker is refused and nothing is replaced;
- only that staff member can answer the call, write to the citizen or hang up for the hall.

A video request also carries the call's signaling once taken: the kiosk's offer, the staff
member's answer (whole session descriptions: neither side trickles), and "ended" when either
side hangs up. The text lines of a call (文字交流) pass through here too: held in memory while
the request is open, at most `MAX_LINES`, dropped when it ends. The desk never sees media.
"""

from __future__ import annotations

import threading
import time
import unicodedata
import uuid
from dataclasses import dataclass, field
from typing import Any

from kiosk.sim.caller import Caller
from kiosk.sim.staff_directory import StaffMember

MAX_LINES = 50
OPEN = ("waiting", "accepted")
# a waiting request its kiosk has not asked about for this long is gone (the kiosk crashed,
# lost its network, or its withdrawal did not arrive): no one is sent to an empty kiosk
UNPOLLED_S = 30.0
ENDED_KEPT_S = 300.0  # an ended request is still answered (status "ended") this long
_NOT_SHOWN = ("Cc", "Cf", "Zl", "Zp")  # control, format (bidi, zero-width), line breaks


class Refused(Exception):
    """The desk's "no": an HTTP status, a stable code and words for the caller."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


UNKNOWN = Refused(404, "unknown_request", "no such help request")


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
    staff: StaffMember | None = None
    offer: dict[str, str] | None = None  # {"type": "offer", "sdp": ...} from the kiosk
    answer: dict[str, str] | None = None  # from the staff member's console
    lines: list[dict[str, Any]] = field(default_factory=list)  # the call's text lines
    next_seq: int = 1
    polled: float = 0.0  # when its kiosk last asked about it (time.monotonic())
    ended_at: float = 0.0


def plain_line(text: str) -> bool:
    """One line of plain characters: no control, format (bidirectional, zero-width) or line
    and paragraph separator characters, which could make one line look like two or reorder
    what the citizen reads."""
    return bool(text) and not any(unicodedata.category(ch) in _NOT_SHOWN for ch in text)


class HelpDesk:
    def __init__(self, unpolled_s: float = UNPOLLED_S) -> None:
        self.unpolled_s = unpolled_s
        self._requests: dict[str, HelpRequest] = {}
        self._lock = threading.Lock()

    def _tidy(self) -> None:
        """Waiting requests no kiosk follows any more are withdrawn; ended ones are forgotten
        after a while (under the lock)."""
        now = time.monotonic()
        for r in list(self._requests.values()):
            unfollowed = r.status == "waiting" and now - r.polled > self.unpolled_s
            done = r.status == "ended" and now - r.ended_at > ENDED_KEPT_S
            if unfollowed or done:
                del self._requests[r.id]

    def _end(self, r: HelpRequest) -> None:
        if r.status in OPEN:
            r.status, r.ended_at = "ended", time.monotonic()
        r.offer = r.answer = None
        r.lines.clear()

    # --- views -------------------------------------------------------------------------
    def _positions(self) -> dict[str, int]:
        waiting = sorted((x for x in self._requests.values() if x.status == "waiting"),
                         key=lambda x: x.created)
        return {x.id: i for i, x in enumerate(waiting)}

    def _view(self, r: HelpRequest, positions: dict[str, int] | None = None) -> dict[str, Any]:
        position = (positions if positions is not None else self._positions()).get(r.id, 0)
        return {"id": r.id, "kiosk_id": r.kiosk_id, "screen": r.screen,
                "service_code": r.service_code, "mode": r.mode, "status": r.status,
                "position": position,
                "staff_name": r.staff.name if r.staff else None,
                "staff_counter": r.staff.counter if r.staff else None,
                "waited_s": r.waiting_s + int(time.monotonic() - r.created)}

    def _call_view(self, r: HelpRequest) -> dict[str, Any]:
        return {"status": r.status, "offer": r.offer, "answer": r.answer}

    # --- who may see what ------------------------------------------------------------------
    def _mine(self, request_id: str, caller: Caller) -> HelpRequest:
        """The request, when `caller` is its kiosk or the staff member who took it; to anyone
        else it does not exist (404: another kiosk learns nothing, not even that it exists)."""
        r = self._requests.get(request_id)
        if r is None:
            raise UNKNOWN
        if caller.kiosk_id is not None and caller.kiosk_id == r.kiosk_id:
            return r
        if caller.staff is not None and r.staff is not None and caller.staff.id == r.staff.id:
            return r
        raise UNKNOWN

    # --- the kiosk's side --------------------------------------------------------------
    def create(self, kiosk_id: str, body: dict[str, Any]) -> dict[str, Any]:
        """A kiosk's new request; one it still has open is withdrawn (a kiosk serves one
        citizen: its last request is the one that counts, and no kiosk fills the list)."""
        with self._lock:
            self._tidy()
            for old in [x for x in self._requests.values()
                        if x.kiosk_id == kiosk_id and x.status in OPEN]:
                if old.status == "accepted":
                    self._end(old)
                else:
                    del self._requests[old.id]
            now = time.monotonic()
            r = HelpRequest(uuid.uuid4().hex[:12], kiosk_id, str(body["screen"]),
                            body.get("service_code"), str(body["mode"]),
                            int(body["waiting_s"]), now, polled=now)
            self._requests[r.id] = r
            return self._view(r)

    def get(self, request_id: str, caller: Caller) -> dict[str, Any]:
        with self._lock:
            self._tidy()
            r = self._mine(request_id, caller)
            if caller.kiosk_id == r.kiosk_id:
                r.polled = time.monotonic()
            return self._view(r)

    def cancel(self, request_id: str, caller: Caller) -> dict[str, Any]:
        """The kiosk withdraws its request (the citizen left, withdrew, or no one took it in
        time): it leaves the hall's list, and whatever it carried is dropped."""
        with self._lock:
            r = self._mine(request_id, caller)
            if caller.kiosk_id != r.kiosk_id:
                raise UNKNOWN  # staff hang up; only the kiosk cancels
            r.status = "cancelled"
            view = self._view(r)
            del self._requests[request_id]  # gone: nothing of it can be read or taken again
            return view

    # --- the staff side ----------------------------------------------------------------
    def open_requests(self) -> list[dict[str, Any]]:
        with self._lock:
            self._tidy()
            positions = self._positions()
            return [self._view(r, positions) for r in sorted(self._requests.values(),
                                                             key=lambda x: x.created)
                    if r.status in OPEN]

    def accept(self, request_id: str, staff: StaffMember) -> dict[str, Any]:
        """`staff` takes the request. Taking it again is harmless; anyone else is refused
        (409) and nothing changes; a withdrawn or ended request cannot be taken."""
        with self._lock:
            self._tidy()
            r = self._requests.get(request_id)
            if r is None:
                raise UNKNOWN
            if r.status == "waiting":
                r.status, r.staff = "accepted", staff
            elif r.status == "accepted" and r.staff is not None and r.staff.id == staff.id:
                pass
            elif r.status == "accepted":
                raise Refused(409, "already_taken", "another staff member has taken it")
            else:
                raise Refused(409, "not_waiting", "the citizen no longer waits for help")
            return self._view(r)

    # --- the call ----------------------------------------------------------------------
    def call(self, request_id: str, caller: Caller) -> dict[str, Any]:
        with self._lock:
            return self._call_view(self._mine(request_id, caller))

    def offer(self, request_id: str, caller: Caller, description: dict[str, Any]
              ) -> dict[str, Any]:
        """The kiosk's offer, once its video request is taken (a new offer starts over)."""
        with self._lock:
            r = self._mine(request_id, caller)
            if caller.kiosk_id != r.kiosk_id:
                raise Refused(403, "not_your_kiosk", "only the kiosk makes the offer")
            if r.mode != "video" or r.status != "accepted":
                raise Refused(409, "not_in_call", "this request carries no call now")
            r.offer, r.answer = {"type": "offer", "sdp": str(description["sdp"])}, None
            return self._call_view(r)

    def answer(self, request_id: str, caller: Caller, description: dict[str, Any]
               ) -> dict[str, Any]:
        """The answer of the staff member who took the request; a second one is refused
        (409) and the first stays."""
        with self._lock:
            r = self._mine(request_id, caller)
            if caller.staff is None or r.staff is None or caller.staff.id != r.staff.id:
                raise Refused(403, "not_your_call", "only the staff member who took it answers")
            if r.mode != "video" or r.status != "accepted":
                raise Refused(409, "not_in_call", "this request carries no call now")
            if r.offer is None:
                raise Refused(409, "no_offer", "the kiosk has not made its offer yet")
            if r.answer is not None:
                raise Refused(409, "already_answered", "this call has been answered")
            r.answer = {"type": "answer", "sdp": str(description["sdp"])}
            return self._call_view(r)

    def hang_up(self, request_id: str, caller: Caller) -> dict[str, Any]:
        """Either side ended: the request is done, its descriptions and lines dropped."""
        with self._lock:
            r = self._mine(request_id, caller)
            self._end(r)
            return self._view(r)

    def staff_gone(self, staff_id: str) -> None:
        """A staff member signed out (or their session ended): what they held ends with
        them, their console's call included."""
        with self._lock:
            for r in self._requests.values():
                if r.staff is not None and r.staff.id == staff_id and r.status == "accepted":
                    self._end(r)

    # --- text lines (文字交流) -----------------------------------------------------------
    def say(self, request_id: str, caller: Caller, text: str) -> dict[str, Any]:
        if not plain_line(text):
            raise Refused(422, "not_plain_text", "one line of plain characters, please")
        with self._lock:
            r = self._mine(request_id, caller)
            if r.status != "accepted":
                raise Refused(409, "not_in_call", "no one is on this request now")
            line = {"seq": r.next_seq,
                    "sender": "kiosk" if caller.kiosk_id == r.kiosk_id else "staff",
                    "text": text}
            r.next_seq += 1
            r.lines.append(line)
            del r.lines[:-MAX_LINES]
            return line

    def lines(self, request_id: str, caller: Caller, after: int) -> dict[str, Any]:
        with self._lock:
            r = self._mine(request_id, caller)
            return {"status": r.status,
                    "lines": [x for x in r.lines if x["seq"] > after]}

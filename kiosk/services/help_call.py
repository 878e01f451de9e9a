""""Call staff" (呼叫工作人员) as a conversation with the hall, without Qt: the request goes out
through the gateway (where, and for how long — never who), the kiosk follows it until a staff
member takes it, and when no one has within the configured time the citizen is sent to the
counter (the request stays in the hall's list, and a late acceptance still shows). Ending the
visit cancels the request.

Each change of state is handed to `on_update` as a `HelpState`; the front end words it.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from kiosk.events import EventId
from kiosk.logging import get_logger
from kiosk.services.errors import GatewayError
from kiosk.services.gateway import GatewayClient

log = get_logger(__name__)


class HelpPhase(StrEnum):
    SENDING = "sending"
    WAITING = "waiting"  # the hall has it; `position` requests before it
    COMING = "coming"  # a staff member took it
    GO_TO_COUNTER = "go_to_counter"  # no one answered in time
    UNAVAILABLE = "unavailable"  # the request could not be sent
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class HelpState:
    phase: HelpPhase
    position: int = 0
    staff_name: str = ""
    counter: str = ""
    request_id: str = ""  # the hall's request (a video call is set up on it once taken)


class HelpCall:
    def __init__(self, gateway: GatewayClient, *, answer_s: float, counter: str,
                 poll_s: float = 2.0, late_poll_s: float = 5.0) -> None:
        self.gateway = gateway
        self.answer_s = answer_s
        self.counter = counter
        self.poll_s = poll_s
        self.late_poll_s = late_poll_s
        self.request_id: str | None = None

    async def run(self, screen: str, service_code: str | None, mode: str, waiting_s: int,
                  on_update: Callable[[HelpState], None]) -> HelpState:
        """Send the request and follow it; returns when a staff member took it, the request
        was cancelled, or it could not be sent. Cancelling this task cancels the request."""
        on_update(HelpState(HelpPhase.SENDING))
        try:
            created = await self.gateway.request_help(screen, service_code, mode, waiting_s)
        except GatewayError as exc:
            log.warning("help request not sent", event_id=EventId.HELP_REQUEST_FAILED,
                        error_code=exc.code)
            state = HelpState(HelpPhase.UNAVAILABLE, counter=self.counter)
            on_update(state)
            return state
        self.request_id = created.id
        log.info("help requested", event_id=EventId.HELP_REQUESTED, request=created.id,
                 screen=screen, mode=mode)
        deadline = time.monotonic() + self.answer_s
        told_counter = False
        position = created.position
        try:
            while True:
                late = time.monotonic() >= deadline
                if late and not told_counter:
                    told_counter = True  # the request stays: a late acceptance still shows
                    log.info("help not answered in time", event_id=EventId.HELP_UNANSWERED,
                             request=created.id)
                    on_update(HelpState(HelpPhase.GO_TO_COUNTER, position, counter=self.counter))
                elif not late:
                    on_update(HelpState(HelpPhase.WAITING, position))
                await asyncio.sleep(self.late_poll_s if late else
                                    min(self.poll_s, max(0.05, deadline - time.monotonic())))
                try:
                    now = await self.gateway.help_request(created.id)
                except GatewayError:
                    continue  # the hall is briefly out of reach: the deadline still holds
                position = now.position
                if now.status == "accepted":
                    state = HelpState(HelpPhase.COMING, staff_name=now.staff_name or "",
                                      request_id=created.id)
                    log.info("help accepted", event_id=EventId.HELP_ACCEPTED,
                             request=created.id)
                    on_update(state)
                    self.request_id = None  # taken: nothing to cancel
                    return state
                if now.status in ("cancelled", "ended"):
                    state = HelpState(HelpPhase.CANCELLED)
                    on_update(state)
                    self.request_id = None
                    return state
        except asyncio.CancelledError:
            await self.cancel()
            raise

    async def cancel(self) -> None:
        """The visit ended: the hall's list no longer shows this request."""
        request_id, self.request_id = self.request_id, None
        if request_id is None:
            return
        with contextlib.suppress(GatewayError):
            await self.gateway.cancel_help_request(request_id)
            log.info("help request cancelled", event_id=EventId.HELP_CANCELLED,
                     request=request_id)

""""Call staff" (呼叫工作人员) as a conversation with the hall, without Qt: the request goes out
through the gateway (where, and for how long — never who), the kiosk follows it until a staff
member takes it. When no one has within the configured time, the request is withdrawn (the
hall's list drops it: a late taker connects nothing) and the citizen is sent to the counter.
The citizen can withdraw a waiting request at any time; ending the visit withdraws it too.

Each change of state is handed to `on_update` as a `HelpState`; the front end words it.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from kiosk.events import EventId
from kiosk.logging import get_logger
from kiosk.services.call_events import StaffOnCall
from kiosk.services.errors import GatewayError

if TYPE_CHECKING:  # (the front end imports this before the gateway client exists)
    from kiosk.services.gateway import GatewayClient

log = get_logger(__name__)


class HelpPhase(StrEnum):
    SENDING = "sending"
    WAITING = "waiting"  # the hall has it; `position` requests before it
    COMING = "coming"  # a staff member took it
    GO_TO_COUNTER = "go_to_counter"  # no one took it in time: withdrawn, go to the counter
    UNAVAILABLE = "unavailable"  # the request could not be sent
    CANCELLED = "cancelled"  # the hall ended it
    WITHDRAWN = "withdrawn"  # the citizen withdrew it


@dataclass(frozen=True)
class HelpState:
    phase: HelpPhase
    position: int = 0
    staff: StaffOnCall | None = None
    counter: str = ""
    request_id: str = ""  # the hall's request (a call is set up on it once taken)

    @property
    def staff_name(self) -> str:
        return self.staff.name if self.staff else ""


class HelpCall:
    def __init__(self, gateway: GatewayClient, *, answer_s: float, counter: str,
                 poll_s: float = 2.0) -> None:
        self.gateway = gateway
        self.answer_s = answer_s
        self.counter = counter
        self.poll_s = poll_s
        self.request_id: str | None = None  # while the request waits (withdrawn on cancel)

    async def run(self, screen: str, service_code: str | None, mode: str, waiting_s: int,
                  on_update: Callable[[HelpState], None]) -> HelpState:
        """Send the request and follow it; returns when a staff member took it, no one did in
        time (withdrawn), the hall ended it, or it could not be sent. Cancelling this task
        withdraws the request."""
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
        position = created.position
        try:
            while True:
                on_update(HelpState(HelpPhase.WAITING, position, request_id=created.id))
                left = deadline - time.monotonic()
                if left <= 0:
                    # no one in time: withdrawn before the citizen is sent away, so a staff
                    # member who takes it later finds it gone (no late connection)
                    await self.withdraw()
                    log.info("help not answered in time", event_id=EventId.HELP_UNANSWERED,
                             request=created.id)
                    state = HelpState(HelpPhase.GO_TO_COUNTER, counter=self.counter)
                    on_update(state)
                    return state
                await asyncio.sleep(min(self.poll_s, max(0.05, left)))
                try:
                    now = await self.gateway.help_request(created.id)
                except GatewayError:
                    continue  # the hall is briefly out of reach: the deadline still holds
                position = now.position
                if now.status == "accepted":
                    state = HelpState(HelpPhase.COMING, request_id=created.id,
                                      staff=StaffOnCall(now.staff_name or "",
                                                        now.staff_counter or ""))
                    log.info("help accepted", event_id=EventId.HELP_ACCEPTED,
                             request=created.id)
                    on_update(state)
                    self.request_id = None  # taken: what follows is the session's to end
                    return state
                if now.status in ("cancelled", "ended"):
                    state = HelpState(HelpPhase.CANCELLED)
                    on_update(state)
                    self.request_id = None
                    return state
        except asyncio.CancelledError:
            await self.withdraw()
            raise

    async def withdraw(self) -> None:
        """The request leaves the hall's list: the citizen withdrew it, left, or no one took
        it in time."""
        request_id, self.request_id = self.request_id, None
        if request_id is None:
            return
        with contextlib.suppress(GatewayError):
            await self.gateway.cancel_help_request(request_id)
            log.info("help request withdrawn", event_id=EventId.HELP_CANCELLED,
                     request=request_id)

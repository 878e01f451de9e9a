"""远程帮办 once a staff member has taken a video or text request, without Qt: the citizen is
asked at that moment — "工作人员王芳（3号窗口）请求与您视频连线", 接听 / 拒绝, with a countdown that
declines when it runs out — and only then is anything opened; the call (kiosk/services/
video_call.py) and the text lines (文字交流) run until either side ends, the media stop, or the
longest call the kiosk allows is reached (a warning a minute before).

Text lines pass through the hall's request (`/v1/help/requests/{id}/lines`), both ways, in
memory only: never logged, never kept, gone with the session.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from kiosk.events import EventId
from kiosk.logging import get_logger
from kiosk.services.call_events import CallEvent, CallPhase, EndReason, StaffOnCall
from kiosk.services.errors import GatewayError, GatewayRejected
from kiosk.services.gateway import GatewayClient
from kiosk.services.gateway_answers import HelpLine

if TYPE_CHECKING:
    from kiosk.services.video_call import VideoCall

log = get_logger(__name__)

LINE_MAX = 200
ConsentAsker = Callable[[StaffOnCall, float], Awaitable[bool]]


class RemoteHelp:
    """One session on one taken request: `mode` "video" (asked first) or "text"."""

    def __init__(self, gateway: GatewayClient, request_id: str, mode: str,
                 staff: StaffOnCall, *, consent_s: float, max_call_s: float,
                 warn_before_s: float = 60.0, lines_poll_s: float = 1.0,
                 make_video: Callable[[], VideoCall] | None = None) -> None:
        self.gateway = gateway
        self.request_id = request_id
        self.mode = mode
        self.staff = staff
        self.consent_s = consent_s
        self.max_call_s = max_call_s
        self.warn_before_s = min(warn_before_s, max_call_s / 2)
        self.lines_poll_s = lines_poll_s
        self.make_video = make_video
        self.video: VideoCall | None = None
        self.hall_told: asyncio.Task[None] | None = None  # a text session's end, to the hall
        self._ended = asyncio.Event()
        self._reason: EndReason | None = None

    async def run(self, ask: ConsentAsker, on_event: Callable[[CallEvent], None],
                  on_line: Callable[[HelpLine], None]) -> CallPhase:
        if self.mode == "video":
            on_event(CallEvent(CallPhase.ASKING))
            try:
                agreed = await self._asked(ask)
            except asyncio.CancelledError:  # the citizen left while asked
                await self._tell_hall()
                raise
            if agreed is None:  # the staff member hung up while the citizen was asked
                log.info("help call ended before it was answered",
                         event_id=EventId.HELP_CALL_ENDED, request=self.request_id,
                         reason=str(EndReason.STAFF))
                on_event(CallEvent(CallPhase.ENDED, reason=EndReason.STAFF))
                return CallPhase.ENDED
            if not agreed or self._ended.is_set():
                log.info("help call declined", event_id=EventId.HELP_CALL_DECLINED,
                         request=self.request_id)
                await self._tell_hall()  # nothing was opened; the console sees it end
                on_event(CallEvent(CallPhase.DECLINED))
                return CallPhase.DECLINED
        lines = asyncio.ensure_future(self._follow_lines(on_line))
        clock = asyncio.ensure_future(self._time_limit(on_event))
        try:
            if self.mode == "video" and self.make_video is not None:
                self.video = self.make_video()
                phase = await self.video.run(on_event)
                self._reason = self.video.reason
                return phase
            on_event(CallEvent(CallPhase.TEXT))
            log.info("help text session open", event_id=EventId.HELP_CALL_STARTED,
                     request=self.request_id, mode="text")
            await self._ended.wait()
            return CallPhase.ENDED
        finally:
            lines.cancel()
            clock.cancel()
            if self.video is None:  # a text session: the hall is told here (a call tells it)
                self.hall_told = asyncio.ensure_future(self._tell_hall())
                log.info("help call ended", event_id=EventId.HELP_CALL_ENDED,
                         request=self.request_id, reason=str(self._reason or EndReason.KIOSK))
                on_event(CallEvent(CallPhase.ENDED, reason=self._reason or EndReason.KIOSK))

    async def _asked(self, ask: ConsentAsker) -> bool | None:
        """The citizen's answer (False when the countdown runs out), or None when the staff
        member is gone before it: the question is not left up for a call that no longer
        waits."""
        answer = asyncio.ensure_future(ask(self.staff, self.consent_s))
        gone = asyncio.ensure_future(self._until_staff_gone())
        try:
            done, _pending = await asyncio.wait({answer, gone}, timeout=self.consent_s,
                                                return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (answer, gone):
                task.cancel()
        if answer in done and not answer.cancelled() and answer.exception() is None:
            return bool(answer.result())
        return None if gone in done else False

    async def _until_staff_gone(self) -> None:
        while True:
            await asyncio.sleep(self.lines_poll_s)
            try:
                if (await self.gateway.help_call(self.request_id)).status != "accepted":
                    return
            except GatewayRejected:
                return
            except GatewayError:
                continue

    def hang_up(self, reason: EndReason = EndReason.KIOSK) -> None:
        """End the session from the kiosk's side (on the core loop)."""
        if self._reason is None:
            self._reason = reason
        if self.video is not None:
            self.video.end(reason)
        self._ended.set()

    async def say(self, text: str) -> bool:
        """One line of the citizen's to the staff member; False when it could not be sent."""
        text = " ".join(text.split())[:LINE_MAX]
        if not text:
            return False
        try:
            await self.gateway.say_help_line(self.request_id, text)
        except GatewayError:
            return False
        return True

    async def _follow_lines(self, on_line: Callable[[HelpLine], None]) -> None:
        after = 0
        while not self._ended.is_set():
            try:
                answer = await self.gateway.help_lines(self.request_id, after)
            except GatewayRejected:  # the request is gone: the hall ended it
                self._staff_ended()
                return
            except GatewayError:
                answer = None  # briefly out of reach: the next poll tries again
            if answer is not None:
                for line in answer.lines:
                    after = max(after, line.seq)
                    if line.sender == "staff" and line.text:
                        on_line(line)
                if answer.status != "accepted":
                    self._staff_ended()
                    return
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._ended.wait(), self.lines_poll_s)

    def _staff_ended(self) -> None:
        if self.video is None:  # a call finds this out itself (and tells apart how)
            self.hang_up(EndReason.STAFF)

    async def _time_limit(self, on_event: Callable[[CallEvent], None]) -> None:
        await asyncio.sleep(self.max_call_s - self.warn_before_s)
        on_event(CallEvent(CallPhase.TEXT if self.video is None else CallPhase.LIVE,
                           ending_in_s=round(self.warn_before_s)))
        await asyncio.sleep(self.warn_before_s)
        log.info("help call time up", event_id=EventId.HELP_CALL_ENDED,
                 request=self.request_id)
        self.hang_up(EndReason.TIME_UP)

    async def _tell_hall(self) -> None:
        with contextlib.suppress(GatewayError):
            await self.gateway.hang_up_help_call(self.request_id)

""""Call staff" (呼叫工作人员) on screen: the question (someone to come here, a video call, or
text), then the hall's answer in words — told, your place, who is coming, or the counter to go
to. While a request waits the citizen can withdraw it. The conversation with the hall runs on
the core loop (`kiosk.services.help_call.HelpCall`); this view model only shows it. Going home
(the citizen has left) withdraws the request and ends any call.

When a staff member takes a video request, the citizen is asked at that moment, by name and
counter from the hall's directory: 接听 / 拒绝, with a countdown that declines when it runs out
(kiosk/services/remote_help.py). Only after 接听 is the microphone opened and the screen shared
(kiosk/ui/screen_share.py: covered except what is public). Text (文字交流) shows the staff
member's lines in large type; the citizen answers with ready phrases or the keyboard. The
visit goes on underneath all along. Lines are held here only while the session runs."""

from __future__ import annotations

import asyncio
import concurrent.futures
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, Qt, QTimer, Signal, Slot

from kiosk.app import CoreThread
from kiosk.domain.citizen_messages import visit_message
from kiosk.logging import get_logger
from kiosk.services.call_events import CallEvent, CallPhase, EndReason, StaffOnCall
from kiosk.services.help_call import HelpCall, HelpPhase, HelpState
from kiosk.services.latest_frame import LatestFrame
from kiosk.ui.screen_share import ScreenShare
from kiosk.ui.visit_bridge import VisitBridge

if TYPE_CHECKING:
    from kiosk.services.gateway_answers import HelpLine
    from kiosk.services.remote_help import RemoteHelp

POINTER_SHOWN_MS = 4000
LINES_KEPT = 30  # on screen, newest last; the session's end clears them

log = get_logger(__name__)

_WORDS = {
    HelpPhase.SENDING: "help_sending",
    HelpPhase.WAITING: "help_waiting",
    HelpPhase.COMING: "help_coming",
    HelpPhase.GO_TO_COUNTER: "help_go_to_counter",
    HelpPhase.UNAVAILABLE: "help_unavailable",
    HelpPhase.WITHDRAWN: "help_withdrawn",
}
_CALL_WORDS = {CallPhase.ASKING: "help_call_asking", CallPhase.CONNECTING: "help_call_connecting",
               CallPhase.LIVE: "help_call_live", CallPhase.TEXT: "help_text_live",
               CallPhase.ENDED: "help_call_ended", CallPhase.FAILED: "help_call_failed",
               CallPhase.DECLINED: "help_call_declined"}
_ENDED_WORDS = {EndReason.TIME_UP: "help_call_time_up", EndReason.NO_MEDIA: "help_call_lost"}

MakeSession = Callable[[HelpState, str, LatestFrame | None], "RemoteHelp"]


class HelpBridge(QObject):
    changed = Signal()
    pointed = Signal()
    linesChanged = Signal()
    askChanged = Signal()
    _state_posted = Signal(object)  # cross-thread: a HelpState
    _call_posted = Signal(object)  # cross-thread: a CallEvent
    _line_posted = Signal(object)  # cross-thread: a HelpLine from the staff member
    _ask_posted = Signal(object, float)  # cross-thread: (StaffOnCall, seconds to answer)

    def __init__(self, visit: VisitBridge, thread: CoreThread, counter: str,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._counter = counter  # where to send the citizen when no one can come
        self._visit = visit
        self._thread = thread
        self._make_call: Callable[[], HelpCall] | None = None
        self._make_session: MakeSession | None = None
        self._video_offered = False
        self._text_offered = False
        self._choosing = False
        self._state: HelpState | None = None
        self._task: concurrent.futures.Future[Any] | None = None
        self._state_posted.connect(self._apply, Qt.ConnectionType.QueuedConnection)
        self._call_posted.connect(self._apply_call, Qt.ConnectionType.QueuedConnection)
        self._line_posted.connect(self._apply_line, Qt.ConnectionType.QueuedConnection)
        self._ask_posted.connect(self._apply_ask, Qt.ConnectionType.QueuedConnection)
        visit.wentHome.connect(self.end)
        visit.screenChanged.connect(self._screen_changed)
        # the session on a taken request (远程帮办: video or text)
        self._call_phase = ""
        self._end_reason: EndReason | None = None
        self._mode = ""  # the request running: "onsite", "video" or "text"
        self._session: RemoteHelp | None = None
        self._staff: StaffOnCall | None = None
        self._lines: list[dict[str, str]] = []
        self._ending_in = 0
        self._left_alone = False  # ended because no one touched the kiosk
        # the question when staff answer: its future on the core loop, and its deadline
        self._consent: asyncio.Future[bool] | None = None
        self._ask_until = 0.0
        self._ask_timer = QTimer(self)
        self._ask_timer.setInterval(1000)
        self._ask_timer.timeout.connect(self.askChanged.emit)
        self._shown_screen: tuple[str, object] = ("", None)
        self.frames = LatestFrame()
        self.share: ScreenShare | None = None
        self._pointer = (0.0, 0.0)
        self._pointer_on = False
        self._pointer_timer = QTimer(self)
        self._pointer_timer.setSingleShot(True)
        self._pointer_timer.setInterval(POINTER_SHOWN_MS)
        self._pointer_timer.timeout.connect(self._hide_pointer)

    def attach(self, make_call: Callable[[], HelpCall], make_session: MakeSession | None = None,
               *, video: bool = False, text: bool = False) -> None:
        """The core has started: requests can reach the hall (and sessions, video and text as
        configured)."""
        self._make_call = make_call
        self._make_session = make_session
        self._video_offered = video and make_session is not None
        self._text_offered = text and make_session is not None
        self.changed.emit()

    def share_screen(self, share: ScreenShare) -> None:
        """How the window is grabbed for a call (the shell makes it with the window)."""
        self.share = share

    # --- the citizen's choices --------------------------------------------------------
    @Slot()
    def ask(self) -> None:
        """The button was pressed: ask what kind of help (a request already running stays)."""
        if self._task is not None and not self._task.done():
            self.changed.emit()  # its words are on screen already
            return
        self._choosing = True
        self.changed.emit()

    @Slot()
    def dismiss(self) -> None:
        self._choosing = False
        self.changed.emit()

    @Slot(str)
    def call(self, mode: str) -> None:
        """Send the request: "onsite" (someone comes to the kiosk), "video" or "text" (the
        citizen is asked again when someone answers a video request)."""
        self._choosing = False
        offered = {"onsite": True, "video": self._video_offered and self.share is not None,
                   "text": self._text_offered}
        if self._make_call is None or not offered.get(mode, False):
            self._state = HelpState(HelpPhase.UNAVAILABLE, counter=self._counter)
            self.changed.emit()
            return
        self._send(mode)

    @Slot()
    def withdraw(self) -> None:
        """"取消求助": the waiting request leaves the hall's list."""
        if self._task is not None and not self._task.done() and self._session is None:
            self._task.cancel()  # HelpCall.run then withdraws it at the hall
            self._task = None
            self._state = HelpState(HelpPhase.WITHDRAWN)
            self.changed.emit()

    @Slot()
    def acceptCall(self) -> None:
        """接听: the microphone and the covered screen may now be used."""
        self._answer_ask(True)

    @Slot()
    def declineCall(self) -> None:
        """拒绝: nothing is opened, nothing sent."""
        self._answer_ask(False)

    def _answer_ask(self, agreed: bool) -> None:
        consent, self._consent = self._consent, None
        self._ask_until = 0.0
        self._ask_timer.stop()
        self.askChanged.emit()
        if consent is not None:
            def answer() -> None:
                if not consent.done():
                    consent.set_result(agreed)
            consent.get_loop().call_soon_threadsafe(answer)

    @Slot()
    def hangUp(self) -> None:
        session = self._session
        if session is not None:
            self._thread.loop.call_soon_threadsafe(session.hang_up)

    @Slot(str)
    def say(self, text: str) -> None:
        """A line of the citizen's to the staff member (a ready phrase or typed)."""
        session = self._session
        text = " ".join(text.split())[:200]
        if session is None or not text:
            return
        self._lines.append({"sender": "kiosk", "text": text})
        del self._lines[:-LINES_KEPT]
        self.linesChanged.emit()
        self._thread.submit(session.say(text))

    @Slot()
    def toggleShowMine(self) -> None:
        """"让工作人员看到我的信息": this screen is shown uncovered (the keyboard and the camera
        stay covered) until it changes; pressed again, covered again."""
        if self.share is not None:
            self.share.show_personal = not self.share.show_personal
            self.share.grab()
            self.changed.emit()

    def _screen_changed(self) -> None:
        view = self._visit.current_view()
        shown = (self._visit.current_screen(), view.get("id") if isinstance(view, dict) else None)
        if shown != self._shown_screen:
            self._shown_screen = shown
            if self.share is not None and self.share.show_personal:
                self.share.show_personal = False  # lifted for that screen only
                self.changed.emit()

    # --- the conversation with the hall, on the core loop -----------------------------
    def _send(self, mode: str) -> None:
        assert self._make_call is not None
        help_call = self._make_call()
        screen, service = self._visit.current_screen(), self._visit.current_service() or None
        waited = self._visit.seconds_at_it()
        make_session = self._make_session
        frames = self.frames if mode == "video" else None

        async def run() -> HelpState:
            state = await help_call.run(screen, service, mode, waited, self._state_posted.emit)
            if mode != "onsite" and state.phase is HelpPhase.COMING \
                    and make_session is not None:
                session = make_session(state, mode, frames)
                self._session = session
                try:
                    await session.run(self._ask_citizen, self._call_posted.emit,
                                      self._line_posted.emit)
                finally:
                    self._session = None
            return state

        self._call_phase = ""
        self._end_reason = None
        self._left_alone = False
        self._mode = mode
        self._lines = []
        self._task = self._thread.submit(run())
        self.changed.emit()
        self.linesChanged.emit()

    async def _ask_citizen(self, staff: StaffOnCall, timeout_s: float) -> bool:
        """The question when staff answer (on the core loop): resolved by 接听 or 拒绝."""
        consent: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        self._consent = consent
        self._ask_posted.emit(staff, timeout_s)
        return await consent

    def current_session(self) -> RemoteHelp | None:
        """The session running now, if any (its call's statistics, for tests and benchmarks)."""
        return self._session

    # --- the Qt thread ----------------------------------------------------------------
    def _apply(self, state: HelpState) -> None:
        if self._task is None:
            return  # ended meanwhile
        self._state = state
        if state.staff is not None:
            self._staff = state.staff
        self.changed.emit()

    def _apply_ask(self, staff: StaffOnCall, timeout_s: float) -> None:
        if self._task is None:
            return
        self._staff = staff
        self._ask_until = time.monotonic() + timeout_s
        self._ask_timer.start()
        self.askChanged.emit()  # (the question's dialog says itself)

    def _apply_line(self, line: HelpLine) -> None:
        if self._session is None and self._task is None:
            return
        self._lines.append({"sender": "staff", "text": line.text})
        del self._lines[:-LINES_KEPT]
        self.linesChanged.emit()

    def _apply_call(self, event: CallEvent) -> None:
        if self._task is None:
            return
        if event.pointer is not None:
            x, y = event.pointer
            self._pointer = self.share.to_window(x, y) if self.share is not None else (x, y)
            self._pointer_on = True
            self._pointer_timer.start()
            self.pointed.emit()
            return
        if event.ending_in_s is not None:
            self._ending_in = event.ending_in_s
            self.changed.emit()
            self._visit.say(self._get_ending_words())
            return
        phase = event.phase
        self._call_phase = phase.value
        if phase in (CallPhase.DECLINED, CallPhase.ENDED, CallPhase.FAILED):
            self._end_reason = event.reason
            self._ending_in = 0
            self._lines = []  # nothing of the conversation stays
            self.linesChanged.emit()
            if self._ask_until:  # the question ran out
                self._ask_until = 0.0
                self._consent = None
                self._ask_timer.stop()
                self.askChanged.emit()
        if self.share is not None:
            if phase is CallPhase.CONNECTING:
                self.share.mask_words = visit_message("help_call_masked",
                                                      self._visit.language_now())
                self.share.start()
            elif phase in (CallPhase.ENDED, CallPhase.FAILED, CallPhase.DECLINED):
                self.share.stop()
                self._hide_pointer()
        self.changed.emit()

    def _hide_pointer(self) -> None:
        if self._pointer_on:
            self._pointer_on = False
            self.pointed.emit()

    def unattended(self) -> bool:
        """Whether a request waits or a session other than a live video call runs: what ends
        when no one has touched the kiosk for `help.unattended_s` (a citizen who walked away
        from a browse screen leaves no open request, question or written lines to the next;
        a live call is watched by the staff member on it)."""
        if self._task is None or self._task.done():
            return False
        return self._call_phase != CallPhase.LIVE

    def left_alone(self, idle: bool) -> None:
        """No one has touched the kiosk for a while: end what help was running."""
        if idle and self.unattended():
            self.end()
            self._state = HelpState(HelpPhase.WITHDRAWN)
            self._left_alone = True
            self.changed.emit()

    @Slot()
    def end(self) -> None:
        """The citizen has left: withdraw the request, end the call, clear the words."""
        if self._task is not None and not self._task.done():
            self._task.cancel()  # thread-safe: the request is withdrawn, the call hung up
        if self._consent is not None:
            self._answer_ask(False)
        self._task = None
        self._state = None
        self._left_alone = False
        self._choosing = False
        self._call_phase = ""
        self._end_reason = None
        self._staff = None
        self._lines = []
        self._ending_in = 0
        if self.share is not None:
            self.share.stop()
        self._hide_pointer()
        self.changed.emit()
        self.linesChanged.emit()

    # --- properties ---------------------------------------------------------------------
    def _staff_words(self) -> dict[str, str]:
        s = self._staff
        return {"staff": s.name if s else "", "staff_counter": s.counter if s else ""}

    def _get_words(self) -> str:
        s = self._state
        if s is None or s.phase not in _WORDS:
            return ""
        key = _WORDS[s.phase]
        if self._left_alone:
            key = "help_left_alone"
        elif self._call_phase:
            key = _CALL_WORDS[CallPhase(self._call_phase)]
            if self._call_phase == CallPhase.ENDED and self._end_reason in _ENDED_WORDS:
                key = _ENDED_WORDS[self._end_reason]
            elif self._call_phase == CallPhase.ENDED and self._mode == "text":
                key = "help_text_ended"
        elif s.phase is HelpPhase.COMING and self._mode != "onsite":
            key = "help_call_asking"  # until the question is up
        return visit_message(key, self._visit.language_now(), position=str(s.position),
                             counter=s.counter or self._counter, **self._staff_words())

    def _get_ask_words(self) -> str:
        return visit_message("help_call_asking", self._visit.language_now(),
                             **self._staff_words())

    def _get_ending_words(self) -> str:
        return visit_message("help_call_ending", self._visit.language_now(),
                             seconds=str(self._ending_in)) if self._ending_in else ""

    def _get_asking(self) -> bool:
        return self._ask_until > 0

    def _get_ask_left(self) -> int:
        return max(0, round(self._ask_until - time.monotonic())) if self._ask_until else 0

    def _get_waiting(self) -> bool:
        s = self._state
        return s is not None and s.phase in (HelpPhase.SENDING, HelpPhase.WAITING) \
            and self._task is not None and not self._task.done()

    def _get_in_session(self) -> bool:
        return self._call_phase in (CallPhase.CONNECTING, CallPhase.LIVE, CallPhase.TEXT)

    def _get_choosing(self) -> bool:
        return self._choosing

    def _get_phase(self) -> str:
        return self._state.phase.value if self._state else ""

    def _get_call_phase(self) -> str:
        return self._call_phase

    def _get_mode(self) -> str:
        return self._mode

    def _get_showing_mine(self) -> bool:
        return self.share is not None and self.share.show_personal

    def _get_video_offered(self) -> bool:
        return self._video_offered and self.share is not None

    def _get_text_offered(self) -> bool:
        return self._text_offered

    def _get_staff_name(self) -> str:
        return self._staff.name if self._staff else ""

    def _get_staff_counter(self) -> str:
        return self._staff.counter if self._staff else ""

    def _get_lines(self) -> list[dict[str, str]]:
        return list(self._lines)

    def _get_pointer_x(self) -> float:
        return self._pointer[0]

    def _get_pointer_y(self) -> float:
        return self._pointer[1]

    def _get_pointer_on(self) -> bool:
        return self._pointer_on

    callPhase = Property(str, _get_call_phase, notify=changed)
    mode = Property(str, _get_mode, notify=changed)
    inSession = Property(bool, _get_in_session, notify=changed)
    waiting = Property(bool, _get_waiting, notify=changed)
    showingMine = Property(bool, _get_showing_mine, notify=changed)
    videoOffered = Property(bool, _get_video_offered, notify=changed)
    textOffered = Property(bool, _get_text_offered, notify=changed)
    staffName = Property(str, _get_staff_name, notify=changed)
    staffCounter = Property(str, _get_staff_counter, notify=changed)
    endingWords = Property(str, _get_ending_words, notify=changed)
    asking = Property(bool, _get_asking, notify=askChanged)
    askLeft = Property(int, _get_ask_left, notify=askChanged)
    askWords = Property(str, _get_ask_words, notify=askChanged)
    lines = Property(list, _get_lines, notify=linesChanged)
    pointerX = Property(float, _get_pointer_x, notify=pointed)
    pointerY = Property(float, _get_pointer_y, notify=pointed)
    pointerOn = Property(bool, _get_pointer_on, notify=pointed)
    choosing = Property(bool, _get_choosing, notify=changed)
    phase = Property(str, _get_phase, notify=changed)
    words = Property(str, _get_words, notify=changed)

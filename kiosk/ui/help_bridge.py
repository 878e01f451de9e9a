""""Call staff" (呼叫工作人员) on screen: the question (someone to come here), then the hall's
answer in words — told, your place, who is coming, or the counter to go to. The conversation
with the hall runs on the core loop (`kiosk.services.help_call.HelpCall`); this view model
only shows it. Going home (the citizen has left) cancels the request.

"视频连线工作人员" asks the citizen's consent first (microphone, and the screen shared with
personal fields masked); once a staff member takes the request the call is set up on it
(kiosk/services/video_call.py) and the screen is shared (kiosk/ui/screen_share.py) until either
side hangs up. The visit goes on underneath all along."""

from __future__ import annotations

import concurrent.futures
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, Qt, QTimer, Signal, Slot

from kiosk.app import CoreThread
from kiosk.domain.citizen_messages import visit_message
from kiosk.logging import get_logger
from kiosk.services.help_call import HelpCall, HelpPhase, HelpState
from kiosk.services.latest_frame import LatestFrame
from kiosk.ui.screen_share import ScreenShare, StaffPicture
from kiosk.ui.visit_bridge import VisitBridge

if TYPE_CHECKING:
    from kiosk.services.video_call import CallEvent, VideoCall

POINTER_SHOWN_MS = 4000

log = get_logger(__name__)

_WORDS = {
    HelpPhase.SENDING: "help_sending",
    HelpPhase.WAITING: "help_waiting",
    HelpPhase.COMING: "help_coming",
    HelpPhase.GO_TO_COUNTER: "help_go_to_counter",
    HelpPhase.UNAVAILABLE: "help_unavailable",
}
_CALL_WORDS = {"connecting": "help_call_connecting", "live": "help_call_live",
               "ended": "help_call_ended", "failed": "help_call_failed"}


class HelpBridge(QObject):
    changed = Signal()
    pointed = Signal()
    staffPictureChanged = Signal()
    _state_posted = Signal(object)  # cross-thread: a HelpState
    _call_posted = Signal(object)  # cross-thread: a CallEvent
    _staff_frame = Signal()

    def __init__(self, visit: VisitBridge, thread: CoreThread, counter: str,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._counter = counter  # where to send the citizen when no one can come
        self._visit = visit
        self._thread = thread
        self._make_call: Callable[[], HelpCall] | None = None
        self._choosing = False
        self._state: HelpState | None = None
        self._task: concurrent.futures.Future[Any] | None = None
        self._state_posted.connect(self._apply, Qt.ConnectionType.QueuedConnection)
        self._call_posted.connect(self._apply_call, Qt.ConnectionType.QueuedConnection)
        self._staff_frame.connect(self._new_staff_picture, Qt.ConnectionType.QueuedConnection)
        visit.wentHome.connect(self.end)
        # the video call (远程帮办)
        self._make_video: Callable[..., VideoCall] | None = None
        self._consenting = False
        self._call_phase = ""
        self._mode = ""  # the request running: "onsite" or "video"
        self._video: VideoCall | None = None
        self.frames = LatestFrame()
        self.share: ScreenShare | None = None
        self.staff_picture = StaffPicture()
        self._staff_tick = 0
        self._pointer = (0.0, 0.0)
        self._pointer_on = False
        self._pointer_timer = QTimer(self)
        self._pointer_timer.setSingleShot(True)
        self._pointer_timer.setInterval(POINTER_SHOWN_MS)
        self._pointer_timer.timeout.connect(self._hide_pointer)

    def attach(self, make_call: Callable[[], HelpCall],
               make_video: Callable[..., VideoCall] | None = None) -> None:
        """The core has started: requests can reach the hall (and calls, with `make_video`)."""
        self._make_call = make_call
        self._make_video = make_video

    def share_screen(self, share: ScreenShare) -> None:
        """How the window is grabbed for a call (the shell makes it with the window)."""
        self.share = share

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
        """Send the request: "onsite" (someone comes to the kiosk), or "video" (asks the
        citizen's consent first)."""
        self._choosing = False
        if mode == "video" and self._make_video is not None and self.share is not None:
            self._consenting = True
            self.changed.emit()
            return
        if mode != "onsite" or self._make_call is None:
            self._state = HelpState(HelpPhase.UNAVAILABLE, counter=self._counter)
            self.changed.emit()
            return
        self._send("onsite")

    @Slot()
    def agreeVideo(self) -> None:
        """The citizen agreed: microphone on, screen shared (masked) once someone answers."""
        self._consenting = False
        if self._make_call is None:
            self._state = HelpState(HelpPhase.UNAVAILABLE, counter=self._counter)
            self.changed.emit()
            return
        self._send("video")

    @Slot()
    def declineVideo(self) -> None:
        """No consent: no camera, no microphone, no request."""
        self._consenting = False
        self.changed.emit()

    def _send(self, mode: str) -> None:
        assert self._make_call is not None
        help_call = self._make_call()
        screen, service = self._visit.current_screen(), self._visit.current_service() or None
        waited = self._visit.seconds_at_it()
        make_video = self._make_video

        async def run() -> HelpState:
            state = await help_call.run(screen, service, mode, waited, self._state_posted.emit)
            if mode == "video" and state.phase is HelpPhase.COMING and make_video is not None:
                video = make_video(state.request_id, self.frames, self._staff_frame_in)
                self._video = video
                try:
                    await video.run(self._call_posted.emit)
                finally:
                    self._video = None
            return state

        self._call_phase = ""
        self._mode = mode
        self._task = self._thread.submit(run())
        self.changed.emit()

    def current_call(self) -> VideoCall | None:
        """The video call running now, if any (its statistics, for tests and benchmarks)."""
        return self._video

    @Slot()
    def hangUp(self) -> None:
        video = self._video
        if video is not None:
            self._thread.loop.call_soon_threadsafe(video.hang_up)

    @Slot()
    def toggleShowMine(self) -> None:
        """"让工作人员看到我的信息": the shared screen shows the personal fields (or masks
        them again)."""
        if self.share is not None:
            self.share.show_personal = not self.share.show_personal
            self.share.grab()
            self.changed.emit()

    def _staff_frame_in(self, rgb: Any) -> None:  # core thread
        self.staff_picture.put(rgb)
        self._staff_frame.emit()

    def _new_staff_picture(self) -> None:
        self._staff_tick += 1
        self.staffPictureChanged.emit()

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
        phase = event.phase.value
        self._call_phase = phase
        if self.share is not None:
            if phase == "live":
                self.share.mask_words = visit_message("help_call_masked",
                                                      self._visit.language_now())
                self.share.start()
            elif phase in ("ended", "failed"):
                self.share.stop()
                self.staff_picture.clear()
                self._hide_pointer()
        self.changed.emit()

    def _hide_pointer(self) -> None:
        if self._pointer_on:
            self._pointer_on = False
            self.pointed.emit()

    @Slot()
    def end(self) -> None:
        """The citizen has left: cancel the request (the hall's list drops it), clear words."""
        if self._task is not None and not self._task.done():
            self._task.cancel()  # thread-safe: HelpCall.run then cancels the hall's request
        self._task = None
        self._state = None
        self._choosing = False
        self._consenting = False
        self._call_phase = ""
        if self.share is not None:
            self.share.stop()
        self.staff_picture.clear()
        self._hide_pointer()
        self.changed.emit()

    def _apply(self, state: HelpState) -> None:
        if self._task is None:
            return  # ended meanwhile
        self._state = state
        self.changed.emit()

    # --- properties ---------------------------------------------------------------------
    def _get_choosing(self) -> bool:
        return self._choosing

    def _get_phase(self) -> str:
        return self._state.phase.value if self._state else ""

    def _get_words(self) -> str:
        s = self._state
        if s is None or s.phase not in _WORDS:
            return ""
        key = _WORDS[s.phase]
        if self._call_phase:
            key = _CALL_WORDS[self._call_phase]
        elif s.phase is HelpPhase.COMING and self._mode == "video":
            key = _CALL_WORDS["connecting"]  # answered by video: no one is walking over
        return visit_message(key, self._visit.language_now(), position=str(s.position),
                             staff=s.staff_name, counter=s.counter or self._counter)

    def _get_consenting(self) -> bool:
        return self._consenting

    def _get_call_phase(self) -> str:
        return self._call_phase

    def _get_showing_mine(self) -> bool:
        return self.share is not None and self.share.show_personal

    def _get_video_offered(self) -> bool:
        return self._make_video is not None and self.share is not None

    def _get_staff_tick(self) -> int:
        return self._staff_tick

    def _get_pointer_x(self) -> float:
        return self._pointer[0]

    def _get_pointer_y(self) -> float:
        return self._pointer[1]

    def _get_pointer_on(self) -> bool:
        return self._pointer_on

    consenting = Property(bool, _get_consenting, notify=changed)
    callPhase = Property(str, _get_call_phase, notify=changed)
    showingMine = Property(bool, _get_showing_mine, notify=changed)
    videoOffered = Property(bool, _get_video_offered, notify=changed)
    staffTick = Property(int, _get_staff_tick, notify=staffPictureChanged)
    pointerX = Property(float, _get_pointer_x, notify=pointed)
    pointerY = Property(float, _get_pointer_y, notify=pointed)
    pointerOn = Property(bool, _get_pointer_on, notify=pointed)
    choosing = Property(bool, _get_choosing, notify=changed)
    phase = Property(str, _get_phase, notify=changed)
    words = Property(str, _get_words, notify=changed)

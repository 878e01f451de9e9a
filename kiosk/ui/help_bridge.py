""""Call staff" (呼叫工作人员) on screen: the question (someone to come here), then the hall's
answer in words — told, your place, who is coming, or the counter to go to. The conversation
with the hall runs on the core loop (`kiosk.services.help_call.HelpCall`); this view model
only shows it. Going home (the citizen has left) cancels the request."""

from __future__ import annotations

import concurrent.futures
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Property, QObject, Qt, Signal, Slot

from kiosk.app import CoreThread
from kiosk.domain.citizen_messages import visit_message
from kiosk.logging import get_logger
from kiosk.services.help_call import HelpCall, HelpPhase, HelpState
from kiosk.ui.visit_bridge import VisitBridge

log = get_logger(__name__)

_WORDS = {
    HelpPhase.SENDING: "help_sending",
    HelpPhase.WAITING: "help_waiting",
    HelpPhase.COMING: "help_coming",
    HelpPhase.GO_TO_COUNTER: "help_go_to_counter",
    HelpPhase.UNAVAILABLE: "help_unavailable",
}


class HelpBridge(QObject):
    changed = Signal()
    _state_posted = Signal(object)  # cross-thread: a HelpState

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
        visit.wentHome.connect(self.end)

    def attach(self, make_call: Callable[[], HelpCall]) -> None:
        """The core has started: requests can reach the hall."""
        self._make_call = make_call

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
        """Send the request: "onsite" (someone comes to the kiosk)."""
        self._choosing = False
        if mode != "onsite" or self._make_call is None:
            self._state = HelpState(HelpPhase.UNAVAILABLE, counter=self._counter)
            self.changed.emit()
            return
        help_call = self._make_call()
        screen, service = self._visit.current_screen(), self._visit.current_service() or None
        waited = self._visit.seconds_at_it()

        async def run() -> HelpState:
            return await help_call.run(screen, service, mode, waited, self._state_posted.emit)

        self._task = self._thread.submit(run())
        self.changed.emit()

    @Slot()
    def end(self) -> None:
        """The citizen has left: cancel the request (the hall's list drops it), clear words."""
        if self._task is not None and not self._task.done():
            self._task.cancel()  # thread-safe: HelpCall.run then cancels the hall's request
        self._task = None
        self._state = None
        self._choosing = False
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
        return visit_message(_WORDS[s.phase], self._visit.language_now(),
                             position=str(s.position), staff=s.staff_name, counter=s.counter)

    choosing = Property(bool, _get_choosing, notify=changed)
    phase = Property(str, _get_phase, notify=changed)
    words = Property(str, _get_words, notify=changed)

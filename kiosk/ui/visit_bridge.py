"""The touch UI's side of a visit: `VisitBridge` is the view model QML reads (which screen,
what it shows, the countdown, the citizen's display choices) and the slots QML calls;
`QtInteraction` implements the flow engine's Interaction port on top of it.

Threads: the engine runs on the core's asyncio loop; the bridge lives on the Qt thread. The
interaction posts screens through a queued signal and parks each question in an asyncio future,
which the bridge resolves from the Qt thread with `call_soon_threadsafe`. QML holds no business
logic: it shows `screen`/`view` and calls slots.

Privacy: `view` is the only place a citizen's data reaches QML; it is replaced on every screen
and emptied when the visit ends, and the screens holding inputs are destroyed with their screen.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import hashlib
import time
import uuid
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal, cast

from PySide6.QtCore import Property, QObject, Qt, QTimer, Signal, Slot

from kiosk.app import CoreThread
from kiosk.config import KioskSettings
from kiosk.devices.base import DeviceState, DeviceStatus
from kiosk.domain.citizen_messages import visit_message
from kiosk.domain.languages import LANGS, Lang
from kiosk.domain.masking import mask_text
from kiosk.domain.money import yuan
from kiosk.domain.offers import Offer
from kiosk.face.guidance import Guidance
from kiosk.face.liveness import Turn
from kiosk.flows.card_rating import CardRated, CardRating
from kiosk.flows.interaction import (
    ELDER_PATIENCE,
    FilledField,
    PaymentAccepted,
    PaymentConfirmed,
    PaymentOffer,
    PaymentShown,
    RateLater,
    RatingAnswer,
    SignedCommitment,
)
from kiosk.flows.outcome import (
    WORKING_STEPS,
    EndReason,
    Outcome,
    Step,
    TicketOutcome,
    ticket_reason,
)
from kiosk.flows.passport_entry import MrzEntry
from kiosk.flows.schema import FormField
from kiosk.flows.service_summary import all_summaries, guide_node, search, summary
from kiosk.logging import get_logger, where_raised
from kiosk.ui import elder_words

if TYPE_CHECKING:  # loaded in the background after the first frame (kiosk.ui.shell)
    from kiosk.flows.catalog import Catalog
    from kiosk.flows.check_in import CheckInOutcome
    from kiosk.flows.outcome import FlowResult
    from kiosk.flows.visit import VisitRunner

log = get_logger(__name__)

# 卡片评: what may be rated, as QML names it
CARD_SUBJECTS: dict[str, Literal["hall", "counter", "service"]] = {
    "hall": "hall", "counter": "counter", "service": "service"}

RESULT_HOLD_S = 20  # the result screen returns home by itself after this long
GOODBYE_HOLD_S = 8
PAID_SHOWN_S = 1.5  # "已支付 ✓" stays this long before the visit goes on


class QtInteraction:
    """The Interaction port for one visit, called on the core loop."""

    def __init__(self, bridge: VisitBridge, loop: asyncio.AbstractEventLoop,
                 on_challenge: Callable[[str], None] | None = None) -> None:
        self.bridge = bridge
        self.loop = loop
        self.on_challenge = on_challenge
        self.lang = bridge.language_now()
        self.done: dict[str, Any] = {}
        self.labels: dict[str, dict[str, str]] = {}  # field id → stored option → its name
        self.paid = ""  # the amount paid in this visit (yuan), once the platform confirmed

    # --- showing -------------------------------------------------------------------------
    def step(self, name: str) -> None:
        if name == "face_check":
            return  # the consent screen comes first; the preview follows consent
        if name in ("check_in", "checking_in"):  # 预约签到: one screen, identify then ask
            self.bridge.post("checkin", {"step": "checking" if name == "checking_in" else name})
            return
        if name == "submit" and self.paid:
            return  # "已支付" stays up while the paid service is recorded
        screen = "identify" if name == "identify" else "working"
        self.bridge.post(screen, {"step": name})

    def booking_code(self) -> str:
        """预约签到: the booking code typed on the check-in screen so far."""
        return self.bridge.booking_code()

    def progress(self, message: str) -> None:
        pass  # the working screen names each step in the citizen's language itself

    def deadline(self, seconds: float) -> None:
        self.bridge.post_deadline(seconds)

    def guide(self, guidance: Guidance) -> None:
        self.bridge.post_face(guidance=guidance.value)

    def challenge(self, turn: Turn) -> None:
        self.bridge.post_face(challenge=turn.value)
        if self.on_challenge is not None:
            self.on_challenge(turn.value)

    def identify_problem(self, text: str, next_step: str) -> None:
        self.bridge.post_problem(f"{text}{next_step}")

    async def passport_mrz(self, problem: str) -> MrzEntry | None:
        """The MRZ entry screen: the six fields typed, or None ("use another credential")."""
        answer = await self._ask("passport", {"problem": problem})
        if isinstance(answer, dict):
            return MrzEntry.from_answer(answer)
        self.bridge.post("identify", {"step": "identify"})  # back to the other ways
        return None

    def finished(self, outcome: str, case_numbers: list[str], printed: list[str],
                 problems: list[str], *, uploading: bool = False,
                 rating_code: bool = False) -> None:
        self.done = {"outcome": outcome, "cases": list(case_numbers), "printed": list(printed),
                     "problems": list(problems), "uploading": uploading, "paid": self.paid,
                     "ratingCode": rating_code}
        self.bridge.post_finished(dict(self.done))

    # --- asking --------------------------------------------------------------------------
    async def _ask(self, screen: str, view: dict[str, Any]) -> Any:
        fut: asyncio.Future[Any] = self.loop.create_future()
        self.bridge.post(screen, view, fut)
        return await fut

    async def still_there(self, grace_s: float) -> bool:
        fut: asyncio.Future[Any] = self.loop.create_future()
        self.bridge.post_still_there(grace_s, fut)
        try:
            return bool(await fut)
        finally:
            self.bridge.post_still_there(0, None)

    async def ask_face_consent(self) -> bool:
        consent = bool(await self._ask("face_consent", {}))
        if consent:
            self.bridge.post("face", {"guidance": "no_face", "challenge": ""})
        return consent

    async def ask_field(self, field: FormField, error: str | None) -> str | None:
        lang = cast(Lang, self.lang)
        self.labels[field.id] = {o: t[lang] for o, t in field.option_labels.items()}
        answer = await self._ask("field", {
            "id": field.id, "label": field.label[cast(Lang, self.lang)],
            "input": field.input or "text",
            "options": [{"value": o, "label": field.option_labels[o][cast(Lang, self.lang)]
                         if o in field.option_labels else o} for o in field.options],
            "error": error or "", "required": field.required,
            "masked": field.masked_on_screen and field.input != "choice"})
        return None if answer is None else str(answer)

    async def confirm_form(self, form: list[FilledField]) -> bool:
        # the source is a key; QML names it in the citizen's language
        rows = []
        for f in form:
            value = self.labels.get(f.id, {}).get(f.value, f.value)
            rows.append({"label": f.label, "value": value,
                         "masked": mask_text(value) if f.masked else "",
                         "source": {"records": "record"}.get(f.source, f.source),
                         "prefilled": f.source != "citizen"})
        return bool(await self._ask("confirm", {"rows": rows}))

    async def sign_commitment(self, text: str) -> SignedCommitment | None:
        strokes = await self._ask("sign", {"text": text})
        digest = hashlib.sha256(text.encode()).hexdigest()
        if strokes == "keys-confirmed":  # signed on the keypad, confirmed twice
            return SignedCommitment(digest, [], "keys")
        if not strokes:
            return None
        return SignedCommitment(digest, [[(int(x), int(y)) for x, y in s] for s in strokes])

    # --- 缴费 ---------------------------------------------------------------------------
    async def offer_payment(self, offer: PaymentOffer) -> PaymentAccepted | None:
        """The amount, the payee and what is paid for; 去支付 (with the members ticked) or
        不缴了."""
        answer = await self._ask("pay_offer", {
            "item": offer.item_name, "payee": offer.payee, "period": offer.period,
            "choosable": offer.choosable,
            "lines": [{"label": line.label, "amount": yuan(line.amount_fen),
                       "fen": line.amount_fen, "ref": line.ref, "due": line.due,
                       "personal": line.personal} for line in offer.lines]})
        if not isinstance(answer, dict):
            return None
        return PaymentAccepted([str(r) for r in answer.get("refs", [])])

    async def wait_at_payment(self, shown: PaymentShown) -> None:
        """The order's QR code, amount, payee and countdown; returns when the citizen presses
        取消支付 (an answer of any kind)."""
        await self._ask("pay", {
            "order": shown.order_no, "amount": yuan(shown.amount_fen), "item": shown.item_name,
            "payee": shown.payee, "qr": shown.qr_text, "codes": shown.codes_accepted,
            "seconds": round(shown.countdown_s), "problem": "", "paid": False})

    def payment_problem(self, text: str) -> None:
        self.bridge.post_payment({"problem": text})

    async def payment_confirmed(self, paid: PaymentConfirmed) -> None:
        """"已支付" with its ✓, held on the screen a moment: a backend that records the
        service at once would otherwise move the citizen on before they saw it."""
        self.paid = yuan(paid.amount_fen)
        self.bridge.post_payment({"paid": True, "problem": "", "heardAt": paid.heard_at})
        await asyncio.sleep(PAID_SHOWN_S)

    async def ask_offers_consent(self) -> bool:
        return bool(await self._ask("offers_consent", {}))

    async def choose_offer(self, offers: list[Offer], applied: dict[str, str],
                           note: str) -> str | None:
        answer = await self._ask("offers", {
            "offers": [{"id": o.id, "title": o.title, "gives": o.gives, "needs": list(o.needs),
                        "applyHere": o.apply_here, "where": o.where,
                        "needsCommitment": bool(o.commitment),
                        "applied": applied.get(o.id, "")} for o in offers],
            "note": note})
        return str(answer) if answer else None

    async def rate(self, item_code: str, case_number: str) -> RatingAnswer | RateLater | None:
        answer = await self._ask("rate", {"item": item_code, "case": case_number,
                                          **self.done})
        if not answer:
            return None
        if answer.get("later"):  # 扫码评: on the phone, with the receipt's code
            return RateLater()
        return RatingAnswer(int(answer["level"]), list(answer.get("reasons", [])))

    async def report_not_done(self, reason: str) -> str | None:
        answer = await self._ask("report", {"reason": reason})
        return str(answer) if answer else None


class VisitBridge(QObject):
    """What QML shows of a visit, and what it can do."""

    screenChanged = Signal()
    countdownChanged = Signal()
    stillThereChanged = Signal()
    problemChanged = Signal()
    displayChanged = Signal()
    catalogChanged = Signal()
    # from the core's thread, one signal per kind of event (queued into the Qt thread)
    _screen_posted = Signal(str, dict, object)  # a screen: name, view, the answer's future
    _deadline_posted = Signal(float)  # the current question times out in that many seconds
    _still_there_posted = Signal(float, object)  # "still there?": grace seconds, the future
    _face_posted = Signal(dict)  # face-check guidance or the liveness challenge
    _payment_posted = Signal(dict)  # 缴费: a payment code's problem, or "已支付"
    _problem_posted = Signal(str)  # a credential could not be used: the citizen's words
    _finished_posted = Signal(dict)  # the documents are out: outcome, cases, printed
    _visit_ended = Signal(object)  # the visit's concurrent future, done
    _runner_built = Signal(object)  # cross-thread: the VisitRunner, once built
    _catalog_offered = Signal(object)  # cross-thread: a new catalog (the province's update)
    _backend_seen = Signal(bool)  # cross-thread: the backend is reachable (or not)
    _ticket_posted = Signal(object)  # cross-thread: the TicketOutcome of a 取号
    _card_rated = Signal(object)  # cross-thread: a 卡片评's future, done
    readyChanged = Signal()
    wentHome = Signal()  # back on the home screen: whatever the last citizen started has ended

    def __init__(self, config: KioskSettings, core: CoreThread, *,
                 set_language: Callable[[str], None] | None = None,
                 speak: Callable[[str, str], None] | None = None,
                 on_challenge: Callable[[str], None] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._config = config
        # both arrive with runner_ready, built after the first frame
        self._catalog: Catalog | None = None
        # a new catalog waits here until no citizen is at the kiosk (back on the home screen)
        self._next_catalog: Catalog | None = None
        self._core = core
        self._runner: VisitRunner | None = None
        self._set_language = set_language
        self.speak = speak  # where the words go (espeak-ng; None: a kiosk without a voice)
        self._on_challenge = on_challenge
        self._screen = "home"
        self._view: dict[str, Any] = {}
        self._pending: asyncio.Future[Any] | None = None
        # a visit's result, or a check-in's (预约签到)
        self._visit: concurrent.futures.Future[Any] | None = None
        self._booking_code = ""  # 预约签到: typed on the check-in screen, read by the flow
        self._service = ""
        self._deadline_at = 0.0
        self._still_there_at = 0.0
        self._still_there: asyncio.Future[Any] | None = None
        self._problem = ""
        self._guide_path: list[int] = []
        self._search: list[dict[str, Any]] = []
        self._default_lang = config.locale if config.locale in LANGS else "zh-Hans"
        self._lang = self._default_lang
        self._elder = False
        self._contrast = False
        self._voice = config.ui.voice
        # what this bridge said aloud (screen prompts, elder mode's confirmations and
        # countdowns): kept in memory for the trainer and the tests, never written anywhere
        self.spoken: deque[str] = deque(maxlen=50)
        # (confirmation heard, "已支付" applied to the view): perf_counter pairs for the
        # payment_confirm_ms figure (kiosk/bench/payment.py); kept in memory only
        self.paid_shown: deque[tuple[float, float]] = deque(maxlen=10)
        self._announced: tuple[str, float] = ("", 0.0)  # the countdown last read out
        queued = Qt.ConnectionType.QueuedConnection
        self._screen_posted.connect(self._apply_screen, queued)
        self._deadline_posted.connect(self._apply_deadline, queued)
        self._still_there_posted.connect(self._apply_still_there, queued)
        self._face_posted.connect(self._apply_face, queued)
        self._payment_posted.connect(self._apply_payment, queued)
        self._problem_posted.connect(self._apply_problem, queued)
        self._finished_posted.connect(self._apply_finished, queued)
        self._visit_ended.connect(self._ended, queued)
        self._runner_built.connect(self._set_runner, Qt.ConnectionType.QueuedConnection)
        self._catalog_offered.connect(self._offer_catalog, queued)
        self._ticket_posted.connect(self._apply_ticket, queued)
        self._card_rated.connect(self._apply_card_rated, queued)
        # the last visit's result while its end screen offers a queue ticket (no person in it:
        # the service, the outcome and where it ended)
        self._ticket_for: FlowResult | None = None
        # told each visit's result as it ends (the scenario runner on the screens)
        self.result_listeners: list[Callable[[FlowResult], None]] = []
        self._ticket_key = ""
        self._began_at = 0.0
        self._backend_up = True  # until the monitor says otherwise: "checking" pauses nothing
        self._backend_seen.connect(self._set_backend, Qt.ConnectionType.QueuedConnection)
        self._ticker = QTimer(self)
        self._ticker.setInterval(250)
        self._ticker.timeout.connect(self._tick)
        self._ticker.start()
        self._hold = QTimer(self)
        self._hold.setSingleShot(True)
        self._hold.timeout.connect(self.goHome)

    # --- called from the core thread --------------------------------------------------------
    def runner_ready(self, runner: VisitRunner) -> None:
        """The visit machinery was built in the background (after the first frame)."""
        self._runner_built.emit(runner)

    def catalog_offered(self, catalog: Catalog, version: int) -> None:
        """A new catalog was verified and loaded (core thread): the screens take it up between
        citizens — at once if no one is at the kiosk, else when the screen returns home."""
        self._catalog_offered.emit(catalog)

    @Slot(object)
    def _set_runner(self, runner: VisitRunner) -> None:
        self._runner = runner
        self._catalog = runner.catalog
        self.catalogChanged.emit()
        self.readyChanged.emit()

    @Slot(object)
    def _offer_catalog(self, catalog: Catalog) -> None:
        self._next_catalog = catalog
        self._take_offered_catalog()

    def _take_offered_catalog(self) -> None:
        """The offered catalog replaces the one shown, if no citizen is at the kiosk: the
        screens are home and no visit runs. A citizen who chose a service keeps the catalog
        they chose it from for their whole visit (`begin` hands it to the runner)."""
        if self._next_catalog is None or self._visit is not None or self._screen != "home" \
                or self._catalog is None:
            return
        self._catalog, self._next_catalog = self._next_catalog, None
        self.catalogChanged.emit()

    def _get_ready(self) -> bool:
        return self._runner is not None

    ready = Property(bool, _get_ready, notify=readyChanged)

    def _get_card_rating_offered(self) -> bool:
        return self._runner is not None and self._runner.card_ratings is not None

    # 卡片评 on the home screen, where this kiosk takes anonymous ratings
    cardRatingOffered = Property(bool, _get_card_rating_offered, notify=readyChanged)

    def language_now(self) -> str:
        return self._lang

    def current_screen(self) -> str:
        return self._screen

    def current_view(self) -> dict[str, Any]:
        """What the current screen shows (the QML's `view`), for Python callers."""
        return self._view

    def current_service(self) -> str:
        """The service (or bundle) id the citizen chose, "" on the home screens."""
        return self._service

    def seconds_at_it(self) -> int:
        """How long the current citizen has been at it (since "begin"), 0 outside a visit."""
        return int(time.monotonic() - self._began_at) if self._began_at else 0

    def post(self, screen: str, view: dict[str, Any],
             fut: asyncio.Future[Any] | None = None) -> None:
        self._screen_posted.emit(screen, view, fut)

    def post_deadline(self, seconds: float) -> None:
        self._deadline_posted.emit(float(seconds))

    def post_still_there(self, seconds: float, fut: asyncio.Future[Any] | None) -> None:
        self._still_there_posted.emit(float(seconds), fut)

    def post_face(self, **change: str) -> None:
        self._face_posted.emit(change)

    def post_payment(self, change: dict[str, Any]) -> None:
        self._payment_posted.emit(change)

    def post_problem(self, text: str) -> None:
        self._problem_posted.emit(text)

    def post_finished(self, finished: dict[str, Any]) -> None:
        self._finished_posted.emit(finished)

    # --- the Qt thread ------------------------------------------------------------------
    def _apply_deadline(self, seconds: float) -> None:
        self._deadline_at = time.monotonic() + seconds
        self.countdownChanged.emit()

    def _apply_still_there(self, seconds: float, fut: object) -> None:
        self._still_there_at = time.monotonic() + seconds if seconds > 0 else 0.0
        self._still_there = fut if isinstance(fut, asyncio.Future) else None
        self.stillThereChanged.emit()

    def _apply_face(self, change: dict[str, Any]) -> None:
        if self._screen == "face":
            self._view = {**self._view, **change}
            self.screenChanged.emit()

    def _apply_payment(self, change: dict[str, Any]) -> None:
        """A change on the payment screen: a code's problem, or paid (the QR put away, the
        countdown stopped, "已支付" — the moment `paid_shown_at` records)."""
        if self._screen != "pay":
            return
        heard = change.pop("heardAt", None)
        self._view = {**self._view, **change}
        if change.get("paid"):
            self._pending = None  # nothing to cancel any more
            self._deadline_at = 0.0
            self.countdownChanged.emit()
        self.screenChanged.emit()
        if change.get("paid") and isinstance(heard, float):
            self.paid_shown.append((heard, time.perf_counter()))

    def _apply_problem(self, text: str) -> None:
        self._problem = text
        self.problemChanged.emit()

    def _apply_finished(self, view: dict[str, Any]) -> None:
        self._show("finished", dict(view))

    def _apply_screen(self, screen: str, view: dict[str, Any], fut: object) -> None:
        if self._visit is None:
            return  # a late post from a visit that has ended
        self._pending = fut if isinstance(fut, asyncio.Future) else None
        self._show(screen, view)

    def _show(self, screen: str, view: dict[str, Any]) -> None:
        self._screen = screen
        self._view = view
        if screen not in ("identify", "checkin"):
            self._problem = ""
            self.problemChanged.emit()
        self.screenChanged.emit()

    def _tick(self) -> None:
        if self._deadline_at or self._still_there_at:
            self.countdownChanged.emit()
            if self._elder:
                self._read_countdown()

    def _read_countdown(self) -> None:
        """Elder mode reads the time out once per countdown: the "still there?" question when
        it appears, a step's time when ten seconds are left (not on the end screens, whose
        countdown only leads home)."""
        if self._still_there_at:
            if self._announced != ("still", self._still_there_at):
                self._announced = ("still", self._still_there_at)
                self._say(elder_words.still_there(self._get_still_there_left(), self._lang))
            return
        left = self._get_seconds_left()
        if (self._visit is not None and not self._hold.isActive()
                and 0 < left <= elder_words.ANNOUNCE_AT_S
                and self._announced != ("step", self._deadline_at)):
            self._announced = ("step", self._deadline_at)
            self._say(elder_words.seconds_left(left, self._lang))

    def _resolve(self, fut: asyncio.Future[Any] | None, value: Any) -> None:
        if fut is None:
            return

        def settle() -> None:
            if not fut.done():
                fut.set_result(value)
        self._core.loop.call_soon_threadsafe(settle)

    # --- properties -----------------------------------------------------------------------
    def _get_screen(self) -> str:
        return self._screen

    def _get_view(self) -> dict[str, Any]:
        return self._view

    screen = Property(str, _get_screen, notify=screenChanged)

    def _get_working_steps(self) -> list[str]:
        return [step.value for step in WORKING_STEPS]

    # the order of the steps the working screen shows, from the core (kiosk/flows/outcome.py)
    workingSteps = Property(list, _get_working_steps, constant=True)
    view = Property(dict, _get_view, notify=screenChanged)

    def _get_seconds_left(self) -> int:
        if not self._deadline_at:
            return -1
        return max(0, int(self._deadline_at - time.monotonic() + 0.999))

    secondsLeft = Property(int, _get_seconds_left, notify=countdownChanged)

    def _get_still_there(self) -> bool:
        return self._still_there_at > 0

    def _get_still_there_left(self) -> int:
        if not self._still_there_at:
            return 0
        return max(0, int(self._still_there_at - time.monotonic() + 0.999))

    stillThere = Property(bool, _get_still_there, notify=stillThereChanged)
    stillThereLeft = Property(int, _get_still_there_left, notify=countdownChanged)

    def _get_problem(self) -> str:
        return self._problem

    problem = Property(str, _get_problem, notify=problemChanged)

    def _get_language(self) -> str:
        return self._lang

    def _get_elder(self) -> bool:
        return self._elder

    def _get_contrast(self) -> bool:
        return self._contrast

    def _get_voice(self) -> bool:
        return self._voice

    language = Property(str, _get_language, notify=displayChanged)
    elderMode = Property(bool, _get_elder, notify=displayChanged)
    highContrast = Property(bool, _get_contrast, notify=displayChanged)
    voiceOn = Property(bool, _get_voice, notify=displayChanged)

    # --- the backend's reachability ------------------------------------------------------
    def device_status(self, name: str, status: DeviceStatus) -> None:
        """Monitor callback (core thread): the backend link's state decides which services
        are paused (暂停办理)."""
        if name == "backend" and status.state is not DeviceState.UNKNOWN:
            self._backend_seen.emit(status.state in (DeviceState.OK, DeviceState.WARNING))

    @Slot(bool)
    def _set_backend(self, up: bool) -> None:
        if up != self._backend_up:
            self._backend_up = up
            self.catalogChanged.emit()
            if self._screen in ("intro", "services") and not self._visit:
                self._show(self._screen, self._marked(self._view))

    def _marked(self, view: dict[str, Any]) -> dict[str, Any]:
        """A summary (or a list of them under "items") with "paused" set from the backend."""
        if "needsBackend" in view:  # one summary (a bundle's has "items" too: its titles)
            return {**view, "paused": bool(view["needsBackend"]) and not self._backend_up}
        if isinstance(view.get("items"), list):  # a list of summaries
            return {**view, "items": [self._marked(i) if isinstance(i, dict) else i
                                      for i in view["items"]]}
        return view

    def _get_services(self) -> list[dict[str, Any]]:
        return [self._marked(s) for s in all_summaries(self._catalog, self._lang)] \
            if self._catalog else []

    services = Property(list, _get_services, notify=catalogChanged)

    def _get_search_results(self) -> list[dict[str, Any]]:
        return self._search

    searchResults = Property(list, _get_search_results, notify=catalogChanged)

    def _get_guide(self) -> dict[str, Any]:
        node = self._catalog.guide if self._catalog else None
        if node is None:
            return {"question": "", "answers": []}
        for i in self._guide_path:
            node = node.answers[i].next
        return guide_node(node, self._lang)

    guide = Property(dict, _get_guide, notify=catalogChanged)

    def _get_active(self) -> bool:
        return self._visit is not None

    active = Property(bool, _get_active, notify=screenChanged)

    # --- what QML can do ------------------------------------------------------------------
    @Slot(str)
    def openService(self, service_id: str) -> None:
        """The service's introduction: what it needs, how long, what comes out."""
        if self._catalog is None:
            return  # still starting up (a second at most)
        self._service = service_id
        self._show("intro", self._marked(summary(self._catalog, service_id, self._lang)))

    @Slot(str)
    def openCategory(self, category: str) -> None:
        if self._catalog is None:
            return
        items = [self._marked(s) for s in all_summaries(self._catalog, self._lang)
                 if s["category"] == category]
        self._show("services", {"category": category, "items": items})

    @Slot()
    def openGuide(self) -> None:
        self._guide_path = []
        self.catalogChanged.emit()
        self._show("guide", {})

    @Slot(int)
    def guideChoose(self, index: int) -> None:
        node = self._catalog.guide if self._catalog else None
        if node is None:
            return
        for i in self._guide_path:
            node = node.answers[i].next
        nxt = node.answers[index].next
        if nxt.service:
            self.openService(nxt.service)
            return
        self._guide_path.append(index)
        self.catalogChanged.emit()
        self._show("guide", {"depth": len(self._guide_path)})

    @Slot()
    def openCardRating(self) -> None:
        """卡片评: the anonymous rating screen — the hall, a counter, a service item."""
        runner = self._runner
        if runner is None or runner.card_ratings is None or self._visit is not None \
                or self._catalog is None:
            return
        lang = self._lang
        services = [{"code": s.item_code, "title": s.titles[lang]}  # the catalog on screen
                    for s in self._catalog.services.values()]
        self._show("card_rating", {"counters": list(runner.card_ratings.counters),
                                   "services": services})

    @Slot("QVariant")
    def rateCard(self, answer: Any) -> None:
        """卡片评: the rating given on the card screen, sent (or refused in words)."""
        runner = self._runner
        if hasattr(answer, "toVariant"):
            answer = answer.toVariant()
        if runner is None or runner.card_ratings is None or not isinstance(answer, dict) or \
                self._screen != "card_rating" or self._view.get("sending"):
            return
        subject = CARD_SUBJECTS.get(str(answer.get("subject", "")))
        if subject is None:
            return
        rating = CardRating(subject, int(answer.get("level") or 0),
                            tuple(str(r) for r in answer.get("reasons") or []),
                            counter=str(answer.get("counter") or ""),
                            item_code=str(answer.get("itemCode") or ""))
        self._show("card_rating", {**self._view, "sending": True})
        self._core.submit(runner.card_ratings.rate(rating, self._lang)).add_done_callback(
            self._card_rated.emit)

    def _apply_card_rated(self, fut: object) -> None:
        if self._screen != "card_rating":
            return  # the citizen left meanwhile
        done: CardRated | None = None
        if isinstance(fut, concurrent.futures.Future) and not fut.cancelled() and \
                fut.exception() is None:
            done = fut.result()
        if done is None:
            failure = None if not isinstance(fut, concurrent.futures.Future) or \
                fut.cancelled() else fut.exception()
            log.error("anonymous rating failed", error=type(failure).__name__)
            done = CardRated(False, visit_message("card_rating_unavailable", self._lang))
        self._end_screen("card_rated", {"recorded": done.recorded, "words": done.words},
                         GOODBYE_HOLD_S)

    @Slot()
    def openSearch(self) -> None:
        self._search = []
        self.catalogChanged.emit()
        self._show("search", {})

    @Slot(str)
    def search(self, text: str) -> None:
        self._search = [self._marked(s) for s in search(self._catalog, text, self._lang)] \
            if self._catalog else []
        self.catalogChanged.emit()

    @Slot()
    def beginCheckIn(self) -> None:
        """预约签到 from the home screen: identify (the booking code typed first if any), and
        the hall's ticket."""
        if self._runner is None or self._visit is not None:
            return
        ui = QtInteraction(self, self._core.loop, self._on_challenge)
        self._booking_code = ""
        self._service = ""
        self._began_at = time.monotonic()
        self._visit = self._core.submit(self._runner.check_in(
            ui, locale=self._lang, patience=ELDER_PATIENCE if self._elder else 1.0))
        self._visit.add_done_callback(self._visit_ended.emit)
        self._show("checkin", {"step": "check_in"})

    @Slot(str)
    def setBookingCode(self, code: str) -> None:
        self._booking_code = code if code.isascii() and code.isdigit() else ""

    def booking_code(self) -> str:
        return self._booking_code

    @Slot()
    def begin(self) -> None:
        """Start the visit for the service on the intro screen: identify, then the flow."""
        if self._runner is None or self._visit is not None or not self._service:
            return
        if self._view.get("paused"):  # 暂停办理: the citizen is not led into it
            return
        ui = QtInteraction(self, self._core.loop, self._on_challenge)
        self._began_at = time.monotonic()
        self._visit = self._core.submit(self._runner.run(
            self._service, ui, locale=self._lang,
            patience=ELDER_PATIENCE if self._elder else 1.0, catalog=self._catalog))
        self._visit.add_done_callback(self._visit_ended.emit)
        self._show("identify", {"step": "identify"})

    def _ended(self, fut: object) -> None:
        self._visit = None
        self._pending = None
        self._deadline_at = 0.0
        self._still_there_at = 0.0
        self.countdownChanged.emit()
        self.stillThereChanged.emit()
        result: FlowResult | None = None
        self._booking_code = ""
        if isinstance(fut, concurrent.futures.Future) and not fut.cancelled() and \
                fut.exception() is None:
            from kiosk.flows.check_in import CheckInOutcome  # loaded by then: a visit ran

            if isinstance(fut.result(), CheckInOutcome):
                self._check_in_ended(fut.result())
                return
            result = fut.result()
        if result is None:
            if isinstance(fut, concurrent.futures.Future) and not fut.cancelled():
                failure = fut.exception()
                log.error("visit failed", error=type(failure).__name__,
                          where=where_raised(failure) if failure is not None else [])
                self._end_screen("error", {})
            else:
                self.goHome()
            return
        for listener in self.result_listeners:
            listener(result)
        offer: dict[str, Any] = {}
        if ticket_reason(result) is not None and self._runner is not None:
            self._ticket_for, self._ticket_key = result, uuid.uuid4().hex
            offer = {"ticket": "offered"}
        if result.outcome in (Outcome.APPROVED, Outcome.SUBMITTED):
            self._end_screen("goodbye", {"outcome": result.outcome.value}, GOODBYE_HOLD_S)
        elif result.end is EndReason.CARD_PULLED:
            self._end_screen("ended", {"why": "card"}, GOODBYE_HOLD_S)
        elif result.outcome is Outcome.ABANDONED:
            why = "timeout" if result.end is EndReason.TIMED_OUT else "declined"
            # a payment not made says so: the order closed, nothing charged
            said = {"reason": result.reason} if result.at is Step.PAY else {}
            self._end_screen("ended", {"why": why, **said, **offer},
                             RESULT_HOLD_S if said else GOODBYE_HOLD_S)
        else:
            self._end_screen("result", {"outcome": result.outcome.value,
                                        "reason": result.reason, **offer})

    def _check_in_ended(self, outcome: CheckInOutcome) -> None:
        """The check-in's end screen: the number, or why not (no person in either)."""
        if not outcome.words:  # no credential in time: the citizen has gone
            self.goHome()
            return
        self._end_screen("checked_in", {
            "checkedIn": outcome.checked_in, "words": outcome.words, "number": outcome.number,
            "priority": outcome.priority, "booked": outcome.booked,
            "printed": outcome.printed, "why": outcome.why})

    @Slot()
    def takeTicket(self) -> None:
        """取号: a number for the counter the end screen sends the citizen to, printed."""
        result, runner = self._ticket_for, self._runner
        if result is None or runner is None or self._view.get("ticket") != "offered":
            return  # one number per visit: a second tap draws nothing
        self._show(self._screen, {**self._view, "ticket": "taking"})
        self._hold.start(RESULT_HOLD_S * 1000)
        self._deadline_at = time.monotonic() + RESULT_HOLD_S
        self._core.submit(runner.take_ticket(result, self._lang, self._ticket_key)) \
            .add_done_callback(self._ticket_done)

    def _ticket_done(self, fut: concurrent.futures.Future[TicketOutcome]) -> None:
        """Core thread: hand the ticket (or why there is none) to the Qt thread."""
        if fut.cancelled() or fut.exception() is not None:
            failure = None if fut.cancelled() else fut.exception()
            log.error("queue ticket failed", error=type(failure).__name__)
            self._ticket_posted.emit(TicketOutcome("", visit_message("ticket_unavailable",
                                                                     self._lang)))
        else:
            self._ticket_posted.emit(fut.result())

    def _apply_ticket(self, ticket: TicketOutcome) -> None:
        if self._view.get("ticket") != "taking":
            return  # the citizen left meanwhile: the next citizen's screen stays as it is
        self._show(self._screen, {**self._view, "ticket": "taken" if ticket.number else
                                  "unavailable", "ticketNumber": ticket.number,
                                  "ticketWords": ticket.words, "ticketPrinted": ticket.printed})
        self._hold.start(RESULT_HOLD_S * 1000)  # time to read the number
        self._deadline_at = time.monotonic() + RESULT_HOLD_S
        self.countdownChanged.emit()

    def _end_screen(self, screen: str, view: dict[str, Any], hold_s: int = RESULT_HOLD_S) -> None:
        """The visit is over: nothing personal stays in the view model."""
        self._show(screen, {**view, "holdSeconds": hold_s})
        self._deadline_at = time.monotonic() + hold_s
        self.countdownChanged.emit()
        self._hold.start(hold_s * 1000)

    @Slot("QVariant")
    def answer(self, value: Any) -> None:
        """The citizen's answer to the question on screen."""
        fut, self._pending = self._pending, None
        if hasattr(value, "toVariant"):
            value = value.toVariant()
        if self._elder:  # the answer said back in words (never a typed value)
            self._say(elder_words.confirmation(self._screen, self._view, value, self._lang))
        self._show("working", {"step": "answered"})
        self._resolve(fut, value)

    @Slot()
    def extend(self) -> None:
        """"Still there?" → yes: more time."""
        fut, self._still_there = self._still_there, None
        self._resolve(fut, True)

    @Slot()
    def cancelVisit(self) -> None:
        """Start over: the visit ends, its data is wiped (the engine's finally) and home."""
        if self._visit is not None:
            self._visit.cancel()
        else:
            self.goHome()

    @Slot()
    def back(self) -> None:
        """One screen back outside a visit; inside one, QML asks before calling cancelVisit."""
        if self._screen in ("intro",) and self._guide_path:
            self._show("guide", {})
        else:
            self.goHome()

    @Slot()
    def goHome(self) -> None:
        if self._visit is not None:
            self._visit.cancel()
            return
        self._hold.stop()
        self._ticket_for, self._ticket_key = None, ""
        self._began_at = 0.0
        self._booking_code = ""
        self.wentHome.emit()  # the citizen is gone: a help request ends with them
        self.spoken.clear()  # a choice said back ("您选择了：…") goes with the citizen
        self._service = ""
        self._search = []
        self._guide_path = []
        self._deadline_at = 0.0
        self._problem = ""
        self.problemChanged.emit()
        self.countdownChanged.emit()
        self._reset_display()
        self._show("home", {})
        self._take_offered_catalog()  # between citizens: a new catalog is taken up here

    def _reset_display(self) -> None:
        """When a visit ends, the next citizen starts from the defaults."""
        changed = (self._lang, self._elder, self._contrast, self._voice) != \
            (self._default_lang, False, False, self._config.ui.voice)
        self._lang, self._elder, self._contrast = self._default_lang, False, False
        self._voice = self._config.ui.voice
        if changed:
            if self._set_language is not None:
                self._set_language(self._lang)
            self.displayChanged.emit()
            self.catalogChanged.emit()

    @Slot(str)
    def setLanguage(self, lang: str) -> None:
        if lang not in LANGS or lang == self._lang:
            return
        self._lang = lang
        if self._set_language is not None:
            self._set_language(lang)
        self.displayChanged.emit()
        self.catalogChanged.emit()
        if self._screen == "intro" and self._service and self._catalog is not None:
            self._show("intro", summary(self._catalog, self._service, lang))

    @Slot()
    def toggleElder(self) -> None:
        """Elder mode: larger, slower, and spoken (it turns the voice on; the voice button can
        still turn it off)."""
        self._elder = not self._elder
        if self._elder:
            self._voice = True
        self.displayChanged.emit()

    @Slot()
    def toggleContrast(self) -> None:
        self._contrast = not self._contrast
        self.displayChanged.emit()

    @Slot()
    def toggleVoice(self) -> None:
        self._voice = not self._voice
        self.displayChanged.emit()

    @Slot(str)
    def say(self, text: str) -> None:
        """QML asks for the current screen's prompt to be spoken (if voice is on)."""
        self._say(text)

    def _say(self, text: str) -> None:
        if self._voice and self.speak is not None and text:
            self.spoken.append(text)
            self.speak(text, self._lang)

    def shutdown(self) -> None:
        """The app is stopping: end any visit (its data is wiped) and stop the timers."""
        self._ticker.stop()
        self._hold.stop()
        if self._visit is not None:
            self._visit.cancel()  # the core's stop() waits for the cancelled visit to unwind
            self._visit = None

    @Slot()
    def staffHelp(self) -> None:
        """"Call staff" was pressed (the help bridge takes the request): the problem line of
        the identify screen gives way to the help dialog."""
        self._problem = ""
        self.problemChanged.emit()

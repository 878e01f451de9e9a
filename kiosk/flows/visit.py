"""One citizen's visit — the only way a visit runs, for the touch UI and for scenarios:
identify (kiosk/flows/identify.py) while the face models load beside it, run the service
through the flow engine, and end the visit when the ID card is pulled. The models go as the
visit's face check ends (`face.hold_models`: "face_check"), or when the kiosk has rested
between visits (`release_face_models`). UI-agnostic: the Qt bridge implements
`VisitInteraction`; nothing here imports Qt.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from kiosk.config import FaceConfig
from kiosk.domain.identity import Identity
from kiosk.events import EventId
from kiosk.face.check import FaceCheck
from kiosk.face.engine import FaceEngine
from kiosk.face.verifier import FaceVerifier, LocalFaceVerifier, RemoteFaceVerifier
from kiosk.flows.card_rating import CardRatings
from kiosk.flows.catalog import Catalog
from kiosk.flows.check_in import CheckInInteraction, CheckInOutcome, check_in
from kiosk.flows.engine import FlowEngine
from kiosk.flows.identify import Identification, IdentitySources, VisitInteraction
from kiosk.flows.outcome import EndReason, FlowResult, Outcome, Step, TicketOutcome, VisitStop
from kiosk.flows.ports import FlowPorts
from kiosk.flows.queue_ticket import take_ticket
from kiosk.flows.steps import face as face_step
from kiosk.logging import get_logger
from kiosk.session import Session

log = get_logger(__name__)


class VisitRunner:
    """Runs visits one at a time on the core's event loop.

    Each visit runs on the catalog it started with: a new catalog offered meanwhile
    (`offer_catalog`, a province's update) is taken up by the next visit, never by one under
    way."""

    def __init__(self, ports: FlowPorts, sources: IdentitySources,
                 face_engine: Callable[[], FaceEngine],
                 *, forget_face_engine: Callable[[], None] = lambda: None,
                 match_threshold: float, photo_detect_score: float,
                 face_config: FaceConfig | None = None, face_check_s: float = 20.0,
                 on_result: Callable[[FlowResult, float], None] | None = None,
                 on_refused: Callable[[str], None] | None = None,
                 on_check_in: Callable[[str], None] | None = None) -> None:
        self.on_result = on_result  # (result, seconds): statistics and metrics, no person
        self.on_check_in = on_check_in  # (how a check-in ended): statistics, no person
        # 卡片评 from the home screen (kiosk/flows/card_rating.py), where configured
        self.card_ratings: CardRatings | None = None
        self.ports = ports
        self._visit_ports = ports  # what the last visit ran on (its queue ticket too)
        # (reason code) a credential refused at identification: statistics, no person
        self.identification = Identification(sources, ports.gateway, on_refused=on_refused)
        # the face models (~95 MB once used) load as a visit starts, beside identification,
        # and go as its face check ends or between visits (face.hold_models)
        self._make_face_engine = face_engine
        self._forget_face_engine = forget_face_engine
        self._face_models: asyncio.Future[FaceEngine] | None = None
        # a thread of their own: the load runs beside identification's device reads without
        # widening the loop's shared pool
        self._model_loader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="face-models")
        self.face_engine: FaceEngine | None = None
        self._visits_under_way = 0
        self._face_check: FaceCheck | None = None
        self.face_config = face_config or FaceConfig()
        self.face_check_s = face_check_s  # the whole face check, consent to verdict
        self.match_threshold = match_threshold
        self.photo_detect_score = photo_detect_score
        self.last_session_empty: bool | None = None  # after a visit: was everything wiped

    @property
    def catalog(self) -> Catalog:
        """The catalog the next visit starts on."""
        return self.ports.catalog

    def offer_catalog(self, catalog: Catalog) -> None:
        """Visits that start from now on run on `catalog`; one under way finishes on its own."""
        self.ports = dataclasses.replace(self.ports, catalog=catalog)

    async def take_ticket(self, result: FlowResult, lang: str,
                          idempotency_key: str) -> TicketOutcome:
        """A queue ticket after a visit that sent the citizen to a counter (queue_ticket.py),
        named as in the catalog that visit ran on."""
        return await take_ticket(self._visit_ports, result, lang,
                                 idempotency_key=idempotency_key)

    async def check_in(self, ui: CheckInInteraction, *, locale: str = "zh-Hans",
                       patience: float = 1.0) -> CheckInOutcome:
        """预约签到 (kiosk/flows/check_in.py): identify, and the hall's ticket for the booking."""
        return await check_in(self.ports, self.identification, ui, locale, patience=patience,
                              on_done=self.on_check_in)

    async def run(self, service_id: str, ui: VisitInteraction, *,
                  locale: str = "zh-Hans", patience: float = 1.0,
                  catalog: Catalog | None = None) -> FlowResult:
        """One visit. `patience` > 1 gives the citizen longer for every step (elder mode).
        `catalog`: the one the citizen chose the service from (the touch UI's); by default
        the runner's current one. The visit keeps it to its end."""
        started = time.monotonic()
        result = FlowResult(service_id, Outcome.ABANDONED, "cancelled", EndReason.CANCELLED)
        ports = self.ports if catalog is None else dataclasses.replace(self.ports,
                                                                        catalog=catalog)
        self._visit_ports = ports
        self._visits_under_way += 1
        try:
            if _needs_face_check(ports, service_id):
                self._load_face_models_beside()
            result = await self._run(ports, service_id, ui, locale, patience)
            return result
        finally:
            self._visits_under_way -= 1
            if self._hold_for_face_check_only():
                self.release_face_models()  # a visit that ended before its face check's end
            if self.on_result is not None:
                try:
                    self.on_result(result, time.monotonic() - started)
                except Exception as exc:  # statistics must never end a visit badly
                    log.error("visit statistics not recorded", error=type(exc).__name__)

    async def _run(self, ports: FlowPorts, service_id: str, ui: VisitInteraction, locale: str,
                   patience: float) -> FlowResult:
        session = Session(locale=locale)
        try:
            ui.step(Step.IDENTIFY.value)
            identify_started = time.perf_counter()
            items = ports.catalog.items_of(service_id)
            budget = float(max(s.time_budget_s.identify for s in items)) * patience
            try:
                identity = await self.identification.first_credential(
                    ui, locale, budget, grace_s=ports.still_there_grace_s,
                    max_extensions=ports.max_extensions)
            except VisitStop as stop:  # identification itself sent the citizen to a counter
                return FlowResult(service_id, stop.outcome, stop.reason, stop.end, stop.at)
            identified_s = time.perf_counter() - identify_started
            if identity is None:
                return FlowResult(service_id, Outcome.ABANDONED, "timed out at identify",
                                  EndReason.TIMED_OUT, Step.IDENTIFY)
            session.identity = identity
            session.learn(*identity.personal_values())
            # a service without a face check runs without the models (none are loaded)
            face_check = verifier = None
            if _needs_face_check(ports, service_id):
                face_check = await self._ensure_face_check()
                verifier = self._verifier(identity)
            engine = asyncio.ensure_future(FlowEngine(ports).run(
                service_id, session, ui, face_check=face_check, verifier=verifier,
                face_check_done=self._face_check_done, patience=patience))
            del face_check, verifier  # the engine's alone: it lets them go as the check ends
            watcher = asyncio.ensure_future(self.identification.card_lifted(identity))
            done, _ = await asyncio.wait({engine, watcher},
                                         return_when=asyncio.FIRST_COMPLETED)
            if engine in done:
                watcher.cancel()
                result = engine.result()
                result.add_wait("credential", identified_s)
                result.timings[Step.IDENTIFY.value] = identified_s
                return result
            engine.cancel()  # the card was pulled: the engine wipes the session as it stops
            with contextlib.suppress(asyncio.CancelledError):
                await engine
            log.info("visit ended: card removed", event_id=EventId.IDCARD_REMOVED)
            return FlowResult(service_id, Outcome.ABANDONED, EndReason.CARD_PULLED.value,
                              EndReason.CARD_PULLED)
        finally:
            session.wipe()
            self.last_session_empty = session.empty

    def _load_face_models_beside(self) -> None:
        """Start loading the face models (and preparing them with one blank inference, about
        0.3 s of one core) while the citizen identifies, unless they are held already."""
        if self._face_models is None:
            def load() -> FaceEngine:
                engine = self._make_face_engine()
                engine.warm_up()
                return engine
            self._face_models = asyncio.get_running_loop().run_in_executor(
                self._model_loader, load)
            self._face_models.add_done_callback(self._note_failed_load)

    def _note_failed_load(self, models: asyncio.Future[FaceEngine]) -> None:
        """A load of the face models that failed is logged and forgotten, whether or not a
        visit reached its face check (that visit meets the error itself; the next one loads
        them again)."""
        if models.cancelled():
            return
        if models.exception() is None:
            if self._hold_for_face_check_only() and not self._visits_under_way:
                self.release_face_models()  # loaded for a visit that has ended meanwhile
            return
        log.error("face models not loaded", event_id=EventId.FACE_MODELS_NOT_LOADED,
                  error=type(models.exception()).__name__)
        if self._face_models is models:
            self._face_models = None

    async def _ensure_face_check(self) -> FaceCheck:
        self._load_face_models_beside()
        assert self._face_models is not None
        models = self._face_models
        engine = await asyncio.shield(models)  # a failed load is forgotten as it fails
        if self.face_engine is not engine or self._face_check is None:
            self.face_engine = engine
            self._face_check = FaceCheck(engine, self.face_config, timeout_s=self.face_check_s)
        return self._face_check

    @property
    def visit_under_way(self) -> bool:
        return self._visits_under_way > 0

    def _hold_for_face_check_only(self) -> bool:
        return self.face_config.hold_models == "face_check"

    def _face_check_done(self) -> None:
        """A visit's face check is over (passed or not): with `hold_models: face_check` the
        rest of the visit runs without the models."""
        if self._hold_for_face_check_only():
            self._let_models_go()

    def release_face_models(self) -> bool:
        """Let the face models go while no visit runs: what the networks and their buffers
        hold (about 95 MB here) returns to the system at the next trim, and the next visit
        loads them again beside its identification. False (nothing done) while a visit runs,
        while they are loading, or when they are not held."""
        models = self._face_models
        if self._visits_under_way or models is None or not models.done():
            return False
        self._let_models_go()
        return True

    def _let_models_go(self) -> None:
        """Drop every hold this runner has on the models (its check's too); once the visit's
        verifier is cleared, nothing else holds them."""
        if self._face_check is not None:
            self._face_check.let_models_go()
        self._face_models = None
        self.face_engine = None
        self._face_check = None
        self._forget_face_engine()

    def _verifier(self, identity: Identity) -> FaceVerifier:
        assert self.face_engine is not None
        if identity.photo is not None:
            return LocalFaceVerifier(self.face_engine, identity.photo, self.match_threshold,
                                     self.photo_detect_score)
        return RemoteFaceVerifier(self.ports.gateway, kiosk_id=self.ports.kiosk_id,
                                  credential=identity.credential.value,
                                  id_number=identity.id_number or "", name=identity.name)


def _needs_face_check(ports: FlowPorts, service_id: str) -> bool:
    """Whether the service's visit has a face check (the flow's face step's own test)."""
    try:
        return face_step.needed_by(ports.catalog.items_of(service_id))
    except KeyError:
        return False  # an unknown service: the visit ends before any face check

"""One citizen's visit at the touch screen: identify (ID card on the SAM reader, a social
security card on the PC/SC reader, or an e-ID QR code shown to the camera, whichever comes
first), then run the service through the flow engine, and end the visit when the ID card is
pulled. UI-agnostic: the Qt bridge implements `VisitInteraction`; nothing here imports Qt.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Protocol

from kiosk.config import FaceConfig
from kiosk.devices.camera.base import Camera
from kiosk.devices.camera.qr import QrCredentialReader, QrRejected
from kiosk.devices.errors import DeviceError, DeviceTimeout, DeviceUnavailable
from kiosk.devices.idcard.reader import SamReader
from kiosk.devices.smartcard.card_reading import MrzNeeded, read_card
from kiosk.devices.smartcard.icao.mrz import BacKey
from kiosk.devices.smartcard.pcsc_channel import wait_for_card
from kiosk.domain.citizen_messages import message_for
from kiosk.domain.errors import KioskError
from kiosk.domain.identity import Identity
from kiosk.events import EventId
from kiosk.face.check import FaceCheck
from kiosk.face.engine import FaceEngine
from kiosk.face.verifier import FaceVerifier, LocalFaceVerifier, RemoteFaceVerifier
from kiosk.flows.engine import FlowEngine
from kiosk.flows.interaction import Interaction
from kiosk.flows.outcome import EndReason, FlowResult, Outcome, Step
from kiosk.flows.ports import FlowPorts
from kiosk.flows.qr_identity import QrIdentifyFailed, identify_by_qr
from kiosk.logging import get_logger
from kiosk.session import Session

log = get_logger(__name__)


class VisitInteraction(Interaction, Protocol):
    def identify_problem(self, text: str, next_step: str) -> None:
        """A credential could not be used (words for the citizen); the kiosk keeps waiting."""

    async def passport_key(self) -> BacKey | None:
        """An e-passport is on the reader: its MRZ data (document number, birth and expiry
        dates) open the chip. None when this front end cannot ask for them."""


@dataclass
class IdentitySources:
    idcard: SamReader | None = None
    smartcard_reader: str | None = None  # PC/SC reader name
    camera: Camera | None = None
    qr: QrCredentialReader | None = None


class VisitRunner:
    """Runs visits one at a time on the core's event loop."""

    def __init__(self, ports: FlowPorts, sources: IdentitySources,
                 face_engine: Callable[[], FaceEngine],
                 *, match_threshold: float, photo_detect_score: float,
                 face_config: FaceConfig | None = None,
                 on_result: Callable[[FlowResult, float], None] | None = None) -> None:
        self.on_result = on_result  # (result, seconds): statistics and metrics, no person
        self.ports = ports
        self.sources = sources
        # the face models (~65 MB) load with the first visit, not with the kiosk
        self._make_face_engine = face_engine
        self.face_engine: FaceEngine | None = None
        self._face_check: FaceCheck | None = None
        self.face_config = face_config or FaceConfig()
        self.match_threshold = match_threshold
        self.photo_detect_score = photo_detect_score
        self.last_session_empty: bool | None = None  # after a visit: was everything wiped
        self._smartcard_read = False  # a card was read and has not left the reader since

    async def run(self, service_id: str, ui: VisitInteraction, *,
                  locale: str = "zh-Hans", patience: float = 1.0) -> FlowResult:
        """One visit. `patience` > 1 gives the citizen longer for every step (elder mode)."""
        started = time.monotonic()
        result = FlowResult(service_id, Outcome.ABANDONED, "cancelled", EndReason.CANCELLED)
        try:
            result = await self._run(service_id, ui, locale, patience)
            return result
        finally:
            if self.on_result is not None:
                try:
                    self.on_result(result, time.monotonic() - started)
                except Exception as exc:  # statistics must never end a visit badly
                    log.error("visit statistics not recorded", error=type(exc).__name__)

    async def _run(self, service_id: str, ui: VisitInteraction, locale: str,
                   patience: float) -> FlowResult:
        session = Session(locale=locale)
        try:
            ui.step(Step.IDENTIFY.value)
            identify_started = time.perf_counter()
            identity = await self._identify(ui, service_id, locale, patience)
            identified_s = time.perf_counter() - identify_started
            if identity is None:
                return FlowResult(service_id, Outcome.ABANDONED, "timed out at identify",
                                  EndReason.TIMED_OUT, Step.IDENTIFY)
            session.identity = identity
            session.learn(*identity.personal_values())
            face_check = await self._ensure_face_check()
            engine = asyncio.ensure_future(FlowEngine(self.ports).run(
                service_id, session, ui, face_check=face_check,
                verifier=self._verifier(identity), patience=patience))
            watcher = asyncio.ensure_future(self._card_lifted(identity))
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

    async def _ensure_face_check(self) -> FaceCheck:
        """The face models (~65 MB) load with the first visit, not with the kiosk."""
        if self.face_engine is None:
            self.face_engine = await asyncio.to_thread(self._make_face_engine)
        if self._face_check is None:
            self._face_check = FaceCheck(self.face_engine, self.face_config)
        return self._face_check

    def _verifier(self, identity: Identity) -> FaceVerifier:
        assert self.face_engine is not None
        if identity.photo is not None:
            return LocalFaceVerifier(self.face_engine, identity.photo, self.match_threshold,
                                     self.photo_detect_score)
        return RemoteFaceVerifier(self.ports.gateway, kiosk_id=self.ports.kiosk_id,
                                  credential=identity.credential.value,
                                  id_number=identity.id_number or "", name=identity.name)

    async def _identify(self, ui: VisitInteraction, service_id: str,
                        locale: str, patience: float) -> Identity | None:
        """The first credential presented; None when nobody presents one in time (with the
        "still there?" question asked as for every other wait)."""
        items = self.ports.catalog.items_of(service_id)
        budget = float(max(s.time_budget_s.identify for s in items)) * patience
        tasks: list[asyncio.Future[Identity]] = []
        sources: list[Callable[[], Awaitable[Identity | None]]] = [
            self._idcard_identity, lambda: self._smartcard_identity(ui), self._qr_identity]
        for source in sources:
            tasks.append(asyncio.ensure_future(self._retrying(source, ui, locale)))
        try:
            for _extension in range(self.ports.max_extensions + 1):
                ui.deadline(budget)
                done, _ = await asyncio.wait(tasks, timeout=budget,
                                             return_when=asyncio.FIRST_COMPLETED)
                if done:
                    return next(iter(done)).result()
                try:
                    async with asyncio.timeout(self.ports.still_there_grace_s):
                        if not await ui.still_there(self.ports.still_there_grace_s):
                            return None
                except TimeoutError:
                    return None
            return None
        finally:
            for t in tasks:
                t.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

    async def _retrying(self, source: Callable[[], Awaitable[Identity | None]],
                        ui: VisitInteraction, locale: str) -> Identity:
        """Keep one credential source listening; its failures are told and it listens again.
        A source that is not there (no such device) just never answers."""
        quiet_s = 1.0
        while True:
            try:
                identity = await source()
            except (DeviceUnavailable, DeviceTimeout) as exc:
                # a reader that is missing or stuck is staff's business (the device monitor
                # reports it); the citizen can still use the other ways, so no words for them
                log.warning("credential source unavailable", error=exc.code)
                await asyncio.sleep(quiet_s)
                quiet_s = min(quiet_s * 2, 30.0)
                continue
            except KioskError as exc:
                msg = message_for(exc, locale)
                ui.identify_problem(msg.text, msg.next_step)
                await asyncio.sleep(1.0)
                continue
            if identity is None:
                await asyncio.Event().wait()  # this source is absent: wait to be cancelled
            assert identity is not None
            return identity

    async def _idcard_identity(self) -> Identity | None:
        reader = self.sources.idcard
        if reader is None:
            return None
        while True:
            if not reader.is_open:
                await reader.open()
            read = await reader.read_card()
            if read is not None:
                return read.identity(reader.name)
            await asyncio.sleep(0.3)

    async def _smartcard_identity(self, ui: VisitInteraction) -> Identity | None:
        name = self.sources.smartcard_reader
        if name is None:
            return None
        if self._smartcard_read:
            # the card read for an earlier visit must leave before it is read again
            while not await asyncio.to_thread(wait_for_card, name, 1.0, present=False):
                pass
            self._smartcard_read = False
        while not await asyncio.to_thread(wait_for_card, name, 1.0):
            pass
        self._smartcard_read = True
        try:
            return (await read_card(name, None)).identity
        except MrzNeeded:
            key = await ui.passport_key()
            if key is None:
                raise
            return (await read_card(name, key)).identity

    async def _qr_identity(self) -> Identity | None:
        camera, reader = self.sources.camera, self.sources.qr
        if camera is None or reader is None:
            return None
        try:
            return await identify_by_qr(camera, reader, self.ports.gateway, timeout_s=3600)
        except (QrRejected, QrIdentifyFailed):
            await asyncio.sleep(2.0)  # the same code is still in view: do not repeat at once
            raise

    async def _card_lifted(self, identity: Identity) -> None:
        """Returns when the ID card this visit was opened with leaves the reader."""
        reader = self.sources.idcard
        if reader is None or identity.credential.value != "idcard":
            await asyncio.Event().wait()
            return
        misses = 0
        while True:
            await asyncio.sleep(0.5)
            try:
                present = await reader.card_in_field()
            except DeviceError:
                present = False
            misses = 0 if present else misses + 1
            if misses >= 2:  # debounced: one missed answer is not a pulled card
                return

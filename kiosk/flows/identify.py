"""Identification: whichever credential the citizen presents first — the ID card on the SAM
reader, a social security card or e-passport on the PC/SC reader, or an e-ID QR code shown to
the camera — raced against each other within the identify budget (with the "still there?"
question as for every other wait); and the watch that ends a visit when its ID card leaves
the reader. Intervals come from the configuration."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Protocol

from kiosk.devices.camera.base import Camera
from kiosk.devices.camera.qr import QrCredentialReader, QrRejected
from kiosk.devices.errors import DeviceError, DeviceTimeout, DeviceUnavailable
from kiosk.devices.idcard.reader import SamReader
from kiosk.devices.smartcard.card_reading import MrzNeeded, read_card
from kiosk.devices.smartcard.passport import WrongAccessKey
from kiosk.devices.smartcard.pcsc_channel import wait_for_card
from kiosk.domain.citizen_messages import message_for, visit_message
from kiosk.domain.clock import KioskClock
from kiosk.domain.errors import CredentialExpired, KioskError
from kiosk.domain.id_plausibility import ImplausibleIdNumber, ensure_plausible
from kiosk.domain.identity import Identity
from kiosk.domain.validity import ensure_valid
from kiosk.events import EventId
from kiosk.flows.interaction import Interaction
from kiosk.flows.outcome import EndReason, Outcome, Step, VisitStop
from kiosk.flows.passport_entry import (
    MRZ_TRIES,
    MrzEntry,
    MrzEntryRefused,
    PassportSetAside,
    key_from_entry,
)
from kiosk.flows.qr_identity import QrIdentifyFailed, identify_by_qr
from kiosk.logging import get_logger
from kiosk.services.gateway import GatewayClient

log = get_logger(__name__)


class VisitInteraction(Interaction, Protocol):
    def identify_problem(self, text: str, next_step: str) -> None:
        """A credential could not be used (words for the citizen); the kiosk keeps waiting."""

    async def passport_mrz(self, problem: str) -> MrzEntry | None:
        """An e-passport is on the reader: ask for its MRZ data (document number, birth and
        expiry dates, each with its check digit), which open the chip. `problem` says what
        was wrong with the last entry ("" the first time). None when this front end cannot
        ask, or the citizen would rather use another credential."""


@dataclass
class IdentitySources:
    idcard: SamReader | None = None
    smartcard_reader: str | None = None  # PC/SC reader name
    camera: Camera | None = None
    qr: QrCredentialReader | None = None
    idcard_poll_s: float = 0.3  # devices.idcard.poll_interval_s
    lifted_poll_s: float = 0.5  # how often a visit checks its ID card is still there
    # validity dates are dates where the kiosk stands (the kiosk's one clock)
    clock: KioskClock = field(default_factory=KioskClock)


def _card_digest(identity: Identity) -> bytes:
    """Tells one card from another without keeping its number."""
    return hashlib.sha256(b"refused-card:" + (identity.id_number or "").encode()).digest()


class Identification:
    def __init__(self, sources: IdentitySources, gateway: GatewayClient, *,
                 on_refused: Callable[[str], None] | None = None) -> None:
        self.sources = sources
        self.gateway = gateway
        self.on_refused = on_refused  # (reason code): statistics, no person
        self._smartcard_read = False  # a card was read and has not left the reader since
        # a digest of the ID card refused last: not taken again until a read finds no card
        self._refused_card: bytes | None = None

    async def first_credential(self, ui: VisitInteraction, locale: str, budget: float, *,
                               grace_s: float, max_extensions: int) -> Identity | None:
        """The first credential presented; None when nobody presents one in time."""
        tasks: list[asyncio.Future[Identity]] = []
        sources: list[Callable[[], Awaitable[Identity | None]]] = [
            self._idcard_identity, lambda: self._smartcard_identity(ui, locale),
            self._qr_identity]
        for source in sources:
            tasks.append(asyncio.ensure_future(self._retrying(source, ui, locale)))
        try:
            for _extension in range(max_extensions + 1):
                ui.deadline(budget)
                done, _ = await asyncio.wait(tasks, timeout=budget,
                                             return_when=asyncio.FIRST_COMPLETED)
                if done:
                    return next(iter(done)).result()
                try:
                    async with asyncio.timeout(grace_s):
                        if not await ui.still_there(grace_s):
                            return None
                except TimeoutError:
                    return None
            return None
        finally:
            for t in tasks:
                t.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            if self.sources.qr is not None:
                # the decoder's worker (~14 MB) goes until a code is looked for again (the next
                # identification, or a payment's code later in this visit, starts another)
                with contextlib.suppress(RuntimeError):  # the kiosk stopping closes it too
                    closing = asyncio.get_running_loop().run_in_executor(
                        None, self.sources.qr.close)
                    closing.add_done_callback(_log_failed_close)

    async def _retrying(self, source: Callable[[], Awaitable[Identity | None]],
                        ui: VisitInteraction, locale: str) -> Identity:
        """Keep one credential source listening; its failures are told and it listens again.
        A source that is not there (no such device) just never answers."""
        quiet_s = 1.0
        while True:
            try:
                identity = await source()
                if identity is not None:
                    self._ensure_valid(identity)
            except (DeviceUnavailable, DeviceTimeout) as exc:
                # a reader that is missing or stuck is staff's business (the device monitor
                # reports it); the citizen can still use the other ways, so no words for them
                log.warning("credential source unavailable", error=exc.code)
                await asyncio.sleep(quiet_s)
                quiet_s = min(quiet_s * 2, 30.0)
                continue
            except KioskError as exc:
                if self.on_refused is not None:
                    self.on_refused(exc.code)
                msg = message_for(exc, locale)
                ui.identify_problem(msg.text, msg.next_step)
                await asyncio.sleep(1.0)
                continue
            if identity is None:
                await asyncio.Event().wait()  # this source is absent: wait to be cancelled
            assert identity is not None
            return identity

    def _ensure_valid(self, identity: Identity) -> None:
        """Refuse a credential past its validity date, or whose number cannot be real,
        before any service step."""
        today = self.sources.clock.today()
        try:
            ensure_valid(identity, today)
            ensure_plausible(identity, today)
        except (CredentialExpired, ImplausibleIdNumber) as exc:
            log.info("credential refused", event_id=EventId.CREDENTIAL_REFUSED,
                     credential=identity.credential.value,
                     reason="expired" if isinstance(exc, CredentialExpired) else exc.code)
            if identity.credential.value == "idcard":
                self._refused_card = _card_digest(identity)
            raise

    async def _idcard_identity(self) -> Identity | None:
        reader = self.sources.idcard
        if reader is None:
            return None
        while True:
            if not reader.is_open:
                await reader.open()
            read = await reader.read_card()
            if read is None:
                self._refused_card = None  # no card on the reader: the refused one has gone
            else:
                identity = read.identity(reader.name)
                if _card_digest(identity) != self._refused_card:
                    return identity
                # the card just refused still lies there: wait for the citizen to take it
            await asyncio.sleep(self.sources.idcard_poll_s)

    async def _smartcard_identity(self, ui: VisitInteraction,
                                  locale: str) -> Identity | None:
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
            return (await read_card(name, None, today=self.sources.clock.today())).identity
        except MrzNeeded:
            return await self._passport(ui, name, locale)

    async def _passport(self, ui: VisitInteraction, name: str, locale: str) -> Identity:
        """An e-passport: ask for its MRZ data until they open the chip. A mistake the check
        digits show is said at once, without trying the chip; `MRZ_TRIES` wrong entries of
        either kind end the visit with a referral to a counter (and its ticket offer)."""
        problem = ""
        for tries in range(1, MRZ_TRIES + 1):
            entry = await ui.passport_mrz(problem)
            if entry is None:  # no way to ask, or the citizen chose another credential
                raise PassportSetAside("the passport's MRZ data were not given")
            try:
                key = key_from_entry(entry)
                return (await read_card(name, key, today=self.sources.clock.today())).identity
            except MrzEntryRefused as exc:
                code = exc.code
            except WrongAccessKey:
                code = "mrz_chip_refused"
            log.info("passport entry refused", event_id=EventId.PASSPORT_ENTRY_REFUSED,
                     reason=code, tries=tries)
            left = MRZ_TRIES - tries
            problem = visit_message(code, locale) + (
                visit_message("mrz_tries_left", locale, left=str(left)) if left else "")
        log.warning("passport sent to a counter", event_id=EventId.PASSPORT_SENT_TO_COUNTER,
                    tries=MRZ_TRIES)
        if self.on_refused is not None:
            self.on_refused("mrz_tries_exhausted")
        raise VisitStop(Outcome.REFERRED, visit_message("mrz_tries_exhausted", locale,
                                                        tries=str(MRZ_TRIES)),
                        EndReason.REFUSED, Step.IDENTIFY)

    async def _qr_identity(self) -> Identity | None:
        camera, reader = self.sources.camera, self.sources.qr
        if camera is None or reader is None:
            return None
        try:
            return await identify_by_qr(camera, reader, self.gateway, timeout_s=3600)
        except (QrRejected, QrIdentifyFailed):
            await asyncio.sleep(2.0)  # the same code is still in view: do not repeat at once
            raise

    async def card_lifted(self, identity: Identity) -> None:
        """Returns when the ID card this visit was opened with leaves the reader."""
        reader = self.sources.idcard
        if reader is None or identity.credential.value != "idcard":
            await asyncio.Event().wait()
            return
        misses = 0
        while True:
            await asyncio.sleep(self.sources.lifted_poll_s)
            try:
                present = await reader.card_in_field()
            except DeviceError:
                present = False
            misses = 0 if present else misses + 1
            if misses >= 2:  # debounced: one missed answer is not a pulled card
                return


def _log_failed_close(closing: asyncio.Future[None]) -> None:
    if not closing.cancelled() and closing.exception() is not None:
        log.warning("QR decoder worker not closed", error=type(closing.exception()).__name__)

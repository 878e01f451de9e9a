"""One visit's state, handed from step to step: who (the session), what (the service items),
what has been learned (facts, the filled form, materials, the commitment), the result being
built, and the waiting rule every question to the citizen goes through."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from kiosk.domain.identity import Identity
from kiosk.domain.languages import Lang
from kiosk.face.check import FaceCheck
from kiosk.face.verifier import FaceVerifier
from kiosk.flows.interaction import FilledField, Interaction
from kiosk.flows.outcome import (
    EndReason,
    FlowResult,
    Outcome,
    PaymentResult,
    Step,
    VisitStop,
)
from kiosk.flows.ports import FlowPorts
from kiosk.flows.schema import Bundle, ServiceDefinition
from kiosk.session import Session

T = TypeVar("T")

# the time budgets a service declares (ServiceDefinition.time_budget_s), by what is awaited
BUDGETS = ("face", "form", "sign", "print", "pay")


def _nothing() -> None:
    return None


@dataclass
class VisitContext:
    ports: FlowPorts
    session: Session
    ui: Interaction
    item: ServiceDefinition | Bundle
    items: list[ServiceDefinition]
    identity: Identity
    lang: Lang
    result: FlowResult
    budget: dict[str, float]  # seconds per kind of wait, patience included
    face_check: FaceCheck | None = None
    verifier: FaceVerifier | None = None
    # called once the face check is over, however it ended: the kiosk may let the models go
    face_check_done: Callable[[], None] = _nothing
    step: Step = Step.CREDENTIAL
    facts: dict[str, Any] = field(default_factory=dict)
    filled: list[FilledField] = field(default_factory=list)
    materials: list[dict[str, str]] = field(default_factory=list)
    commitment: dict[str, Any] | None = None
    instant: bool = False
    # 联办: licence type → the bundle item whose application stands in for it (the citizen
    # does not hold it yet; see Bundle.needs)
    pending: dict[str, str] = field(default_factory=dict)
    # 缴费: the paid order this visit's service stands on (kiosk/flows/payment_visit.py),
    # and what its receipt says besides: the platform's transaction, the period of a
    # contribution and the members it is for (masked)
    payment: PaymentResult | None = None
    transaction_id: str = ""
    payment_period: str = ""
    paid_for: tuple[str, ...] = ()
    # 政策找人: the policies applied for in this visit, (title, case number), for the receipt
    applied_offers: list[tuple[str, str]] = field(default_factory=list)

    @property
    def holder(self) -> str:
        """The number the registries know the citizen by."""
        return self.identity.id_number or self.identity.document_number or ""

    def stop(self, outcome: Outcome, reason: str,
             end: EndReason = EndReason.REFUSED) -> VisitStop:
        return VisitStop(outcome, reason, end, self.step)

    async def wait(self, budget: str, awaitable: Awaitable[T], kind: str = "citizen") -> T:
        """Wait for the citizen within the `budget` kind of wait. When it runs out the citizen
        is asked "still there?" and has the grace period to extend (a few times at most); no
        answer, or "no", ends the visit. An answer given meanwhile still counts."""
        p, ui = self.ports, self.ui
        answer: asyncio.Future[T] = asyncio.ensure_future(awaitable)
        started = time.perf_counter()
        try:
            for extension in range(p.max_extensions + 1):
                ui.deadline(self.budget[budget])
                done, _ = await asyncio.wait({answer}, timeout=self.budget[budget])
                if done:
                    return answer.result()
                if extension == p.max_extensions:
                    break
                asked = asyncio.ensure_future(ui.still_there(p.still_there_grace_s))
                either: set[asyncio.Future[Any]] = {answer, asked}
                done, _ = await asyncio.wait(either, timeout=p.still_there_grace_s,
                                             return_when=asyncio.FIRST_COMPLETED)
                if answer in done:
                    asked.cancel()
                    return answer.result()
                if asked not in done:
                    asked.cancel()
                    break
                if not asked.result():
                    break
            raise self.stop(Outcome.ABANDONED, f"timed out at {budget}", EndReason.TIMED_OUT)
        finally:
            self.result.add_wait(kind, time.perf_counter() - started)
            if not answer.done():
                answer.cancel()

    async def within(self, budget: str, awaitable: Awaitable[T]) -> T | None:
        """An optional question (a rating, a report): None when the citizen walks away."""
        started = time.perf_counter()
        try:
            async with asyncio.timeout(self.budget[budget]):
                return await awaitable
        except TimeoutError:
            return None
        finally:
            self.result.add_wait("citizen", time.perf_counter() - started)

    async def waiting_on(self, kind: str, awaitable: Awaitable[T]) -> T:
        """`awaitable`, its time counted as waiting on `kind` (the backend, the printers...)."""
        started = time.perf_counter()
        try:
            return await awaitable
        finally:
            self.result.add_wait(kind, time.perf_counter() - started)

    def timed(self, step: Step, started: float) -> None:
        self.result.timings[step.value] = time.perf_counter() - started

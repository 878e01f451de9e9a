"""The flow engine: runs a service item or a 一件事 bundle for one identified citizen as a short
loop over steps (kiosk/flows/steps/), each with its timing, talking to the citizen only through
the Interaction port. A step ends the visit by raising `VisitStop`; a refusal offers the 办不成事
report; the session is wiped whatever happens (completion, refusal, timeout, or the visit
cancelled because the card was pulled).
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from types import ModuleType

from kiosk.domain.languages import as_lang
from kiosk.face.check import FaceCheck
from kiosk.face.verifier import FaceVerifier
from kiosk.flows.context import BUDGETS, VisitContext
from kiosk.flows.interaction import Interaction
from kiosk.flows.outcome import EndReason, FlowResult, Outcome, Step, VisitStop
from kiosk.flows.ports import FlowPorts
from kiosk.flows.steps import (
    credential,
    decide,
    face,
    form,
    materials,
    offers,
    pay,
    print_documents,
    pulls,
    rate,
    submit,
)
from kiosk.session import Session

__all__ = ["FlowEngine", "FlowPorts", "FlowResult"]

# (step, its module, whether the citizen's screen is told it started)
STEPS: tuple[tuple[Step, ModuleType, bool], ...] = (
    (Step.CREDENTIAL, credential, False),
    (Step.FACE_CHECK, face, True),
    (Step.PULL_LICENSES, pulls, True),
    (Step.FILL_FORM, form, True),
    (Step.MATERIALS, materials, True),
    (Step.DECIDE, decide, True),
    (Step.PAY, pay, True),
    (Step.SUBMIT, submit, True),
    (Step.OFFERS, offers, False),
    (Step.PRINT, print_documents, True),
    (Step.RATE, rate, False),
)


class FlowEngine:
    def __init__(self, ports: FlowPorts) -> None:
        self.ports = ports

    async def run(self, service_id: str, session: Session, ui: Interaction, *,
                  face_check: FaceCheck | None = None, verifier: FaceVerifier | None = None,
                  face_check_done: Callable[[], None] | None = None,
                  patience: float = 1.0) -> FlowResult:
        """One identified citizen through one service. `patience` > 1 gives longer for every
        answer (elder mode)."""
        item = self.ports.catalog.find(service_id)
        items = self.ports.catalog.items_of(service_id)
        result = FlowResult(item.id, Outcome.ABANDONED)
        try:
            if session.identity is None:
                result.reason, result.end = "no identity", EndReason.NOT_IDENTIFIED
                return result
            session.learn(*session.identity.personal_values())
            # a bundle waits as long as its most patient item
            budget = {b: float(max(getattr(s.time_budget_s, b) for s in items)) * patience
                      for b in BUDGETS}
            ctx = VisitContext(self.ports, session, ui, item, items, session.identity,
                               as_lang(session.locale), result, budget, face_check, verifier)
            if face_check_done is not None:
                ctx.face_check_done = face_check_done
            try:
                for step, module, announced in STEPS:
                    applies: Callable[[VisitContext], bool] | None = \
                        getattr(module, "applies", None)
                    if applies is not None and not applies(ctx):
                        continue
                    ctx.step = step
                    if announced:
                        ui.step(step.value)
                    started = time.perf_counter()
                    run: Callable[[VisitContext], Awaitable[None]] = module.run
                    await run(ctx)
                    if announced:
                        ctx.timed(step, started)
            except VisitStop as stop:
                result.outcome, result.reason = stop.outcome, stop.reason
                result.end, result.at = stop.end, stop.at
                if stop.outcome in (Outcome.REJECTED, Outcome.REFERRED):
                    await self._report_not_done(ctx, stop.reason)
        finally:
            session.wipe()
        return result

    async def _report_not_done(self, ctx: VisitContext, reason: str) -> None:
        """办不成事: the citizen may say what they could not get done (optional)."""
        text = await ctx.within("form", ctx.ui.report_not_done(reason))
        if text:
            p = self.ports
            entry = p.outbox.put("feedback", {"kiosk_id": p.kiosk_id,
                                              "service_code": ctx.item.id,
                                              "description": text[:2000]},
                                 service=ctx.item.id)
            await ctx.waiting_on("backend", p.uploader.deliver_within(entry, p.submit_wait_s))

"""The eligibility rules of every item: all true → decided; one false → refused with its words;
one that cannot be evaluated → staff decide."""

from __future__ import annotations

from kiosk.domain.citizen_messages import visit_message
from kiosk.flows.context import VisitContext
from kiosk.flows.outcome import Outcome
from kiosk.flows.rules import Verdict


async def run(ctx: VisitContext) -> None:
    for s in ctx.items:
        for rule in ctx.ports.catalog.rules[s.id]:
            verdict = rule.evaluate(ctx.facts).verdict
            if verdict is Verdict.ERROR:
                raise ctx.stop(Outcome.REFERRED, visit_message("staff_must_check", ctx.lang))
            if verdict is Verdict.FAIL:
                raise ctx.stop(Outcome.REJECTED, rule.message[ctx.lang])
    # an item standing on a pending application is reviewed with it, never approved on the spot
    ctx.instant = all(s.approval == "instant" for s in ctx.items) and not ctx.pending

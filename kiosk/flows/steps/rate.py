"""好差评: one optional rating per item and case; a citizen who walks away just leaves. Where
the receipt carries a rating code (扫码评), the citizen may rather rate later on their phone:
then nothing is asked for the visit's other items either."""

from __future__ import annotations

from kiosk.flows.context import VisitContext
from kiosk.flows.interaction import RateLater


async def run(ctx: VisitContext) -> None:
    p, result = ctx.ports, ctx.result
    rated: list[str] = []
    for s, number in zip(ctx.items, result.case_numbers, strict=False):
        answer = await ctx.within("form", ctx.ui.rate(s.item_code, number))
        if isinstance(answer, RateLater):
            result.rated_later = result.rating_code
            break
        if answer is not None:
            result.ratings.append(answer.level)
            rated.append(p.outbox.put(
                "rating", {"case_number": number, "item_code": s.item_code,
                           "level": answer.level, "channel": "self_service_terminal",
                           "reasons": answer.reasons, "comment": answer.comment},
                service=s.id))
    for entry in rated:
        await ctx.waiting_on("backend", p.uploader.deliver_within(entry, p.submit_wait_s))

"""Is the credential the citizen identified with accepted for every item of this service?"""

from __future__ import annotations

from kiosk.domain.citizen_messages import visit_message
from kiosk.flows.context import VisitContext
from kiosk.flows.outcome import Outcome


async def run(ctx: VisitContext) -> None:
    accepted = {c for s in ctx.items for c in s.credentials}
    if ctx.identity.credential not in accepted:
        raise ctx.stop(Outcome.REJECTED, visit_message("credential_not_accepted", ctx.lang))

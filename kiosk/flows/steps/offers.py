"""免申即享 / 政策找人: once the citizen's own application is in, and only with their consent to
the purpose, the kiosk asks the platform which policies they are entitled to, shows the few
most valuable, and applies for one with one tap — an ordinary application through the outbox,
after signing its commitment where the policy needs one. The receipt then lists them.

Declining costs nothing: no question goes to the platform, nothing is shown, and the visit
goes on to its documents. A citizen who walks away from the question has declined. What was
found is personal (it says something of age, children, a disability): it lives in the session
and goes with it; logs and statistics count, they never name.
"""

from __future__ import annotations

import hashlib
from typing import Any

from kiosk.domain.citizen_messages import visit_message
from kiosk.domain.offers import Offer, most_valuable
from kiosk.events import EventId
from kiosk.flows.context import VisitContext
from kiosk.logging import get_logger
from kiosk.services.errors import GatewayError

log = get_logger(__name__)

# the purpose the citizen agrees to, sent with the question
PURPOSE = "查询本人可享受的惠民政策（政策找人）"
# the outbox's service column for every offer: which policy stays inside the sealed payload
OUTBOX_SERVICE = "offers"


def applies(ctx: VisitContext) -> bool:
    # the platform knows people by their citizen ID number
    return ctx.ports.offers_limit > 0 and bool(ctx.identity.id_number) \
        and bool(ctx.result.case_numbers)


async def run(ctx: VisitContext) -> None:
    ctx.ui.deadline(ctx.budget["form"])
    consent = bool(await ctx.within("form", ctx.ui.ask_offers_consent()))
    ctx.result.offers_consent = consent
    log.info("offers consent", event_id=EventId.OFFERS_CONSENT, given=consent)
    if not consent:
        return
    note = ""
    try:
        found = await ctx.waiting_on("backend", ctx.ports.gateway.find_offers(
            ctx.holder, PURPOSE))
    except GatewayError as exc:
        log.warning("offers not found", event_id=EventId.OFFERS_UNAVAILABLE, error_code=exc.code)
        found, note = [], visit_message("offers_unavailable", ctx.lang)
    shown = most_valuable(found, ctx.ports.offers_limit)
    ctx.session.offers = list(shown)
    ctx.result.offers_shown = [o.id for o in shown]
    log.info("offers shown", event_id=EventId.OFFERS_SHOWN, count=len(shown))
    if not shown and not note:
        note = visit_message("offers_none", ctx.lang)
    applied: dict[str, str] = {}
    while True:
        ctx.ui.deadline(ctx.budget["form"])
        choice = await ctx.within("form", ctx.ui.choose_offer(list(shown), dict(applied), note))
        offer = next((o for o in shown if o.id == choice), None)
        if offer is None:  # done (or walked away): the visit goes on to its documents
            return
        if not offer.apply_here or offer.id in applied:
            continue
        case, note = await _apply(ctx, offer)
        if case:
            applied[offer.id] = case


async def _apply(ctx: VisitContext, offer: Offer) -> tuple[str, str]:
    """One offer taken up: its commitment signed where it needs one, then an application in
    the outbox. (case number or the kiosk's reference, what to tell the citizen)."""
    p, identity = ctx.ports, ctx.identity
    commitment: dict[str, Any] | None = None
    materials: list[dict[str, str]] = []
    if offer.commitment:
        signed = await ctx.within("sign", ctx.ui.sign_commitment(offer.commitment))
        digest = hashlib.sha256(offer.commitment.encode()).hexdigest()
        if signed is None or signed.text_sha256 != digest:
            return "", visit_message("offer_not_signed", ctx.lang, title=offer.title)
        commitment = {"text_sha256": digest,
                      "signed_at": p.clock.now().isoformat(timespec="seconds"),
                      "signature_strokes": [list(map(list, st)) for st in signed.strokes],
                      "signed_with": signed.method}
        materials.append({"material": "commitment", "kind": "commitment",
                          "commitment_hash": digest})
    app = {"kiosk_id": p.kiosk_id, "service_code": offer.id, "item_codes": [offer.item_code],
           "applicant": {"name": identity.name, "id_number": ctx.holder,
                         "credential": identity.credential.value},
           "form": {}, "materials": materials, "decision": "review",
           "commitment": commitment, "offer_id": offer.id}
    entry = p.outbox.put("application", app, service=OUTBOX_SERVICE)
    cases = await ctx.waiting_on("backend", p.uploader.deliver_within(entry, p.submit_wait_s))
    case = cases[0] if cases else f"PENDING-{entry[:10].upper()}"
    ctx.applied_offers.append((offer.title, case))
    ctx.result.offers_applied.append(offer.id)
    log.info("offer applied", event_id=EventId.OFFER_APPLIED, uploading=not cases)
    words = "offer_applied" if cases else "offer_uploading"
    return case, visit_message(words, ctx.lang, title=offer.title, case=case)

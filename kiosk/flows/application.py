"""The application a visit sends: who applies, for which items, with which form, materials,
commitment and decision — the same for an item submitted as it is (kiosk/flows/steps/submit.py)
and for one that stands on a payment, whose application is stored, held, with its order before
the order is shown (kiosk/flows/payment_visit.py)."""

from __future__ import annotations

from typing import Any

from kiosk.flows.context import VisitContext
from kiosk.flows.schema import Bundle


def application_body(ctx: VisitContext) -> dict[str, Any]:
    p, identity = ctx.ports, ctx.identity
    app: dict[str, Any] = {
        "kiosk_id": p.kiosk_id, "service_code": ctx.item.id,
        "item_codes": [s.item_code for s in ctx.items],
        "applicant": {"name": identity.name, "id_number": ctx.holder,
                      "credential": identity.credential.value},
        "form": dict(ctx.session.form), "materials": ctx.materials,
        "decision": "approved" if ctx.instant else "review", "commitment": ctx.commitment}
    if ctx.pending and isinstance(ctx.item, Bundle):
        # 联办: which case stands on which: the backend links them and decides them together
        codes = {s.id: s.item_code for s in ctx.items}
        app["links"] = [{"item_code": codes[n.item], "depends_on_item_code": codes[n.from_],
                         "license_type": n.license}
                        for n in ctx.item.needs if n.license in ctx.pending]
    return app

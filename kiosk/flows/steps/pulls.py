"""The facts the rules and the form draw on: the identity, the e-licenses pulled from the
e-license library (电子证照), and the records the registries hold."""

from __future__ import annotations

from typing import Any

from kiosk.domain.age import age_on
from kiosk.domain.citizen_messages import visit_message
from kiosk.flows.context import VisitContext
from kiosk.flows.outcome import Outcome
from kiosk.flows.schema import Bundle
from kiosk.services.errors import GatewayError, GatewayRejected


async def run(ctx: VisitContext) -> None:
    identity, gateway = ctx.identity, ctx.ports.gateway
    today = ctx.ports.clock.today()  # the kiosk's day, not the machine's
    facts: dict[str, Any] = {
        "identity": {"name": identity.name, "id_number": identity.id_number or "",
                     "age": age_on(identity.birth, today) if identity.birth else None,
                     "sex": identity.sex.value,
                     "nationality": identity.nationality or ""},
        "licenses": [], "license": {}, "records": {}, "form": {},
        "commitment_blocked": False,
    }
    wanted = {lp.type: lp for s in ctx.items for lp in s.pulls.licenses}
    try:
        if wanted:
            ctx.ui.progress("正在获取电子证照")
            by_code = {lp.type_code: name for name, lp in wanted.items()}
            purpose = next(iter(wanted.values())).purpose["zh-Hans"]
            found = await ctx.waiting_on("backend", gateway.search_licenses(
                ctx.holder, purpose, list(by_code)))
            for lic in found:
                kind = by_code.get(lic.get("type_code", ""))
                if kind is not None and lic.get("status") == "valid":
                    facts["licenses"].append(kind)
                    facts["license"][kind] = lic
        for s in ctx.items:
            for rp in s.pulls.records:
                if rp.kind not in facts["records"]:
                    try:
                        rec = await ctx.waiting_on("backend", gateway.fetch_record(
                            rp.kind, ctx.holder, rp.purpose["zh-Hans"]))
                    except GatewayRejected:
                        continue  # a person the registry does not know: the rules refer
                    if rec["data"] is not None:
                        facts["records"][rp.kind] = rec["data"]
                    elif rp.if_none is not None:  # nothing on record: an answer
                        facts["records"][rp.kind] = dict(rp.if_none)
    except GatewayError:
        raise ctx.stop(Outcome.REFERRED, visit_message("backend_unreachable", ctx.lang)) \
            from None
    # 联办: a licence this bundle is itself applying for stands in as the pending application
    for need in (ctx.item.needs if isinstance(ctx.item, Bundle) else []):
        if need.license not in facts["license"]:
            ctx.pending[need.license] = need.from_
    facts["pending_licenses"] = sorted(ctx.pending)
    for name, lp in wanted.items():
        if lp.required and name not in facts["license"] and name not in ctx.pending:
            raise ctx.stop(Outcome.REJECTED, visit_message("license_missing", ctx.lang,
                                                           name=lp.name[ctx.lang]))
    ctx.facts = facts
    ctx.session.facts = facts

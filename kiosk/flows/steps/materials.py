"""Materials: each attached by reference to a pulled e-license, or covered by the citizen's
signed commitment (告知承诺) where the service allows it, or missing (refused)."""

from __future__ import annotations

import hashlib

from kiosk.domain.citizen_messages import visit_message
from kiosk.flows.context import VisitContext
from kiosk.flows.outcome import EndReason, Outcome
from kiosk.flows.rules import Verdict
from kiosk.flows.schema import ServiceDefinition


async def run(ctx: VisitContext) -> None:
    licenses = ctx.facts["license"]
    need_commitment: list[ServiceDefinition] = []
    for s in ctx.items:
        for m in s.materials:
            if m.covered_by_license and m.covered_by_license in licenses:
                ctx.materials.append({"material": m.id, "kind": "license", "license_identifier":
                                      licenses[m.covered_by_license]["identifier"]})
            elif m.covered_by_license and m.covered_by_license in ctx.pending:
                # the bundle's own application for it: the agencies decide them together
                ctx.materials.append({"material": m.id, "kind": "joint_application",
                                      "item_code": ctx.ports.catalog.services[
                                          ctx.pending[m.covered_by_license]].item_code})
            elif m.commitment_allowed:
                if s not in need_commitment:
                    need_commitment.append(s)
            else:
                raise ctx.stop(Outcome.REJECTED, visit_message("material_missing", ctx.lang,
                                                               name=m.name[ctx.lang]))
    for s in need_commitment:
        await _commit(ctx, s)


async def _commit(ctx: VisitContext, s: ServiceDefinition) -> None:
    assert s.commitment is not None
    blocked = ctx.ports.catalog.commitment_blocks.get(s.id)
    if blocked is not None and blocked.evaluate(ctx.facts).verdict is not Verdict.FAIL:
        # true, or not evaluable: the commitment is not offered, staff decide
        raise ctx.stop(Outcome.REJECTED, visit_message("commitment_not_available", ctx.lang))
    text = s.commitment.text[ctx.lang]
    signed = await ctx.wait("sign", ctx.ui.sign_commitment(text))
    if signed is None:
        raise ctx.stop(Outcome.ABANDONED, "the citizen did not sign the commitment",
                       EndReason.DECLINED)
    digest = hashlib.sha256(text.encode()).hexdigest()
    if signed.text_sha256 != digest:
        raise ctx.stop(Outcome.ABANDONED, "the signed text is not the text shown",
                       EndReason.DECLINED)
    ctx.commitment = {"text_sha256": digest,
                      "signed_at": ctx.ports.clock.now().isoformat(timespec="seconds"),
                      "signature_strokes": [list(map(list, st)) for st in signed.strokes],
                      "signed_with": signed.method}
    ctx.session.signature = ctx.commitment
    licenses = ctx.facts["license"]
    for m in s.materials:
        if m.commitment_allowed and not (m.covered_by_license and
                                         m.covered_by_license in licenses):
            ctx.materials.append({"material": m.id, "kind": "commitment",
                                  "commitment_hash": digest})

"""The form: each field filled from its source (the identity, an e-license, a record) or asked,
checked as it is answered, then shown whole for the citizen to confirm."""

from __future__ import annotations

import re
from typing import Any

from kiosk.domain.citizen_messages import visit_message
from kiosk.domain.languages import Lang
from kiosk.domain.masking import mask_text
from kiosk.flows.context import VisitContext
from kiosk.flows.interaction import FilledField
from kiosk.flows.outcome import EndReason, Outcome
from kiosk.flows.schema import FormField


def _lookup(path: str, facts: dict[str, Any]) -> str | None:
    node: Any = facts
    for part in path.split("."):
        if isinstance(node, dict) and part in node:
            node = node[part]
        else:
            return None
    return None if node is None or isinstance(node, dict | list) else str(node)


def invalid(f: FormField, value: str, lang: Lang) -> str | None:
    """What is wrong with `value` as the answer to `f`, in the citizen's words; None if
    nothing."""
    if f.input == "choice" and value not in f.options:
        return visit_message("choose_an_option", lang)
    v = f.validate_
    if v is None:
        return None if value or not f.required else visit_message("required", lang)
    if (v.pattern and not re.fullmatch(v.pattern, value)) or \
            (v.min_length and len(value) < v.min_length) or \
            (v.max_length and len(value) > v.max_length):
        return v.message[lang]
    return None


async def _value(ctx: VisitContext, f: FormField) -> str:
    if f.source is not None:
        if f.source.startswith("license."):
            _l, kind, attr = f.source.split(".", 2)
            if kind in ctx.pending:  # applied for in this same visit: 随本次登记一并办理
                return visit_message("joint_pending", ctx.lang)
            value = _lookup(attr, ctx.facts["license"].get(kind, {}))
        else:
            value = _lookup(f.source, ctx.facts)
        if value is None:  # the kiosk could not get it; staff at a counter can
            raise ctx.stop(Outcome.REFERRED, visit_message("field_unobtainable", ctx.lang,
                                                           label=f.label[ctx.lang]))
        return value
    error = None
    for _attempt in range(3):
        answer = await ctx.wait("form", ctx.ui.ask_field(f, error))
        if answer is None:
            raise ctx.stop(Outcome.ABANDONED, f"no answer for {f.id}", EndReason.DECLINED)
        error = invalid(f, answer, ctx.lang)
        if error is None:
            return answer
    raise ctx.stop(Outcome.ABANDONED, f"{f.id}: {error}", EndReason.DECLINED)


async def run(ctx: VisitContext) -> None:
    seen: set[str] = set()
    for s in ctx.items:
        for f in s.fields:
            if f.id in seen:
                continue
            seen.add(f.id)
            value = await _value(ctx, f)
            source = (f.source or "citizen").split(".")[0]
            if f.source and f.source.startswith("license.") and \
                    f.source.split(".")[1] in ctx.pending:
                source = "joint"
            ctx.filled.append(FilledField(f.id, f.label[ctx.lang], value, source, f.personal,
                                          f.masked_on_screen))
            ctx.session.form[f.id] = value
            if f.personal:
                ctx.session.learn(value)
    ctx.facts["form"] = dict(ctx.session.form)
    ctx.result.form = {f.id: (mask_text(f.value) if f.personal else f.value)
                       for f in ctx.filled}
    if not await ctx.wait("form", ctx.ui.confirm_form(ctx.filled)):
        raise ctx.stop(Outcome.ABANDONED, "the citizen did not confirm the form",
                       EndReason.DECLINED)

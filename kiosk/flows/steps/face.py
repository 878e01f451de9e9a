"""人证核验: the live face against the credential's photo (or the identity service's)."""

from __future__ import annotations

from collections.abc import Iterable

from kiosk.domain.citizen_messages import visit_message
from kiosk.face.check import Outcome as FaceOutcome
from kiosk.flows.context import VisitContext
from kiosk.flows.outcome import EndReason, Outcome
from kiosk.flows.schema import ServiceDefinition


def needed_by(items: Iterable[ServiceDefinition]) -> bool:
    """Whether a visit to these items has a face check (the visit runner loads the models for
    it on the same test)."""
    return any(s.face_check == "required" for s in items)


def applies(ctx: VisitContext) -> bool:
    return needed_by(ctx.items)


async def run(ctx: VisitContext) -> None:
    camera = ctx.ports.camera
    if ctx.face_check is None or camera is None or ctx.verifier is None:
        raise ctx.stop(Outcome.REFERRED, "face check unavailable: staff-assisted check")
    # counted as waiting on the camera: the face check's time is the citizen's and the frames'
    # (its models' cost is measured on its own: benchmarks/face.py)
    check = ctx.face_check.run(camera, ctx.verifier, ctx.ui)
    try:
        outcome = (await ctx.wait("face", check, kind="camera")).outcome
    finally:
        ctx.face_check = None  # the rest of the visit needs neither the check nor its models
        ctx.face_check_done()
    if outcome is FaceOutcome.DECLINED:
        raise ctx.stop(Outcome.ABANDONED, "face check declined: staff-assisted check offered",
                       EndReason.DECLINED)
    if outcome is FaceOutcome.NO_MATCH:
        raise ctx.stop(Outcome.REJECTED, visit_message("face_mismatch", ctx.lang))
    if outcome is not FaceOutcome.PASSED:
        raise ctx.stop(Outcome.ABANDONED, f"face check {outcome.value}", EndReason.TIMED_OUT)

"""The steps of a visit, in order. Each is `async def run(ctx: VisitContext) -> None`: it reads
and adds to the context, talks to the citizen through `ctx.ui`, and ends the visit by raising
a `VisitStop` (`ctx.stop(...)`)."""

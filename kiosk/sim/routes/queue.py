"""The hall's queue (排队叫号): a kiosk draws a ticket (bound to that kiosk: its idempotency
key means nothing to another kiosk), a counter's staff member calls the next number."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from kiosk.sim.backend_state import BackendState
from kiosk.sim.contract_check import caller_of, checked, problem


def routes(st: BackendState) -> list[Route]:
    @checked("/v1/queue/tickets", "post")
    async def take_ticket(r: Request) -> Response:
        kiosk = caller_of(r).kiosk_id
        assert kiosk is not None  # the contract's security: a kiosk certificate
        ticket, new = st.queue.take(str(r.state.body["service_code"]),
                                    f"{kiosk}\n{r.headers['Idempotency-Key']}")
        return JSONResponse(ticket, 201 if new else 200)

    @checked("/v1/queue/call-next", "post")
    async def call_next(r: Request) -> Response:
        called = st.queue.call_next(str(r.state.body["group"]), str(r.state.body["counter"]))
        if called is None:
            return problem(404, "unknown_group", "no such counter group")
        return JSONResponse(called)

    return [Route("/v1/queue/tickets", take_ticket, methods=["POST"]),
            Route("/v1/queue/call-next", call_next, methods=["POST"])]

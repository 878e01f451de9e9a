"""预约签到: a citizen who booked on the province's app checks in at a kiosk (bound to that
kiosk: its idempotency key means nothing to another), and the hall's queue gives the ticket —
a priority one for an on-time arrival (kiosk/sim/appointments.py)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from kiosk.sim.appointments import Refused
from kiosk.sim.backend_state import BackendState
from kiosk.sim.contract_check import caller_of, checked


def routes(st: BackendState) -> list[Route]:
    @checked("/v1/appointments/check-in", "post")
    async def check_in(r: Request) -> Response:
        kiosk = caller_of(r).kiosk_id
        assert kiosk is not None  # the contract's security: a kiosk certificate
        body = r.state.body
        try:
            answer, new = st.appointments.check_in(
                str(body["holder_code"]), str(body.get("booking_code", "")), st.clock.now(),
                f"{kiosk}\n{r.headers['Idempotency-Key']}")
        except Refused as refused:
            problem = {"code": refused.code, "message": str(refused), "retryable": False}
            if refused.booked_on is not None:
                problem["booked_on"] = refused.booked_on.isoformat()
            return JSONResponse(problem, 404 if refused.code == "booking_not_found" else 409)
        return JSONResponse(answer, 201 if new else 200)

    return [Route("/v1/appointments/check-in", check_in, methods=["POST"])]

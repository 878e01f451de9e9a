"""免申即享 / 政策找人: the policies a person is entitled to, matched from the population model
(kiosk/sim/policies.py), asked by a kiosk whose citizen agreed to the purpose. Taking one up
is an ordinary application with its `offer_id` (kiosk/sim/routes/cases.py)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from kiosk.sim.backend_state import BackendState
from kiosk.sim.contract_check import checked, problem
from kiosk.sim.policies import offers_for


def routes(st: BackendState) -> list[Route]:
    @checked("/v1/offers/search", "post")
    async def find(r: Request) -> Response:
        # the contract already refused a request without `consent: true`
        person = st.person(str(r.state.body["holder_code"]))
        if person is None:
            return problem(404, "holder_not_found", "no such person")
        with st.lock:
            st.offers_asked += 1
        return JSONResponse({"offers": offers_for(person.as_registered(), st.clock.today())})

    return [Route("/v1/offers/search", find, methods=["POST"])]

"""Personal records (social insurance, criminal record): an answer for every valid number,
`data: null` where the registries hold nothing."""

from __future__ import annotations

from datetime import UTC, datetime

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from kiosk.sim.backend_state import RECORD_KINDS, BackendState
from kiosk.sim.contract_check import checked, problem


def routes(st: BackendState) -> list[Route]:
    @checked("/v1/records/{kind}", "post")
    async def record(r: Request) -> Response:
        kind = r.path_params["kind"]
        holder = str(r.state.body.get("holder_code", ""))
        if kind not in RECORD_KINDS:
            return problem(404, "unknown_record", "no such record kind")
        person = st.person(holder)
        if person is None:
            return problem(404, "holder_not_found", "no such person")
        return JSONResponse({"kind": kind, "holder_code": holder,
                             "issued_at": datetime.now(UTC).isoformat(),
                             "data": person.records.get(kind)})

    return [Route("/v1/records/{kind}", record, methods=["POST"])]

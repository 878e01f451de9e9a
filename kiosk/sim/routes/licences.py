"""电子证照: search a holder's e-licences for a stated purpose, and pull one as a use-specific
copy."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from kiosk.sim.backend_state import BackendState
from kiosk.sim.contract_check import checked, problem


def routes(st: BackendState) -> list[Route]:
    @checked("/v1/licenses/search", "post")
    async def search(r: Request) -> Response:
        body = r.state.body
        if not body.get("purpose"):
            return problem(400, "purpose_required", "a purpose must be stated")
        lics = st.licenses_of(str(body.get("holder_code", "")))
        types = body.get("type_codes")
        if types:
            lics = [x for x in lics if x["type_code"] in types]
        return JSONResponse({"licenses": lics})

    @checked("/v1/licenses/pull", "post")
    async def pull(r: Request) -> Response:
        body = r.state.body
        for lic in st.licenses_of(str(body.get("holder_code", ""))):
            if lic["identifier"] == body.get("identifier"):
                if lic["status"] != "valid":
                    return problem(409, "license_expired", "this e-license is not valid now")
                expires = datetime.now(UTC) + timedelta(days=30)
                return JSONResponse({"license": lic, "copy": {
                    "maker": "易办自助终端", "purpose": body.get("purpose", ""),
                    "expires_at": expires.isoformat(), "reference": uuid.uuid4().hex}})
        return problem(404, "license_not_found", "no such e-license for this holder")

    return [Route("/v1/licenses/search", search, methods=["POST"]),
            Route("/v1/licenses/pull", pull, methods=["POST"])]

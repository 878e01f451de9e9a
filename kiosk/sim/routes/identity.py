"""Who the citizen is: remote face verification against the registry photo, and the e-ID code
(电子身份码) resolved to the registered identity."""

from __future__ import annotations

import asyncio
import base64
import uuid

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from kiosk.sim.backend_state import BackendState
from kiosk.sim.contract_check import checked, problem


def routes(st: BackendState) -> list[Route]:
    @checked("/v1/face/verify", "post")
    async def face(r: Request) -> Response:
        # Compares the live JPEG with the registry photo of that number, with the kiosk's
        # own face engine (shared within the process): no photo on file, no pass.
        body = r.state.body
        person = st.people.get(str(body.get("id_number", "")))
        passed = False
        if person is not None and person.photo and body.get("liveness_passed"):
            try:
                live = base64.b64decode(str(body.get("live_jpeg_b64", "")), validate=True)
            except ValueError:
                return problem(400, "bad_jpeg", "live_jpeg_b64 is not base64")
            # imported here: the face engine (OpenCV) loads with the first check, not with the
            # kiosk that starts this backend (startup_first_frame_s)
            from kiosk.sim.registry_faces import registry_match

            passed = await asyncio.to_thread(registry_match, person.photo, live)
        return JSONResponse({"passed": passed, "reference": uuid.uuid4().hex})

    @checked("/v1/identity/eid", "post")
    async def resolve_eid(r: Request) -> Response:
        # An e-ID code (电子身份码) names a citizen without carrying their data: the identity
        # service answers with the registered identity.
        code = str(r.state.body.get("code", ""))
        found = next((p for p in list(st.people.values()) if p.eid and p.eid == code), None)
        if found is None:
            return problem(404, "unknown_code", "this code is not a valid e-ID code")
        answer = {"name": found.name, "id_number": found.id_number, "sex": found.sex,
                  "birth": found.birth.isoformat(), "nationality": "CHN"}
        if found.valid_to is not None:
            answer["valid_to"] = found.valid_to.isoformat()
        return JSONResponse(answer)

    return [Route("/v1/face/verify", face, methods=["POST"]),
            Route("/v1/identity/eid", resolve_eid, methods=["POST"])]

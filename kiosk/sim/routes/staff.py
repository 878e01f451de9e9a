"""Staff sign in as themselves (`POST /v1/staff/sessions`) and get a short-lived bearer
credential of their own; signing out ends it. A province answers these with its own single
sign-on behind the same contract."""

from __future__ import annotations

from datetime import UTC, datetime

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from kiosk.sim.backend_state import BackendState
from kiosk.sim.contract_check import bearer_of, caller_of, checked, problem


def routes(st: BackendState) -> list[Route]:
    @checked("/v1/staff/sessions", "post")
    async def sign_in(r: Request) -> Response:
        body = r.state.body
        session = st.staff.sign_in(str(body["staff_id"]), str(body["password"]))
        if session is None:
            return problem(401, "bad_credentials", "unknown staff id or wrong password")
        m = session.member
        return JSONResponse({
            "token": session.token, "staff_id": m.id, "name": m.name, "counter": m.counter,
            "expires_at": datetime.fromtimestamp(session.expires_at, UTC).isoformat(
                timespec="seconds")}, 201)

    @checked("/v1/staff/sessions/current", "get")
    async def whoami(r: Request) -> Response:
        m = caller_of(r).staff
        assert m is not None  # the contract's security: a staff session
        return JSONResponse({"staff_id": m.id, "name": m.name, "counter": m.counter})

    @checked("/v1/staff/sessions/current", "delete")
    async def sign_out(r: Request) -> Response:
        member = caller_of(r).staff
        st.staff.sign_out(bearer_of(r))
        if member is not None:  # (the contract's security: there is one)
            st.help_desk.staff_gone(member.id)  # a call they were on ends with them
        return JSONResponse({"signed_out": True})

    async def current(r: Request) -> Response:
        return await (sign_out if r.method == "DELETE" else whoami)(r)

    return [Route("/v1/staff/sessions", sign_in, methods=["POST"]),
            Route("/v1/staff/sessions/current", current, methods=["GET", "DELETE"])]

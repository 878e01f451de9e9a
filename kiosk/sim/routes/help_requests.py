"""呼叫工作人员 and 远程帮办: help requests from kiosks, the hall's list, taking one, the call's
signaling and its text lines. Who may do what is decided by kiosk/sim/help_desk.py from the
caller the contract check established (a kiosk's certificate, a staff member's session)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from kiosk.sim.backend_state import BackendState
from kiosk.sim.contract_check import caller_of, checked, problem
from kiosk.sim.help_desk import Refused

Handler = Callable[[Request], Awaitable[Response]]


def _answer(run: Callable[[], dict[str, Any]], status: int = 200) -> Response:
    try:
        return JSONResponse(run(), status)
    except Refused as no:
        return problem(no.status, no.code, no.message)


def routes(st: BackendState) -> list[Route]:
    desk = st.help_desk

    @checked("/v1/help/requests", "post")
    async def request_help(r: Request) -> Response:
        kiosk = caller_of(r).kiosk_id
        assert kiosk is not None  # the contract's security: a kiosk certificate
        return _answer(lambda: desk.create(kiosk, r.state.body), 201)

    @checked("/v1/help/requests", "get")
    async def list_help(_r: Request) -> Response:
        return JSONResponse({"requests": desk.open_requests()})

    @checked("/v1/help/requests/{request_id}", "get")
    async def help_status(r: Request) -> Response:
        return _answer(lambda: desk.get(r.path_params["request_id"], caller_of(r)))

    @checked("/v1/help/requests/{request_id}", "delete")
    async def cancel_help(r: Request) -> Response:
        return _answer(lambda: desk.cancel(r.path_params["request_id"], caller_of(r)))

    @checked("/v1/help/requests/{request_id}/accept", "post")
    async def accept_help(r: Request) -> Response:
        staff = caller_of(r).staff
        assert staff is not None  # the contract's security: a staff session
        return _answer(lambda: desk.accept(r.path_params["request_id"], staff))

    @checked("/v1/help/requests/{request_id}/call", "get")
    async def call_status(r: Request) -> Response:
        return _answer(lambda: desk.call(r.path_params["request_id"], caller_of(r)))

    @checked("/v1/help/requests/{request_id}/call/offer", "put")
    async def call_offer(r: Request) -> Response:
        return _answer(lambda: desk.offer(r.path_params["request_id"], caller_of(r),
                                          r.state.body))

    @checked("/v1/help/requests/{request_id}/call/answer", "put")
    async def call_reply(r: Request) -> Response:
        return _answer(lambda: desk.answer(r.path_params["request_id"], caller_of(r),
                                           r.state.body))

    @checked("/v1/help/requests/{request_id}/call/hangup", "post")
    async def call_hangup(r: Request) -> Response:
        return _answer(lambda: desk.hang_up(r.path_params["request_id"], caller_of(r)))

    @checked("/v1/help/requests/{request_id}/lines", "post")
    async def say(r: Request) -> Response:
        return _answer(lambda: desk.say(r.path_params["request_id"], caller_of(r),
                                        str(r.state.body["text"])), 201)

    @checked("/v1/help/requests/{request_id}/lines", "get")
    async def lines(r: Request) -> Response:
        after = int(r.query_params.get("after", "0"))
        return _answer(lambda: desk.lines(r.path_params["request_id"], caller_of(r), after))

    def by_method(**handlers: Handler) -> Handler:
        async def dispatch(r: Request) -> Response:
            return await handlers[r.method](r)
        return dispatch

    base = "/v1/help/requests"
    # one route a path (a 405's Allow header then names every method of the path)
    return [
        Route(base, by_method(POST=request_help, GET=list_help), methods=["GET", "POST"]),
        Route(base + "/{request_id}", by_method(GET=help_status, DELETE=cancel_help),
              methods=["GET", "DELETE"]),
        Route(base + "/{request_id}/accept", accept_help, methods=["POST"]),
        Route(base + "/{request_id}/call", call_status),
        Route(base + "/{request_id}/call/offer", call_offer, methods=["PUT"]),
        Route(base + "/{request_id}/call/answer", call_reply, methods=["PUT"]),
        Route(base + "/{request_id}/call/hangup", call_hangup, methods=["POST"]),
        Route(base + "/{request_id}/lines", by_method(GET=lines, POST=say),
              methods=["GET", "POST"]),
    ]

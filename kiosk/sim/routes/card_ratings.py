"""卡片评: anonymous ratings from a kiosk's home screen — of the hall, a counter or a service
item; no case, no person. Anyone may give one, so the platform keeps a limit per kiosk
(`PLATFORM_LIMIT` in any ten minutes) on top of the kiosk's own: beyond it, 429."""

from __future__ import annotations

import json
import time
import uuid

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from kiosk.domain.rate_limit import RateLimit
from kiosk.sim.backend_state import BackendState
from kiosk.sim.contract_check import caller_of, checked, problem

PLATFORM_LIMIT = 15  # anonymous ratings a kiosk may send in any CARD_WINDOW_S
CARD_WINDOW_S = 600.0


def routes(st: BackendState) -> list[Route]:
    limits: dict[str, RateLimit] = {}

    @checked("/v1/ratings/anonymous", "post")
    async def rate(r: Request) -> Response:
        kiosk = caller_of(r).kiosk_id
        assert kiosk is not None  # the contract's security: a kiosk certificate
        key = f"card:{kiosk}\n{r.headers['Idempotency-Key']}"
        body = r.state.body
        with st.lock:
            row = st.db.execute("SELECT id FROM acks WHERE idem_key = ?", (key,)).fetchone()
            if row:
                return JSONResponse({"id": row[0]}, 200)
            limit = limits.setdefault(kiosk, RateLimit(PLATFORM_LIMIT, CARD_WINDOW_S))
            wait = limit.take(time.monotonic())
            if wait > 0:
                return problem(429, "too_many_ratings", f"too many ratings from this kiosk; "
                               f"again in {wait:.0f} s", retryable=True)
            ack = uuid.uuid4().hex[:12]
            st.db.execute("INSERT INTO acks VALUES (?, ?, ?, ?)", (
                key, "card_rating", ack, json.dumps({**body, "channel": "anonymous_card"},
                                                    ensure_ascii=False)))
        return JSONResponse({"id": ack}, 201)

    return [Route("/v1/ratings/anonymous", rate, methods=["POST"])]

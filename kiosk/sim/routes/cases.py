"""Applications and their cases, ratings (好差评) and "could not get it done" reports
(办不成事): each kept once per idempotency key, a repeat answering what the first did."""

from __future__ import annotations

import json
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from kiosk.sim.backend_state import BackendState
from kiosk.sim.contract_check import caller_of, checked, problem
from kiosk.sim.payment_platform import PaymentRefused, quote_period


def routes(st: BackendState) -> list[Route]:
    @checked("/v1/applications", "post")
    async def submit(r: Request) -> Response:
        key = r.headers["Idempotency-Key"]
        body = r.state.body
        items = body["item_codes"]
        decision = body.get("decision", "review")
        status = "approved" if decision == "approved" else "under_review"
        with st.lock:
            existing = st.cases_of(key)
            if existing:
                return JSONResponse({"case_numbers": existing, "status": status}, 200)
            if body.get("payment") is not None:
                refused = _paid_service(st, caller_of(r).kiosk_id or "", body)
                if refused is not None:
                    return problem(refused.status, refused.code, refused.message)
            numbers = []
            by_item: dict[str, str] = {}
            stands_on = {link["item_code"]: link["depends_on_item_code"]
                         for link in body.get("links") or []}
            for item in items:
                st.counter += 1
                number = f"{st.clock.now():%Y%m%d}{st.counter:06d}"
                by_item[item] = number
                depends_on = by_item.get(stands_on.get(item, ""))
                st.db.execute("INSERT INTO cases VALUES (?, ?, ?, ?, ?, ?, ?)",
                              (number, key, body.get("service_code", ""), item, status,
                               datetime.now(UTC).isoformat(),
                               json.dumps({"form_fields": sorted(body.get("form", {})),
                                           "depends_on": depends_on,
                                           "order_no": (body.get("payment") or {})
                                           .get("order_no"),
                                           "signed_with": (body.get("commitment") or {})
                                           .get("signed_with"),
                                           "offer_id": body.get("offer_id")})))
                numbers.append(number)
        return JSONResponse({"case_numbers": numbers, "status": status}, 201)

    @checked("/v1/cases/{case_number}", "get")
    async def case(r: Request) -> Response:
        row = st.db.execute("SELECT case_number, status, created_at, body FROM cases WHERE "
                            "case_number = ?", (r.path_params["case_number"],)).fetchone()
        if row is None:
            return problem(404, "case_not_found", "no such case")
        answer = {"case_number": row[0], "status": row[1], "updated_at": row[2]}
        depends_on = json.loads(row[3]).get("depends_on")
        if depends_on:
            answer["depends_on"] = depends_on
        return JSONResponse(answer)

    def ack(kind: str, path: str) -> Callable[[Request], Awaitable[Response]]:
        @checked(path, "post")  # the contract checks the level and that 1 and 2 give a reason
        async def handler(r: Request) -> Response:
            key = r.headers["Idempotency-Key"]
            body = r.state.body
            with st.lock:
                row = st.db.execute("SELECT id FROM acks WHERE idem_key = ?", (key,)).fetchone()
                if row:
                    return JSONResponse({"id": row[0]}, 200)
                ack_id = uuid.uuid4().hex[:12]
                st.db.execute("INSERT INTO acks VALUES (?, ?, ?, ?)",
                              (key, kind, ack_id, json.dumps(body, ensure_ascii=False)))
            return JSONResponse({"id": ack_id}, 201)
        return handler

    return [Route("/v1/applications", submit, methods=["POST"]),
            Route("/v1/cases/{case_number}", case),
            Route("/v1/ratings", ack("rating", "/v1/ratings"), methods=["POST"]),
            Route("/v1/feedback", ack("feedback", "/v1/feedback"), methods=["POST"])]


def _paid_service(st: BackendState, kiosk_id: str, body: dict[str, Any]) -> PaymentRefused | None:
    """An application standing on a payment is recorded only on a paid order of its amount;
    a contribution for a member already paid for (someone else paid meanwhile) cannot be
    recorded although paid: the kiosk refunds."""
    payment = body["payment"]
    try:
        st.payments.check_paid(kiosk_id, payment)
    except PaymentRefused as no:
        return no
    if st.faults.service_refused > 0:
        st.faults.service_refused -= 1
        return PaymentRefused(409, "service_not_possible", "the service cannot be done "
                              "(simulated)")
    members = [str(m) for m in payment.get("members") or []]
    if members:
        period = quote_period(st.clock.today())
        numbers = st.payments.member_numbers(str(body["applicant"]["id_number"]))
        wanted = [(numbers.get(m), period) for m in members]
        if any(n is None or (n, period) in st.payments.contributions for n, _p in wanted):
            return PaymentRefused(409, "service_not_possible", "a member is unknown or already "
                                  "paid for this period")
        st.payments.contributions.update((str(n), p) for n, p in wanted)
    return None

"""The simulation's own doors, outside the contract: its health, the staff console page, and
what trainers and tests use to set the world up (faults, extra e-licences and people, bookings
made on the province's app, the cases made). Served only by the simulated backend."""

from __future__ import annotations

import json
from datetime import datetime

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from kiosk.sim.backend_state import BackendState
from kiosk.sim.contract_check import checked, problem
from kiosk.sim.staff_console import staff_console_html


def routes(st: BackendState) -> list[Route]:
    @checked("/v1/health", "get")
    async def health(_r: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def console(_r: Request) -> Response:
        return HTMLResponse(staff_console_html())

    async def set_faults(r: Request) -> Response:
        body = await r.json()
        for k, v in body.items():
            if hasattr(st.faults, k):
                setattr(st.faults, k, v)
        return JSONResponse(st.faults.__dict__)

    async def seed(r: Request) -> Response:
        st.add_licenses((await r.json())["licenses"])
        return JSONResponse({"ok": True})

    async def people(r: Request) -> Response:
        try:
            added = [st.add_person(e) for e in (await r.json())["people"]]
        except (KeyError, TypeError, ValueError) as exc:  # InvalidIdNumber is a ValueError
            return problem(400, "bad_person", f"not a person entry: {exc}")
        return JSONResponse({"eid_codes": {p.id_number: p.eid for p in added}})

    async def bookings(r: Request) -> Response:
        """Bookings as the province's app makes them: {"bookings": [{holder, item_code,
        service_title, starts (ISO 8601 with its offset), minutes, status}]} → their codes."""
        try:
            made = [st.appointments.add(
                str(b["holder"]), str(b["item_code"]), str(b.get("service_title", "")),
                datetime.fromisoformat(str(b["starts"])), int(b.get("minutes", 30)),
                str(b.get("status", "booked"))) for b in (await r.json())["bookings"]]
        except (KeyError, TypeError, ValueError) as exc:
            return problem(400, "bad_booking", f"not a booking: {exc}")
        return JSONResponse({"codes": [b.code for b in made]})

    async def ratings(_r: Request) -> Response:
        """Every rating recorded, whatever its channel (tests): the kiosk's, the phone's, the
        anonymous cards'."""
        rows = st.db.execute("SELECT body FROM acks WHERE kind IN ('rating', 'card_rating') "
                             "ORDER BY rowid").fetchall()
        return JSONResponse({"ratings": [json.loads(row[0]) for row in rows]})

    async def cases(_r: Request) -> Response:
        rows = st.db.execute("SELECT case_number, idem_key, item_code, status, body FROM cases "
                             "ORDER BY case_number").fetchall()
        return JSONResponse({"cases": [{"case_number": a, "idempotency_key": b, "item_code": c,
                                        "status": d,
                                        "signed_with": json.loads(e).get("signed_with"),
                                        "offer_id": json.loads(e).get("offer_id")}
                                       for a, b, c, d, e in rows]})

    return [Route("/v1/health", health),
            Route("/console", console),
            Route("/sim/faults", set_faults, methods=["POST"]),
            Route("/sim/licenses", seed, methods=["POST"]),
            Route("/sim/people", people, methods=["POST"]),
            Route("/sim/bookings", bookings, methods=["POST"]),
            Route("/sim/cases", cases),
            Route("/sim/ratings", ratings)]

"""The hall's side of issue 31 over the wire, as a kiosk with its certificate sees it: 政策找人
is refused without consent, a check-in is bound to the kiosk that made it and answers the same
ticket again, a rating code is only for a case that exists, and anonymous ratings are limited
per kiosk — another kiosk is not held back by the first."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta

import pytest

from kiosk.sim.backend import BackendServer
from kiosk.sim.citizens import card
from kiosk.sim.routes.card_ratings import PLATFORM_LIMIT

ZHANG = card("zhang-wei").record.id_number


@pytest.fixture(scope="module")
def hall() -> Iterator[BackendServer]:
    backend = BackendServer()
    backend.start()
    yield backend
    backend.stop()


def post(hall: BackendServer, kiosk: str, path: str, body: dict, key: str = "") -> tuple[int, dict]:
    headers = {"Idempotency-Key": key or uuid.uuid4().hex}
    with hall.client(kiosk) as c:
        r = c.post(path, json=body, headers=headers)
    return r.status_code, r.json()


def test_policies_are_not_looked_up_without_consent(hall: BackendServer) -> None:
    status, problem = post(hall, "K1", "/v1/offers/search", {
        "kiosk_id": "K1", "holder_code": ZHANG, "holder_code_type": "111", "purpose": "x",
        "consent": False})
    assert (status, problem["code"]) == (422, "invalid_request")
    status, _answer = post(hall, "K1", "/v1/offers/search", {
        "kiosk_id": "K1", "holder_code": ZHANG, "holder_code_type": "111", "purpose": "x",
        "consent": True})
    assert status == 200


def test_a_check_in_is_the_kiosks_own_and_one_ticket(hall: BackendServer) -> None:
    starts = hall.state.clock.now() + timedelta(minutes=10)
    with hall.client() as c:
        code = c.post("/sim/bookings", json={"bookings": [{
            "holder": ZHANG, "item_code": "SBJF-001", "service_title": "社会保险参保缴费证明",
            "starts": starts.isoformat()}]}).json()["codes"][0]
    other = card("liu-yan").record.id_number
    status, problem = post(hall, "K1", "/v1/appointments/check-in",
                           {"kiosk_id": "K1", "holder_code": other, "booking_code": code})
    assert (status, problem["code"]) == (409, "booking_other_person")
    key = uuid.uuid4().hex
    status, first = post(hall, "K1", "/v1/appointments/check-in",
                         {"kiosk_id": "K1", "holder_code": ZHANG, "booking_code": code}, key)
    assert (status, first["arrival"], first["priority"]) == (201, "on_time", True)
    # the same key from another kiosk is another request: it is not K1's answer replayed
    status, again = post(hall, "K2", "/v1/appointments/check-in",
                         {"kiosk_id": "K2", "holder_code": ZHANG, "booking_code": code}, key)
    assert status == 201
    assert again["ticket"]["number"] == first["ticket"]["number"]  # checked in once: one number


def test_a_rating_code_is_for_a_case_that_exists(hall: BackendServer) -> None:
    status, problem = post(hall, "K1", "/v1/ratings/codes", {
        "kiosk_id": "K1", "service_title": "x",
        "cases": [{"case_number": "20991231999999", "item_code": "WFZZM-001"}]})
    assert (status, problem["code"]) == (404, "case_not_found")


def test_anonymous_ratings_are_limited_per_kiosk(hall: BackendServer) -> None:
    rating = {"kiosk_id": "K3", "subject": "hall", "level": 5}
    statuses = [post(hall, "K3", "/v1/ratings/anonymous", rating)[0]
                for _ in range(PLATFORM_LIMIT + 1)]
    assert statuses == [201] * PLATFORM_LIMIT + [429]
    assert post(hall, "K4", "/v1/ratings/anonymous", {**rating, "kiosk_id": "K4"})[0] == 201
    low = {"kiosk_id": "K4", "subject": "counter", "counter": "1号窗口", "level": 1}
    assert post(hall, "K4", "/v1/ratings/anonymous", low)[0] == 422  # a reason is needed
    assert post(hall, "K4", "/v1/ratings/anonymous", {**low, "reasons": ["等待时间长"]})[0] == 201

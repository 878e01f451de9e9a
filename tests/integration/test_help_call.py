""""Call staff" reaches the hall (the simulated backend's help desk): the request carries where
and how long, never who; staff see it in their list and take it; no answer in time sends the
citizen to the counter while the request stays listed; the visit's end cancels it."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from kiosk.services.gateway import GatewayClient
from kiosk.services.help_call import HelpCall, HelpPhase, HelpState
from kiosk.sim.backend import SIM_STAFF_TOKEN, BackendServer

STAFF = {"X-Staff-Token": SIM_STAFF_TOKEN}


@pytest.fixture
def hall(backend: BackendServer) -> BackendServer:
    """The hall's side of the gateway: the simulated backend (tests/integration/conftest.py)."""
    return backend


def listed(hall: BackendServer) -> list[dict[str, object]]:
    r = httpx.get(hall.url + "/v1/help/requests", headers=STAFF)
    r.raise_for_status()
    return list(r.json()["requests"])


async def wait_for(predicate, timeout_s: float = 5.0) -> None:
    async with asyncio.timeout(timeout_s):
        while not predicate():
            await asyncio.sleep(0.02)


async def test_a_request_is_listed_taken_and_the_citizen_told_who_comes(
        hall: BackendServer) -> None:
    gateway = GatewayClient(hall.url, "K-7")
    states: list[HelpState] = []
    call = HelpCall(gateway, answer_s=30, counter="1号窗口", poll_s=0.05)
    task = asyncio.ensure_future(call.run("field", "criminal-record-certificate", "onsite", 95,
                                          states.append))
    await wait_for(lambda: any(s.phase is HelpPhase.WAITING for s in states))
    (request,) = listed(hall)
    assert {k: request[k] for k in ("kiosk_id", "screen", "service_code", "mode", "status")} \
        == {"kiosk_id": "K-7", "screen": "field", "service_code": "criminal-record-certificate",
            "mode": "onsite", "status": "waiting"}
    assert int(str(request["waited_s"])) >= 95
    # nothing about the citizen travels: the request has only where, how and how long
    assert set(request) == {"id", "kiosk_id", "screen", "service_code", "mode", "status",
                            "position", "waited_s", "staff_name"}
    r = httpx.post(f"{hall.url}/v1/help/requests/{request['id']}/accept",
                   json={"staff_name": "王芳"}, headers=STAFF)
    assert r.status_code == 200
    final = await asyncio.wait_for(task, 5)
    assert (final.phase, final.staff_name) == (HelpPhase.COMING, "王芳")
    assert states[0].phase is HelpPhase.SENDING
    await gateway.aclose()


async def test_no_answer_in_time_sends_to_the_counter_and_a_late_taker_still_shows(
        hall: BackendServer) -> None:
    gateway = GatewayClient(hall.url, "K-7")
    states: list[HelpState] = []
    call = HelpCall(gateway, answer_s=0.3, counter="1号窗口（服务台）", poll_s=0.05,
                    late_poll_s=0.05)
    task = asyncio.ensure_future(call.run("identify", None, "onsite", 0, states.append))
    await wait_for(lambda: any(s.phase is HelpPhase.GO_TO_COUNTER for s in states))
    told = next(s for s in states if s.phase is HelpPhase.GO_TO_COUNTER)
    assert told.counter == "1号窗口（服务台）"
    (request,) = listed(hall)                      # still in the hall's list
    assert request["status"] == "waiting"
    httpx.post(f"{hall.url}/v1/help/requests/{request['id']}/accept",
               json={"staff_name": "李强"}, headers=STAFF).raise_for_status()
    final = await asyncio.wait_for(task, 5)
    assert final.phase is HelpPhase.COMING
    await gateway.aclose()


async def test_the_visit_ending_cancels_the_request(hall: BackendServer) -> None:
    gateway = GatewayClient(hall.url, "K-7")
    states: list[HelpState] = []
    call = HelpCall(gateway, answer_s=30, counter="1号窗口", poll_s=0.05)
    task = asyncio.ensure_future(call.run("confirm", None, "onsite", 10, states.append))
    await wait_for(lambda: len(listed(hall)) == 1)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert listed(hall) == []
    await gateway.aclose()


async def test_a_hall_out_of_reach_is_said_at_once() -> None:
    gateway = GatewayClient("http://127.0.0.1:9", "K-7", timeout_s=2)
    states: list[HelpState] = []
    final = await HelpCall(gateway, answer_s=30, counter="2号窗口").run(
        "home", None, "onsite", 0, states.append)
    assert (final.phase, final.counter) == (HelpPhase.UNAVAILABLE, "2号窗口")
    await gateway.aclose()


def test_the_hall_list_needs_the_staff_token(hall: BackendServer) -> None:
    assert httpx.get(hall.url + "/v1/help/requests").status_code == 400    # no token
    assert httpx.get(hall.url + "/v1/help/requests",
                     headers={"X-Staff-Token": "guess"}).status_code == 401
    page = httpx.get(hall.url + "/console")
    assert page.status_code == 200
    assert "工作人员控制台" in page.text
    assert "叫下一个号" in page.text

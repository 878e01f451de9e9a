""""Call staff" reaches the hall (the simulated backend's help desk, over HTTPS with mutual
TLS): the request carries where and how long, never who; staff sign in as themselves and take
it; the kiosk shows the name the hall's directory gives; no answer in time withdraws it (a late
taker connects nothing); the citizen withdraws it; another kiosk cannot see it; a second staff
member cannot take or answer it."""

from __future__ import annotations

import asyncio
import ssl
from pathlib import Path

import httpx
import pytest

from kiosk.services.call_events import CallPhase, StaffOnCall
from kiosk.services.errors import GatewayUnavailable
from kiosk.services.gateway import GatewayClient
from kiosk.services.help_call import HelpCall, HelpPhase, HelpState
from kiosk.services.remote_help import RemoteHelp
from kiosk.sim.backend import BackendServer
from kiosk.sim.staff_peer import bearer


@pytest.fixture
def hall(backend: BackendServer) -> BackendServer:
    """The hall's side of the gateway: the simulated backend (tests/integration/conftest.py)."""
    return backend


def kiosk_gateway(hall: BackendServer, tmp_path: Path, kiosk_id: str) -> GatewayClient:
    """A kiosk as the province sets it up: its own certificate, the hall's authority."""
    files = hall.kiosk_files(tmp_path / kiosk_id, kiosk_id)
    return GatewayClient(hall.url, kiosk_id, ca_bundle=files.ca, client_cert=files.cert,
                         client_key=files.key)


def listed(hall: BackendServer, token: str) -> list[dict[str, object]]:
    with hall.client() as c:
        r = c.get("/v1/help/requests", headers=bearer(token))
    r.raise_for_status()
    return list(r.json()["requests"])


async def wait_for(predicate, timeout_s: float = 5.0) -> None:
    async with asyncio.timeout(timeout_s):
        while not predicate():
            await asyncio.sleep(0.02)


async def test_taken_by_a_signed_in_staff_member_whose_directory_name_the_kiosk_shows(
        hall: BackendServer, tmp_path: Path) -> None:
    gateway = kiosk_gateway(hall, tmp_path, "K-7")
    wang, li = hall.staff_token("wangfang"), hall.staff_token("liqiang")
    states: list[HelpState] = []
    call = HelpCall(gateway, answer_s=30, counter="1号窗口", poll_s=0.05)
    task = asyncio.ensure_future(call.run("field", "criminal-record-certificate", "onsite", 95,
                                          states.append))
    await wait_for(lambda: any(s.phase is HelpPhase.WAITING for s in states))
    (request,) = listed(hall, wang)
    assert {k: request[k] for k in ("kiosk_id", "screen", "service_code", "mode", "status")} \
        == {"kiosk_id": "K-7", "screen": "field", "service_code": "criminal-record-certificate",
            "mode": "onsite", "status": "waiting"}
    assert int(str(request["waited_s"])) >= 95
    # nothing about the citizen travels: the request has only where, how and how long
    assert set(request) == {"id", "kiosk_id", "screen", "service_code", "mode", "status",
                            "position", "waited_s", "staff_name", "staff_counter"}
    with hall.client() as c:
        # whatever name a caller would like shown is not asked for, and not taken
        r = c.post(f"/v1/help/requests/{request['id']}/accept", headers=bearer(wang),
                   json={"staff_name": "<img src=http://x/a.png>"})
        assert r.status_code == 200
        assert r.json()["staff_name"] == "王芳"
        # a second staff member cannot take it over; nothing is replaced
        r = c.post(f"/v1/help/requests/{request['id']}/accept", headers=bearer(li))
        assert (r.status_code, r.json()["code"]) == (409, "already_taken")
    final = await asyncio.wait_for(task, 5)
    assert (final.phase, final.staff) == (HelpPhase.COMING, StaffOnCall("王芳", "3号窗口"))
    assert states[0].phase is HelpPhase.SENDING
    await gateway.aclose()


async def test_no_one_in_time_withdraws_the_request_so_a_late_taker_connects_nothing(
        hall: BackendServer, tmp_path: Path) -> None:
    gateway = kiosk_gateway(hall, tmp_path, "K-7")
    wang = hall.staff_token()
    states: list[HelpState] = []
    call = HelpCall(gateway, answer_s=0.3, counter="1号窗口（服务台）", poll_s=0.05)
    created: list[str] = []
    task = asyncio.ensure_future(call.run("identify", None, "video", 0,
                                          lambda s: (states.append(s), s.request_id and
                                                     created.append(s.request_id))))
    final = await asyncio.wait_for(task, 5)
    assert (final.phase, final.counter) == (HelpPhase.GO_TO_COUNTER, "1号窗口（服务台）")
    assert listed(hall, wang) == []                 # gone from the hall's list
    with hall.client() as c:
        r = c.post(f"/v1/help/requests/{created[0]}/accept", headers=bearer(wang))
        assert (r.status_code, r.json()["code"]) == (404, "unknown_request")  # gone
    await gateway.aclose()


async def test_the_citizen_withdraws_a_waiting_request(hall: BackendServer,
                                                       tmp_path: Path) -> None:
    gateway = kiosk_gateway(hall, tmp_path, "K-7")
    wang = hall.staff_token()
    call = HelpCall(gateway, answer_s=30, counter="1号窗口", poll_s=0.05)
    task = asyncio.ensure_future(call.run("confirm", None, "onsite", 10, lambda _s: None))
    await wait_for(lambda: len(listed(hall, wang)) == 1)
    task.cancel()  # what 取消求助 and leaving the kiosk both do
    with pytest.raises(asyncio.CancelledError):
        await task
    assert listed(hall, wang) == []
    await gateway.aclose()


async def test_another_kiosk_cannot_see_touch_or_end_a_request(hall: BackendServer,
                                                              tmp_path: Path) -> None:
    mine = kiosk_gateway(hall, tmp_path, "K-7")
    other = kiosk_gateway(hall, tmp_path, "K-8")
    wang = hall.staff_token()
    created = await mine.request_help("field", None, "video", 0)
    with hall.client() as c:
        c.post(f"/v1/help/requests/{created.id}/accept", headers=bearer(wang)) \
            .raise_for_status()
    await mine.offer_help_call(created.id, "v=0\r\n")
    with hall.client("K-8") as c:
        for method, path, body in [
                ("GET", "", None), ("DELETE", "", None), ("GET", "/call", None),
                ("PUT", "/call/offer", {"type": "offer", "sdp": "v=0"}),
                ("POST", "/call/hangup", None), ("GET", "/lines", None),
                ("POST", "/lines", {"text": "hello"})]:
            r = c.request(method, f"/v1/help/requests/{created.id}{path}", json=body)
            assert (r.status_code, r.json()["code"]) == (404, "unknown_request"), (method, path)
    # the kiosk's own call is untouched
    assert (await mine.help_call(created.id)).offer is not None
    # a kiosk that claims another's id in its body is still itself: the certificate decides
    theirs = await other.request_help("home", None, "onsite", 0)
    assert theirs.kiosk_id == "K-8"  # type: ignore[attr-defined]
    await mine.aclose()
    await other.aclose()


def test_only_the_staff_member_who_took_it_answers_and_only_once(hall: BackendServer,
                                                                tmp_path: Path) -> None:
    wang, li = hall.staff_token("wangfang"), hall.staff_token("liqiang")

    async def prepare() -> str:
        gateway = kiosk_gateway(hall, tmp_path, "K-7")
        created = await gateway.request_help("field", None, "video", 0)
        with hall.client() as c:
            c.post(f"/v1/help/requests/{created.id}/accept",
                   headers=bearer(wang)).raise_for_status()
        await gateway.offer_help_call(created.id, "v=0\r\n")
        await gateway.aclose()
        return created.id

    request_id = asyncio.run(prepare())
    answer = {"type": "answer", "sdp": "v=0\r\na=fingerprint:sha-256 AA\r\n"}
    with hall.client() as c:
        url = f"/v1/help/requests/{request_id}/call"
        assert c.get(url, headers=bearer(li)).status_code == 404   # not his call to see
        huge = c.get(f"/v1/help/requests/{request_id}/lines?after=" + "9" * 5000,
                     headers=bearer(wang))
        assert huge.status_code == 422  # refused, not a server error
        r = c.put(url + "/answer", headers=bearer(li), json=answer)
        assert r.status_code == 404
        assert c.put(url + "/answer", headers=bearer(wang), json=answer).status_code == 200
        r = c.put(url + "/answer", headers=bearer(wang), json={**answer, "sdp": "v=0 other"})
        assert (r.status_code, r.json()["code"]) == (409, "already_answered")
        assert c.get(url, headers=bearer(wang)).json()["answer"]["sdp"] == answer["sdp"]
        assert c.post(url + "/hangup", headers=bearer(li)).status_code == 404
        # 王芳 signs out: the call she was on ends with her session
        c.delete("/v1/staff/sessions/current", headers=bearer(wang)).raise_for_status()

    async def status() -> str:
        gateway = kiosk_gateway(hall, tmp_path / "again", "K-7")
        try:
            return (await gateway.help_call(request_id)).status
        finally:
            await gateway.aclose()

    assert asyncio.run(status()) == "ended"


def test_staff_sign_in_as_themselves_and_signing_out_ends_the_credential(
        hall: BackendServer) -> None:
    with hall.client() as c:
        assert c.get("/v1/help/requests").status_code == 401                # no one
        assert c.get("/v1/help/requests",
                     headers=bearer("guess")).json()["code"] == "staff_sign_in_required"
        wrong = c.post("/v1/staff/sessions", json={"staff_id": "wangfang", "password": "x"})
        assert (wrong.status_code, wrong.json()["code"]) == (401, "bad_credentials")
        r = c.post("/v1/staff/sessions", json={"staff_id": "wangfang",
                                               "password": "sim-wangfang"})
        assert r.status_code == 201
        session = r.json()
        assert (session["name"], session["counter"]) == ("王芳", "3号窗口")
        token = session["token"]
        assert c.get("/v1/help/requests", headers=bearer(token)).status_code == 200
        assert c.delete("/v1/staff/sessions/current", headers=bearer(token)).status_code == 200
        assert c.get("/v1/help/requests", headers=bearer(token)).status_code == 401
        # the console page is served to anyone; what it does needs a sign-in
        page = c.get("/console")
        assert page.status_code == 200
        assert "工作人员控制台" in page.text
        assert "叫下一个号" in page.text


def test_a_kiosk_is_known_by_its_certificate_and_the_server_by_its_own(
        hall: BackendServer, tmp_path: Path) -> None:
    with hall.client() as c:  # TLS, but no kiosk certificate
        r = c.post("/v1/help/requests", json={"kiosk_id": "K-7", "screen": "home",
                                              "mode": "onsite", "waiting_s": 0})
        assert (r.status_code, r.json()["code"]) == (401, "kiosk_certificate_required")
    # a client that does not trust the hall's authority does not talk to it at all
    with pytest.raises(httpx.ConnectError), \
            httpx.Client(verify=ssl.create_default_context()) as c:
        c.get(hall.url + "/v1/health")

    async def plain() -> None:
        gateway = GatewayClient(hall.url.replace("https://", "http://"), "K-7", timeout_s=2)
        with pytest.raises(GatewayUnavailable):
            await gateway.request_help("home", None, "onsite", 0)
        await gateway.aclose()
    asyncio.run(plain())


async def test_a_hall_out_of_reach_is_said_at_once() -> None:
    gateway = GatewayClient("https://127.0.0.1:9", "K-7", timeout_s=2)
    states: list[HelpState] = []
    final = await HelpCall(gateway, answer_s=30, counter="2号窗口").run(
        "home", None, "onsite", 0, states.append)
    assert (final.phase, final.counter) == (HelpPhase.UNAVAILABLE, "2号窗口")
    await gateway.aclose()


async def test_text_lines_pass_both_ways_as_plain_text_and_end_with_the_session(
        hall: BackendServer, tmp_path: Path) -> None:
    gateway = kiosk_gateway(hall, tmp_path, "K-7")
    wang = hall.staff_token()
    created = await gateway.request_help("field", None, "text", 0)
    async with hall.async_client() as c:
        (await c.post(f"/v1/help/requests/{created.id}/accept",
                      headers=bearer(wang))).raise_for_status()
        session = RemoteHelp(gateway, created.id, "text", StaffOnCall("王芳", "3号窗口"),
                             consent_s=5, max_call_s=600, lines_poll_s=0.05)
        heard: list[str] = []
        events: list[object] = []

        async def never_asked(_staff: StaffOnCall, _s: float) -> bool:
            raise AssertionError("text needs no call to be accepted")

        running = asyncio.ensure_future(session.run(never_asked, events.append,
                                                    lambda line: heard.append(line.text)))
        url = f"/v1/help/requests/{created.id}/lines"
        staff_line = "请点<b>下一步</b>"
        (await c.post(url, headers=bearer(wang), json={"text": staff_line})).raise_for_status()
        await wait_for(lambda: heard)
        assert heard == [staff_line]  # markup kept as characters
        refused = await c.post(url, headers=bearer(wang), json={"text": "好的\u2028我：同意"})
        assert refused.status_code == 422  # a line that would pass for two
        assert await session.say("我不会操作")
        lines = (await c.get(url, headers=bearer(wang))).json()["lines"]
        assert [(x["sender"], x["text"]) for x in lines] == [("staff", staff_line),
                                                             ("kiosk", "我不会操作")]
        too_long = await c.post(url, headers=bearer(wang), json={"text": "长" * 201})
        assert too_long.status_code == 422
        # the staff member ends it: the session ends, and the lines are gone with it
        (await c.post(f"/v1/help/requests/{created.id}/call/hangup",
                      headers=bearer(wang))).raise_for_status()
        assert await asyncio.wait_for(running, 5) is CallPhase.ENDED
        assert (await c.get(url, headers=bearer(wang))).json()["lines"] == []
    await gateway.aclose()

"""远程帮办 without Qt or a browser: the kiosk's `VideoCall` against the console's part played
in Python (kiosk/sim/staff_peer.py, aiortc), through the simulated backend's signaling (the
browser test is tests/ui/test_remote_help.py). Real WebRTC on loopback: ICE, DTLS, SRTP, VP8
and Opus."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
import numpy as np
import pytest

from kiosk.services.gateway import GatewayClient
from kiosk.services.latest_frame import LatestFrame
from kiosk.services.video_call import CallEvent, CallPhase, VideoCall
from kiosk.sim.backend import BackendServer
from kiosk.sim.staff_peer import STAFF, StaffPeer


@pytest.fixture
async def hall() -> AsyncIterator[tuple[BackendServer, GatewayClient]]:
    server = BackendServer(port=0)
    await asyncio.to_thread(server.start)
    gateway = GatewayClient(server.url, "kiosk-video-1")
    yield server, gateway
    await gateway.aclose()
    await asyncio.to_thread(server.stop)


async def until(ok: Any, what: str, timeout_s: float = 15.0) -> None:
    for _ in range(int(timeout_s / 0.05)):
        if ok():
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"waited {timeout_s:g} s for {what}")


@dataclass
class LiveCall:
    client: httpx.AsyncClient
    request_id: str
    call: VideoCall
    events: list[CallEvent]
    running: asyncio.Future[CallPhase]
    staff: StaffPeer


@contextlib.asynccontextmanager
async def live_call(server: BackendServer, gateway: GatewayClient, screen: LatestFrame,
                    size: tuple[int, int]) -> AsyncIterator[LiveCall]:
    """A video request taken by a staff member, the call set up and live."""
    created = await gateway.request_help("field", "criminal-record-certificate", "video", 30)
    async with httpx.AsyncClient() as client:
        r = await client.post(f"{server.url}/v1/help/requests/{created.id}/accept",
                              headers=STAFF, json={"staff_name": "王芳"})
        assert r.json()["status"] == "accepted"
        call = VideoCall(gateway, created.id, screen, fps=10, size=size, connect_s=15)
        events: list[CallEvent] = []
        running = asyncio.ensure_future(call.run(events.append))
        staff = StaffPeer(server.url, created.id)
        try:
            await staff.answer(client)
            await until(lambda: any(e.phase is CallPhase.LIVE for e in events), "the call live")
            yield LiveCall(client, created.id, call, events, running, staff)
        finally:
            running.cancel()
            await staff.close()


async def test_a_call_carries_the_screen_both_voices_and_the_pointer_then_the_staff_hang_up(
        hall: tuple[BackendServer, GatewayClient]) -> None:
    server, gateway = hall
    screen = LatestFrame()
    picture = np.zeros((240, 320, 3), dtype=np.uint8)
    picture[:, :160] = (200, 30, 30)  # the kiosk's screen: red on the left, black right
    screen.put(picture)
    async with live_call(server, gateway, screen, (320, 240)) as live:
        call, events, staff, client = live.call, live.events, live.staff, live.client
        await until(lambda: len(staff.screen_frames) >= 3, "the kiosk's screen at the staff")
        seen = staff.screen_frames[-1]
        assert seen.shape[:2] == (240, 320)
        left, right = seen[:, :140].mean(axis=(0, 1)), seen[:, 180:].mean(axis=(0, 1))
        assert left[0] > 150, left    # red arrives red (VP8 is lossy)
        assert left[1] < 80, left
        assert right.max() < 40, right

        await until(lambda: call.audio_frames_heard > 10, "the staff's voice at the kiosk")
        got = await call.received_packets()
        assert got.get("audio", 0) > 0
        staff_stats = [s for s in (await staff.pc.getStats()).values()
                       if getattr(s, "type", "") == "inbound-rtp" and s.kind == "audio"]
        assert staff_stats, "no audio stream at the staff's end"
        assert staff_stats[0].packetsReceived > 0  # the citizen's voice

        await until(lambda: staff.channel is not None and
                    staff.channel.readyState == "open", "the data channel")
        staff.send({"type": "point", "x": 0.25, "y": 0.75})
        staff.send({"type": "point", "x": 7, "y": -1})  # off the screen: ignored
        await until(lambda: any(e.pointer for e in events), "the pointer at the kiosk")
        assert [e.pointer for e in events if e.pointer] == [(0.25, 0.75)]

        staff.send({"type": "bye"})  # the staff member hangs up
        assert await asyncio.wait_for(live.running, 10) is CallPhase.ENDED
        assert events[-1].phase is CallPhase.ENDED
        status = (await client.get(
            f"{server.url}/v1/help/requests/{live.request_id}")).json()
        assert status["status"] == "ended"   # the hall's list no longer shows it
        listed = (await client.get(f"{server.url}/v1/help/requests", headers=STAFF)).json()
        assert live.request_id not in [x["id"] for x in listed["requests"]]


async def test_the_kiosk_hangs_up_and_the_hall_sees_the_call_ended(
        hall: tuple[BackendServer, GatewayClient]) -> None:
    server, gateway = hall
    async with live_call(server, gateway, LatestFrame(), (160, 120)) as live:
        live.call.hang_up()
        assert await asyncio.wait_for(live.running, 10) is CallPhase.ENDED
        call_now = (await live.client.get(
            f"{server.url}/v1/help/requests/{live.request_id}/call")).json()
        assert call_now == {"status": "ended", "offer": None, "answer": None}


async def test_no_answer_from_the_console_fails_the_call_and_an_offer_needs_an_accepted_request(
        hall: tuple[BackendServer, GatewayClient]) -> None:
    server, gateway = hall
    waiting = await gateway.request_help("home", None, "video", 0)
    async with httpx.AsyncClient() as client:
        r = await client.put(f"{server.url}/v1/help/requests/{waiting.id}/call/offer",
                             json={"type": "offer", "sdp": "v=0"})
        assert r.status_code == 409
        assert r.json()["code"] == "not_in_call"
        await client.post(f"{server.url}/v1/help/requests/{waiting.id}/accept", headers=STAFF,
                          json={"staff_name": "李静"})
    call = VideoCall(gateway, waiting.id, LatestFrame(), fps=5, size=(160, 120), connect_s=1.0)
    events: list[CallEvent] = []
    assert await call.run(events.append) is CallPhase.FAILED
    assert [e.phase for e in events] == [CallPhase.CONNECTING, CallPhase.FAILED]


async def test_a_microphone_that_cannot_be_opened_fails_the_call_in_plain_terms(
        hall: tuple[BackendServer, GatewayClient]) -> None:
    """A kiosk whose sound card is missing: the call is not made (the citizen then sees
    "视频没能接通，请到…"), the request is closed, nothing hangs."""
    server, gateway = hall
    request = await gateway.request_help("home", None, "video", 0)
    async with httpx.AsyncClient() as client:
        await client.post(f"{server.url}/v1/help/requests/{request.id}/accept", headers=STAFF,
                          json={"staff_name": "李静"})
        call = VideoCall(gateway, request.id, LatestFrame(), fps=5, size=(160, 120),
                         microphone_source="alsa:no-such-card")
        events: list[CallEvent] = []
        assert await asyncio.wait_for(call.run(events.append), 10) is CallPhase.FAILED
        assert [e.phase for e in events] == [CallPhase.FAILED]
        status = (await client.get(f"{server.url}/v1/help/requests/{request.id}")).json()
        assert status["status"] == "ended"


async def test_an_answer_that_is_no_session_description_fails_the_call_without_raising(
        hall: tuple[BackendServer, GatewayClient]) -> None:
    """A console (or a province's gateway) answering with something that is not SDP: the call
    fails in plain terms — the citizen is named the counter — and nothing escapes the call."""
    server, gateway = hall
    request = await gateway.request_help("home", None, "video", 0)
    async with httpx.AsyncClient() as client:
        await client.post(f"{server.url}/v1/help/requests/{request.id}/accept", headers=STAFF,
                          json={"staff_name": "李静"})
        call = VideoCall(gateway, request.id, LatestFrame(), fps=5, size=(160, 120),
                         connect_s=10)
        events: list[CallEvent] = []
        running = asyncio.ensure_future(call.run(events.append))
        url = f"{server.url}/v1/help/requests/{request.id}/call"
        await until(lambda: bool(events), "the kiosk connecting")
        for _ in range(100):
            if (await client.get(url)).json()["offer"]:
                break
            await asyncio.sleep(0.05)
        r = await client.put(f"{url}/answer", headers=STAFF,
                             json={"type": "answer", "sdp": "v=0 not a description"})
        assert r.status_code == 200
        assert await asyncio.wait_for(running, 10) is CallPhase.FAILED
        assert events[-1].phase is CallPhase.FAILED

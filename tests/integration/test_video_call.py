"""远程帮办 without Qt or a browser: the kiosk's session (`RemoteHelp` and its `VideoCall`)
against the console's part played in Python (kiosk/sim/staff_peer.py, aiortc, as one signed-in
staff member), through the simulated backend's signaling over HTTPS with mutual TLS (the
browser test is tests/ui/test_remote_help.py). Real WebRTC on loopback: ICE, DTLS, SRTP, VP8
and Opus."""

from __future__ import annotations

import asyncio
import contextlib
import re
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import numpy as np
import pytest
from aiortc.codecs import vpx

from kiosk.services.call_events import CallEvent, CallPhase, EndReason, StaffOnCall
from kiosk.services.gateway import GatewayClient
from kiosk.services.latest_frame import LatestFrame
from kiosk.services.remote_help import RemoteHelp
from kiosk.services.video_call import VideoCall, cap_video_bitrate, has_fingerprint
from kiosk.sim.backend import BackendServer
from kiosk.sim.staff_peer import StaffPeer, bearer

WANG = StaffOnCall("王芳", "3号窗口")


@dataclass
class Hall:
    server: BackendServer
    gateway: GatewayClient
    token: str  # 王芳's session

    def staff(self, **kw: Any) -> httpx.AsyncClient:
        return self.server.async_client(headers=bearer(self.token), **kw)


@pytest.fixture
async def hall(tmp_path: Path) -> AsyncIterator[Hall]:
    server = BackendServer(port=0)
    await asyncio.to_thread(server.start)
    files = server.kiosk_files(tmp_path / "tls", "kiosk-video-1")
    gateway = GatewayClient(server.url, "kiosk-video-1", ca_bundle=files.ca,
                            client_cert=files.cert, client_key=files.key)
    yield Hall(server, gateway, server.staff_token("wangfang"))
    await gateway.aclose()
    await asyncio.to_thread(server.stop)


async def until(ok: Any, what: str, timeout_s: float = 15.0) -> None:
    for _ in range(int(timeout_s / 0.05)):
        if ok():
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"waited {timeout_s:g} s for {what}")


async def agree(_staff: StaffOnCall, _timeout_s: float) -> bool:
    return True  # the citizen presses 接听 at once


@dataclass
class LiveCall:
    client: httpx.AsyncClient
    request_id: str
    session: RemoteHelp
    events: list[CallEvent]
    running: asyncio.Future[CallPhase]
    staff: StaffPeer

    @property
    def call(self) -> VideoCall:
        assert self.session.video is not None
        return self.session.video


async def accepted_request(hall: Hall, client: httpx.AsyncClient) -> str:
    created = await hall.gateway.request_help("field", "criminal-record-certificate", "video",
                                              30)
    r = await client.post(f"/v1/help/requests/{created.id}/accept")
    assert r.json()["status"] == "accepted"
    return created.id


@contextlib.asynccontextmanager
async def live_call(hall: Hall, screen: LatestFrame, size: tuple[int, int],
                    tamper: Callable[[str], str] | None = None, wait_live: bool = True,
                    **call_options: Any) -> AsyncIterator[LiveCall]:
    """A video request taken by 王芳, accepted by the citizen, the call set up (and live)."""
    async with hall.staff() as client:
        request_id = await accepted_request(hall, client)
        session = RemoteHelp(hall.gateway, request_id, "video", WANG, consent_s=10,
                             max_call_s=600, make_video=lambda: VideoCall(
                                 hall.gateway, request_id, screen, fps=10, size=size,
                                 **{"connect_s": 15, **call_options}))
        events: list[CallEvent] = []
        running = asyncio.ensure_future(session.run(agree, events.append, lambda _l: None))
        staff = StaffPeer(hall.server.url, request_id, hall.token)
        try:
            await staff.answer(client, tamper=tamper)
            if wait_live:
                await until(lambda: any(e.phase is CallPhase.LIVE for e in events),
                            "the call live")
            yield LiveCall(client, request_id, session, events, running, staff)
        finally:
            running.cancel()
            await staff.close()


def media_section(sdp: str, kind: str) -> str:
    return next(part for part in re.split(r"\r?\n(?=m=)", sdp) if part.startswith(f"m={kind}"))


async def test_a_call_carries_the_screen_both_voices_and_the_pointer_then_the_staff_hang_up(
        hall: Hall) -> None:
    screen = LatestFrame()
    picture = np.zeros((240, 320, 3), dtype=np.uint8)
    picture[:, :160] = (200, 30, 30)  # the kiosk's screen: red on the left, black right
    async with live_call(hall, screen, (320, 240)) as live:
        screen.put(picture)  # the front end's first grab, once the call began
        call, events, staff, client = live.call, live.events, live.staff, live.client
        await until(lambda: len(staff.screen_frames) >= 3, "the kiosk's screen at the staff")
        seen = staff.screen_frames[-1]
        assert seen.shape[:2] == (240, 320)
        left, right = seen[:, :140].mean(axis=(0, 1)), seen[:, 180:].mean(axis=(0, 1))
        assert left[0] > 150, left    # red arrives red (VP8 is lossy)
        assert left[1] < 80, left
        assert right.max() < 40, right

        await until(lambda: call.audio_frames_heard > 10, "the staff's voice at the kiosk")
        staff_stats = [s for s in (await staff.pc.getStats()).values()
                       if getattr(s, "type", "") == "inbound-rtp" and s.kind == "audio"]
        assert staff_stats, "no audio stream at the staff's end"
        assert staff_stats[0].packetsReceived > 0  # the citizen's voice
        # no picture comes into the kiosk: its screen goes out send-only
        offer = (await client.get(f"/v1/help/requests/{live.request_id}/call")).json()["offer"]
        assert "a=sendonly" in media_section(offer["sdp"], "video")
        # VP8 only (its bitrate is capped), not H264
        assert "H264" not in media_section(offer["sdp"], "video")
        assert "VP8" in media_section(offer["sdp"], "video")
        assert "video" not in await call.received_packets()

        await until(lambda: staff.channel is not None and
                    staff.channel.readyState == "open", "the data channel")
        staff.send({"type": "point", "x": 0.25, "y": 0.75})
        staff.send({"type": "point", "x": 7, "y": -1})  # off the screen: ignored
        await until(lambda: any(e.pointer for e in events), "the pointer at the kiosk")
        assert [e.pointer for e in events if e.pointer] == [(0.25, 0.75)]

        staff.send({"type": "bye"})  # the staff member hangs up
        assert await asyncio.wait_for(live.running, 10) is CallPhase.ENDED
        assert (events[-1].phase, events[-1].reason) == (CallPhase.ENDED, EndReason.STAFF)
        assert screen.take() is None  # the next call starts grey, not on this one's picture
        await until(lambda: call.hall_told is not None and call.hall_told.done(), "the hall told")
        listed = (await client.get("/v1/help/requests")).json()
        assert live.request_id not in [x["id"] for x in listed["requests"]]


async def test_hanging_up_stops_the_media_before_the_hall_is_even_told(hall: Hall) -> None:
    async with live_call(hall, LatestFrame(), (160, 120)) as live:
        await until(lambda: live.staff.last_frame_at is not None, "pictures at the staff")
        # the hall answers slowly now: hanging up must not wait for it
        async with hall.server.async_client() as sim:
            await sim.post("/sim/faults", json={"slow_s": 1.0})
        live.session.hang_up()
        assert await asyncio.wait_for(live.running, 0.9) is CallPhase.ENDED
        call = live.call
        assert call.media_stopped_at is not None
        assert call.hall_told is not None
        assert not call.hall_told.done()
        assert live.call.pc is not None
        assert live.call.pc.connectionState == "closed"
        stopped = call.media_stopped_at
        await asyncio.sleep(0.3)
        assert live.staff.last_frame_at is not None
        assert live.staff.last_frame_at < stopped + 0.05
        await asyncio.wait_for(call.hall_told, 5)
        async with hall.server.async_client() as sim:
            await sim.post("/sim/faults", json={"slow_s": 0})
        call_now = (await live.client.get(f"/v1/help/requests/{live.request_id}/call")).json()
        assert call_now == {"status": "ended", "offer": None, "answer": None}


@pytest.mark.parametrize("tamper", [
    pytest.param(lambda sdp: "\r\n".join(x for x in sdp.split("\r\n")
                                         if not x.startswith("a=fingerprint:")),
                 id="no_fingerprint"),
    pytest.param(lambda sdp: re.sub(r"(a=fingerprint:sha-256 )[0-9A-F:]+",
                                    r"\g<1>" + ":".join(["AB"] * 32), sdp),
                 id="someone_elses_fingerprint"),
    # a console that would send pictures back: the kiosk decodes no video from outside
    pytest.param(lambda sdp: sdp.replace("a=recvonly", "a=sendrecv"), id="video_sent_back"),
    pytest.param(lambda sdp: "v=0 not a description\r\nm=audio\r\n"
                 "a=fingerprint:sha-256 AB:CD\r\n", id="not_a_description"),
])
async def test_an_answer_that_cannot_be_authenticated_never_goes_live(
        hall: Hall, tamper: Callable[[str], str]) -> None:
    async with live_call(hall, LatestFrame(), (160, 120), tamper=tamper, wait_live=False,
                         connect_s=4) as live:
        assert await asyncio.wait_for(live.running, 10) is CallPhase.FAILED
        phases = [e.phase for e in live.events]
        assert CallPhase.LIVE not in phases
        assert phases[-1] is CallPhase.FAILED
        assert live.events[-1].reason in (EndReason.UNUSABLE_ANSWER, EndReason.NOT_CONNECTED)
        assert live.call.pc is not None
        receivers = [t.receiver.track for t in live.call.pc.getTransceivers()
                     if t.kind == "video"]
        assert all(r is None or r.readyState != "live" for r in receivers)


async def test_a_call_where_nothing_comes_from_the_staff_ends_by_itself(hall: Hall) -> None:
    async with live_call(hall, LatestFrame(), (160, 120), idle_end_s=1.0) as live:
        await until(lambda: live.call.audio_frames_heard > 5, "the staff's voice")
        assert live.staff.voice is not None
        live.staff.voice.stop()   # their side goes quiet: the console froze, the network went
        assert await asyncio.wait_for(live.running, 10) is CallPhase.ENDED
        assert live.events[-1].reason is EndReason.NO_MEDIA


async def test_declining_when_staff_answer_opens_and_sends_nothing(hall: Hall) -> None:
    async with hall.staff() as client:
        for answer_in_time in (True, False):
            request_id = await accepted_request(hall, client)
            made: list[VideoCall] = []

            async def ask(staff: StaffOnCall, timeout_s: float, now: bool = answer_in_time
                          ) -> bool:
                assert staff == WANG  # asked by the name and counter the hall gives
                if now:
                    return False      # 拒绝
                await asyncio.sleep(60)  # no answer: the countdown runs out
                return True

            def make(made: list[VideoCall] = made, request_id: str = request_id) -> VideoCall:
                made.append(VideoCall(hall.gateway, request_id, LatestFrame()))
                return made[-1]

            session = RemoteHelp(hall.gateway, request_id, "video", WANG, consent_s=0.3,
                                 max_call_s=600, make_video=make)
            events: list[CallEvent] = []
            phase = await asyncio.wait_for(session.run(ask, events.append, lambda _l: None), 5)
            assert phase is CallPhase.DECLINED
            assert [e.phase for e in events] == [CallPhase.ASKING, CallPhase.DECLINED]
            assert made == []  # no microphone, no peer connection, no offer
            call = (await client.get(f"/v1/help/requests/{request_id}/call")).json()
            assert call == {"status": "ended", "offer": None, "answer": None}


async def test_the_question_closes_when_the_staff_member_hangs_up_first(hall: Hall) -> None:
    async with hall.staff() as client:
        request_id = await accepted_request(hall, client)
        asked = asyncio.Event()

        async def never_answered(_staff: StaffOnCall, _timeout_s: float) -> bool:
            asked.set()
            await asyncio.sleep(60)
            return True

        session = RemoteHelp(hall.gateway, request_id, "video", WANG, consent_s=30,
                             max_call_s=600, lines_poll_s=0.05,
                             make_video=lambda: pytest.fail("no call without the citizen"))
        events: list[CallEvent] = []
        running = asyncio.ensure_future(session.run(never_answered, events.append,
                                                    lambda _l: None))
        await asyncio.wait_for(asked.wait(), 5)
        await client.post(f"/v1/help/requests/{request_id}/call/hangup")
        assert await asyncio.wait_for(running, 5) is CallPhase.ENDED
        assert [(e.phase, e.reason) for e in events] == [(CallPhase.ASKING, None),
                                                         (CallPhase.ENDED, EndReason.STAFF)]


async def test_no_answer_from_the_console_fails_the_call_and_an_offer_needs_a_taken_request(
        hall: Hall) -> None:
    waiting = await hall.gateway.request_help("home", None, "video", 0)
    async with hall.server.async_client("kiosk-video-1") as kiosk:
        r = await kiosk.put(f"/v1/help/requests/{waiting.id}/call/offer",
                            json={"type": "offer", "sdp": "v=0"})
        assert r.status_code == 409
        assert r.json()["code"] == "not_in_call"
    async with hall.staff() as client:
        await client.post(f"/v1/help/requests/{waiting.id}/accept")
    call = VideoCall(hall.gateway, waiting.id, LatestFrame(), fps=5, size=(160, 120),
                     connect_s=1.0)
    events: list[CallEvent] = []
    assert await call.run(events.append) is CallPhase.FAILED
    assert [e.phase for e in events] == [CallPhase.CONNECTING, CallPhase.FAILED]
    assert events[-1].reason is EndReason.NOT_CONNECTED
    assert call.hall_told is not None
    await asyncio.wait_for(call.hall_told, 5)


async def test_a_microphone_that_cannot_be_opened_fails_the_call_in_plain_terms(
        hall: Hall) -> None:
    """A kiosk whose sound card is missing: the call is not made (the citizen then sees
    "视频没能接通，请到…"), the request is closed, nothing hangs."""
    async with hall.staff() as client:
        request_id = await accepted_request(hall, client)
        call = VideoCall(hall.gateway, request_id, LatestFrame(), fps=5, size=(160, 120),
                         microphone_source="alsa:no-such-card")
        events: list[CallEvent] = []
        assert await asyncio.wait_for(call.run(events.append), 10) is CallPhase.FAILED
        assert [(e.phase, e.reason) for e in events] == [(CallPhase.FAILED,
                                                          EndReason.NO_MICROPHONE)]
        assert call.hall_told is not None
        await asyncio.wait_for(call.hall_told, 5)
        status = (await client.get(f"/v1/help/requests/{request_id}")).json()
        assert status["status"] == "ended"


async def test_an_answer_that_is_no_session_description_fails_the_call_without_raising(
        hall: Hall) -> None:
    """A console (or a province's gateway) answering with something that is not SDP: the call
    fails in plain terms — the citizen is named the counter — and nothing escapes the call."""
    async with hall.staff() as client:
        request_id = await accepted_request(hall, client)
        call = VideoCall(hall.gateway, request_id, LatestFrame(), fps=5, size=(160, 120),
                         connect_s=10)
        events: list[CallEvent] = []
        running = asyncio.ensure_future(call.run(events.append))
        url = f"/v1/help/requests/{request_id}/call"
        await until(lambda: bool(events), "the kiosk connecting")
        for _ in range(100):
            if (await client.get(url)).json()["offer"]:
                break
            await asyncio.sleep(0.05)
        r = await client.put(f"{url}/answer", json={
            "type": "answer", "sdp": "v=0 not a description\r\na=fingerprint:sha-256 AB"})
        assert r.status_code == 200
        assert await asyncio.wait_for(running, 10) is CallPhase.FAILED
        assert events[-1].phase is CallPhase.FAILED


async def test_a_session_ends_at_its_time_limit_after_a_warning(hall: Hall) -> None:
    async with hall.staff() as client:
        created = await hall.gateway.request_help("home", None, "text", 0)
        await client.post(f"/v1/help/requests/{created.id}/accept")
        session = RemoteHelp(hall.gateway, created.id, "text", WANG, consent_s=5,
                             max_call_s=0.6, warn_before_s=0.3, lines_poll_s=0.05)
        events: list[CallEvent] = []
        assert await asyncio.wait_for(session.run(agree, events.append, lambda _l: None),
                                      5) is CallPhase.ENDED
        assert [e.ending_in_s for e in events if e.ending_in_s is not None] == [0]
        assert (events[-1].phase, events[-1].reason) == (CallPhase.ENDED, EndReason.TIME_UP)


def test_the_shared_screen_stays_under_its_bitrate_cap() -> None:
    before = (vpx.MAX_BITRATE, vpx.DEFAULT_BITRATE)
    try:
        cap_video_bitrate(400_000)
        encoder = vpx.Vp8Encoder()
        assert encoder.target_bitrate <= 400_000
        encoder.target_bitrate = 5_000_000  # what a generous receiver would allow
        assert encoder.target_bitrate == 400_000
    finally:
        vpx.MAX_BITRATE, vpx.DEFAULT_BITRATE = before


def test_a_fingerprint_is_a_whole_attribute() -> None:
    assert has_fingerprint("v=0\r\na=fingerprint:sha-256 AB:CD\r\n")
    assert not has_fingerprint("v=0\r\na=fingerprint:\r\n")
    assert not has_fingerprint("v=0\r\na=setup:active\r\n")

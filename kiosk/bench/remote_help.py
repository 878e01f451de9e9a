"""远程帮办 on loopback: how long from the citizen's 接听 to the first picture of the kiosk's
screen decoded at the staff's end, the CPU a call takes, and how soon 挂断 stops the media.

Both ends run here in one process: the kiosk's `VideoCall` (a 1280×720 screen at 8 pictures a
second and the tone microphone, as configured by default for the simulation) and the console's
part played by `kiosk.sim.staff_peer` (aiortc, where the real console is a browser). The time
counts the request, the staff member taking it at once, the offer and answer through the
simulated backend, ICE and DTLS, and the first VP8 picture decoded. The CPU figure counts both
ends (the staff's decoding included), so it is an upper bound for the kiosk alone; the Qt grab
of the screen is not in it (the picture is a still array).
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import psutil

from kiosk.bench.budgets import figure, runs
from kiosk.services.call_events import CallEvent, StaffOnCall
from kiosk.services.gateway import GatewayClient
from kiosk.services.latest_frame import LatestFrame
from kiosk.services.remote_help import RemoteHelp
from kiosk.services.video_call import VideoCall
from kiosk.sim.backend import BackendServer
from kiosk.sim.staff_peer import StaffPeer, bearer

SIZE = (1280, 720)


def _screen_like() -> np.ndarray[Any, Any]:
    """A still picture shaped like a kiosk screen: a light page, a blue title bar, rows of
    buttons and a band of fine detail (text-like), so the encoder has real work to do."""
    w, h = SIZE
    page = np.full((h, w, 3), (243, 246, 250), dtype=np.uint8)
    page[:80] = (11, 79, 156)
    for row in range(4):
        for col in range(3):
            y, x = 200 + row * 110, 620 + col * 180
            page[y:y + 90, x:x + 160] = (226, 232, 240)
    page[200:290, 40:560] = (255, 255, 255)
    noise = np.random.default_rng(7).integers(0, 2, (40, w // 2), dtype=np.uint8) * 200
    page[640:680, : w // 2] = noise[..., None]
    return page


async def _one_call(server: BackendServer, hold_s: float) -> tuple[float, float, float]:
    """(seconds from the citizen's 接听 to the first picture at the staff's end, CPU % over
    `hold_s` of the call, milliseconds from 挂断 to the kiosk's media stopped)."""
    files = server.kiosk_files(Path(tempfile.mkdtemp(prefix="bench-call-")), "BENCH-CALL")
    gateway = GatewayClient(server.url, "BENCH-CALL", ca_bundle=files.ca,
                            client_cert=files.cert, client_key=files.key)
    frames = LatestFrame()
    token = server.staff_token("wangfang")
    try:
        async with server.async_client() as client:
            created = await gateway.request_help("field", None, "video", 0)
            await client.post(f"/v1/help/requests/{created.id}/accept", headers=bearer(token))
            consent_at: list[float] = []

            async def press_accept(_staff: StaffOnCall, _timeout_s: float) -> bool:
                consent_at.append(time.monotonic())
                return True

            def make_video() -> VideoCall:
                call = VideoCall(gateway, created.id, frames, fps=8, size=SIZE, connect_s=10)
                return call

            session = RemoteHelp(gateway, created.id, "video", StaffOnCall("王芳", "3号窗口"),
                                 consent_s=30, max_call_s=600, make_video=make_video)
            events: list[CallEvent] = []
            running = asyncio.ensure_future(session.run(press_accept, events.append,
                                                        lambda _line: None))
            staff = StaffPeer(server.url, created.id, token)
            try:
                await staff.answer(client)
                frames.put(_screen_like())  # the front end's first grab
                for _ in range(400):
                    if staff.first_frame_at is not None:
                        break
                    await asyncio.sleep(0.01)
                if staff.first_frame_at is None or not consent_at:
                    raise RuntimeError("no picture reached the staff's end")
                connect_s = staff.first_frame_at - consent_at[0]
                proc = psutil.Process()
                before, wall = proc.cpu_times(), time.perf_counter()
                await asyncio.sleep(hold_s)
                after = proc.cpu_times()
                cpu = (after.user + after.system - before.user - before.system) \
                    / (time.perf_counter() - wall) * 100
                pressed = time.monotonic()
                session.hang_up()
                await asyncio.wait_for(running, 10)
                assert session.video is not None
                assert session.video.media_stopped_at is not None
                hangup_ms = (session.video.media_stopped_at - pressed) * 1000
                return connect_s, cpu, hangup_ms
            finally:
                running.cancel()
                await staff.close()
    finally:
        await gateway.aclose()
        shutil.rmtree(files.ca.parent, ignore_errors=True)


def _calls(n: int, hold_s: float) -> list[tuple[float, float, float]]:
    server = BackendServer()
    server.start()
    try:
        return [asyncio.run(_one_call(server, hold_s)) for _ in range(n)]
    finally:
        server.stop()


def remote_help_connect_s() -> dict[str, Any]:
    results = _calls(runs(5), 0.5)
    return figure("remote_help_connect_s", [c for c, _, _ in results])


def remote_help_cpu_pct() -> dict[str, Any]:
    results = _calls(runs(2), 5.0)
    return figure("remote_help_cpu_pct", [round(p, 1) for _, p, _ in results])


def remote_help_hangup_ms() -> dict[str, Any]:
    results = _calls(runs(5), 0.5)
    return figure("remote_help_hangup_ms", [round(h, 1) for _, _, h in results])


FIGURES = {"remote_help_connect_s": remote_help_connect_s,
           "remote_help_cpu_pct": remote_help_cpu_pct,
           "remote_help_hangup_ms": remote_help_hangup_ms}

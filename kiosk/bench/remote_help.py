"""远程帮办 on loopback: how long from a video help request to the first picture of the kiosk's
screen decoded at the staff's end, and the CPU a call takes.

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
import time
from typing import Any

import httpx
import numpy as np
import psutil

from kiosk.bench.budgets import figure, runs
from kiosk.services.gateway import GatewayClient
from kiosk.services.latest_frame import LatestFrame
from kiosk.services.video_call import CallEvent, VideoCall
from kiosk.sim.backend import BackendServer
from kiosk.sim.staff_peer import STAFF, StaffPeer

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


async def _one_call(server: BackendServer, hold_s: float) -> tuple[float, float]:
    """(seconds to the first picture at the staff's end, CPU % over `hold_s` of the call)."""
    gateway = GatewayClient(server.url, "BENCH-CALL")
    frames = LatestFrame()
    frames.put(_screen_like())
    try:
        async with httpx.AsyncClient() as client:
            t0 = time.perf_counter()
            created = await gateway.request_help("field", None, "video", 0)
            await client.post(f"{server.url}/v1/help/requests/{created.id}/accept",
                              headers=STAFF, json={"staff_name": "bench"})
            call = VideoCall(gateway, created.id, frames, fps=8, size=SIZE, connect_s=10)
            events: list[CallEvent] = []
            running = asyncio.ensure_future(call.run(events.append))
            staff = StaffPeer(server.url, created.id)
            try:
                await staff.answer(client)
                for _ in range(400):
                    if staff.first_frame_at is not None:
                        break
                    await asyncio.sleep(0.01)
                if staff.first_frame_at is None:
                    raise RuntimeError("no picture reached the staff's end")
                connect_s = staff.first_frame_at - t0
                proc = psutil.Process()
                before, wall = proc.cpu_times(), time.perf_counter()
                await asyncio.sleep(hold_s)
                after = proc.cpu_times()
                cpu = (after.user + after.system - before.user - before.system) \
                    / (time.perf_counter() - wall) * 100
                call.hang_up()
                await asyncio.wait_for(running, 10)
                return connect_s, cpu
            finally:
                running.cancel()
                await staff.close()
    finally:
        await gateway.aclose()


def _calls(n: int, hold_s: float) -> list[tuple[float, float]]:
    server = BackendServer()
    server.start()
    try:
        return [asyncio.run(_one_call(server, hold_s)) for _ in range(n)]
    finally:
        server.stop()


def remote_help_connect_s() -> dict[str, Any]:
    results = _calls(runs(5), 0.5)
    return figure("remote_help_connect_s", [c for c, _ in results])


def remote_help_cpu_pct() -> dict[str, Any]:
    results = _calls(runs(2), 5.0)
    return figure("remote_help_cpu_pct", [round(p, 1) for _, p in results])


FIGURES = {"remote_help_connect_s": remote_help_connect_s,
           "remote_help_cpu_pct": remote_help_cpu_pct}

"""A staff console without a browser: the hall's side of a 远程帮办 call in Python (aiortc), for
the benchmarks and the integration tests. It does what the console's JavaScript does
(kiosk/sim/staff_console.py): take the kiosk's offer, add its own voice after applying it
(the order that leaves the transceivers sending both ways), answer with every candidate
gathered, watch the kiosk's screen, and point or hang up over the kiosk's data channel."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import httpx
import numpy as np
from aiortc import (
    MediaStreamTrack,
    RTCConfiguration,
    RTCDataChannel,
    RTCPeerConnection,
    RTCSessionDescription,
)

from kiosk.services.video_call import ToneTrack
from kiosk.sim.backend import SIM_STAFF_TOKEN

STAFF = {"X-Staff-Token": SIM_STAFF_TOKEN}


class StaffPeer:
    def __init__(self, base_url: str, request_id: str) -> None:
        self.base_url = base_url
        self.request_id = request_id
        self.pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))
        self.channel: RTCDataChannel | None = None
        self.screen_frames: list[np.ndarray[Any, Any]] = []
        self.first_frame_at: float | None = None  # time.perf_counter() of the first picture
        self._tasks: list[asyncio.Task[None]] = []

        @self.pc.on("datachannel")
        def _channel(channel: RTCDataChannel) -> None:
            self.channel = channel

        @self.pc.on("track")
        def _track(track: MediaStreamTrack) -> None:
            if track.kind == "video":
                self._tasks.append(asyncio.ensure_future(self._watch(track)))

    async def _watch(self, track: MediaStreamTrack) -> None:
        while True:
            frame = await track.recv()
            if self.first_frame_at is None:
                self.first_frame_at = time.perf_counter()
            self.screen_frames.append(frame.to_ndarray(format="rgb24"))  # type: ignore[union-attr]
            del self.screen_frames[:-5]  # the newest few are enough

    async def answer(self, client: httpx.AsyncClient, timeout_s: float = 10.0) -> None:
        url = f"{self.base_url}/v1/help/requests/{self.request_id}/call"
        deadline = time.monotonic() + timeout_s
        while True:
            call = (await client.get(url)).json()
            if call.get("offer"):
                break
            if time.monotonic() > deadline:
                raise TimeoutError("the kiosk sent no offer")
            await asyncio.sleep(0.02)
        await self.pc.setRemoteDescription(RTCSessionDescription(**call["offer"]))
        self.pc.addTrack(ToneTrack())  # the staff member's voice
        await self.pc.setLocalDescription(await self.pc.createAnswer())
        r = await client.put(f"{url}/answer", headers=STAFF,
                             json={"type": "answer", "sdp": self.pc.localDescription.sdp})
        r.raise_for_status()

    def send(self, message: dict[str, Any]) -> None:
        if self.channel is None or self.channel.readyState != "open":
            raise RuntimeError("the kiosk's data channel is not open")
        self.channel.send(json.dumps(message))

    async def close(self) -> None:
        for t in self._tasks:
            t.cancel()
        await self.pc.close()

"""A staff console without a browser: the hall's side of a 远程帮办 call in Python (aiortc), for
the benchmarks and the integration tests. It does what the console's JavaScript does
(kiosk/sim/staff_console.py): take the kiosk's offer, add its own voice after applying it
(the order that leaves the transceivers sending both ways), answer with every candidate
gathered, watch the kiosk's screen, and point or hang up over the kiosk's data channel. It acts
as one signed-in staff member: its calls carry that member's bearer credential."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
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


def bearer(token: str) -> dict[str, str]:
    """The header a signed-in staff member's calls carry."""
    return {"Authorization": f"Bearer {token}"}


class StaffPeer:
    def __init__(self, base_url: str, request_id: str, token: str) -> None:
        self.base_url = base_url
        self.request_id = request_id
        self.headers = bearer(token)
        self.pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))
        self.channel: RTCDataChannel | None = None
        self.screen_frames: list[np.ndarray[Any, Any]] = []
        self.first_frame_at: float | None = None  # time.monotonic() of the first picture
        self.last_frame_at: float | None = None  # ... and of the newest
        self._tasks: list[asyncio.Task[None]] = []
        self.voice: ToneTrack | None = None

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
            self.last_frame_at = time.monotonic()
            if self.first_frame_at is None:
                self.first_frame_at = self.last_frame_at
            self.screen_frames.append(frame.to_ndarray(format="rgb24"))  # type: ignore[union-attr]
            del self.screen_frames[:-5]  # the newest few are enough

    async def answer(self, client: httpx.AsyncClient, timeout_s: float = 10.0,
                     tamper: Callable[[str], str] | None = None) -> None:
        """Answer the kiosk's offer (`tamper`: what a broken or hostile console would change
        in the answer, for tests)."""
        url = f"{self.base_url}/v1/help/requests/{self.request_id}/call"
        deadline = time.monotonic() + timeout_s
        while True:
            call = (await client.get(url, headers=self.headers)).json()
            if call.get("offer"):
                break
            if time.monotonic() > deadline:
                raise TimeoutError("the kiosk sent no offer")
            await asyncio.sleep(0.02)
        await self.pc.setRemoteDescription(RTCSessionDescription(**call["offer"]))
        self.voice = ToneTrack()
        self.pc.addTrack(self.voice)  # the staff member's voice
        await self.pc.setLocalDescription(await self.pc.createAnswer())
        sdp = self.pc.localDescription.sdp
        r = await client.put(f"{url}/answer", headers=self.headers,
                             json={"type": "answer", "sdp": tamper(sdp) if tamper else sdp})
        r.raise_for_status()

    def send(self, message: dict[str, Any]) -> None:
        if self.channel is None or self.channel.readyState != "open":
            raise RuntimeError("the kiosk's data channel is not open")
        self.channel.send(json.dumps(message))

    async def close(self) -> None:
        for t in self._tasks:
            t.cancel()
        await self.pc.close()

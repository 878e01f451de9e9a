"""远程帮办: the video call with a staff member, without Qt (WebRTC through aiortc).

The kiosk makes the offer once a staff member has taken its video help request: its **screen**
(frames handed in by the front end, personal fields already masked) and its microphone go out;
the staff member's camera and voice come in, and a data channel carries the staff member's
pointer ("look here") and the hang-up. Signaling goes through the gateway's help request
(`/v1/help/requests/{id}/call`), whole session descriptions, polled; media go peer to peer.

Nothing of the call is recorded: frames pass through memory, the log has the call's start and
end with event ids and no content. The kiosk's camera is not sent: the staff member sees the
screen and hears the citizen, which is what guiding a form needs, and a face is personal data
the call does not need.
"""

from __future__ import annotations

import asyncio
import contextlib
import fractions
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import av
import numpy as np
from aiortc import (
    MediaStreamTrack,
    RTCConfiguration,
    RTCDataChannel,
    RTCPeerConnection,
    RTCSessionDescription,
)
from aiortc.contrib.media import MediaPlayer, MediaRecorder

from kiosk.domain.errors import Advice, KioskError
from kiosk.events import EventId
from kiosk.logging import get_logger
from kiosk.services.errors import GatewayError
from kiosk.services.gateway import GatewayClient
from kiosk.services.latest_frame import LatestFrame

log = get_logger(__name__)

VIDEO_CLOCK = 90_000
AUDIO_RATE = 48_000


class NoMicrophone(KioskError):
    """The configured microphone gave no audio: the call is not made (the citizen is sent
    to the counter, as when no one answers)."""

    code = "no_microphone"
    advice = Advice.CALL_STAFF


class CallPhase(StrEnum):
    CONNECTING = "connecting"  # offer sent, waiting for the console's answer
    LIVE = "live"  # media flowing
    ENDED = "ended"  # either side hung up, or the connection was lost
    FAILED = "failed"  # the call could not be set up (no answer in time, gateway down)


@dataclass(frozen=True)
class CallEvent:
    phase: CallPhase
    pointer: tuple[float, float] | None = None  # the staff member pointed: (x, y) in 0..1


class ScreenTrack(MediaStreamTrack):
    """The kiosk's screen as a video track, at `fps`: the newest frame the front end put in
    `frames` (RGB, even width and height), or grey until the first one."""

    kind = "video"

    def __init__(self, frames: LatestFrame, fps: float, size: tuple[int, int]) -> None:
        super().__init__()
        self.frames = frames
        self.step = int(VIDEO_CLOCK / fps)
        self.size = size
        self._start: float | None = None
        self._pts = 0

    async def recv(self) -> av.VideoFrame:
        if self._start is None:
            self._start = time.monotonic()
        else:
            self._pts += self.step
            wait = self._start + self._pts / VIDEO_CLOCK - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
        picture = self.frames.take()
        if picture is None:
            w, h = self.size
            picture = np.full((h, w, 3), 96, dtype=np.uint8)
        frame = av.VideoFrame.from_ndarray(picture, format="rgb24")
        frame.pts = self._pts
        frame.time_base = fractions.Fraction(1, VIDEO_CLOCK)
        return frame


class ToneTrack(MediaStreamTrack):
    """A quiet 440 Hz tone in 20 ms frames: the simulated microphone (demo and tests)."""

    kind = "audio"

    def __init__(self) -> None:
        super().__init__()
        self._start: float | None = None
        self._at = 0

    async def recv(self) -> av.AudioFrame:
        samples = AUDIO_RATE // 50
        if self._start is None:
            self._start = time.monotonic()
        else:
            self._at += samples
            wait = self._start + self._at / AUDIO_RATE - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
        t = (np.arange(samples) + self._at) / AUDIO_RATE
        data = (np.sin(2 * np.pi * 440 * t) * 2000).astype(np.int16).reshape(1, -1)
        frame = av.AudioFrame.from_ndarray(data, format="s16", layout="mono")
        frame.sample_rate = AUDIO_RATE
        frame.pts = self._at
        frame.time_base = fractions.Fraction(1, AUDIO_RATE)
        return frame


def microphone(source: str) -> MediaStreamTrack:
    """"tone" (simulated), or "alsa:DEVICE" (through ALSA; on a PulseAudio/PipeWire system
    "alsa:default" reaches the sound server)."""
    if source == "tone":
        return ToneTrack()
    kind, _, device = source.partition(":")
    try:
        player = MediaPlayer(device or "default", format=kind, options={"channels": "1"})
    except (OSError, ValueError, av.error.FFmpegError) as exc:  # no such device, no driver
        raise NoMicrophone(f"{source}: {type(exc).__name__}") from None
    if player.audio is None:
        raise NoMicrophone(f"no audio from {source}")
    return player.audio


def speaker_for(sink: str) -> MediaRecorder | None:
    """Where the staff member's voice is played: None for "none", or when the device cannot
    be opened (said in the log; the call goes on — the pointer and the screen still guide)."""
    if sink == "none":
        return None
    kind, _, device = sink.partition(":")
    try:
        return MediaRecorder(device or "default", format=kind)
    except (OSError, ValueError, av.error.FFmpegError) as exc:
        log.warning("help call speaker unavailable", event_id=EventId.HELP_CALL_STARTED,
                    sink=sink, error=type(exc).__name__)
        return None


class VideoCall:
    """One call for one accepted video help request. `run` sets it up and returns when it
    ends; `hang_up` (any time) ends it from the kiosk's side; cancelling `run` hangs up too."""

    def __init__(self, gateway: GatewayClient, request_id: str, frames: LatestFrame, *,
                 fps: float = 8.0, size: tuple[int, int] = (1280, 720),
                 microphone_source: str = "tone", speaker: str = "none",
                 connect_s: float = 20.0, poll_s: float = 0.25,
                 on_staff_frame: Callable[[np.ndarray[Any, Any]], None] | None = None) -> None:
        self.gateway = gateway
        self.request_id = request_id
        self.frames = frames
        self.fps = fps
        self.size = size
        self.microphone_source = microphone_source
        self.speaker = speaker
        self.connect_s = connect_s
        self.poll_s = poll_s
        self.on_staff_frame = on_staff_frame
        self.pc: RTCPeerConnection | None = None
        self.audio_frames_heard = 0  # the staff member's voice, frames received
        self._channel: RTCDataChannel | None = None
        self._ended = asyncio.Event()
        self._hung_up_here = False
        self._sinks: list[asyncio.Task[None]] = []

    async def run(self, on_event: Callable[[CallEvent], None]) -> CallPhase:
        pc = self.pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))  # no outside STUN
        tracks: list[MediaStreamTrack] = [ScreenTrack(self.frames, self.fps, self.size)]
        recorder: MediaRecorder | None = None
        outcome = CallPhase.FAILED
        try:
            tracks.append(microphone(self.microphone_source))
            for track in tracks:
                pc.addTrack(track)
            self._channel = pc.createDataChannel("staff")
            self._channel.on("message", lambda m: self._message(m, on_event))

            recorder = speaker_for(self.speaker)  # the staff member's voice out of the kiosk

            @pc.on("track")
            def _track(track: MediaStreamTrack) -> None:
                if track.kind == "audio" and recorder is not None:
                    recorder.addTrack(track)
                    self._sinks.append(asyncio.ensure_future(self._play(recorder)))
                else:
                    self._sinks.append(asyncio.ensure_future(self._sink(track)))

            @pc.on("connectionstatechange")
            def _state() -> None:
                if pc.connectionState in ("failed", "closed"):
                    self._ended.set()

            on_event(CallEvent(CallPhase.CONNECTING))
            await pc.setLocalDescription(await pc.createOffer())  # candidates gathered
            await self.gateway.offer_help_call(self.request_id, pc.localDescription.sdp)
            answer = await self._answer()
            if answer is None:
                return outcome
            try:
                await pc.setRemoteDescription(RTCSessionDescription(answer, "answer"))
            except ValueError:  # a console's answer that is not a session description
                log.warning("help call answer unusable", event_id=EventId.HELP_CALL_ENDED,
                            request=self.request_id)
                return outcome
            log.info("help call live", event_id=EventId.HELP_CALL_STARTED,
                     request=self.request_id)
            outcome = CallPhase.LIVE
            on_event(CallEvent(CallPhase.LIVE))
            await self._until_ended()
            outcome = CallPhase.ENDED
            return outcome
        except (GatewayError, NoMicrophone) as exc:
            log.warning("help call failed", event_id=EventId.HELP_CALL_ENDED,
                        request=self.request_id, error_code=exc.code)
            return outcome
        finally:
            await self._close(recorder)
            log.info("help call ended", event_id=EventId.HELP_CALL_ENDED,
                     request=self.request_id, hung_up_here=self._hung_up_here)
            on_event(CallEvent(CallPhase.ENDED if outcome is not CallPhase.FAILED
                               else CallPhase.FAILED))

    async def _answer(self) -> str | None:
        deadline = time.monotonic() + self.connect_s
        while time.monotonic() < deadline and not self._ended.is_set():
            call = await self.gateway.help_call(self.request_id)
            if call.status != "accepted":
                return None
            if call.answer is not None:
                return call.answer.sdp
            await asyncio.sleep(self.poll_s)
        return None

    async def _until_ended(self) -> None:
        """Live until either side hangs up: the data channel's "bye", the request's status,
        or a lost connection."""
        while not self._ended.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._ended.wait(), 1.0)
            if self._ended.is_set():
                break
            with contextlib.suppress(GatewayError):
                if (await self.gateway.help_call(self.request_id)).status != "accepted":
                    break

    def _message(self, message: object, on_event: Callable[[CallEvent], None]) -> None:
        try:
            data = json.loads(message) if isinstance(message, str) else {}
        except ValueError:
            return
        if not isinstance(data, dict):
            return
        if data.get("type") == "bye":
            self._ended.set()
        elif data.get("type") == "point":
            x, y = data.get("x"), data.get("y")
            if isinstance(x, int | float) and isinstance(y, int | float) \
                    and 0 <= x <= 1 and 0 <= y <= 1:
                on_event(CallEvent(CallPhase.LIVE, pointer=(float(x), float(y))))

    async def _play(self, recorder: MediaRecorder) -> None:
        try:
            await recorder.start()
        except (OSError, ValueError, av.error.FFmpegError) as exc:  # the sound card went away
            log.warning("help call speaker unavailable", event_id=EventId.HELP_CALL_STARTED,
                        sink=self.speaker, error=type(exc).__name__)

    async def _sink(self, track: MediaStreamTrack) -> None:
        """The staff member's camera to the front end (about 10 pictures a second), their
        voice counted (a configured speaker plays it instead)."""
        shown = 0.0
        with contextlib.suppress(Exception):  # the track ends with the call
            while True:
                frame = await track.recv()
                if track.kind == "audio":
                    self.audio_frames_heard += 1
                elif isinstance(frame, av.VideoFrame) and self.on_staff_frame is not None \
                        and time.monotonic() - shown > 0.1:
                    shown = time.monotonic()
                    self.on_staff_frame(frame.to_ndarray(format="rgb24"))

    def hang_up(self) -> None:
        """The citizen pressed 挂断 (call from the core loop)."""
        self._hung_up_here = True
        if self._channel is not None and self._channel.readyState == "open":
            self._channel.send(json.dumps({"type": "bye"}))
        self._ended.set()

    async def received_packets(self) -> dict[str, int]:
        """RTP packets received per media kind (RTCStats inbound-rtp; aiortc counts packets,
        not bytes), for tests and benchmarks."""
        out: dict[str, int] = {}
        if self.pc is None:
            return out
        for stat in (await self.pc.getStats()).values():
            if getattr(stat, "type", "") == "inbound-rtp":
                out[stat.kind] = out.get(stat.kind, 0) + int(stat.packetsReceived)
        return out

    async def _close(self, recorder: MediaRecorder | None) -> None:
        self._ended.set()
        with contextlib.suppress(GatewayError):
            await self.gateway.hang_up_help_call(self.request_id)
        for task in self._sinks:
            task.cancel()
        if recorder is not None:
            with contextlib.suppress(Exception):
                await recorder.stop()
        if self.pc is not None:
            await self.pc.close()

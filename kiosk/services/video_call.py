"""远程帮办: the video call with a staff member, without Qt (WebRTC through aiortc).

The kiosk makes the offer once a staff member has taken its video help request and the citizen
has accepted the call (kiosk/services/remote_help.py): its **screen** (frames handed in by the
front end, covered except what is public) and its microphone go out; the staff member's
**voice** comes in, and a data channel carries their pointer ("look here") and the hang-up.
Signaling goes through the gateway's help request (`/v1/help/requests/{id}/call`), whole
session descriptions, polled; media go peer to peer.

What the kiosk does not take in: the staff member's video. The offer's video is send-only, so
no picture from outside is decoded inside the process that holds the citizen's data and the
kiosk's keys (libvpx has been exploited through WebRTC before; browsers sandbox their
decoders, this process has no such sandbox). The staff member's name and counter, from the
hall's directory, stand where their picture would be. Their voice is decoded here (Opus).

The call is bounded: live only once the connection is `connected` (within `connect_s`, an
answer without a DTLS fingerprint refused at once); ended when nothing arrives from the staff
member's side for `idle_end_s`; the picture's bitrate capped. Hanging up stops the media at
once; the hall is told afterwards, in the background.

Nothing of the call is recorded: frames pass through memory, the log has the call's start and
end with event ids and no content. The kiosk's camera is not sent.
"""

from __future__ import annotations

import asyncio
import contextlib
import fractions
import json
import time
from collections.abc import Callable

import av
import numpy as np
from aiortc import (
    MediaStreamTrack,
    RTCConfiguration,
    RTCDataChannel,
    RTCPeerConnection,
    RTCRtpSender,
    RTCSessionDescription,
)
from aiortc.codecs import vpx
from aiortc.contrib.media import MediaPlayer, MediaRecorder
from aiortc.mediastreams import MediaStreamError

from kiosk.domain.errors import Advice, KioskError
from kiosk.events import EventId
from kiosk.logging import get_logger
from kiosk.services.call_events import CallEvent, CallPhase, EndReason
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


def cap_video_bitrate(bps: int) -> None:
    """The most the screen's VP8 stream may use: aiortc adapts its encoder to what the
    receiver reports, within bounds of its own module; the kiosk narrows the upper bound (the
    hall's network carries other kiosks' calls too)."""
    vpx.MAX_BITRATE = max(vpx.MIN_BITRATE, bps)
    vpx.DEFAULT_BITRATE = min(vpx.DEFAULT_BITRATE, vpx.MAX_BITRATE)


def video_sent_only(answer: str) -> bool:
    """Whether the answer keeps the screen one-way: every video section `recvonly` (the
    console receives) or `inactive`. An answer that declares `sendrecv` or `sendonly` for video
    would turn the kiosk's video receiver on and have it decode pictures from outside."""
    sections = answer.replace("\r\n", "\n").split("\nm=")
    for section in sections[1:]:
        if not section.startswith("video"):
            continue
        lines = section.split("\n")
        if not ({"a=recvonly", "a=inactive"} & {line.strip() for line in lines}):
            return False
    return True


def has_fingerprint(sdp: str) -> bool:
    """Whether a session description names its DTLS certificate (RFC 8122 a=fingerprint):
    without it the media cannot be authenticated and the connection never completes."""
    return any(line.startswith("a=fingerprint:") and len(line.split()) == 2
               for line in sdp.splitlines())


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
        if self.readyState != "live":
            raise MediaStreamError  # stopped: the sender stops at once
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
        if self.readyState != "live":
            raise MediaStreamError
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
    ends; `hang_up` (any time, on the core loop) ends it from the kiosk's side at once;
    cancelling `run` hangs up too."""

    def __init__(self, gateway: GatewayClient, request_id: str, frames: LatestFrame, *,
                 fps: float = 8.0, size: tuple[int, int] = (1280, 720),
                 microphone_source: str = "tone", speaker: str = "none",
                 connect_s: float = 20.0, poll_s: float = 0.25, idle_end_s: float = 30.0,
                 max_bitrate_bps: int = 1_000_000) -> None:
        self.gateway = gateway
        self.request_id = request_id
        self.frames = frames
        self.fps = fps
        self.size = size
        self.microphone_source = microphone_source
        self.speaker = speaker
        self.connect_s = connect_s
        self.poll_s = poll_s
        self.idle_end_s = idle_end_s
        cap_video_bitrate(max_bitrate_bps)
        self.pc: RTCPeerConnection | None = None
        self.audio_frames_heard = 0  # the staff member's voice, frames received
        self.media_stopped_at: float | None = None  # time.monotonic() when media stopped
        self.hall_told: asyncio.Task[None] | None = None  # the hang-up sent to the hall
        self._channel: RTCDataChannel | None = None
        self._tracks: list[MediaStreamTrack] = []
        self._recorder: MediaRecorder | None = None
        self._ended = asyncio.Event()
        self._reason: EndReason | None = None
        self._closed = False
        self._sinks: list[asyncio.Task[None]] = []

    async def run(self, on_event: Callable[[CallEvent], None]) -> CallPhase:
        # the screen slot starts empty: grey until this call's own first grab, never the last
        # picture of an earlier call
        self.frames.clear()
        pc = self.pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))  # no outside STUN
        outcome = CallPhase.FAILED
        try:
            mic = microphone(self.microphone_source)
            screen = ScreenTrack(self.frames, self.fps, self.size)
            self._tracks = [screen, mic]
            video = pc.addTransceiver(screen, direction="sendonly")  # no picture comes in
            # VP8 only: the bitrate cap holds for it (aiortc's H264 has limits of its own)
            video.setCodecPreferences([c for c in RTCRtpSender.getCapabilities("video").codecs
                                       if c.mimeType in ("video/VP8", "video/rtx")])
            pc.addTransceiver(mic, direction="sendrecv")  # the staff member's voice does
            self._channel = pc.createDataChannel("staff")
            self._channel.on("message", lambda m: self._message(m, on_event))
            self._recorder = speaker_for(self.speaker)

            @pc.on("track")
            def _track(track: MediaStreamTrack) -> None:
                if track.kind != "audio":
                    return  # (a send-only offer gets none; nothing else is decoded)
                if self._recorder is not None:
                    self._recorder.addTrack(track)
                    self._sinks.append(asyncio.ensure_future(self._play(self._recorder)))
                else:
                    self._sinks.append(asyncio.ensure_future(self._count(track)))

            @pc.on("connectionstatechange")
            def _state() -> None:
                if pc.connectionState in ("failed", "closed"):
                    self._end(EndReason.NOT_CONNECTED if outcome is not CallPhase.LIVE
                              else EndReason.NO_MEDIA)

            on_event(CallEvent(CallPhase.CONNECTING))
            deadline = time.monotonic() + self.connect_s
            await pc.setLocalDescription(await pc.createOffer())  # candidates gathered
            await self.gateway.offer_help_call(self.request_id, pc.localDescription.sdp)
            answer = await self._answer(deadline)
            if answer is None:
                return outcome
            if not has_fingerprint(answer) or not video_sent_only(answer):
                self._end(EndReason.UNUSABLE_ANSWER)
                log.warning("help call answer refused (no DTLS fingerprint, or video sent "
                            "to the kiosk)", event_id=EventId.HELP_CALL_ENDED,
                            request=self.request_id)
                return outcome
            try:
                await pc.setRemoteDescription(RTCSessionDescription(answer, "answer"))
            except Exception:  # an answer aiortc cannot take, whatever it raises
                self._end(EndReason.UNUSABLE_ANSWER)
                log.warning("help call answer unusable", event_id=EventId.HELP_CALL_ENDED,
                            request=self.request_id)
                return outcome
            if video.currentDirection not in ("sendonly", "inactive"):
                self._end(EndReason.UNUSABLE_ANSWER)  # (checked above; this holds it)
                return outcome
            if not await self._connected(deadline):
                self._end(EndReason.NOT_CONNECTED)
                log.warning("help call never connected", event_id=EventId.HELP_CALL_ENDED,
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
            self._end(EndReason.NO_MICROPHONE if isinstance(exc, NoMicrophone)
                      else EndReason.GATEWAY)
            log.warning("help call failed", event_id=EventId.HELP_CALL_ENDED,
                        request=self.request_id, error_code=exc.code)
            return outcome
        finally:
            if self._reason is None:
                self._end(EndReason.KIOSK)  # cancelled: the citizen left
            await self._stop_media()
            log.info("help call ended", event_id=EventId.HELP_CALL_ENDED,
                     request=self.request_id, reason=str(self._reason))
            # the hall is told after the media stopped, in the background: a slow gateway
            # never keeps the microphone open (told even when the staff member hung up: their
            # console may have said only "bye"; hanging up twice is harmless)
            self.hall_told = asyncio.ensure_future(self._tell_hall())
            on_event(CallEvent(CallPhase.ENDED if outcome is not CallPhase.FAILED
                               else CallPhase.FAILED, reason=self._reason))

    @property
    def reason(self) -> EndReason | None:
        return self._reason

    def _end(self, reason: EndReason) -> None:
        if self._reason is None:
            self._reason = reason
        self._ended.set()

    async def _answer(self, deadline: float) -> str | None:
        while time.monotonic() < deadline and not self._ended.is_set():
            call = await self.gateway.help_call(self.request_id)
            if call.status != "accepted":
                self._end(EndReason.STAFF)
                return None
            if call.answer is not None:
                return call.answer.sdp
            await self._wait_ended(self.poll_s)
        if not self._ended.is_set():
            self._end(EndReason.NOT_CONNECTED)
        return None

    async def _connected(self, deadline: float) -> bool:
        """Whether ICE and DTLS complete before `deadline` (and before anyone hangs up)."""
        assert self.pc is not None
        while self.pc.connectionState != "connected":
            if self._ended.is_set() or time.monotonic() >= deadline:
                return False
            await self._wait_ended(0.02)
        return True

    async def _wait_ended(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._ended.wait(), seconds)

    async def _until_ended(self) -> None:
        """Live until either side hangs up (the data channel's "bye", the request's status),
        the connection is lost, or nothing comes from the staff member's side for
        `idle_end_s`."""
        heard, heard_at = -1, time.monotonic()
        while not self._ended.is_set():
            await self._wait_ended(1.0)
            if self._ended.is_set():
                break
            now = sum((await self.received_packets()).values())
            if now != heard:
                heard, heard_at = now, time.monotonic()
            elif time.monotonic() - heard_at >= self.idle_end_s:
                self._end(EndReason.NO_MEDIA)
                break
            with contextlib.suppress(GatewayError):
                if (await self.gateway.help_call(self.request_id)).status != "accepted":
                    self._end(EndReason.STAFF)

    def _message(self, message: object, on_event: Callable[[CallEvent], None]) -> None:
        try:
            data = json.loads(message) if isinstance(message, str) and len(message) < 512 \
                else {}
        except ValueError:
            return
        if not isinstance(data, dict):
            return
        if data.get("type") == "bye":
            self._end(EndReason.STAFF)
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

    async def _count(self, track: MediaStreamTrack) -> None:
        """The staff member's voice, received and counted (no speaker configured)."""
        with contextlib.suppress(Exception):  # the track ends with the call
            while True:
                await track.recv()
                self.audio_frames_heard += 1

    def hang_up(self) -> None:
        """The citizen pressed 挂断 (call on the core loop): the microphone and the screen stop
        now, the connection closes now; the hall is told after."""
        self.end(EndReason.KIOSK)

    def end(self, reason: EndReason) -> None:
        """End the call from the kiosk's side for `reason` (hang-up, time up): the staff
        member's console hears "bye", the media stop at once."""
        if self._channel is not None and self._channel.readyState == "open":
            with contextlib.suppress(Exception):
                self._channel.send(json.dumps({"type": "bye"}))
        for track in self._tracks:
            track.stop()
        self._end(reason)

    async def received_packets(self) -> dict[str, int]:
        """RTP packets received per media kind (RTCStats inbound-rtp; aiortc counts packets,
        not bytes), for the idle end, tests and benchmarks."""
        out: dict[str, int] = {}
        if self.pc is None or self._closed:
            return out
        for stat in (await self.pc.getStats()).values():
            if getattr(stat, "type", "") == "inbound-rtp":
                out[stat.kind] = out.get(stat.kind, 0) + int(stat.packetsReceived)
        return out

    async def _stop_media(self) -> None:
        self._ended.set()
        for track in self._tracks:
            track.stop()
        for task in self._sinks:
            task.cancel()
        if self.pc is not None and not self._closed:
            self._closed = True
            await self.pc.close()
        self.media_stopped_at = time.monotonic()
        self.frames.clear()  # no picture of this call stays for the next
        if self._recorder is not None:
            with contextlib.suppress(Exception):
                await self._recorder.stop()

    async def _tell_hall(self) -> None:
        with contextlib.suppress(GatewayError):
            await self.gateway.hang_up_help_call(self.request_id)

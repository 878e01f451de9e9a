"""What a 远程帮办 session tells the front end, without loading the WebRTC stack: its phases,
the staff member on it, and the events (the staff member pointed, the call will end soon)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class CallPhase(StrEnum):
    ASKING = "asking"  # a staff member took the request: the citizen is asked 接听 / 拒绝
    DECLINED = "declined"  # the citizen declined, or let the question run out: nothing sent
    CONNECTING = "connecting"  # accepted: offer sent, waiting for the connection
    LIVE = "live"  # connected: media flowing
    TEXT = "text"  # a text-only session (文字交流) is open
    ENDED = "ended"  # either side hung up, the time was up, or the media stopped
    FAILED = "failed"  # the call could not be set up (no answer, no connection, gateway down)


class EndReason(StrEnum):
    KIOSK = "kiosk"  # the citizen hung up (or left)
    STAFF = "staff"  # the staff member hung up
    TIME_UP = "time_up"  # the longest call the kiosk allows
    NO_MEDIA = "no_media"  # nothing came from the staff member's side for too long
    NOT_CONNECTED = "not_connected"  # never connected within the deadline
    UNUSABLE_ANSWER = "unusable_answer"  # the answer was no usable session description
    GATEWAY = "gateway"  # the hall could not be reached
    NO_MICROPHONE = "no_microphone"


@dataclass(frozen=True)
class StaffOnCall:
    """Who took the request, as the hall's staff directory names them (never what a caller
    typed); shown as plain text."""

    name: str
    counter: str


@dataclass(frozen=True)
class CallEvent:
    phase: CallPhase
    pointer: tuple[float, float] | None = None  # the staff member pointed: (x, y) in 0..1
    ending_in_s: int | None = None  # the call ends by itself in this many seconds
    reason: EndReason | None = None  # why an ended or failed call ended

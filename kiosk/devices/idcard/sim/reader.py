"""The ID card reader simulator: a pty that answers SAM frames byte-exactly, with a deck of
sample cards and scriptable faults. The kiosk reads it through the same `SamReader` (pyserial)
as a real reader: there is no second code path.

Pacing: with `pace` on, the simulator waits the wire time of each command it receives and
sends its answer at the configured baud rate (10 bits a byte), so timings are those of a real
serial link. Faults (`inject`):
- lift_mid_read: the next read answer stops after `at` bytes and the card leaves the reader;
- bad_checksum: the next answer's checksum byte is wrong;
- sam_error: the next answer carries SW3 `code` (default 60, SAM self-test failed);
- read_failed: the next read answers SW3 `code` (default 41) with the card left in place;
- slow: the next answer comes `delay_s` late;
- noise: the next answer is preceded by `size` bytes of line noise (partial preambles too);
- silent: the next command gets no answer at all.
Each fault applies `times` times (default 1).
"""

from __future__ import annotations

import random
import threading
import time
from collections import deque
from dataclasses import dataclass, field

from kiosk.devices.idcard.sam_frame import (
    PREAMBLE,
    BadFrame,
    Command,
    FrameReader,
    Sw3,
    encode_response,
)
from kiosk.devices.idcard.sim.card import SampleCard
from kiosk.devices.idcard.text_block import encode_text_block
from kiosk.devices.pty_link import PtyLink
from kiosk.events import EventId
from kiosk.logging import get_logger

log = get_logger(__name__)

FAULTS = ("lift_mid_read", "bad_checksum", "sam_error", "read_failed", "slow", "noise",
          "silent", "cut_character")
# cut_character: the name field ends in half a surrogate pair, as on a card whose issuer cut a
# rare character (beyond the BMP) at the field's end
SAM_ID = bytes.fromhex("0501000020261123000000010000002A")


@dataclass
class _Fault:
    kind: str
    times: int
    params: dict[str, float | int] = field(default_factory=dict)


class SamReaderSimulator:
    def __init__(self, deck: tuple[SampleCard, ...], *, baud: int = 115200,
                 pace: bool = True, seed: int = 7) -> None:
        self.deck = {c.card_id: c for c in deck}
        self.baud = baud
        self.pace = pace
        self.card: SampleCard | None = None
        self.read_done = False
        self.commands_seen: list[int] = []
        self.bytes_in = 0
        self.bytes_out = 0
        self._faults: deque[_Fault] = deque()
        self._lock = threading.Lock()
        self._rng = random.Random(seed)  # noqa: S311 (line noise, not secrets)
        self._link: PtyLink | None = None
        self.port = ""

    # --- scripting (thread-safe) ---
    def place(self, card_id: str) -> None:
        """Lay a card of the deck. A card whose fields do not fit the text block (a name
        longer than 15 UTF-16 units...) is refused here (`DoesNotFit`, a ValueError), never
        at the read."""
        card = self.deck.get(card_id)
        if card is None:
            raise KeyError(f"no sample card {card_id!r}")
        encode_text_block(card.record)
        with self._lock:
            self.card = card
            self.read_done = False
        log.info("sim card placed", event_id=EventId.SIMULATOR_FAULT_INJECTED, sim="idcard",
                 card_id=card_id)

    def remove(self) -> None:
        with self._lock:
            self.card = None
            self.read_done = False

    def inject(self, kind: str, times: int = 1, **params: float | int) -> None:
        if kind not in FAULTS:
            raise ValueError(f"unknown fault {kind!r} (known: {', '.join(FAULTS)})")
        with self._lock:
            self._faults.append(_Fault(kind, times, dict(params)))
        log.info("sim fault", event_id=EventId.SIMULATOR_FAULT_INJECTED, sim="idcard",
                 fault=kind, times=times)

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()

    def _take_fault(self, *kinds: str) -> _Fault | None:
        with self._lock:
            for f in self._faults:
                if f.kind in kinds:
                    f.times -= 1
                    if f.times <= 0:
                        self._faults.remove(f)
                    return f
        return None

    # --- the pty ---
    def start(self) -> str:
        frames = FrameReader()
        self._link = PtyLink(lambda data: self._on_bytes(frames, data), "idcard-sim")
        self.port = self._link.open()
        log.info("idcard simulator on pty", event_id=EventId.SIMULATOR_STARTED, sim="idcard",
                 port=self.port, baud=self.baud)
        return self.port

    def stop(self) -> None:
        if self._link is not None:
            self._link.close()
            self._link = None
        log.info("idcard simulator stopped", event_id=EventId.SIMULATOR_STOPPED, sim="idcard")

    def _on_bytes(self, frames: FrameReader, data: bytes) -> bytes:
        """Answers are written by `_send` (paced at the baud rate), so nothing is returned."""
        self.bytes_in += len(data)
        for frame in frames.feed(data):
            arrived = time.monotonic()
            if isinstance(frame, BadFrame):
                self._send(encode_response(Sw3.CHECKSUM_ERROR), arrived, 10)
                continue
            try:
                command, _data = frame.as_command()
            except ValueError:
                self._send(encode_response(Sw3.LENGTH_ERROR), arrived, 10)
                continue
            self.commands_seen.append(command)
            self._answer(command, arrived, len(frame.payload) + 8)
        return b""

    def _wire_s(self, n: int) -> float:
        return n * 10 / self.baud

    def _answer(self, command: int, arrived: float, command_size: int) -> None:
        if self._take_fault("silent"):
            return
        sam = self._take_fault("sam_error")
        if sam is not None:
            code = int(sam.params.get("code", Sw3.SAM_SELF_TEST_FAILED))
            self._send(encode_response(code), arrived, command_size)
            return
        with self._lock:
            card = self.card
            read_done = self.read_done
        truncate_at: int | None = None
        if command == Command.FIND_CARD:
            if card is not None and not read_done:
                answer = encode_response(Sw3.FIND_OK, bytes(4))
            else:
                answer = encode_response(Sw3.NO_CARD)
        elif command == Command.SELECT_CARD:
            answer = encode_response(Sw3.SUCCESS, bytes(8)) if card is not None else \
                encode_response(Sw3.SELECT_FAILED)
        elif command in (Command.READ_TEXT_PHOTO, Command.READ_TEXT_PHOTO_FINGERPRINT):
            if card is None:
                answer = encode_response(Sw3.READ_FAILED_LIFTED)
            elif (failed := self._take_fault("read_failed")) is not None:
                answer = encode_response(int(failed.params.get("code",
                                                                Sw3.READ_FAILED_LIFTED)))
            else:
                text = encode_text_block(card.record)
                if self._take_fault("cut_character") is not None:
                    text = text[:28] + "\ud840".encode("utf-16-le", "surrogatepass") + text[30:]
                wlt = card.wlt
                lengths = len(text).to_bytes(2, "big") + len(wlt).to_bytes(2, "big")
                if command == Command.READ_TEXT_PHOTO_FINGERPRINT:
                    lengths += (0).to_bytes(2, "big")
                answer = encode_response(Sw3.SUCCESS, lengths + text + wlt)
                lift = self._take_fault("lift_mid_read")
                if lift is not None:
                    truncate_at = int(lift.params.get("at", len(answer) // 2))
                    self.remove()
                else:
                    with self._lock:
                        self.read_done = True
        elif command == Command.READ_APPENDED_ADDRESS:
            answer = encode_response(Sw3.NO_CONTENT if card else Sw3.READ_FAILED_LIFTED)
        elif command in (Command.SAM_STATUS, Command.RESET_SAM):
            answer = encode_response(Sw3.SUCCESS)
        elif command == Command.SAM_ID:
            answer = encode_response(Sw3.SUCCESS, SAM_ID)
        else:
            answer = encode_response(Sw3.UNKNOWN_COMMAND)
        if self._take_fault("bad_checksum"):
            answer = answer[:-1] + bytes([answer[-1] ^ 0x5A])
        if truncate_at is not None:
            answer = answer[:truncate_at]
        prefix = b""
        noise = self._take_fault("noise")
        if noise is not None:
            size = int(noise.params.get("size", 40))
            junk = bytearray(self._rng.randbytes(size))
            junk[size // 2 : size // 2 + 3] = PREAMBLE[:3]  # a false start mid-noise
            prefix = bytes(junk)
        slow = self._take_fault("slow")
        if slow is not None:
            time.sleep(float(slow.params.get("delay_s", 0.5)))
        self._send(prefix + answer, arrived, command_size)

    def _send(self, data: bytes, arrived: float, command_size: int) -> None:
        assert self._link is not None
        if not self.pace:
            self._link.write(data)
            self.bytes_out += len(data)
            return
        # The command took its wire time to arrive; the answer takes its own to leave. A chunk
        # is written when its last byte would have left the wire, never earlier.
        start = arrived + self._wire_s(command_size)
        chunk = 32
        for i in range(0, len(data), chunk):
            target = start + self._wire_s(min(i + chunk, len(data)))
            delay = target - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            self._link.write(data[i : i + chunk])
        end = start + self._wire_s(len(data))
        delay = end - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        self.bytes_out += len(data)

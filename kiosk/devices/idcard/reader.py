"""The ID card reader adapter: SAM frames over a serial line (pyserial), for real readers and
for the reader simulator alike (a pty is a serial device).

A read is find (20 01) → select (20 02) → read text + photo (30 01), each with a timeout that
scales with the baud rate, retried on transient faults. A card lifted mid-read gives
`CardRemoved`; a dusty card or a failing read after the retries `CardReadFailed`; never a
partial record. The text block and photo are never logged: only commands, SW3 and timings.

Presence after a read: the reader answers "no card" (80) to find until the card is lifted and
placed again, so the watcher asks select (20 02) whether a card is still in the field
(90 present, 81 gone). Confirm against the vendor's manual for each reader model.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import termios
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field

import serial

from kiosk.devices.base import (
    Device,
    DeviceKind,
    DeviceStatus,
    ReaderBack,
    ReaderUnavailable,
    run_blocking,
)
from kiosk.devices.errors import (
    CardReadFailed,
    CardRemoved,
    CardTextUnreadable,
    DeviceError,
    DeviceProtocolError,
    DeviceTimeout,
    DeviceUnavailable,
    InconsistentCardData,
    SamError,
)
from kiosk.devices.idcard.photo import DecodedPhoto, PhotoDecodeError, PhotoDecoder
from kiosk.devices.idcard.sam_frame import (
    BadFrame,
    Command,
    FrameReader,
    Response,
    Sw3,
    encode_command,
    sw3_meaning,
)
from kiosk.devices.idcard.text_block import (
    CutCharacter,
    InconsistentCard,
    TextBlockError,
    decode_text_block,
)
from kiosk.domain.identity import IdCardRecord, Identity, identity_from_idcard
from kiosk.events import EventId
from kiosk.logging import get_logger

log = get_logger(__name__)

# Reader processing time allowed per command, before the wire time of its answer.
_PROCESSING_S = {
    Command.FIND_CARD: 0.3, Command.SELECT_CARD: 0.3, Command.READ_TEXT_PHOTO: 1.5,
    Command.READ_TEXT_PHOTO_FINGERPRINT: 2.5, Command.READ_APPENDED_ADDRESS: 1.0,
    Command.SAM_STATUS: 0.5, Command.SAM_ID: 0.5, Command.RESET_SAM: 2.0,
}
# Longest answer expected per command, in bytes.
_ANSWER_BYTES = {
    Command.FIND_CARD: 15, Command.SELECT_CARD: 19, Command.READ_TEXT_PHOTO: 1295,
    Command.READ_TEXT_PHOTO_FINGERPRINT: 2321, Command.READ_APPENDED_ADDRESS: 81,
    Command.SAM_STATUS: 11, Command.SAM_ID: 27, Command.RESET_SAM: 11,
}
_SAM_CODES = {0x23, 0x33, 0x60, 0x66}
_CARD_CODES = {0x31, 0x32, 0x37, 0x3F, 0x40, 0x47}


def command_timeout(command: Command, baud: int, scale: float = 1.0) -> float:
    """Seconds to wait for the whole answer: processing + 1.5 × wire time (10 bits a byte)."""
    wire = (_ANSWER_BYTES[command] + 10) * 10 / baud
    return (_PROCESSING_S[command] + 1.5 * wire) * scale


@dataclass(frozen=True, repr=False)
class CardRead:
    """One successful read: the identity, the raw photo and, if a decoder is set, the image."""

    record: IdCardRecord
    wlt: bytes = field(repr=False)
    photo: DecodedPhoto | None
    duration_s: float
    __personal__ = True

    def __repr__(self) -> str:
        return f"CardRead({self.record.card_type.value}, <redacted>)"

    def identity(self, reader: str = "") -> Identity:
        """The citizen as the flows see them, the photo as PNG (none without a decoder)."""
        png = None
        if self.photo is not None:
            buf = io.BytesIO()
            self.photo.to_image().save(buf, "PNG")
            png = buf.getvalue()
        return identity_from_idcard(self.record, png, reader)


class SamReader(Device):
    kind = DeviceKind.IDCARD

    def __init__(
        self,
        name: str,
        port: str,
        baud: int = 115200,
        *,
        adapter: str,
        photo_decoder: PhotoDecoder | None = None,
        simulated: bool = False,
        retries: int = 2,
        timeout_scale: float = 1.0,
        port_factory: Callable[..., serial.SerialBase] = serial.serial_for_url,
    ) -> None:
        super().__init__(name, adapter, simulated=simulated)
        self.port = port
        self.baud = baud
        self.photo_decoder = photo_decoder
        self.retries = retries
        self.timeout_scale = timeout_scale
        self._port_factory = port_factory
        self._serial: serial.SerialBase | None = None
        self._lock = asyncio.Lock()
        self.sam_id: str | None = None
        self.discarded_bytes = 0

    # --- lifecycle ---
    def _open_port(self) -> serial.SerialBase:
        try:
            return self._port_factory(self.port, self.baud, timeout=0.05, write_timeout=1.0)
        except (serial.SerialException, OSError, ValueError, termios.error) as exc:
            raise DeviceUnavailable(f"cannot open {self.port}: {exc}") from None

    async def _open(self) -> None:
        self._serial = await run_blocking(5.0, self._open_port)

    async def _close(self) -> None:
        port, self._serial = self._serial, None
        if port is not None:
            with contextlib.suppress(Exception):
                await run_blocking(2.0, port.close)

    # --- one command, blocking (runs in a worker thread) ---
    def _transact_blocking(self, command: Command, timeout_s: float) -> Response:
        port = self._serial
        if port is None:
            raise DeviceUnavailable(f"{self.port} is not open")
        frames = FrameReader()
        try:
            port.reset_input_buffer()
            port.write(encode_command(command))
            deadline = time.monotonic() + timeout_s
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    partial = frames.pending()
                    raise DeviceTimeout(
                        f"no complete answer to {command.name} within {timeout_s:.2f} s"
                        + (f" ({partial} bytes of a frame)" if partial else "")
                    )
                port.timeout = min(remaining, 0.05)
                chunk = port.read(max(1, port.in_waiting))
                if not chunk:
                    continue
                for frame in frames.feed(chunk):
                    self.discarded_bytes += frames.discarded
                    if isinstance(frame, BadFrame):
                        raise DeviceProtocolError(f"{command.name}: bad frame, {frame.reason}")
                    try:
                        return frame.as_response()
                    except ValueError as exc:
                        raise DeviceProtocolError(f"{command.name}: {exc}") from None
        except (serial.SerialException, OSError, termios.error) as exc:
            # termios.error: pyserial's flush on a vanished device (a pulled USB cable, a pty
            # whose other side closed) is not an OSError.
            raise DeviceUnavailable(f"{self.port}: {exc}") from None

    async def transact(self, command: Command) -> Response:
        timeout_s = command_timeout(command, self.baud, self.timeout_scale)
        started = time.perf_counter()
        try:
            response = await run_blocking(timeout_s + 1.0, self._transact_blocking, command,
                                          timeout_s)
        except DeviceError as exc:
            log.info("idcard command failed", event_id=EventId.IDCARD_COMMAND,
                     command=command.name, error_code=exc.code, error=str(exc),
                     ms=round((time.perf_counter() - started) * 1000, 1))
            raise
        log.debug("idcard command", event_id=EventId.IDCARD_COMMAND, command=command.name,
                  sw3=f"{response.sw3:02X}", size=len(response.data),
                  ms=round((time.perf_counter() - started) * 1000, 1))
        return response

    def _check_sam(self, r: Response, what: str) -> None:
        if r.sw3 in _SAM_CODES:
            raise SamError(f"{what}: SW3 {r.sw3:02X} {sw3_meaning(r.sw3)}", code="sam_error")

    # --- health ---
    async def probe(self) -> DeviceStatus:
        async with self._lock:
            r = await self.transact(Command.SAM_STATUS)
            if r.sw3 != Sw3.SUCCESS:
                raise SamError(f"SAM status: SW3 {r.sw3:02X} {r.meaning}")
            if self.sam_id is None:
                rid = await self.transact(Command.SAM_ID)
                if rid.sw3 == Sw3.SUCCESS:
                    self.sam_id = rid.data.hex().upper()
        return DeviceStatus.ok(port=self.port, baud=self.baud, sam_id=self.sam_id)

    # --- reading ---
    async def card_in_field(self) -> bool:
        """After a read: is a card still on the reader? (select answers 90 while it is)."""
        async with self._lock:
            r = await self.transact(Command.SELECT_CARD)
        self._check_sam(r, "select")
        return r.sw3 == Sw3.SUCCESS

    async def read_card(self) -> CardRead | None:
        """Read the card on the reader; None when there is none.

        Raises CardRemoved (lifted mid-read), CardReadFailed (after the retries),
        InconsistentCardData, SamError, or DeviceUnavailable (the reader is gone).
        """
        last: DeviceError | None = None
        for attempt in range(self.retries + 1):
            try:
                async with self._lock:
                    result = await self._read_once()
            except (DeviceTimeout, DeviceProtocolError, CardReadFailed, CardRemoved) as exc:
                last = exc
                log.info("idcard read attempt failed", event_id=EventId.IDCARD_READ_FAILED,
                         attempt=attempt + 1, error_code=exc.code, error=str(exc))
                continue
            if result is None and last is not None:
                # The card left during a failed attempt: say so rather than go quiet.
                raise CardRemoved(f"the card was lifted after a failed read: {last}")
            return result
        if isinstance(last, CardRemoved):
            raise last
        raise CardReadFailed(f"card not read after {self.retries + 1} attempts: {last}")

    async def _read_once(self) -> CardRead | None:
        started = time.perf_counter()
        found = await self.transact(Command.FIND_CARD)
        self._check_sam(found, "find card")
        if found.sw3 == Sw3.NO_CARD:
            return None
        if found.sw3 != Sw3.FIND_OK:
            raise CardReadFailed(f"find card: SW3 {found.sw3:02X} {found.meaning}")
        selected = await self.transact(Command.SELECT_CARD)
        self._check_sam(selected, "select card")
        if selected.sw3 != Sw3.SUCCESS:
            raise CardRemoved(f"select card: SW3 {selected.sw3:02X} {selected.meaning}")
        try:
            read = await self.transact(Command.READ_TEXT_PHOTO)
        except DeviceTimeout as exc:
            raise CardRemoved(f"the answer stopped mid-read ({exc})") from None
        except DeviceProtocolError as exc:
            raise CardRemoved(f"the answer was damaged mid-read ({exc})") from None
        self._check_sam(read, "read card")
        if read.sw3 == Sw3.READ_FAILED_LIFTED:
            raise CardRemoved(f"read card: SW3 41 {read.meaning}")
        if read.sw3 != Sw3.SUCCESS:
            raise CardReadFailed(f"read card: SW3 {read.sw3:02X} {read.meaning}")
        text, wlt = split_read_data(read.data)
        try:
            record = decode_text_block(text)
        except InconsistentCard as exc:
            log.warning("idcard inconsistent", event_id=EventId.IDCARD_INCONSISTENT,
                        reason=str(exc))
            raise InconsistentCardData(str(exc)) from None
        except CutCharacter as exc:
            log.warning("idcard text cut", event_id=EventId.IDCARD_TEXT_CUT, field=exc.field)
            raise CardTextUnreadable(str(exc)) from None
        except TextBlockError as exc:
            raise CardReadFailed(f"text block: {exc}") from None
        photo = None
        if self.photo_decoder is not None and wlt:
            try:
                photo = self.photo_decoder.decode(wlt)
            except PhotoDecodeError as exc:
                log.warning("idcard photo not decoded", event_id=EventId.IDCARD_READ,
                            reason=str(exc))
        duration = time.perf_counter() - started
        log.info("idcard read", event_id=EventId.IDCARD_READ, card_type=record.card_type.value,
                 photo=photo is not None, ms=round(duration * 1000, 1))
        return CardRead(record, wlt, photo, duration)


def split_read_data(data: bytes) -> tuple[bytes, bytes]:
    """(text, photo) from the data of a 30 01 answer: TEXTLEN(2) PHOTOLEN(2) text photo."""
    if len(data) < 4:
        raise DeviceProtocolError("read answer shorter than its length fields")
    text_len = int.from_bytes(data[0:2], "big")
    photo_len = int.from_bytes(data[2:4], "big")
    if len(data) != 4 + text_len + photo_len:
        raise DeviceProtocolError(
            f"read answer has {len(data) - 4} bytes of content, lengths say "
            f"{text_len} + {photo_len}"
        )
    return data[4 : 4 + text_len], data[4 + text_len :]


# --- card events ----------------------------------------------------------------------------

@dataclass(frozen=True)
class CardPlaced:
    read: CardRead


@dataclass(frozen=True)
class CardLifted:
    pass


@dataclass(frozen=True)
class CardReadError:
    error: DeviceError


CardEvent = CardPlaced | CardLifted | CardReadError | ReaderUnavailable | ReaderBack


async def watch_cards(reader: SamReader, poll_interval_s: float = 0.3,
                      retry_max_s: float = 10.0) -> AsyncIterator[CardEvent]:
    """Card events, debounced: one CardPlaced per placement, one CardLifted per removal, one
    CardReadError per failed placement; ReaderUnavailable / ReaderBack when the serial device
    vanishes and returns (reopened with backoff)."""
    present = False
    error_reported = False
    lost = False
    backoff = poll_interval_s
    while True:
        try:
            if not reader.is_open:
                await reader.open()
            if present:
                if not await reader.card_in_field():
                    present = False
                    log.info("idcard removed", event_id=EventId.IDCARD_REMOVED)
                    yield CardLifted()
            else:
                read = await reader.read_card()
                if read is None:
                    if error_reported:
                        error_reported = False  # the failed card went away
                else:
                    present = True
                    error_reported = False
                    log.info("idcard placed", event_id=EventId.IDCARD_PLACED)
                    yield CardPlaced(read)
            if lost:
                lost = False
                backoff = poll_interval_s
                yield ReaderBack()
        except DeviceUnavailable as exc:
            await reader.close()
            if not lost:
                lost = True
                present = False
                yield ReaderUnavailable(str(exc))
            await asyncio.sleep(backoff)
            backoff = min(retry_max_s, backoff * 2)
            continue
        except (CardRemoved, CardReadFailed, CardTextUnreadable, InconsistentCardData,
                SamError, DeviceTimeout, DeviceProtocolError) as exc:
            if not error_reported:
                error_reported = True
                yield CardReadError(exc)
        await asyncio.sleep(poll_interval_s)

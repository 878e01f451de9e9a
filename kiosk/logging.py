"""Structured, redacted logging: JSON lines on stderr (journald picks them up).

Every record, from structlog or from a library's stdlib logger, passes one redaction step
before it is rendered:
- values under personal keys (name, id_number, address, phone, photo, ...) are replaced;
- bytes are replaced by their length (photos, card text blocks, frames);
- dataclass fields marked ``metadata={"personal": True}`` are replaced;
- ID numbers and mobile numbers are masked wherever they appear in text, tracebacks included;
- network addresses (IPv4 and IPv6: the kiosk's, a staff member's in a video call, the hall's)
  are masked in text at every level, loopback and "any" excepted; the WebRTC libraries' own
  connection-state lines, which are made of addresses, are kept to debug level;
- the personal values of the current session (`watch_personal`) are masked in any text.

Use `get_logger(__name__)` and log with ``event_id=EventId.X``.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import logging
import re
import sys
import threading
import traceback
from collections.abc import Callable, Iterable, Mapping, MutableMapping
from typing import Any, TextIO

import structlog

from kiosk.events import EventId

REDACTED = "[redacted]"

# Keys whose values are personal data, compared case-insensitively after normalising '-' to '_'.
PERSONAL_KEYS: frozenset[str] = frozenset(
    {
        "name", "surname", "given_names", "english_name", "chinese_name", "full_name",
        "holder", "holder_name", "citizen", "identity",
        "id_number", "idnumber", "id_no", "card_number", "document_number", "ssn",
        "social_security_number", "pass_number", "holder_code",
        "address", "birth", "birth_date", "date_of_birth", "birthplace",
        "phone", "mobile", "telephone", "email",
        "photo", "face", "portrait", "image", "frame", "signature", "fingerprint",
        "text_block", "mrz", "dg1", "dg2", "answers", "form",
    }
)

_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])|(?<!\d)\d{15}(?!\d)")
_MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
_IPV4 = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w.])")
_IPV6 = re.compile(r"(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}"
                   r"(?:[0-9A-Fa-f]{0,4}|\d{1,3}(?:\.\d{1,3}){3})(?:%[\w.-]+)?(?![\w:])")
# an IPv6 address has "::" or at least three groups in a row: a cheap look before the full one
_IPV6_HINT = re.compile(r"::|[0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{1,4}:")
ADDRESS = "[address]"

_watch_lock = threading.Lock()
_watched: set[str] = set()


def watch_personal(values: Iterable[str]) -> None:
    """Mask these strings wherever they appear in a log line until `unwatch_personal`.

    Called with a citizen's name, address and numbers when a session learns them, so that
    they cannot leak through free text (an exception message, a library's debug line).
    """
    with _watch_lock:
        _watched.update(v for v in values if v and len(v.strip()) >= 2)


def unwatch_personal(values: Iterable[str] | None = None) -> None:
    """Stop masking `values` (all watched values when None), e.g. when a session ends."""
    with _watch_lock:
        if values is None:
            _watched.clear()
        else:
            _watched.difference_update(values)


def _is_personal_key(key: object) -> bool:
    return isinstance(key, str) and key.lower().replace("-", "_") in PERSONAL_KEYS


def scrub_text(text: str) -> str:
    """Mask ID numbers, mobile numbers and watched personal values in free text."""
    text = _ID_NUMBER.sub("[id-number]", text)
    text = _MOBILE.sub("[phone]", text)
    if ":" in text and _IPV6_HINT.search(text):
        text = _IPV6.sub(_address_or_text, text)
    if "." in text:
        text = _IPV4.sub(_address_or_text, text)
    with _watch_lock:
        watched = sorted(_watched, key=len, reverse=True)
    for value in watched:
        if value in text:
            text = text.replace(value, REDACTED)
    return text


def _address_or_text(match: re.Match[str]) -> str:
    """A network address becomes [address]; loopback, "any" and what only looks like an
    address (a time of day, a version) stay."""
    try:
        address = ipaddress.ip_address(match.group(0).split("%", 1)[0])
    except ValueError:
        return match.group(0)
    return match.group(0) if address.is_loopback or address.is_unspecified else ADDRESS


def redact_value(value: Any, depth: int = 0) -> Any:
    """A copy of `value` with personal data removed, safe to log."""
    if depth > 8:
        return "[nested]"
    if isinstance(value, str):
        return scrub_text(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return f"[{len(value)} bytes]"
    if isinstance(value, bool | int | float) or value is None:
        return value
    if isinstance(value, EventId):
        return int(value)
    if isinstance(value, Mapping):
        return {
            k: (REDACTED if _is_personal_key(k) else redact_value(v, depth + 1))
            for k, v in value.items()
        }
    if isinstance(value, list | tuple | set | frozenset):
        return [redact_value(v, depth + 1) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out: dict[str, Any] = {"type": type(value).__name__}
        for f in dataclasses.fields(value):
            if f.metadata.get("personal") or _is_personal_key(f.name):
                out[f.name] = REDACTED
            else:
                out[f.name] = redact_value(getattr(value, f.name), depth + 1)
        return out
    if getattr(value, "__personal__", False):
        return f"[redacted {type(value).__name__}]"
    return scrub_text(repr(value))


def redact_processor(
    _logger: Any, _method: str, event_dict: MutableMapping[str, Any]
) -> MutableMapping[str, Any]:
    """structlog processor: redact every key and value of the record."""
    for key in list(event_dict):
        if key in ("timestamp", "level", "logger"):
            continue
        if _is_personal_key(key):
            event_dict[key] = REDACTED
        else:
            event_dict[key] = redact_value(event_dict[key])
    return event_dict


_problem_listeners: list[Callable[[int], None]] = []


def add_problem_listener(listener: Callable[[int], None]) -> None:
    """Called with the event id of every warning or error logged (fleet metrics count them)."""
    _problem_listeners.append(listener)


def remove_problem_listener(listener: Callable[[int], None]) -> None:
    if listener in _problem_listeners:
        _problem_listeners.remove(listener)


def _event_id_processor(
    _logger: Any, method: str, event_dict: MutableMapping[str, Any]
) -> MutableMapping[str, Any]:
    eid = event_dict.get("event_id")
    if isinstance(eid, EventId):
        event_dict["event_id"] = int(eid)
        event_dict["event_name"] = eid.name.lower()
    if method in ("warning", "error", "critical", "exception") and \
            isinstance(event_dict.get("event_id"), int):
        for listener in list(_problem_listeners):
            listener(int(event_dict["event_id"]))
    return event_dict


_configured_stream: TextIO | None = None


def configure_logging(level: str = "INFO", stream: TextIO | None = None) -> None:
    """Route structlog and stdlib logging through redaction into JSON lines on `stream`."""
    global _configured_stream
    _configured_stream = stream or sys.stderr
    shared: list[Any] = [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        _event_id_processor,
    ]
    structlog.configure(
        processors=[
            *shared,
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=False,
    )
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=[*shared, structlog.stdlib.ExtraAdder()],
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info,
            redact_processor,
            structlog.processors.JSONRenderer(ensure_ascii=False, default=str),
        ],
    )
    handler = logging.StreamHandler(_configured_stream)
    handler.setFormatter(formatter)
    handler.addFilter(_DemoteToDebug())
    root = logging.getLogger()
    for old in list(root.handlers):
        # ours from an earlier call, and plain stderr handlers a library's basicConfig()
        # left (python-escpos does that on import): they would print records unredacted
        if getattr(old, "_kiosk_handler", False) or type(old) is logging.StreamHandler:
            root.removeHandler(old)
    handler._kiosk_handler = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level.upper())


# Libraries whose warnings are part of a normal answer, not a problem of the kiosk: pyHanko
# logs a signature that does not verify (with a traceback) as a warning, while the kiosk reports
# it as the INVALID verdict it is.
_DEMOTED_LIBRARIES = ("pyhanko", "pyhanko_certvalidator")
# Libraries whose info lines are a connection's inner workings, made of network addresses: the
# WebRTC stack logs every ICE candidate pair of a video call (the kiosk's and the staff
# member's addresses). Kept to debug level (where the addresses are masked all the same).
_CHATTY_LIBRARIES = ("aioice", "aiortc")


class _DemoteToDebug(logging.Filter):
    """The demoted libraries' warnings, and the chatty ones' info lines, become debug records
    without their traceback, kept only at debug level."""

    def filter(self, record: logging.LogRecord) -> bool:
        library = record.name.split(".", 1)[0]
        chatty = library in _CHATTY_LIBRARIES and record.levelno <= logging.INFO
        if not chatty and (record.levelno >= logging.ERROR or library not in _DEMOTED_LIBRARIES):
            return True
        record.levelno, record.levelname = logging.DEBUG, "DEBUG"
        record.exc_info, record.exc_text = None, None
        return logging.getLogger().isEnabledFor(logging.DEBUG)


def where_raised(exc: BaseException, depth: int = 8) -> list[str]:
    """Where `exc` came from, as `file:line function` for its innermost `depth` frames (paths
    shortened to the package). For logging an unexpected failure: the frames say where to look,
    and carry no values, so no personal data, unlike the exception's message."""
    frames = traceback.extract_tb(exc.__traceback__)[-depth:]
    out = []
    for frame in frames:
        path = frame.filename.replace("\\", "/")
        for marker in ("/site-packages/", "/kiosk/"):
            if marker in path:
                path = ("kiosk/" if marker == "/kiosk/" else "") + path.rsplit(marker, 1)[1]
                break
        out.append(f"{path}:{frame.lineno} {frame.name}")
    return out


def get_logger(name: str) -> structlog.stdlib.BoundLogger:
    logger: structlog.stdlib.BoundLogger = structlog.get_logger(name)
    return logger


def _safe_default() -> None:
    """Until `configure_logging` runs (a script, a subprocess, a library user), structlog still
    redacts and writes JSON to stderr: personal data never leaks through an unconfigured
    logger, and stdout stays clean for command output."""
    structlog.configure(
        processors=[
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            _event_id_processor,
            structlog.processors.format_exc_info,
            redact_processor,
            structlog.processors.JSONRenderer(ensure_ascii=False, default=str),
        ],
        logger_factory=structlog.PrintLoggerFactory(sys.stderr),
        wrapper_class=structlog.make_filtering_bound_logger(logging.INFO),
        cache_logger_on_first_use=False,
    )


_safe_default()

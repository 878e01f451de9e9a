"""A sample citizen's data goes through the real logging path; none of it may come out."""

from __future__ import annotations

import io
import json
import logging
from dataclasses import dataclass, field

import pytest

from kiosk.events import EventId
from kiosk.logging import configure_logging, get_logger, unwatch_personal, watch_personal

CITIZEN = {
    "name": "欧阳䶮明",
    "id_number": "11010519491231002X",
    "address": "北京市朝阳区建国路88号院3号楼1单元502",
    "phone": "13912345678",
    "birth": "1949-12-31",
}
PHOTO = bytes(range(256)) * 4


@dataclass
class Applicant:
    case_kind: str
    holder: str = field(metadata={"personal": True})
    reference: str = field(metadata={"personal": True})


@pytest.fixture
def log_stream():
    stream = io.StringIO()
    configure_logging("DEBUG", stream=stream)
    yield stream
    unwatch_personal()
    configure_logging("INFO")


def all_leaks(text: str) -> list[str]:
    secrets = [*CITIZEN.values(), "11010519491231002x", PHOTO[:16].hex()]
    return [s for s in secrets if s in text]


def test_structured_fields_are_redacted(log_stream: io.StringIO) -> None:
    log = get_logger("test.redaction")
    log.info("card read", event_id=EventId.IDCARD_READ, **CITIZEN, photo=PHOTO,
             citizen=CITIZEN, nested={"form": {"phone": CITIZEN["phone"]}},
             applicant=Applicant("license", CITIZEN["name"], CITIZEN["id_number"]))
    out = log_stream.getvalue()
    assert all_leaks(out) == []
    record = json.loads(out.strip().splitlines()[-1])
    assert record["event_id"] == EventId.IDCARD_READ.value
    assert record["event_name"] == "idcard_read"
    assert record["name"] == "[redacted]"
    assert record["applicant"]["case_kind"] == "license"


def test_numbers_in_free_text_and_stdlib_loggers_are_masked(log_stream: io.StringIO) -> None:
    logging.getLogger("some.library").warning(
        "lookup failed for %s, call %s", CITIZEN["id_number"].lower(), CITIZEN["phone"]
    )
    get_logger("test").info(f"holder {CITIZEN['id_number']} rang from {CITIZEN['phone']}")
    out = log_stream.getvalue()
    assert all_leaks(out) == []
    assert "[id-number]" in out
    assert "[phone]" in out


def test_watched_session_values_are_masked_everywhere(log_stream: io.StringIO) -> None:
    watch_personal([CITIZEN["name"], CITIZEN["address"]])
    log = get_logger("test")
    try:
        raise ValueError(f"cannot parse address {CITIZEN['address']} of {CITIZEN['name']}")
    except ValueError:
        log.exception("form failed", detail=f"holder {CITIZEN['name']}")
    out = log_stream.getvalue()
    assert "Traceback" in out  # the traceback is kept, minus the personal data
    assert all_leaks(out) == []


def test_unwatch_stops_masking(log_stream: io.StringIO) -> None:
    watch_personal(["王小明"])
    unwatch_personal(["王小明"])
    get_logger("test").info("greeting 王小明")
    assert "王小明" in log_stream.getvalue()


def test_an_unconfigured_process_still_redacts_to_stderr() -> None:
    import subprocess
    import sys

    code = ("from kiosk.logging import get_logger\n"
            f"get_logger('x').info('read', name={CITIZEN['name']!r}, "
            f"note='id {CITIZEN['id_number']}')\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stdout == ""
    assert '"name": "[redacted]"' in r.stderr
    assert all_leaks(r.stderr) == []


KIOSK_LAN, STAFF_LAN, STAFF_V6 = "192.168.31.107", "10.20.4.33", "fe80::1c2b:3aff:fe4d:91e2"


class CandidatePair:
    """What aioice passes to its log lines: a pair of (address, port) ends."""

    def __repr__(self) -> str:
        return f"CandidatePair(('{KIOSK_LAN}', 50123) -> ('{STAFF_V6}%eth0', 61012))"


def test_the_webrtc_stack_says_no_address_at_info(log_stream: io.StringIO) -> None:
    configure_logging("INFO", stream=log_stream)
    ice = logging.getLogger("aioice.ice")
    ice.info("Connection(0) Check %s State.FROZEN -> State.WAITING", CandidatePair())
    ice.info("Connection(0) Discovered peer reflexive candidate %s:%d", STAFF_LAN, 3478)
    assert log_stream.getvalue() == ""  # a connection's inner workings: debug level only
    ice.warning("Connection(0) STUN to %s:3478 timed out", STAFF_LAN)
    get_logger("kiosk.services.video_call").info(
        "call connected", peer=f"{STAFF_LAN}:61012", note=f"local {KIOSK_LAN} / {STAFF_V6}",
        backend="http://127.0.0.1:8780", at="2026-12-07T15:03:17", version="1.16.0")
    out = log_stream.getvalue()
    for address in (KIOSK_LAN, STAFF_LAN, STAFF_V6, "fe80::"):
        assert address not in out
    warning, call = (json.loads(line) for line in out.splitlines())
    assert warning["event"] == "Connection(0) STUN to [address]:3478 timed out"
    assert call["peer"] == "[address]:61012"
    assert call["note"] == "local [address] / [address]"
    assert call["backend"] == "http://127.0.0.1:8780"  # loopback: nobody's on the hall's network
    assert call["at"] == "2026-12-07T15:03:17"  # what only looks like one stays
    assert call["version"] == "1.16.0"


def test_even_at_debug_level_addresses_are_masked(log_stream: io.StringIO) -> None:
    logging.getLogger("aioice.ice").info("Check %s", CandidatePair())
    out = log_stream.getvalue()
    assert "Check CandidatePair" in out
    assert KIOSK_LAN not in out
    assert STAFF_V6 not in out

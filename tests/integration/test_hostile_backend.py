"""The outbox against a backend that answers what it never should: nothing is lost, the uploader
stays alive, memory stays bounded, every call ends within its deadline, and once the backend is
healthy again the application is delivered exactly once.

The backend here is a raw-socket server (no HTTP library on its side), so it can say anything.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from kiosk.services.errors import (
    GatewayAnswerTooLarge,
    GatewayBadAnswer,
    GatewayError,
    GatewayRedirected,
    GatewayTimeout,
)
from kiosk.services.gateway import GatewayClient
from kiosk.services.outbox import Outbox, Uploader, UploaderSupervisor

DEADLINE_S = 2.0
APPLICATION = {"kiosk_id": "K", "service_code": "WFZZM", "item_codes": ["WFZZM"],
               "applicant": {"name": "张伟", "id_number": "11010519491231002X",
                             "credential": "idcard"}, "form": {}, "materials": []}


def http(status: str, body: bytes = b"", ctype: str = "application/json",
         extra: str = "") -> bytes:
    head = f"HTTP/1.1 {status}\r\nContent-Length: {len(body)}\r\n"
    if ctype:
        head += f"Content-Type: {ctype}\r\n"
    return (head + extra + "Connection: close\r\n\r\n").encode() + body


def js(value: object) -> bytes:
    return json.dumps(value).encode()


# mode → what the server sends (bytes at once), or a coroutine-producing writer below
ANSWERS: dict[str, bytes] = {
    "html_200": http("200 OK", b"<html><body>Wi-Fi login</body></html>", "text/html"),
    "empty_200": http("200 OK", b"", ""),
    "empty_object": http("200 OK", b"{}"),
    "malformed_json": http("200 OK", b'{"case_numbers": ["2026'),
    "no_content_204": http("204 No Content", b"", ""),
    "redirect_302": http("302 Found", b"", "", "Location: http://portal.invalid/login\r\n"),
    "cases_as_string": http("201 Created", js({"case_numbers": "20260101000001",
                                               "status": "approved"})),
    "cases_as_number": http("201 Created", js({"case_numbers": 12345, "status": "approved"})),
    "cases_as_numbers": http("201 Created", js({"case_numbers": [1, 2], "status": "approved"})),
    "cases_empty": http("201 Created", js({"case_numbers": [], "status": "approved"})),
    "nested_100000": http("200 OK", b"[" * 100_000 + b"]" * 100_000),
    "problem_as_html_500": http("500 Internal Server Error", b"oops", "text/plain"),
}
SLOW = {"huge_content_length", "body_trickled", "headers_trickled"}


@dataclass
class HostileBackend:
    mode: str = "html_200"
    port: int = 0
    seen: Counter[str] = field(default_factory=Counter)  # idempotency key → healthy answers
    server: asyncio.Server | None = None

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            headers = {k.strip().lower(): v.strip() for k, _, v in
                       (line.partition(":") for line in head.decode().split("\r\n")[1:] if line)}
            length = int(headers.get("content-length", "0"))
            await reader.readexactly(length)
            mode = self.mode
            if mode == "healthy":
                key = headers.get("idempotency-key", "")
                self.seen[key] += 1
                writer.write(http("201 Created", js({"case_numbers": ["2026120300001"],
                                                     "status": "approved"})))
            elif mode == "huge_content_length":
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                             b"Content-Length: 2000000000\r\n\r\n")
                for _ in range(200):  # it would go on for 2 GB; the client must stop first
                    writer.write(b" " * 65536)
                    await writer.drain()
            elif mode == "body_trickled":
                writer.write(b"HTTP/1.1 201 Created\r\nContent-Type: application/json\r\n"
                             b"Content-Length: 1000\r\n\r\n")
                for _ in range(1000):  # one byte every 0.5 s: each read is "in time"
                    writer.write(b" ")
                    await writer.drain()
                    await asyncio.sleep(0.5)
            elif mode == "headers_trickled":
                for byte in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 1000:
                    writer.write(bytes([byte]))
                    await writer.drain()
                    await asyncio.sleep(0.5)
            else:
                writer.write(ANSWERS[mode])
            await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()

    async def start(self) -> None:
        self.server = await asyncio.start_server(self.handle, "127.0.0.1", 0)
        self.port = self.server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        assert self.server is not None
        self.server.close()


@pytest.fixture
async def hostile() -> AsyncIterator[HostileBackend]:
    backend = HostileBackend()
    await backend.start()
    yield backend
    await backend.stop()


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * 4096 / 2**20


@pytest.mark.parametrize("mode", [*ANSWERS, *sorted(SLOW)])
async def test_a_bad_answer_keeps_the_application_and_the_uploader(
        hostile: HostileBackend, tmp_path: Path, mode: str) -> None:
    outbox = Outbox.open(tmp_path)
    gateway = GatewayClient(f"http://127.0.0.1:{hostile.port}", "K", timeout_s=DEADLINE_S,
                            max_answer_bytes=1024 * 1024)
    uploader = Uploader(outbox, gateway, backoff_initial_s=0, poll_s=0.05)
    supervisor = UploaderSupervisor(uploader, restart_initial_s=0.05)
    item = outbox.put("application", APPLICATION, service="WFZZM")
    hostile.mode = mode
    task = asyncio.get_running_loop().create_task(supervisor.run())
    try:
        before = rss_mb()
        started = time.monotonic()
        with pytest.raises(GatewayError) as failure:
            await gateway.deliver("application", APPLICATION, "probe-" + mode)
        elapsed = time.monotonic() - started
        assert elapsed < DEADLINE_S + 1.0, f"{mode}: the call took {elapsed:.1f} s"
        assert rss_mb() - before < 100, f"{mode}: memory grew {rss_mb() - before:.0f} MB"
        if mode in ("huge_content_length",):
            assert isinstance(failure.value, GatewayAnswerTooLarge)
        elif mode in ("body_trickled", "headers_trickled"):
            assert isinstance(failure.value, GatewayTimeout)
        elif mode == "redirect_302":
            assert isinstance(failure.value, GatewayRedirected)
        elif mode != "problem_as_html_500":
            assert isinstance(failure.value, GatewayBadAnswer)

        # the background uploader meets the same answer: the item stays, with its payload
        for _ in range(200):
            if outbox.status().pending and (
                    outbox._db.execute("SELECT attempts FROM outbox").fetchone()[0] >= 1):
                break
            await asyncio.sleep(0.05)
        assert outbox.state(item) == "pending"
        assert outbox.payload(outbox.entry(item)) == APPLICATION  # type: ignore[arg-type]
        assert outbox.case_numbers(item) == []
        assert not task.done(), "the uploader died"
        assert supervisor.restarts == 0

        # the backend heals: delivered exactly once
        hostile.mode = "healthy"
        outbox.retry_now()
        for _ in range(200):
            if outbox.state(item) == "sent":
                break
            await asyncio.sleep(0.05)
        assert outbox.state(item) == "sent"
        assert outbox.case_numbers(item) == ["2026120300001"]
        assert hostile.seen[item] == 1
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        await uploader.aclose()
        await gateway.aclose()
        outbox.close()


async def test_an_uploader_loop_that_crashes_is_restarted(tmp_path: Path) -> None:
    outbox = Outbox.open(tmp_path)

    class Exploding(Uploader):
        crashes = 0

        async def run(self) -> None:
            if Exploding.crashes < 2:
                Exploding.crashes += 1
                raise RecursionError("deep")
            await super().run()

    gateway = GatewayClient("http://127.0.0.1:9", "K", timeout_s=0.5)
    supervisor = UploaderSupervisor(Exploding(outbox, gateway), restart_initial_s=0.01,
                                    state_file=tmp_path / "uploader.json")
    task = asyncio.get_running_loop().create_task(supervisor.run())
    try:
        for _ in range(100):
            if supervisor.restarts == 2:
                break
            await asyncio.sleep(0.02)
        assert supervisor.restarts == 2
        assert not task.done()
        state = json.loads((tmp_path / "uploader.json").read_text())
        assert state["restarts"] == 2
        assert state["last_crash"] == "RecursionError"
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        await gateway.aclose()
        outbox.close()


async def test_the_submit_step_never_waits_past_its_budget(hostile: HostileBackend,
                                                           tmp_path: Path) -> None:
    """A visit's submit meets a backend that trickles: the citizen gets the outbox's receipt
    within the budget, and the upload finishes in the background once the backend heals."""
    outbox = Outbox.open(tmp_path)
    gateway = GatewayClient(f"http://127.0.0.1:{hostile.port}", "K", timeout_s=30)
    uploader = Uploader(outbox, gateway, backoff_initial_s=0)
    hostile.mode = "body_trickled"
    item = outbox.put("application", APPLICATION, service="WFZZM")
    try:
        started = time.monotonic()
        cases = await uploader.deliver_within(item, 1.0)
        assert time.monotonic() - started < 1.5
        assert cases == []
        assert outbox.state(item) == "pending"
    finally:
        await uploader.aclose()
        await gateway.aclose()
        outbox.close()


def test_a_dead_letter_keeps_its_payload(tmp_path: Path) -> None:
    outbox = Outbox.open(tmp_path)
    item = outbox.put("application", APPLICATION, service="WFZZM")
    for _ in range(3):
        outbox.mark_failed(item, "gateway_bad_answer: x", permanent=False, delay_s=0,
                           give_up_after=3)
    assert outbox.state(item) == "dead"
    assert outbox.retry_now() == 1  # staff can send it again: the payload is still there
    entry = outbox.entry(item)
    assert entry is not None
    assert outbox.payload(entry) == APPLICATION
    outbox.close()

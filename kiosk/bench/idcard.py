"""ID card reader figures: SAM frame decode, and a full read over a pty at 115200 baud
against the simulator running in its own process (as under `kiosk run --simulate`)."""

from __future__ import annotations

import asyncio
import json
import statistics
import subprocess
import sys
import time
from typing import Any

from kiosk.bench.budgets import figure, runs
from kiosk.devices.idcard.reader import SamReader, split_read_data
from kiosk.devices.idcard.sam_frame import FrameReader, encode_response
from kiosk.devices.idcard.text_block import decode_text_block, encode_text_block
from kiosk.sim.citizens import card


def sam_decode_us() -> dict[str, Any]:
    c = card("ayguli")
    frame = encode_response(0x90, b"\x01\x00\x04\x00" + encode_text_block(c.record) + c.wlt)
    assert len(frame) == 1295

    def once() -> None:
        f = FrameReader().feed(frame)[0]
        text, _photo = split_read_data(f.as_response().data)  # type: ignore[union-attr]
        decode_text_block(text)

    samples = []
    for _ in range(runs(7)):
        n = 2000
        t0 = time.perf_counter()
        for _ in range(n):
            once()
        samples.append((time.perf_counter() - t0) / n * 1e6)
    return figure("sam_decode_us", samples)


def sam_read_wire_ratio() -> dict[str, Any]:
    sim = subprocess.Popen([sys.executable, "-m", "kiosk", "sim", "idcard"],
                           stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert sim.stdin is not None
    assert sim.stdout is not None
    port = json.loads(sim.stdout.readline())["port"]

    def control(**cmd: Any) -> None:
        assert sim.stdin is not None
        assert sim.stdout is not None
        sim.stdin.write(json.dumps(cmd) + "\n")
        sim.stdin.flush()
        sim.stdout.readline()

    async def measure() -> list[float]:
        reader = SamReader("idcard", port, 115200, adapter="sam-serial")
        await reader.open()
        times = []
        try:
            await reader.read_card()  # warm up
            for _ in range(runs(15)):
                control(place="zhang-wei")
                t0 = time.perf_counter()
                result = await reader.read_card()
                times.append(time.perf_counter() - t0)
                assert result is not None
        finally:
            await reader.close()
        return times

    try:
        times = asyncio.run(measure())
    finally:
        sim.stdin.close()
        sim.wait(10)
    # bytes on the wire: find (10 + 15), select (10 + 19), read (10 + 1295)
    wire_s = (10 + 15 + 10 + 19 + 10 + 1295) * 10 / 115200
    ratios = [t / wire_s for t in times]
    return figure("sam_read_wire_ratio", ratios, wire_ms=round(wire_s * 1000, 2),
                  read_ms=round(statistics.median(times) * 1000, 2))


FIGURES = {
    "sam_decode_us": sam_decode_us,
    "sam_read_wire_ratio": sam_read_wire_ratio,
}

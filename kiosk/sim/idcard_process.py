"""`kiosk sim idcard`: the reader simulator as its own process.

It prints one JSON line with the pty path (``{"port": "/dev/pts/3", "baud": 115200}``), then
takes control commands as JSON lines on standard input, answering each with one JSON line:
    {"place": "zhang-wei"}      lay a sample card on the reader
    {"place_card": {"name": "周新人", "birth": "1992-05-06", ...}, "photo": 1}
                                lay a card written out field by field (kiosk.sim.citizens)
    {"remove": true}            lift it
    {"fault": "lift_mid_read", "times": 1, "at": 600}
    {"clear_faults": true}
    {"cards": true}             list the deck's card ids
    {"stats": true}             bytes in/out, commands seen
It exits when standard input closes (so it never outlives the kiosk that started it).
"""

from __future__ import annotations

import sys
from typing import Any, TextIO

from kiosk.devices.idcard.sim.reader import SamReaderSimulator
from kiosk.sim.citizens import DECK, inline_card
from kiosk.sim.control_channel import serve_json_lines


def handle(sim: SamReaderSimulator, msg: dict[str, Any]) -> dict[str, Any]:
    try:
        if "place" in msg:
            sim.place(str(msg["place"]))
        elif "place_card" in msg:
            written = inline_card(dict(msg["place_card"]), int(msg.get("photo", 0)))
            sim.deck[written.card_id] = written
            sim.place(written.card_id)
        elif msg.get("remove"):
            sim.remove()
        elif "fault" in msg:
            params = {k: v for k, v in msg.items() if k not in ("fault", "times")}
            sim.inject(str(msg["fault"]), int(msg.get("times", 1)), **params)
        elif msg.get("clear_faults"):
            sim.clear_faults()
        elif msg.get("cards"):
            return {"ok": True, "cards": list(sim.deck)}
        elif msg.get("stats"):
            return {"ok": True, "bytes_in": sim.bytes_in, "bytes_out": sim.bytes_out,
                    "commands": len(sim.commands_seen)}
        else:
            return {"ok": False, "error": "unknown control command"}
    except (KeyError, ValueError, TypeError) as exc:
        return {"ok": False, "error": str(exc).strip("'\"")}
    return {"ok": True}


def serve(baud: int, pace: bool, card: str | None, stdin: TextIO = sys.stdin,
          stdout: TextIO = sys.stdout) -> int:
    sim = SamReaderSimulator(DECK, baud=baud, pace=pace)
    port = sim.start()
    try:
        if card:
            sim.place(card)
        serve_json_lines({"port": port, "baud": baud}, lambda msg: handle(sim, msg), stdin,
                         stdout)
    finally:
        sim.stop()
    return 0

"""`kiosk sim smartcard`: virtual cards on vpcd, as their own process.

Prints one JSON line (``{"reader": "Virtual PCD 00 00", "port": 35963}``), then takes JSON
control lines on standard input, answering each with one JSON line:
    {"insert": "passport"}         the sample e-passport (also: "passport-expired", "ssc",
                                   "ssc-needs-psam", "ssc-rare-name": 刘䶮's card)
    {"insert": "passport", "fault": "tamper_dg2"}   or "tamper_mac"
    {"pull_after": 20}             the card is pulled after 20 more APDUs
    {"remove": true}
    {"csca_pem": true}             the test issuer's country CA certificate (to trust it)
It exits when standard input closes.
"""

from __future__ import annotations

import json
import sys
from typing import Any, TextIO

from cryptography.hazmat.primitives import serialization

from kiosk.devices.smartcard.icao.sod import SimulatedIssuer
from kiosk.devices.smartcard.sim.passport_card import PASSPORTS, VirtualPassport
from kiosk.devices.smartcard.sim.social_security_card import (
    RARE_NAME_SSC,
    VirtualSocialSecurityCard,
)
from kiosk.devices.smartcard.sim.vpcd_link import VirtualCard, VpcdLink
from kiosk.sim.control_channel import serve_json_lines

CARDS = ("passport", "passport-expired", "ssc", "ssc-needs-psam", "ssc-rare-name")


class SmartCardSimulator:
    def __init__(self, port: int) -> None:
        self.port = port
        self.issuer = SimulatedIssuer.create()
        self.link: VpcdLink | None = None

    def make(self, kind: str, fault: str | None) -> VirtualCard:
        if kind in PASSPORTS:
            return VirtualPassport(PASSPORTS[kind], issuer=self.issuer,
                                   tamper_dg2=fault == "tamper_dg2",
                                   tamper_mac=fault == "tamper_mac")
        if kind == "ssc":
            return VirtualSocialSecurityCard()
        if kind == "ssc-needs-psam":
            return VirtualSocialSecurityCard(needs_psam=True)
        if kind == "ssc-rare-name":
            return VirtualSocialSecurityCard(RARE_NAME_SSC)
        raise ValueError(f"unknown card {kind!r} (known: {', '.join(CARDS)})")

    def handle(self, msg: dict[str, Any]) -> dict[str, Any]:
        try:
            if "insert" in msg:
                card = self.make(str(msg["insert"]), msg.get("fault"))
                self.remove()
                self.link = VpcdLink(card, self.port)
                self.link.insert()
            elif msg.get("remove"):
                self.remove()
            elif "pull_after" in msg:
                if self.link is None:
                    return {"ok": False, "error": "no card inserted"}
                self.link.pull_after = self.link.apdus + int(msg["pull_after"])
            elif msg.get("csca_pem"):
                pem = self.issuer.csca.public_bytes(serialization.Encoding.PEM).decode()
                return {"ok": True, "csca_pem": pem}
            else:
                return {"ok": False, "error": "unknown control command"}
        except (ValueError, OSError) as exc:
            return {"ok": False, "error": str(exc)}
        return {"ok": True}

    def remove(self) -> None:
        if self.link is not None:
            self.link.remove()
            self.link = None


def serve(reader: str, port: int, insert: str | None, stdin: TextIO = sys.stdin,
          stdout: TextIO = sys.stdout) -> int:
    sim = SmartCardSimulator(port)
    try:
        if insert:
            reply = sim.handle({"insert": insert})
            if not reply["ok"]:
                print(json.dumps(reply), file=stdout, flush=True)
                return 4
        serve_json_lines({"reader": reader, "port": port}, sim.handle, stdin, stdout)
    finally:
        sim.remove()
    return 0

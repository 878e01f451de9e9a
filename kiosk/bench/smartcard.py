"""E-passport read on the real PC/SC stack: BAC + EF.COM + DG1 + DG2 (≈21 KB) + EF.SOD against
the virtual passport in its own process (`kiosk sim smartcard`), through pcscd and vpcd.

`bac_read_overhead_ratio` is our code's share of the read: the time outside SCardTransmit
(key derivation, secure messaging, parsing, SOD verification) over the whole read. The rest is
pcscd, vpcd and the card. Needs a running pcscd with vsmartcard-vpcd.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from typing import Any

from kiosk.bench.budgets import figure, runs
from kiosk.devices.smartcard.passport import read_passport
from kiosk.devices.smartcard.pcsc_channel import PcscChannel, wait_for_card
from kiosk.devices.smartcard.sim.passport_card import SAMPLE_PASSPORT


def _reader() -> str:
    """The virtual reader the simulated configuration uses (KIOSK_DEVICES__SMARTCARD__READER
    chooses the other one: two kiosks never share a reader)."""
    from kiosk.config import load_config, packaged_config

    smartcard = load_config(packaged_config("simulated"), simulate=True).devices.smartcard
    return smartcard.reader if smartcard is not None else "Virtual PCD 00 00"


def bac_read_overhead_ratio() -> dict[str, Any]:
    reader = _reader()
    sim = subprocess.Popen([sys.executable, "-m", "kiosk", "sim", "smartcard", "--reader",
                            reader, "--insert", "passport"], stdin=subprocess.PIPE,
                           stdout=subprocess.PIPE, text=True)
    try:
        assert sim.stdout is not None
        hello = json.loads(sim.stdout.readline())
        if "reader" not in hello:
            raise RuntimeError(f"virtual passport not inserted: {hello.get('error')}")
        if not wait_for_card(reader, 5):
            raise RuntimeError("pcscd did not see the virtual passport")
        ratios, totals, apdus = [], [], 0
        for _ in range(runs(10) + 1):
            ch = PcscChannel(reader)
            ch.connect()
            try:
                r = read_passport(ch, SAMPLE_PASSPORT.access_key)
            finally:
                ch.close()
            ratios.append((r.duration_s - r.transmit_s) / r.duration_s)
            totals.append(r.duration_s)
            apdus = r.apdu_count
        ratios, totals = ratios[1:], totals[1:]  # the first read warms caches
    finally:
        if sim.stdin:
            sim.stdin.close()
        sim.wait(10)
    return figure("bac_read_overhead_ratio", ratios,
                  read_ms=round(statistics.median(totals) * 1000, 1), apdus=apdus)


FIGURES = {"bac_read_overhead_ratio": bac_read_overhead_ratio}

"""The long day: many visits through the real QML in one process (offscreen Qt, every simulator,
the real face models), mixed services, outcomes and languages, cards pulled, consent refused
and citizens who walk away (one in fifty: the face check times out, from the 46th visit on).
Prints one JSON object: visits, visits per minute, how each ended, RSS after the first visit and
after the last, Python objects, threads, open file descriptors and QObjects. Run by
kiosk/bench/ui.py (`ui_soak`, `visit_rss_mb`) and, with 30 visits, by tests/ui/test_soak.py.
Failed visits are counted in "ended" and listed.

    python -m kiosk.bench._ui_soak VISITS
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import threading
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import psutil
from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication

from kiosk.bench._kiosk_process import running_kiosk
from kiosk.ui.shell import Shell
from kiosk.ui.simulator_bridge import SimulatorBridge
from kiosk.ui.touch import Finger, exists, items

LANGS = ("zh-Hans", "en", "zh-Hant")


class Driver(Finger):
    """A citizen's finger on the real screens (kiosk/ui/touch.py), plus where the visit is."""

    def __init__(self, app: QGuiApplication, shell: Shell) -> None:
        super().__init__(app, shell.window)
        self.shell = shell

    def exists(self, name: str) -> bool:
        return exists(self.window, name)

    def screen(self, name: str, timeout_s: float = 30.0) -> None:
        self.until(lambda: self.shell.visit.current_screen() == name, timeout_s,
                   f"the {name} screen (now {self.shell.visit.current_screen()})")
        self.pump(0.05)

    def home(self) -> None:
        for _ in range(3):
            if self.shell.visit.current_screen() == "home":
                return
            for button in ("goodbyeHome", "endedHome", "navHome"):
                if self.exists(button):
                    self.tap(button)
                    break
            if self.exists("leaveYes"):  # "end this visit?" asked first during a visit
                self.tap("leaveYes")
            self.pump(0.3)
        self.screen("home", 30)


def _sim(shell: Shell) -> SimulatorBridge:
    if shell.simulator is None:
        raise RuntimeError("the soak needs the simulated devices (simulate mode)")
    return shell.simulator


def visit(d: Driver, n: int) -> str:
    """One citizen. Returns how the visit ended."""
    sim = _sim(d.shell)
    assert sim is not None
    d.shell.visit.setLanguage(LANGS[n % len(LANGS)])
    kind = n % 10
    service = "social-insurance-certificate" if kind in (1, 4, 7) else \
        "criminal-record-certificate"
    d.tap("tilePersonal")
    d.screen("services")
    d.tap(f"service_{service}")
    d.screen("intro")
    d.tap("beginVisit")
    d.screen("identify")
    sim.placeCard("zhang-wei")  # the sample citizen every service here approves
    d.screen("face_consent", 20)
    if n % 50 == 45:                                # walks away: the face check times out
        d.screen("ended", 90)                       # (timeouts.face_check_s, 20 s)
        sim.liftCard()
        d.home()
        return "timed_out"
    if kind == 9:                                   # no face check: the visit ends
        d.tap("faceConsentNo")
        d.screen("ended")
        sim.liftCard()
        d.home()
        return "declined"
    d.tap("faceConsentYes")
    d.screen("field", 40)
    if kind == 8:                                   # the card is pulled mid-form
        sim.liftCard()
        d.screen("ended", 20)
        d.home()
        return "card_pulled"
    if service == "criminal-record-certificate":
        d.tap("choice_1")
        d.screen("field")
        d.until(lambda: d.exists("key_1"), 10, "the digit pad")
        for digit in "13912345678":
            d.tap(f"key_{digit}")
        d.tap("fieldNext")
    else:
        d.tap("choice_0")
    d.screen("confirm")
    d.tap("confirmYes")
    d.screen("offers_consent", 90)                  # 政策找人: this citizen says no
    d.tap("offersConsentNo")
    d.screen("rate", 90)
    if kind in (0, 5):
        d.tap("rate_5")
        d.tap("rateSubmit")
    else:
        d.tap("rateSkip")
    d.screen("goodbye", 30)
    sim.liftCard()
    d.home()
    return "done"


def qobjects(shell: Shell) -> int:
    """QObjects of the UI: the window's, the visual tree's items, the engine's and the
    application's (a translator made at every language switch lived on as its child)."""
    tree = sum(1 for _ in items(shell.window))
    return tree + len(shell.window.findChildren(QObject)) + \
        len(shell.engine.findChildren(QObject)) + len(shell.app.findChildren(QObject))


def snapshot(shell: Shell) -> dict[str, float]:
    gc.collect()
    proc = psutil.Process()
    status = dict(line.split(":", 1) for line in
                  Path("/proc/self/status").read_text().splitlines() if ":" in line)
    kb = {k: int(status[k].split()[0]) for k in ("RssAnon", "RssFile", "RssShmem", "VmHWM")
          if k in status}
    # the kiosk's own worker (the QR decoder) is the kiosk's memory too; simulators are not
    workers = [c for c in proc.children() if "qr_decoder_process" in " ".join(c.cmdline())]
    worker_rss = sum(w.memory_info().rss for w in workers)
    return {"rss_mb": round((proc.memory_info().rss + worker_rss) / 2**20, 1),
            "qr_worker_rss_mb": round(worker_rss / 2**20, 1),
            "rss_anon_mb": round(kb.get("RssAnon", 0) / 1024, 1),
            "rss_file_mb": round(kb.get("RssFile", 0) / 1024, 1),
            # the kiosk process's highest RSS so far: during visits, models and buffers in use
            "peak_rss_mb": round(kb.get("VmHWM", 0) / 1024, 1),
            "python_objects": len(gc.get_objects()), "threads": threading.active_count(),
            # the asyncio loop's default pool (to_thread, run_in_executor) starts its workers
            # as work overlaps, up to min(32, cores + 4): bounded, not a leak
            "pool_threads": sum(t.name.startswith("asyncio_") for t in threading.enumerate()),
            "fds": proc.num_fds(), "qobjects": qobjects(shell)}


def photograph_failure(d: Driver, n: int) -> None:
    """A visit that went wrong, as the screen showed it, when KIOSK_SOAK_SHOTS names a folder
    (the screen and the nav bar's state beside it; stand-in citizens only, no one real)."""
    folder = os.environ.get("KIOSK_SOAK_SHOTS")
    if not folder:
        return
    d.shell.window.grabWindow().save(f"{folder}/failed-visit-{n}.png")
    w = d.shell.window
    state = {k: w.property(k) for k in ("dialogOpen", "leaveAsked", "keyboardWanted")}
    Path(folder, f"failed-visit-{n}.txt").write_text(
        f"{state}\nscreen={d.shell.visit.current_screen()}\n", encoding="utf-8")


def main(visits: int, without: Sequence[str] = (), rest_s: float | None = None) -> None:
    """`rest_s`: after the day, let the kiosk rest (its face models go after `rest_s`) and
    measure it at rest too."""
    ended: Counter[str] = Counter()
    failures: list[str] = []
    first: dict[str, float] = {}
    with running_kiosk("kiosk-bench-soak-", without, models_rest_s=rest_s,
                       backend_apart=True) as k:
        shell = k.shell
        d = Driver(k.app, shell)
        d.until(lambda: bool(shell.visit.ready), 60, "the visit machinery")
        d.pump(1.0)
        idle = snapshot(shell)
        started = time.perf_counter()
        for n in range(visits):
            try:
                ended[visit(d, n)] += 1
            except TimeoutError as exc:  # a visit that went wrong: counted, then the next one
                failures.append(f"visit {n}: {exc}")
                photograph_failure(d, n)
                ended["failed"] += 1
                _sim(shell).liftCard()
                d.pump(1.0)
                d.home()
            if n == 0:
                d.pump(2.5)  # the kiosk trims malloc 2 s after a visit: measure it settled
                first = snapshot(shell)
        minutes = (time.perf_counter() - started) / 60
        d.pump(2.5)
        last = snapshot(shell)
        rested: dict[str, float] = {}
        if rest_s is not None:  # the hall goes quiet: the face models go, then a trim
            d.pump(rest_s + 2.5)
            rested = snapshot(shell)
    print(json.dumps({"visits": visits, "visits_per_min": round(visits / minutes, 1),
                      "ended": dict(ended), "failures": failures[:5], "idle": idle,
                      "first": first, "last": last, "rested": rested,
                      "rss_growth_mb": round(last["rss_mb"] - first["rss_mb"], 1)}))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m kiosk.bench._ui_soak")
    parser.add_argument("visits", nargs="?", type=int, default=30)
    parser.add_argument("--without", action="append", default=[], metavar="KIND",
                        help="a device kind the kiosk runs without")
    parser.add_argument("--rest", type=float, metavar="SECONDS",
                        help="after the day, the rest after which the face models go")
    options = parser.parse_args()
    main(options.visits, options.without, options.rest)

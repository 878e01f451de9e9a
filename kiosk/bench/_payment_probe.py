"""Measures `payment_confirm_ms` in its own process (offscreen Qt, all simulators): a citizen
pays a contribution by touch (城乡居民养老保险, a tier chosen), the simulated phone pays the
order's QR code, and the time is taken from the moment the phone sends the payment (the
platform confirms it while answering) to the first frame drawn with "已支付" on the screen.
Prints one JSON object. Run by kiosk/bench/payment.py."""

from __future__ import annotations

import json
import sys
import time

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from kiosk.app import CoreThread, KioskCore
from kiosk.bench._kiosk_process import running_kiosk
from kiosk.bench._ui_probe import SwapRecorder, find, pump, wait_for_screen
from kiosk.sim.phone import ScriptedPhone
from kiosk.ui.shell import Shell

SERVICE = "resident-pension-contribution"


def tap(app: QGuiApplication, shell: Shell, name: str, screen: str, within_s: float = 20) -> None:
    item = find(shell.window.contentItem(), name)
    if item is None:
        raise RuntimeError(f"no visible {name!r} on the screen")
    # where the button is once the screen has laid out (a row can still move as its view
    # arrives: 稍后扫码评 appears beside 不评价 when the receipt had a code)
    p = item.mapToScene(item.boundingRect().center())
    while True:
        pump(app, 0.05)
        now = item.mapToScene(item.boundingRect().center())
        if now == p:
            break
        p = now
    QTest.mouseClick(shell.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(int(p.x()), int(p.y())))
    wait_for_screen(app, shell, screen, within_s)


def one_payment(app: QGuiApplication, shell: Shell, core: KioskCore, thread: CoreThread,
                recorder: SwapRecorder) -> float:
    """One citizen pays by touch; ms from the phone's payment to "已支付" drawn."""
    sim = shell.simulator
    if sim is None or core.gateway is None:
        raise RuntimeError("the probe needs the simulated devices (simulate mode)")
    shell.visit.openService(SERVICE)  # (how the citizen found it is not what is measured)
    wait_for_screen(app, shell, "intro", 10)
    tap(app, shell, "beginVisit", "identify")
    sim.placeCard("zhang-wei")
    wait_for_screen(app, shell, "field", 30)
    tap(app, shell, "choice_0", "confirm")
    tap(app, shell, "confirmYes", "pay_offer")
    tap(app, shell, "payGo", "pay")
    limit = time.perf_counter() + 20
    while not shell.visit.current_view().get("qr"):
        if time.perf_counter() > limit:
            raise RuntimeError("no QR code was shown")
        pump(app, 0.02)
    url = str(shell.visit.current_view()["qr"])
    pump(app, 0.3)  # the citizen looks at the screen and takes out their phone
    swapped = recorder.times
    swapped.clear()
    t0 = time.perf_counter()
    thread.submit(ScriptedPhone(core.gateway).pay(url))
    while not shell.visit.current_view().get("paid"):
        app.processEvents()
        if time.perf_counter() > limit + 20:
            raise RuntimeError("已支付 never showed")
    changed = recorder.changed_at
    while not [t for t in swapped if t >= changed]:
        app.processEvents()
    shown = next(t for t in swapped if t >= changed)
    wait_for_screen(app, shell, "offers_consent", 60)  # 政策找人: not this time
    tap(app, shell, "offersConsentNo", "rate", 60)
    tap(app, shell, "rateSkip", "goodbye")
    sim.liftCard()
    tap(app, shell, "goodbyeHome", "home")
    return (shown - t0) * 1000


def main(runs: int) -> None:
    with running_kiosk("kiosk-bench-pay-") as k:
        recorder = SwapRecorder()
        k.shell.window.frameSwapped.connect(recorder.on_swap, Qt.ConnectionType.DirectConnection)
        k.shell.visit.screenChanged.connect(recorder.on_screen,
                                            Qt.ConnectionType.DirectConnection)
        pump(k.app, 1.0)
        deadline = time.perf_counter() + 60
        while not k.shell.visit.ready:
            if time.perf_counter() > deadline:
                raise RuntimeError("the visit machinery did not load within 60 s")
            pump(k.app, 0.05)
        samples = [one_payment(k.app, k.shell, k.core, k.thread, recorder)
                   for _ in range(runs)]
        print(json.dumps({"payment_confirm_ms": samples}))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)

"""缴费 on the real QML (offscreen, all simulators): a citizen sees what, to whom and how much
before paying, the order's QR code with its countdown, "已支付" only once the platform confirms
(the simulated phone pays the QR), the paid receipt; a citizen who cancels at the QR is told
nothing was charged. Nothing of either is left on the screen or in the view models."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.sim.citizens import card
from kiosk.sim.phone import ScriptedPhone
from tests.ui.driving import exists, find, tap, texts, wait_screen

pytestmark = pytest.mark.usefixtures("cupsd_running")


def nothing_left(shell) -> None:
    shown = "\n".join(texts(shell))
    models = json.dumps([shell.visit.view], ensure_ascii=False, default=str)
    for s in (card("zhang-wei").record.name, card("zhang-wei").record.id_number, "李娜"):
        assert s not in shown
        assert s not in models


def test_a_contribution_paid_by_touch_and_one_cancelled(shell, core, qtbot,
                                                        artifacts: Path) -> None:
    kiosk_core, thread = core
    out = artifacts / "payment"
    out.mkdir(exist_ok=True)
    # 城乡居民养老保险, the third tier, paid by the phone scanning the QR code
    tap(shell, qtbot, "tilePersonal")
    wait_screen(shell, qtbot, "services")
    tap(shell, qtbot, "service_resident-pension-contribution")
    wait_screen(shell, qtbot, "intro")
    assert "收款单位：易办市社会保险事业管理局" in find(shell, "introPayment").property("text")
    tap(shell, qtbot, "beginVisit")
    wait_screen(shell, qtbot, "identify")
    shell.bridge.sim.placeCard("zhang-wei")
    wait_screen(shell, qtbot, "field", timeout=30000)   # no face check to pay
    tap(shell, qtbot, "choice_2")                        # 三档：1000元
    wait_screen(shell, qtbot, "confirm")
    tap(shell, qtbot, "confirmYes")
    wait_screen(shell, qtbot, "pay_offer")
    shown = "\n".join(texts(shell))
    assert "三档：1000元" in shown
    assert "合计：1000.00 元" in shown
    assert "易办市社会保险事业管理局" in shown           # the payee, before any order exists
    assert kiosk_core.orders is not None
    assert kiosk_core.orders.of_day(kiosk_core.clock.today()) == []
    shell.window.grabWindow().save(str(out / "pay-offer.png"))
    tap(shell, qtbot, "payGo")
    wait_screen(shell, qtbot, "pay")
    qtbot.waitUntil(lambda: bool(shell.visit.view.get("qr")), timeout=10000)
    [order] = kiosk_core.orders.of_day(kiosk_core.clock.today())
    assert order.state == "shown"                        # durable before the QR is shown
    qtbot.waitUntil(lambda: "完成支付" in find(shell, "payCountdown").property("text"))
    assert not exists(shell, "paidMark")                 # not paid: no "已支付"
    shell.window.grabWindow().save(str(out / "pay-qr.png"))
    assert kiosk_core.gateway is not None
    thread.submit(ScriptedPhone(kiosk_core.gateway).pay(str(shell.visit.view["qr"]))).result(10)
    qtbot.waitUntil(lambda: exists(shell, "paidMark"), timeout=5000)
    assert find(shell, "payAmount").property("text") == "已支付 1000.00 元"
    shell.window.grabWindow().save(str(out / "pay-paid.png"))
    wait_screen(shell, qtbot, "rate", timeout=30000)
    assert "已支付 1000.00 元" in find(shell, "paidNote").property("text")
    assert "回执" in find(shell, "takeDocuments").property("text")
    shell.window.grabWindow().save(str(out / "pay-done.png"))
    assert kiosk_core.orders.get(order.order_no).state == "printed"
    tap(shell, qtbot, "rateSkip")
    wait_screen(shell, qtbot, "goodbye")
    nothing_left(shell)
    shell.bridge.sim.liftCard()
    tap(shell, qtbot, "goodbyeHome")
    wait_screen(shell, qtbot, "home")

    # 城乡居民医保 for the household: two members due; the citizen cancels at the QR code
    shell.visit.openService("resident-medical-insurance-contribution")
    wait_screen(shell, qtbot, "intro")
    tap(shell, qtbot, "beginVisit")
    wait_screen(shell, qtbot, "identify")
    shell.bridge.sim.placeCard("zhang-wei")
    wait_screen(shell, qtbot, "confirm", timeout=30000)
    tap(shell, qtbot, "confirmYes")
    wait_screen(shell, qtbot, "pay_offer")
    assert "合计：1200.00 元" in "\n".join(texts(shell))
    tap(shell, qtbot, "payLine_1")                       # the spouse left out
    qtbot.waitUntil(lambda: "合计：800.00 元" in "\n".join(texts(shell)))
    tap(shell, qtbot, "payGo")
    wait_screen(shell, qtbot, "pay")
    qtbot.waitUntil(lambda: bool(shell.visit.view.get("qr")), timeout=10000)
    assert find(shell, "payAmount").property("text") == "应付金额：800.00 元"
    tap(shell, qtbot, "payCancel")
    wait_screen(shell, qtbot, "ended", timeout=20000)
    assert "没有扣款" in find(shell, "endedReason").property("text")
    shell.window.grabWindow().save(str(out / "pay-cancelled.png"))
    closed = [o for o in kiosk_core.orders.of_day(kiosk_core.clock.today())
              if o.order_no != order.order_no]
    assert [(o.state, o.amount_fen) for o in closed] == [("closed", 80000)]
    nothing_left(shell)
    shell.bridge.sim.liftCard()

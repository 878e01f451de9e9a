"""The hidden admin menu on the real QML, offscreen: the corner gesture (and gestures that must
not open it), the PIN pad with lockout, staff pages and their actions, the audit trail and the
idle lock."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from kiosk.admin.pin import PinStore
from kiosk.credentials import credentials_for
from kiosk.ui.admin.gesture import CornerTaps
from tests.ui.driving import exists, find, tap

PIN = "482913"


class RecordedMachine:
    """The machine the admin menu asks to reboot or to stop the kiosk."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def reboot(self) -> None:
        self.asked.append("reboot")

    def stop_kiosk(self) -> None:
        self.asked.append("stop")


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize(("gaps", "where", "opens"), [
    ([0.3] * 4, (10, 10), True),              # five taps in the corner within 3 s
    ([0.9] * 4, (10, 10), False),             # too slow: 3.6 s
    ([0.3] * 3, (10, 10), False),             # four taps only
    ([0.3] * 4, (300, 10), False),            # not in the corner
])
def test_corner_gesture_timing(gaps: list[float], where: tuple[int, int], opens: bool) -> None:
    clock = Clock()
    opened: list[bool] = []
    g = CornerTaps(lambda: opened.append(True), clock=clock)
    g.tap(*where)
    for gap in gaps:
        clock.now += gap
        g.tap(*where)
    assert bool(opened) is opens


def test_a_tap_elsewhere_breaks_the_gesture() -> None:
    clock = Clock()
    opened: list[bool] = []
    g = CornerTaps(lambda: opened.append(True), clock=clock)
    for i in range(5):
        clock.now += 0.2
        g.tap(10, 10) if i != 2 else g.tap(800, 500)
    assert not opened


def corner_taps(shell, qtbot, n: int = 5) -> None:
    for _ in range(n):
        QTest.mouseClick(shell.window, Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, QPoint(15, 15))
        qtbot.wait(80)


def type_pin(shell, qtbot, pin: str) -> None:
    for d in pin:
        tap(shell, qtbot, f"key_{d}")
    tap(shell, qtbot, "adminPinEnter")


@pytest.fixture
def staff(sim_config) -> Path:
    PinStore(sim_config.data_dir / "admin" / "pins.json",
             key=credentials_for(sim_config).secret("pin.key")).set_pin("zhao", PIN)
    return sim_config.data_dir / "admin"


def test_slow_corner_taps_open_nothing(shell, qtbot, staff) -> None:
    clock = Clock()
    shell.gesture.clock = clock
    for _ in range(5):
        clock.now += 1.0
        QTest.mouseClick(shell.window, Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, QPoint(15, 15))
        qtbot.wait(30)
    assert not exists(shell, "adminOverlay")


def test_staff_log_in_test_the_printer_and_leave(shell, core, qtbot, staff,
                                                  cupsd_running, artifacts) -> None:
    kiosk_core, _thread = core
    corner_taps(shell, qtbot)
    qtbot.waitUntil(lambda: exists(shell, "adminOverlay"), timeout=3000)
    type_pin(shell, qtbot, "000000")
    qtbot.waitUntil(lambda: "PIN不正确" in find(shell, "adminMessage").property("text"))
    type_pin(shell, qtbot, PIN)
    qtbot.waitUntil(lambda: exists(shell, "adminDevices"), timeout=15000)  # scrypt, under load
    shell.window.grabWindow().save(str(artifacts / "admin-menu.png"))

    tap(shell, qtbot, "adminDevices")
    qtbot.waitUntil(lambda: exists(shell, "adminDevice_receipt_printer"))
    # in the staff's words, with the paper and cover signs beside it
    qtbot.waitUntil(lambda: find(shell, "adminDevice_receipt_printer").property("text")
                    .startswith("凭条打印机 · 正常 · 网络 127.0.0.1:"))
    assert exists(shell, "adminIndicator_receipt_printer_ok")       # paper
    assert exists(shell, "adminIndicator_receipt_printer_closed")   # cover
    assert "True" not in find(shell, "adminDevice_idcard").property("text")
    before = kiosk_core.hub.receipt.printed
    tap(shell, qtbot, "adminTestReceipt")
    qtbot.waitUntil(lambda: "已打印" in find(shell, "adminMessage").property("text"),
                    timeout=10000)
    assert kiosk_core.hub.receipt.printed == before + 1
    shell.window.grabWindow().save(str(artifacts / "admin-devices.png"))

    tap(shell, qtbot, "adminBackToMenu")
    tap(shell, qtbot, "adminOutbox")
    qtbot.waitUntil(lambda: "待上传" in find(shell, "adminOutboxStatus").property("text"))
    tap(shell, qtbot, "adminBackToMenu")
    tap(shell, qtbot, "adminCatalog")  # the province's catalog: this kiosk has no repository
    qtbot.waitUntil(lambda: exists(shell, "adminCatalogVersion"))
    assert find(shell, "adminCatalogVersion").property("text") == "服务目录：随终端安装的版本"
    assert find(shell, "adminCatalogChecked").property("text") == \
        "未配置发布源（catalog.repository）"
    tap(shell, qtbot, "adminCatalogCheck")
    qtbot.waitUntil(lambda: "未配置服务目录发布源" in find(shell, "adminMessage").property("text"),
                    timeout=5000)
    # 缴费: the day's totals, what was settled at start, 对账 of yesterday (nothing personal)
    tap(shell, qtbot, "adminBackToMenu")
    tap(shell, qtbot, "adminPayments")
    qtbot.waitUntil(lambda: "已收款0笔" in find(shell, "adminPaymentTotals").property("text"))
    assert "没有未完成的缴费订单" in find(shell, "adminPaymentsAtStart").property("text")
    tap(shell, qtbot, "adminReconcile")
    qtbot.waitUntil(lambda: "对账无差异" in find(shell, "adminMessage").property("text"),
                    timeout=10000)
    shell.window.grabWindow().save(str(artifacts / "admin-payments.png"))
    tap(shell, qtbot, "adminBackToMenu")
    tap(shell, qtbot, "adminSystem")
    tap(shell, qtbot, "adminExport")
    qtbot.waitUntil(lambda: "已导出" in find(shell, "adminMessage").property("text"),
                    timeout=10000)
    exported = next((kiosk_core.config.data_dir / "usb-stick").iterdir())
    readiness = json.loads((exported / "readiness.json").read_text())
    assert readiness["kiosk_id"] == "SIM-0001"
    assert "receipt_printer" in readiness["devices"]
    assert readiness["catalog"]["serving"] == 0  # the shipped catalog
    tap(shell, qtbot, "adminRestart")
    assert exists(shell, "adminConfirmYes")      # asked before anything happens
    tap(shell, qtbot, "adminConfirmNo")
    # reboot and stop-for-maintenance are the Qt-free admin actions (no systemd here: the
    # machine is a recorder)
    machine = RecordedMachine()
    shell.admin.actions.control = machine
    for button, asked, words in (("adminReboot", "reboot", "设备正在重启"),
                                 ("adminShell", "stop", "终端正在停止")):
        before = list(machine.asked)
        tap(shell, qtbot, button)
        assert machine.asked == before  # nothing before the second "yes"
        tap(shell, qtbot, "adminConfirmYes")
        qtbot.waitUntil(lambda w=words: w in find(shell, "adminMessage").property("text"),
                        timeout=5000)
        assert machine.asked[-1] == asked
    tap(shell, qtbot, "adminClose")
    qtbot.waitUntil(lambda: not exists(shell, "adminOverlay"))

    actions = [e["action"] for e in shell.admin.audit.entries()]
    assert actions == ["login-failed", "login", "test-receipt", "catalog-check",
                       "payments-reconcile", "export-usb", "reboot", "stop-for-maintenance",
                       "logout"]
    assert all(e["staff_id"] in ("zhao", "-") for e in shell.admin.audit.entries())


def test_wrong_pins_lock_the_menu(shell, qtbot, staff) -> None:
    corner_taps(shell, qtbot)
    qtbot.waitUntil(lambda: exists(shell, "adminOverlay"), timeout=3000)
    for _ in range(5):
        type_pin(shell, qtbot, "000000")
    qtbot.waitUntil(lambda: "秒后再试" in find(shell, "adminMessage").property("text"))
    type_pin(shell, qtbot, PIN)                      # locked: even the right PIN waits
    assert not exists(shell, "adminDevices")
    assert "秒后再试" in find(shell, "adminMessage").property("text")


def test_the_admin_session_locks_itself_when_idle(shell, qtbot, staff) -> None:
    corner_taps(shell, qtbot)
    qtbot.waitUntil(lambda: exists(shell, "adminOverlay"), timeout=3000)
    shell.admin._idle.setInterval(300)
    type_pin(shell, qtbot, PIN)
    qtbot.waitUntil(lambda: exists(shell, "adminDevices"), timeout=15000)  # scrypt, under load
    qtbot.waitUntil(lambda: not exists(shell, "adminOverlay"), timeout=3000)
    assert shell.admin.audit.entries()[-1]["action"] == "locked-idle"


def test_a_damaged_pin_store_is_said_in_words(shell, qtbot, sim_config) -> None:
    store = sim_config.data_dir / "admin" / "pins.json"
    store.parent.mkdir(parents=True, exist_ok=True)
    store.write_text('{"staff": {"zhao": {"salt": "not hex"')
    corner_taps(shell, qtbot)
    qtbot.waitUntil(lambda: exists(shell, "adminOverlay"), timeout=3000)
    assert "PIN存储已损坏" in find(shell, "adminMessage").property("text")
    type_pin(shell, qtbot, PIN)  # nothing raised in the slot; the menu stays closed
    assert "PIN存储已损坏" in find(shell, "adminMessage").property("text")
    assert not exists(shell, "adminDevices")

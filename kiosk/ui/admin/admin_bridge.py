"""The hidden admin menu's view model: PIN entry with lockout, then the staff pages — device
dashboard and tests, outbox, reprints, the redacted log, statistics, configuration, system
(version, machine id, clock, export to a USB stick, self-test ticket, restart or reboot), the
province's catalog (version, last check, why an update was refused; check now).

Every action is written to the audit log with its event id and the staff id. The admin
session locks itself after two idle minutes. Long actions run on the core loop and report
back through a queued signal; QML only shows `page`, `message` and the data properties.
"""

from __future__ import annotations

import json
import os
import platform
import time
from collections.abc import Callable, Coroutine
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, Qt, QTimer, Signal, Slot

from kiosk import __version__
from kiosk.admin.audit import AuditLog
from kiosk.admin.catalog_lines import catalog_lines
from kiosk.admin.pin import PinStore, PinStoreDamaged
from kiosk.admin.recent_logs import RecentLogs
from kiosk.admin.statistics import VisitStatistics
from kiosk.app import CoreThread
from kiosk.config import KioskSettings
from kiosk.credentials import credentials_for
from kiosk.domain.clock import printed_time
from kiosk.events import EventId
from kiosk.logging import get_logger

if TYPE_CHECKING:  # the actions (and the device stack) load when the core is attached
    from kiosk.admin.actions import ActionResult, KioskServices, MaintenanceActions

log = get_logger(__name__)
_PIN_STORE_DAMAGED = "PIN存储已损坏：请通过SSH运行 kiosk admin set-pin 重新设置PIN"

IDLE_LOCK_S = 120
PAGES = ("menu", "devices", "outbox", "payments", "reprint", "logs", "stats", "config",
         "system", "catalog")


class AdminBridge(QObject):
    changed = Signal()
    _done = Signal(str, str)  # cross-thread: message, page to show ("" keeps the page)

    def __init__(self, config: KioskSettings, statistics: VisitStatistics, thread: CoreThread,
                 logs: RecentLogs, *, on_restart: Callable[[], None],
                 clock: Callable[[], float] = time.time, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._config = config
        self._statistics = statistics
        self._clock = statistics.clock  # the kiosk's clock, in its zone
        self._services: KioskServices | None = None
        self._metrics_port: int | None = None
        self._thread = thread
        self._logs = logs
        self._on_restart = on_restart
        data = config.data_dir
        # the PIN hashes are sealed under the credential pin.key (kiosk/admin/pin.py)
        self.pins = PinStore(data / "admin" / "pins.json", clock,
                             key=credentials_for(config).secret("pin.key"))
        self.audit = AuditLog(data / "admin" / "audit.jsonl", clock)
        self.actions: MaintenanceActions | None = None
        self._open = False
        self._page = "pin"
        self._staff = ""
        self._message = ""
        self._filter = ""
        self._confirm = ""
        self._outbox: dict[str, Any] = {}
        self._payments: dict[str, Any] = {}  # 缴费: the day's totals, open orders (no person)
        self._stats: dict[str, Any] = {}
        self._catalog: dict[str, Any] = {}
        self._done.connect(self._finish, Qt.ConnectionType.QueuedConnection)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(IDLE_LOCK_S * 1000)
        self._idle.timeout.connect(self._idle_lock)

    def attach(self, services: KioskServices, metrics_port: int | None) -> None:
        """The core has started: its devices, outbox and uploader can be used."""
        self._services = services
        self._metrics_port = metrics_port
        from kiosk.admin.actions import MaintenanceActions

        self.actions = MaintenanceActions(services, self.audit)

    # --- entering and leaving -------------------------------------------------------------
    def open_pin_pad(self) -> None:
        """The hidden gesture was made: ask for a PIN (or say that the menu is locked)."""
        self._open, self._page, self._staff = True, "pin", ""
        try:
            locked = self.pins.locked_for()
            self._message = self._locked_words(locked) if locked else \
                ("" if self.pins.configured else
                 "尚未设置管理员PIN：请通过SSH运行 kiosk admin set-pin")
        except PinStoreDamaged:
            self._message = _PIN_STORE_DAMAGED
        self._idle.start()
        self.changed.emit()

    def touched(self) -> None:
        """Any input while the menu is open keeps it unlocked for two more minutes."""
        if self._open:
            self._idle.start()

    @staticmethod
    def _locked_words(seconds: float) -> str:
        return f"PIN错误次数过多，请 {int(seconds) + 1} 秒后再试"

    @Slot(str)
    def enterPin(self, pin: str) -> None:
        self.touched()
        try:
            result = self.pins.check(pin)
        except PinStoreDamaged:
            self._message = _PIN_STORE_DAMAGED
            self.audit.record(EventId.ADMIN_LOGIN_FAILED, "-", "pin-store-damaged")
            self.changed.emit()
            return
        if result.ok:
            self._staff, self._page, self._message = result.staff_id, "menu", ""
            self.audit.record(EventId.ADMIN_LOGIN, self._staff, "login")
        elif result.locked_for_s:
            self._message = self._locked_words(result.locked_for_s)
            self.audit.record(EventId.ADMIN_LOCKED_OUT, "-", "locked-out",
                              seconds=round(result.locked_for_s))
        else:
            self._message = f"PIN不正确，还可再试 {result.attempts_left} 次"
            self.audit.record(EventId.ADMIN_LOGIN_FAILED, "-", "login-failed")
        self.changed.emit()

    @Slot()
    def close(self) -> None:
        if self._staff:
            self.audit.record(EventId.ADMIN_LOGOUT, self._staff, "logout")
        self._open, self._staff, self._page, self._message = False, "", "pin", ""
        self._confirm = ""
        self._idle.stop()
        self.changed.emit()

    def _idle_lock(self) -> None:
        if self._staff:
            self.audit.record(EventId.ADMIN_LOGOUT, self._staff, "locked-idle")
        self._open, self._staff, self._page, self._message = False, "", "pin", ""
        self.changed.emit()

    # --- pages ----------------------------------------------------------------------------
    @Slot(str)
    def showPage(self, page: str) -> None:
        if not self._staff or page not in PAGES:
            return
        self.touched()
        self._page, self._message, self._confirm = page, "", ""
        if page == "outbox":
            self._refresh_outbox()
        elif page == "payments":
            self._refresh_payments()
        elif page == "stats":
            self._stats = self._statistics.summary()
        elif page == "catalog":
            self._refresh_catalog()
        self.changed.emit()

    def _refresh_catalog(self) -> None:
        status = self._services.catalog_status() if self._services else {}
        self._catalog = catalog_lines(status, self._clock)

    def _refresh_payments(self) -> None:
        self._payments = self.actions.payments_today() if self.actions is not None else {}

    def _refresh_outbox(self) -> None:
        outbox = self._services.outbox if self._services else None
        self._outbox = outbox.status().as_json() if outbox else {}
        restarts = self._services.uploader_restarts() if self._services else 0
        if restarts:
            self._outbox["uploader_restarts"] = restarts

    def _run(self, act: Callable[[MaintenanceActions, str],
                                 Coroutine[Any, Any, ActionResult]]) -> None:
        """Run an action for the staff member on the core loop (it writes its own audit
        record); its words come back as the message."""
        if not self._staff:
            return
        self.touched()
        if self.actions is None:
            self._message = "终端正在启动，请稍候再试"
            self.changed.emit()
            return
        actions = self.actions
        self._message = "正在执行…"
        self.changed.emit()
        staff = self._staff

        def done(f: Any) -> None:
            try:
                words = f.result().words
            except Exception as exc:
                words = f"失败：{type(exc).__name__}: {exc}"
            self._done.emit(words, "")
        self._thread.submit(act(actions, staff)).add_done_callback(done)

    @Slot(str, str)
    def _finish(self, message: str, page: str) -> None:
        self._message = message
        if page:
            self._page = page
        if self._page == "outbox":
            self._refresh_outbox()
        elif self._page == "catalog":
            self._refresh_catalog()
        elif self._page == "payments":
            self._refresh_payments()
        self.changed.emit()

    # --- device tests, outbox, reprints (kiosk.admin.actions) ----------------------------
    @Slot()
    def testReceipt(self) -> None:
        self._run(lambda a, staff: a.print_test_ticket(staff))

    @Slot()
    def selfTestTicket(self) -> None:
        self._run(lambda a, staff: a.print_test_ticket(staff, title="自检单"))

    @Slot()
    def testCertificate(self) -> None:
        self._run(lambda a, staff: a.print_test_page(staff))

    @Slot()
    def testCardRead(self) -> None:
        self._run(lambda a, staff: a.test_card_read(staff))

    @Slot()
    def testQr(self) -> None:
        self._run(lambda a, staff: a.scan_qr(staff))

    @Slot()
    def reconcileYesterday(self) -> None:
        """对账 of yesterday (the platform publishes a day's statement the next day)."""
        day = self._clock.today() - timedelta(days=1)
        self._run(lambda a, staff: a.reconcile_payments(staff, day))

    @Slot()
    def outboxRetry(self) -> None:
        self._run(lambda a, staff: a.retry_outbox(staff))

    @Slot()
    def checkCatalog(self) -> None:
        """The province's repository, checked now; a new catalog applies from the next visit."""
        self._run(lambda a, staff: a.check_catalog(staff))

    @Slot(str)
    def reprint(self, case_number: str) -> None:
        if not case_number.strip():
            self._message = "请输入办件编号"
            self.changed.emit()
            return
        self._run(lambda a, staff: a.reprint(staff, case_number))

    # --- logs, export, system -------------------------------------------------------------
    @Slot(str)
    def filterLogs(self, text: str) -> None:
        self.touched()
        self._filter = text.strip()
        self.changed.emit()

    @Slot()
    def exportToUsb(self) -> None:
        self._run(lambda a, staff: a.export(staff))

    def readiness(self) -> dict[str, Any]:
        return self.actions.readiness() if self.actions else {"ready": False}

    @Slot()
    def validateConfig(self) -> None:
        """Read the configuration file again and say whether it would load."""
        from kiosk.config import ConfigError, load_config

        self.touched()
        try:
            load_config(os.environ.get("KIOSK_CONFIG") or None)
            self._message = "配置文件有效"
        except ConfigError as exc:
            self._message = f"配置文件有误：{exc}"
        self.changed.emit()

    @Slot(str)
    def confirm(self, action: str) -> None:
        """Restart and reboot are asked twice: this sets the question on screen."""
        self.touched()
        self._confirm = action
        self.changed.emit()

    @Slot()
    def confirmed(self) -> None:
        action, self._confirm = self._confirm, ""
        if not self._staff or not action:
            return
        if action == "restart":
            self.audit.record(EventId.ADMIN_RESTART, self._staff, action)
            self._on_restart()
        elif action == "reboot":  # audited by the action itself (kiosk/admin/actions.py)
            self._run(lambda a, staff: a.reboot(staff))
        elif action == "shell":  # leave to the maintenance console
            self._run(lambda a, staff: a.stop_for_maintenance(staff))
        self.changed.emit()

    # --- properties -------------------------------------------------------------------------
    def _get_open(self) -> bool:
        return self._open

    def _get_page(self) -> str:
        return self._page

    def _get_message(self) -> str:
        return self._message

    def _get_staff(self) -> str:
        return self._staff

    def _get_confirm(self) -> str:
        return self._confirm

    def _get_payments(self) -> dict[str, Any]:
        return self._payments

    def _get_outbox(self) -> dict[str, Any]:
        return self._outbox

    def _get_stats(self) -> dict[str, Any]:
        return self._stats

    def _get_catalog(self) -> dict[str, Any]:
        return self._catalog

    def _get_logs(self) -> list[str]:
        return self._logs.lines(self._filter)[-200:]

    def _get_audit(self) -> list[str]:
        return [json.dumps(e, ensure_ascii=False) for e in self.audit.entries(50)]

    def _get_config_text(self) -> str:
        data = self._config.model_dump(mode="json")
        return json.dumps(data, indent=2, ensure_ascii=False)

    def _get_system(self) -> dict[str, Any]:
        from kiosk.admin.actions import machine_id

        return {"version": __version__, "machineId": machine_id(),
                "kioskId": self._config.kiosk_id, "python": platform.python_version(),
                "time": printed_time(self._clock.now(), seconds=True),
                "metricsPort": self._metrics_port or 0}

    open = Property(bool, _get_open, notify=changed)
    page = Property(str, _get_page, notify=changed)
    message = Property(str, _get_message, notify=changed)
    staffId = Property(str, _get_staff, notify=changed)
    confirming = Property(str, _get_confirm, notify=changed)
    outbox = Property(dict, _get_outbox, notify=changed)
    payments = Property(dict, _get_payments, notify=changed)
    stats = Property(dict, _get_stats, notify=changed)
    catalog = Property(dict, _get_catalog, notify=changed)
    logs = Property(list, _get_logs, notify=changed)
    auditTrail = Property(list, _get_audit, notify=changed)
    configText = Property(str, _get_config_text, notify=changed)
    system = Property(dict, _get_system, notify=changed)

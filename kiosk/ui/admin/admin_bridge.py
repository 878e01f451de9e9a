"""The hidden admin menu's view model: PIN entry with lockout, then the staff pages — device
dashboard and tests, outbox, reprints, the redacted log, statistics, configuration, system
(version, machine id, clock, export to a USB stick, self-test ticket, restart or reboot).

Every action is written to the audit log with its event id and the staff id. The admin
session locks itself after two idle minutes. Long actions run on the core loop and report
back through a queued signal; QML only shows `page`, `message` and the data properties.
"""

from __future__ import annotations

import asyncio
import json
import os
import platform
import shutil
import socket
import subprocess
import time
from collections.abc import Callable, Coroutine
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Property, QObject, Qt, QTimer, Signal, Slot

from kiosk import __version__
from kiosk.admin.audit import AuditLog
from kiosk.admin.pin import PinStore, PinStoreDamaged
from kiosk.app import CoreThread, KioskCore
from kiosk.events import EventId
from kiosk.logging import get_logger
from kiosk.ui.admin.recent_logs import RecentLogs

log = get_logger(__name__)
_PIN_STORE_DAMAGED = "PIN存储已损坏：请通过SSH运行 kiosk admin set-pin 重新设置PIN"

IDLE_LOCK_S = 120
PAGES = ("menu", "devices", "outbox", "reprint", "logs", "stats", "config", "system")


def machine_id() -> str:
    for p in (Path("/etc/machine-id"), Path("/var/lib/dbus/machine-id")):
        try:
            return p.read_text().strip()[:12]
        except OSError:
            continue
    return socket.gethostname()


def usb_sticks(simulated_dir: Path | None) -> list[Path]:
    """Writable removable media mounted under /media or /run/media (a folder when simulated)."""
    found: list[Path] = []
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        mounts = []
    for line in mounts:
        parts = line.split()
        if len(parts) > 1 and parts[1].startswith(("/media/", "/run/media/")) and \
                os.access(parts[1], os.W_OK):
            found.append(Path(parts[1]))
    if simulated_dir is not None:
        simulated_dir.mkdir(parents=True, exist_ok=True)
        found.append(simulated_dir)
    return found


class AdminBridge(QObject):
    changed = Signal()
    _done = Signal(str, str)  # cross-thread: message, page to show ("" keeps the page)

    def __init__(self, core: KioskCore, thread: CoreThread, logs: RecentLogs,
                 *, on_restart: Callable[[], None], clock: Callable[[], float] = time.time,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._core = core
        self._thread = thread
        self._logs = logs
        self._on_restart = on_restart
        data = core.config.data_dir
        self.pins = PinStore(data / "admin" / "pins.json", clock)
        self.audit = AuditLog(data / "admin" / "audit.jsonl", clock)
        self._open = False
        self._page = "pin"
        self._staff = ""
        self._message = ""
        self._filter = ""
        self._confirm = ""
        self._outbox: dict[str, Any] = {}
        self._stats: dict[str, Any] = {}
        self._done.connect(self._finish, Qt.ConnectionType.QueuedConnection)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(IDLE_LOCK_S * 1000)
        self._idle.timeout.connect(self._idle_lock)

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
        elif page == "stats":
            self._stats = self._core.stats.summary()
        self.changed.emit()

    def _refresh_outbox(self) -> None:
        self._outbox = self._core.outbox.status().as_json() if self._core.outbox else {}
        supervisor = self._core.uploader_supervisor
        if supervisor is not None and supervisor.restarts:
            self._outbox["uploader_restarts"] = supervisor.restarts

    def _run(self, action: str, event_id: EventId, coro: Coroutine[Any, Any, str],
             **details: Any) -> None:
        """Audit, then run `coro` on the core loop; its words come back as the message."""
        if not self._staff:
            coro.close()
            return
        self.touched()
        self.audit.record(event_id, self._staff, action, **details)
        self._message = "正在执行…"
        self.changed.emit()

        def done(f: Any) -> None:
            try:
                words = str(f.result())
            except Exception as exc:
                words = f"失败：{type(exc).__name__}: {exc}"
            self._done.emit(words, "")
        self._thread.submit(coro).add_done_callback(done)

    @Slot(str, str)
    def _finish(self, message: str, page: str) -> None:
        self._message = message
        if page:
            self._page = page
        if self._page == "outbox":
            self._refresh_outbox()
        self.changed.emit()

    # --- device tests ---------------------------------------------------------------------
    @Slot()
    def testReceipt(self) -> None:
        self._run("test-receipt", EventId.ADMIN_DEVICE_TEST, self._print_ticket("测试凭条"),
                  device="receipt_printer")

    @Slot()
    def selfTestTicket(self) -> None:
        self._run("self-test-ticket", EventId.ADMIN_DEVICE_TEST, self._print_ticket("自检单"),
                  device="receipt_printer")

    async def _print_ticket(self, title: str) -> str:
        from kiosk.documents.receipt import ReceiptDocument, Rule, Text, to_escpos

        printer = self._device("receipt_printer")
        lines: list[Text | Rule] = [Text(f"易办自助终端 {title}", "center", bold=True), Rule(),
                                    Text(f"终端：{self._core.config.kiosk_id}"),
                                    Text(f"版本：{__version__}"),
                                    Text(f"时间：{datetime.now():%Y-%m-%d %H:%M:%S}"), Rule()]
        snapshot = self._core.monitor.snapshot() if self._core.monitor else {}
        for name, status in snapshot.items():
            lines.append(Text(f"{name}：{status.state.value} {status.code or ''}".strip()))
        data = to_escpos(ReceiptDocument(list(lines)))
        await printer.print_bytes(data, job=f"admin-{title}-{time.time():.0f}")
        return f"{title}已打印"

    @Slot()
    def testCertificate(self) -> None:
        self._run("test-certificate", EventId.ADMIN_DEVICE_TEST, self._print_certificate(),
                  device="document_printer")

    async def _print_certificate(self) -> str:
        from kiosk.documents.certificate import CertificateContent
        from kiosk.documents.issuer import issuer_for

        c = self._core.config
        issuer = issuer_for(c.data_dir, c.kiosk_id)
        content = CertificateContent(
            title="测试页（无效）", document_number=f"TEST-{time.time():.0f}",
            service_code="TEST", issuer="易办自助终端", holder_fields=[("用途", "打印机测试")],
            body=["本页用于检查文件打印机，不具任何证明效力。"], purpose="打印机测试",
            issue_date=date.today(), kiosk_id=c.kiosk_id, printed_at=datetime.now())
        issued = await asyncio.to_thread(issuer.issue, content, "测试")
        printer = self._device("document_printer")
        job = await printer.print_pdf(issued.pdf, job=f"admin-test-{time.time():.0f}",
                                      title="test page")
        return f"测试页已打印（CUPS 作业 {job}）"

    @Slot()
    def testCardRead(self) -> None:
        self._run("test-card-read", EventId.ADMIN_DEVICE_TEST, self._read_card(),
                  device="idcard")

    async def _read_card(self) -> str:
        reader = self._device("idcard")
        read = await reader.read_card()
        if read is None:
            return "读卡器正常，未检测到证件"
        # staff see that it reads, not whose card it is
        return f"读卡成功：{read.record.card_type.value} 证件，信息校验通过（内容不显示）"

    @Slot()
    def testQr(self) -> None:
        self._run("test-qr", EventId.ADMIN_DEVICE_TEST, self._scan_qr(), device="camera")

    async def _scan_qr(self) -> str:
        from kiosk.devices.camera.qr import QrCredentialReader, QrRejected

        c = self._core.config
        reader = QrCredentialReader(c.qr.pattern, c.qr.max_length)
        camera = self._device("camera")
        deadline = time.monotonic() + 10
        seq = 0
        while time.monotonic() < deadline:
            seq, frame = await asyncio.to_thread(camera.next_frame, seq, 2.0)
            text = await asyncio.to_thread(reader.decode, frame)
            if text is None:
                continue
            try:
                reader.validate(text)
            except QrRejected as exc:
                return f"识别到二维码，但不是可用的身份码：{exc.detail}"
            return "识别到格式正确的身份码（内容不显示）"
        return "10秒内没有识别到二维码"

    def _device(self, name: str) -> Any:
        for d in self._core.devices:
            if d.name == name or d.kind.value == name:
                return d
        raise LookupError(f"没有配置设备 {name}")

    # --- outbox, reprints -----------------------------------------------------------------
    @Slot()
    def outboxRetry(self) -> None:
        async def retry() -> str:
            assert self._core.outbox is not None
            n = self._core.outbox.retry_now()
            if self._core.uploader is not None:
                await self._core.uploader.drain_once()
            return f"已重试 {n} 项"
        self._run("outbox-retry", EventId.ADMIN_OUTBOX_RETRY, retry())

    @Slot(str)
    def reprint(self, case_number: str) -> None:
        case_number = case_number.strip()
        if not case_number:
            self._message = "请输入办件编号"
            self.changed.emit()
            return

        async def again() -> str:
            from kiosk.documents.reprint_store import ReprintNotFound

            store = self._reprints()
            printed = []
            try:
                pdf = store.get(case_number, "certificate")
                await self._device("document_printer").print_pdf(
                    pdf, job=f"reprint-{case_number}-{time.time():.0f}", title="reprint")
                printed.append("证明")
            except ReprintNotFound:
                pass
            try:
                receipt = store.get(case_number, "receipt")
                await self._device("receipt_printer").print_bytes(
                    receipt, job=f"reprint-{case_number}-r-{time.time():.0f}")
                printed.append("回执")
            except ReprintNotFound:
                pass
            if not printed:
                return f"没有办件 {case_number} 的可补打文件（文件保留24小时）"
            return f"已补打：{'、'.join(printed)}"
        self._run("reprint", EventId.ADMIN_REPRINT, again(), case_number=case_number)

    def _reprints(self) -> Any:
        from kiosk.documents.reprint_store import ReprintStore

        return ReprintStore(self._core.config.data_dir / "reprints")

    # --- logs, export, system -------------------------------------------------------------
    @Slot(str)
    def filterLogs(self, text: str) -> None:
        self.touched()
        self._filter = text.strip()
        self.changed.emit()

    @Slot()
    def exportToUsb(self) -> None:
        async def export() -> str:
            sim = self._core.config.data_dir / "usb-stick" if self._core.config.simulate \
                else None
            sticks = usb_sticks(sim)
            if not sticks:
                return "未找到U盘：请插入U盘后再试"
            stamp = time.strftime("%Y%m%d-%H%M%S")
            target = sticks[0] / f"kiosk-{self._core.config.kiosk_id}-{stamp}"
            target.mkdir(parents=True)
            (target / "logs.jsonl").write_text("\n".join(self._logs.lines()) + "\n",
                                               encoding="utf-8")
            if self.audit.path.exists():
                shutil.copy(self.audit.path, target / "audit.jsonl")
            (target / "readiness.json").write_text(json.dumps(self.readiness(), indent=2,
                                                              ensure_ascii=False),
                                                   encoding="utf-8")
            return f"已导出到 {target}"
        self._run("export-usb", EventId.ADMIN_EXPORT, export())

    def readiness(self) -> dict[str, Any]:
        snapshot = self._core.monitor.snapshot() if self._core.monitor else {}
        c = self._core.config
        disk = shutil.disk_usage(c.data_dir if c.data_dir.exists() else Path("/"))
        return {
            "kiosk_id": c.kiosk_id, "version": __version__, "machine_id": machine_id(),
            "time": datetime.now().isoformat(timespec="seconds"),
            "devices": {n: {"state": s.state.value, "code": s.code, "connected": s.connected}
                        for n, s in snapshot.items()},
            "outbox": self._core.outbox.status().as_json() if self._core.outbox else None,
            "disk_free_mb": round(disk.free / 2**20),
            "ready": all(s.connected for s in snapshot.values()),
        }

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
        self.audit.record(EventId.ADMIN_RESTART, self._staff, action)
        if action == "restart":
            self._on_restart()
        elif action == "reboot":
            subprocess.Popen(["systemctl", "reboot"])
        elif action == "shell":
            # leave to the maintenance console: stop the kiosk unit without restarting it
            subprocess.Popen(["systemctl", "stop", "kiosk.service"])
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

    def _get_outbox(self) -> dict[str, Any]:
        return self._outbox

    def _get_stats(self) -> dict[str, Any]:
        return self._stats

    def _get_logs(self) -> list[str]:
        return self._logs.lines(self._filter)[-200:]

    def _get_audit(self) -> list[str]:
        return [json.dumps(e, ensure_ascii=False) for e in self.audit.entries(50)]

    def _get_config_text(self) -> str:
        data = self._core.config.model_dump(mode="json")
        return json.dumps(data, indent=2, ensure_ascii=False)

    def _get_system(self) -> dict[str, Any]:
        return {"version": __version__, "machineId": machine_id(),
                "kioskId": self._core.config.kiosk_id, "python": platform.python_version(),
                "time": datetime.now().strftime("%Y-%m-%d %H:%M:%S"),
                "metricsPort": self._core.metrics_port or 0}

    open = Property(bool, _get_open, notify=changed)
    page = Property(str, _get_page, notify=changed)
    message = Property(str, _get_message, notify=changed)
    staffId = Property(str, _get_staff, notify=changed)
    confirming = Property(str, _get_confirm, notify=changed)
    outbox = Property(dict, _get_outbox, notify=changed)
    stats = Property(dict, _get_stats, notify=changed)
    logs = Property(list, _get_logs, notify=changed)
    auditTrail = Property(list, _get_audit, notify=changed)
    configText = Property(str, _get_config_text, notify=changed)
    system = Property(dict, _get_system, notify=changed)

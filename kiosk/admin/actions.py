"""What maintenance staff can do to a kiosk, without Qt: test prints, a card-read and QR test,
reprints, retrying the outbox, the readiness report, the export to a USB stick, and rebooting
the machine or stopping the kiosk for maintenance (`kiosk.admin.machine_control`).

Each action is one async method of `MaintenanceActions`. It writes its audit record first
(event id, staff id, how they came: the touch menu or SSH), then does the work, and answers
with an `ActionResult` whose words are for staff (in Chinese, like the admin menu). No action
shows or stores a citizen's data: a card test says that the card reads, not whose it is; a
reprint prints the kept copy without showing it.

The touch menu (`kiosk.ui.admin.admin_bridge`) maps these to buttons; `kiosk admin ...` runs
them over SSH (`kiosk.cli.admin`). Both receive the same `KioskServices`, built by the
composition root (`kiosk.app.KioskCore.services`).
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal, TypeVar

from kiosk import __version__
from kiosk.admin.audit import AuditLog
from kiosk.admin.catalog_lines import catalog_words
from kiosk.admin.machine_control import MachineControl, MachineControlError, SystemctlControl
from kiosk.config import KioskSettings
from kiosk.credentials import Credentials, credentials_for
from kiosk.devices.base import Device, DeviceStatus
from kiosk.devices.camera.base import Camera
from kiosk.devices.idcard.reader import SamReader
from kiosk.devices.printers.document_printer import CupsDocumentPrinter
from kiosk.devices.printers.receipt_printer import EscposReceiptPrinter
from kiosk.domain.clock import KioskClock, printed_time
from kiosk.domain.money import yuan
from kiosk.domain.reconciliation import Reconciliation
from kiosk.events import EventId
from kiosk.logging import get_logger
from kiosk.services.errors import GatewayError
from kiosk.services.outbox import Outbox
from kiosk.services.payment_orders import OrderBook
from kiosk.services.reconciliation import day_totals

log = get_logger(__name__)

Via = Literal["touch", "ssh"]
STATE_WORDS = {"created": "已创建", "shown": "等待支付", "paid": "已支付，业务记录中",
               "refunding": "退款处理中"}
DIFFERENCE_WORDS = {"missing_from_statement": "本机已收款，对账单无此笔",
                    "not_at_kiosk": "对账单有此笔，本机无记录",
                    "amount_differs": "金额不符", "status_differs": "状态不符"}
D = TypeVar("D", bound=Device)


@dataclass(frozen=True)
class KioskServices:
    """What the admin actions (and the bridges) may use of a running kiosk core: read-mostly
    views, not the core's attributes."""

    config: KioskSettings
    credentials: Credentials
    devices: Sequence[Device]
    device_states: Callable[[], Mapping[str, DeviceStatus]]
    outbox: Outbox | None
    drain_outbox: Callable[[], Awaitable[None]] | None
    recent_logs: Callable[[], list[str]]
    uploader_restarts: Callable[[], int] = lambda: 0
    clock: KioskClock = field(default_factory=KioskClock)  # times printed on test tickets
    # the province's catalog: its version and last checks, and a check now (None: no
    # repository, or a kiosk not started here)
    catalog_status: Callable[[], dict[str, Any]] = dict
    check_catalog: Callable[[], Awaitable[dict[str, Any] | None]] | None = None
    # 缴费: the orders, what the settler did at start, and the statement's comparison
    orders: OrderBook | None = None
    payments_at_start: Callable[[], str] = lambda: ""
    reconcile: Callable[[date], Awaitable[Reconciliation]] | None = None

    @classmethod
    def without_devices(cls, config: KioskSettings) -> KioskServices:
        """A kiosk not started here (it runs as the service): for the actions that need none
        of its devices, such as rebooting or stopping it over SSH."""
        return cls(config=config, credentials=credentials_for(config), devices=(),
                   device_states=dict, outbox=None, drain_outbox=None, recent_logs=list)

    def named(self, name: str) -> Device:
        """The configured device called `name`, or of kind `name`."""
        for d in self.devices:
            if d.name == name or d.kind.value == name:
                return d
        raise DeviceNotConfigured(name)

    def device(self, kind: type[D], name: str) -> D:
        """The configured device `name` (or of kind `name`), checked to be a `kind`."""
        found = self.named(name)
        if not isinstance(found, kind):
            raise DeviceNotConfigured(name)
        return found


class DeviceNotConfigured(LookupError):
    def __init__(self, name: str) -> None:
        super().__init__(f"没有配置设备 {name}")
        self.name = name


@dataclass(frozen=True)
class ActionResult:
    ok: bool
    words: str  # for staff, one line


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


class MaintenanceActions:
    def __init__(self, services: KioskServices, audit: AuditLog | None = None,
                 control: MachineControl | None = None) -> None:
        self.services = services
        self.audit = audit or AuditLog(services.config.data_dir / "admin" / "audit.jsonl")
        self.control: MachineControl = control or SystemctlControl()

    @property
    def _config(self) -> KioskSettings:
        return self.services.config

    def _record(self, event_id: EventId, staff: str, action: str, via: Via,
                **details: Any) -> None:
        self.audit.record(event_id, staff, action, via=via, **details)

    # --- device tests -----------------------------------------------------------------------
    async def print_test_ticket(self, staff: str, *, via: Via = "touch",
                                title: str = "测试凭条") -> ActionResult:
        """A ticket with the kiosk id, version, time and every device's state."""
        from kiosk.documents.receipt import ReceiptDocument, Rule, Text, to_escpos

        self._record(EventId.ADMIN_DEVICE_TEST, staff, "test-receipt", via,
                     device="receipt_printer", title=title)
        printer = self.services.device(EscposReceiptPrinter, "receipt_printer")
        now = self.services.clock.now()
        lines: list[Text | Rule] = [Text(f"易办自助终端 {title}", "center", bold=True), Rule(),
                                    Text(f"终端：{self._config.kiosk_id}"),
                                    Text(f"版本：{__version__}"),
                                    Text(f"时间：{printed_time(now, seconds=True)}"), Rule()]
        for name, status in self.services.device_states().items():
            lines.append(Text(f"{name}：{status.state.value} {status.code or ''}".strip()))
        data = to_escpos(ReceiptDocument(list(lines)))
        await printer.print_bytes(data, job=f"admin-{title}-{time.time():.0f}")
        return ActionResult(True, f"{title}已打印")

    async def print_test_page(self, staff: str, *, via: Via = "touch") -> ActionResult:
        """An A4 page marked invalid, signed like a certificate, through the document printer."""
        from kiosk.documents.certificate import CertificateContent
        from kiosk.documents.issuer import issuer_for

        self._record(EventId.ADMIN_DEVICE_TEST, staff, "test-certificate", via,
                     device="document_printer")
        c = self._config
        issuer = issuer_for(c.data_dir, c.kiosk_id,
                            self.services.credentials.secret("documents.key"))
        now = self.services.clock.now()
        content = CertificateContent(
            title="测试页（无效）", document_number=f"TEST-{time.time():.0f}",
            service_code="TEST", issuer="易办自助终端", holder_fields=[("用途", "打印机测试")],
            body=["本页用于检查文件打印机，不具任何证明效力。"], purpose="打印机测试",
            issue_date=now.date(), kiosk_id=c.kiosk_id, printed_at=now)
        issued = await asyncio.to_thread(issuer.issue, content, "测试")
        printer = self.services.device(CupsDocumentPrinter, "document_printer")
        job = await printer.print_pdf(issued.pdf, job=f"admin-test-{time.time():.0f}",
                                      title="test page")
        return ActionResult(True, f"测试页已打印（CUPS 作业 {job}）")

    async def test_card_read(self, staff: str, *, via: Via = "touch") -> ActionResult:
        self._record(EventId.ADMIN_DEVICE_TEST, staff, "test-card-read", via, device="idcard")
        read = await self.services.device(SamReader, "idcard").read_card()
        if read is None:
            return ActionResult(True, "读卡器正常，未检测到证件")
        # staff see that it reads, not whose card it is
        return ActionResult(True, f"读卡成功：{read.record.card_type.value} 证件，"
                                  "信息校验通过（内容不显示）")

    async def scan_qr(self, staff: str, *, via: Via = "touch",
                      within_s: float = 10.0) -> ActionResult:
        from kiosk.devices.camera.qr import QrCredentialReader, QrRejected

        self._record(EventId.ADMIN_DEVICE_TEST, staff, "test-qr", via, device="camera")
        c = self._config
        reader = QrCredentialReader(c.qr.pattern, c.qr.max_length)
        camera = self.services.named("camera")
        if not isinstance(camera, Camera):
            raise DeviceNotConfigured("camera")
        deadline = time.monotonic() + within_s
        seq = 0
        try:
            while time.monotonic() < deadline:
                seq, frame = await asyncio.to_thread(camera.next_frame, seq, 2.0)
                text = await asyncio.to_thread(reader.decode, frame)
                frame.fill(0)
                if text is None:
                    continue
                try:
                    reader.validate(text)
                except QrRejected as exc:
                    return ActionResult(False, f"识别到二维码，但不是可用的身份码：{exc.detail}")
                return ActionResult(True, "识别到格式正确的身份码（内容不显示）")
            return ActionResult(False, f"{within_s:g}秒内没有识别到二维码")
        finally:
            await asyncio.to_thread(reader.close)

    # --- outbox, reprints -------------------------------------------------------------------
    async def retry_outbox(self, staff: str, *, via: Via = "touch") -> ActionResult:
        """Dead letters become due again; a running uploader tries them at once."""
        self._record(EventId.ADMIN_OUTBOX_RETRY, staff, "outbox-retry", via)
        outbox = self.services.outbox
        if outbox is None:
            return ActionResult(False, "此终端没有待发送队列")
        n = outbox.retry_now()
        if self.services.drain_outbox is not None:
            await self.services.drain_outbox()
        return ActionResult(True, f"已重试 {n} 项")

    def payments_today(self) -> dict[str, Any]:
        """The day's payments for the admin menu: totals, what the kiosk settled at start,
        and the orders not yet at an end (numbers, states and amounts: nobody's name)."""
        book = self.services.orders
        if book is None:
            return {"totals": "此终端不收费", "at_start": "", "open": []}
        today = self.services.clock.today()
        return {"totals": day_totals(book, today).words(),
                "at_start": self.services.payments_at_start(),
                "open": [f"{o.order_no} · {STATE_WORDS.get(o.state, o.state)} · "
                         f"{yuan(o.amount_fen)}元" + (f" · {o.note}" if o.note else "")
                         for o in book.unfinished()]}

    async def reconcile_payments(self, staff: str, day: date, *,
                                 via: Via = "touch") -> ActionResult:
        """对账: the day's orders against the platform's statement; every difference named
        by its order number (staff settle them with the platform)."""
        self._record(EventId.ADMIN_ACTION, staff, "payments-reconcile", via)
        if self.services.reconcile is None:
            return ActionResult(False, "此终端不收费")
        try:
            r = await self.services.reconcile(day)
        except GatewayError as exc:
            return ActionResult(False, f"暂时无法取得{day.isoformat()}的对账单：{exc.code}")
        if not r.differences:
            return ActionResult(True, f"{r.day} 对账无差异：{r.kiosk.orders}笔，"
                                      f"{yuan(r.kiosk.paid_fen)}元")
        return ActionResult(False, f"{r.day} 对账发现{len(r.differences)}处差异：" + "；".join(
            f"{d.order_no} {DIFFERENCE_WORDS[d.kind]}" for d in r.differences))

    async def reprint(self, staff: str, case_number: str, *,
                      via: Via = "touch") -> ActionResult:
        """The kept certificate and receipt of a case, printed again (kept 24 hours)."""
        from kiosk.documents.reprint_store import ReprintNotFound, ReprintStore

        case_number = case_number.strip()
        if not case_number:
            return ActionResult(False, "请输入办件编号")
        self._record(EventId.ADMIN_REPRINT, staff, "reprint", via, case_number=case_number)
        store = ReprintStore(self._config.data_dir / "reprints",
                             key=self.services.credentials.secret("reprint.key"))
        printed = []
        try:
            pdf = store.get(case_number, "certificate")
        except ReprintNotFound:
            pass
        else:
            await self.services.device(CupsDocumentPrinter, "document_printer").print_pdf(
                pdf, job=f"reprint-{case_number}-{time.time():.0f}", title="reprint")
            printed.append("证明")
        try:
            receipt = store.get(case_number, "receipt")
        except ReprintNotFound:
            pass
        else:
            await self.services.device(EscposReceiptPrinter, "receipt_printer").print_bytes(
                receipt, job=f"reprint-{case_number}-r-{time.time():.0f}")
            printed.append("回执")
        if not printed:
            return ActionResult(False, f"没有办件 {case_number} 的可补打文件（文件保留24小时）")
        return ActionResult(True, f"已补打：{'、'.join(printed)}")

    # --- the province's catalog -----------------------------------------------------------
    async def check_catalog(self, staff: str, *, via: Via = "touch") -> ActionResult:
        """Check the province's catalog repository now (as the schedule does): a new version is
        taken up from the next visit on; a refusal is said with its reason."""
        self._record(EventId.CATALOG_CHECK_REQUESTED, staff, "catalog-check", via)
        if self.services.check_catalog is None:
            return ActionResult(False, "此终端没有运行中的服务目录检查")
        outcome = await self.services.check_catalog()
        return ActionResult(*catalog_words(outcome))

    # --- the machine --------------------------------------------------------------------------
    async def reboot(self, staff: str, *, via: Via = "touch") -> ActionResult:
        """Reboot the machine (the kiosk starts again with it)."""
        self._record(EventId.ADMIN_REBOOT, staff, "reboot", via)
        return await self._machine(self.control.reboot, "设备正在重启", "无法重启设备")

    async def stop_for_maintenance(self, staff: str, *, via: Via = "touch") -> ActionResult:
        """Stop the kiosk (it is not restarted) and leave the screen to the maintenance
        console; `systemctl start kiosk` or a reboot brings it back."""
        self._record(EventId.ADMIN_STOP_FOR_MAINTENANCE, staff, "stop-for-maintenance", via)
        return await self._machine(self.control.stop_kiosk, "终端正在停止，进入维护状态",
                                   "无法停止终端")

    async def _machine(self, ask: Callable[[], None], done: str, refused: str) -> ActionResult:
        try:
            await asyncio.to_thread(ask)
        except MachineControlError as exc:
            log.error("the machine refused an admin action",
                      event_id=EventId.ADMIN_MACHINE_CONTROL_FAILED, reason=exc.detail)
            return ActionResult(False, f"{refused}：{exc.detail}")
        return ActionResult(True, done)

    # --- readiness, export ------------------------------------------------------------------
    def readiness(self) -> dict[str, Any]:
        """The kiosk's state in one JSON object (no personal data): what a hall's inventory
        or a technician wants to know before opening."""
        import shutil

        states = self.services.device_states()
        c = self._config
        disk = shutil.disk_usage(c.data_dir if c.data_dir.exists() else Path("/"))
        outbox = self.services.outbox
        return {
            "kiosk_id": c.kiosk_id, "version": __version__, "machine_id": machine_id(),
            "time": self.services.clock.now().isoformat(timespec="seconds"),
            "devices": {n: {"state": s.state.value, "code": s.code, "connected": s.connected}
                        for n, s in states.items()},
            "outbox": outbox.status().as_json() if outbox else None,
            "catalog": self.services.catalog_status(),
            "disk_free_mb": round(disk.free / 2**20),
            "ready": all(s.connected for s in states.values()),
        }

    async def export(self, staff: str, *, into: Path | None = None,
                     via: Via = "touch") -> ActionResult:
        """The redacted log, the audit trail and the readiness report into a new folder on
        the first USB stick (or `into`, a folder staff name over SSH)."""
        import shutil

        self._record(EventId.ADMIN_EXPORT, staff, "export" if into else "export-usb", via)
        if into is None:
            sim = self._config.data_dir / "usb-stick" if self._config.simulate else None
            sticks = usb_sticks(sim)
            if not sticks:
                return ActionResult(False, "未找到U盘：请插入U盘后再试")
            into = sticks[0]
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = into / f"kiosk-{self._config.kiosk_id}-{stamp}"
        try:
            target.mkdir(parents=True)
            (target / "logs.jsonl").write_text("\n".join(self.services.recent_logs()) + "\n",
                                               encoding="utf-8")
            if self.audit.path.exists():
                shutil.copy(self.audit.path, target / "audit.jsonl")
            (target / "readiness.json").write_text(
                json.dumps(self.readiness(), indent=2, ensure_ascii=False), encoding="utf-8")
        except OSError as exc:
            return ActionResult(False, f"导出失败：{target}：{exc.strerror or exc}")
        return ActionResult(True, f"已导出到 {target}")

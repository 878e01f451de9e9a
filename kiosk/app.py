"""The composition root: reads the config and wires simulators, devices and their monitor into
the UI-agnostic core, which the Qt front end (`kiosk.ui.shell`) and the headless commands start.

`CoreThread` runs the core's asyncio loop in its own thread beside Qt's event loop: PySide6's
QtAsyncio (6.12) implements no sockets, servers, subprocesses or file-descriptor readers, which the
gateway, the simulators and the serial drivers need, so the core keeps a full asyncio loop and
talks to the UI through queued Qt signals and `submit`.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import threading
from collections.abc import Callable, Coroutine
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from kiosk.admin.statistics import OffersCount, VisitStatistics
from kiosk.config import KioskSettings, ensure_private_dir
from kiosk.credentials import credentials_for
from kiosk.domain.clock import KioskClock
from kiosk.events import EventId
from kiosk.logging import get_logger
from kiosk.services.gateway_tls import GatewayEndpoint
from kiosk.signed_catalog.catalog_updates import CatalogUpdates

# What the core builds when it starts (devices, simulators, the gateway, the outbox) is
# imported then, not with this module: the front end imports it for `CoreThread`, and the home
# screen's first frame must not wait for the device stack or the simulated backend.
if TYPE_CHECKING:
    from kiosk.admin.actions import KioskServices
    from kiosk.appliance.metrics import KioskMetrics
    from kiosk.devices.base import Device
    from kiosk.devices.camera.qr import QrCredentialReader
    from kiosk.devices.monitor import DeviceMonitor
    from kiosk.domain.reconciliation import Reconciliation
    from kiosk.flows.outcome import FlowResult
    from kiosk.flows.visit import VisitRunner
    from kiosk.services.gateway import GatewayClient
    from kiosk.services.help_call import HelpCall, HelpState
    from kiosk.services.latest_frame import LatestFrame
    from kiosk.services.outbox import Outbox, Uploader, UploaderSupervisor
    from kiosk.services.payment_orders import OrderBook
    from kiosk.services.payment_settlement import OrderSettler
    from kiosk.services.remote_help import RemoteHelp
    from kiosk.services.video_call import VideoCall
    from kiosk.sim.hub import SimulatorHub

T = TypeVar("T")
log = get_logger(__name__)


class KioskCore:
    def __init__(self, config: KioskSettings, clock: KioskClock | None = None) -> None:
        self.config = config
        # the one clock every date the kiosk judges or prints comes from (kiosk/domain/clock.py)
        self.clock = clock or KioskClock(config.time_zone)
        self.hub: SimulatorHub | None = None
        self.devices: list[Device] = []
        self.monitor: DeviceMonitor | None = None
        self.outbox: Outbox | None = None
        self.gateway: GatewayClient | None = None
        self._uploader_task: asyncio.Task[None] | None = None
        self.uploader: Uploader | None = None
        self.uploader_supervisor: UploaderSupervisor | None = None
        # 缴费: the durable orders (in the outbox), and who settles what a visit leaves
        self.orders: OrderBook | None = None
        self.settler: OrderSettler | None = None
        self._settler_task: asyncio.Task[None] | None = None
        self.metrics: KioskMetrics | None = None
        self.metrics_port: int | None = None
        self.stats = VisitStatistics(config.data_dir / "statistics.jsonl", self.clock)
        # the kiosk's secrets: sealed to the machine on a kiosk, plain files in development
        self.credentials = credentials_for(config)
        self._gauges_task: asyncio.Task[None] | None = None
        # one QR decoder (a worker process) for all of this kiosk's visits, ended at stop
        self._qr_reader: QrCredentialReader | None = None
        # memory trims scheduled after visits: cancelled at stop (the executor is going away)
        self._trims: set[asyncio.TimerHandle] = set()
        self._visit_runner: VisitRunner | None = None
        self._models_release: asyncio.TimerHandle | None = None
        self._stopping = False
        # the catalog: the last good one at start, the province's signed updates after
        self.catalog_updates = CatalogUpdates(config)

    async def start(self, *, monitor: bool = True, wait_first_poll: bool = True) -> None:
        """Start simulators (in simulate mode), build the devices and start polling them.

        With `wait_first_poll` False the first poll runs in the background, so a slow device
        never delays the first frame; statuses show "checking" until it answers.
        """
        from kiosk.devices.monitor import DeviceMonitor
        from kiosk.devices.registry import build_devices
        from kiosk.devices.remote_service import RemoteServiceLink
        from kiosk.sim.hub import SimulatorHub

        ensure_private_dir(self.config.data_dir)
        if not self.credentials.sealed:  # expected in development: said, not alarmed
            say = log.info if self.config.simulate else log.warning
            say("credentials are not sealed to this machine",
                event_id=EventId.CREDENTIALS_PLAIN, where=self.credentials.describe())
        # Any device configured with the "simulated" adapter gets its simulator, whether or
        # not the whole kiosk runs in simulate mode (which only adds the on-screen banner).
        self.hub = SimulatorHub(self.config, self.clock)
        await self.hub.start()
        self.devices = build_devices(self.config.devices, self.hub)
        if monitor:
            # the government backend is watched like a device: on the strip, in the metrics
            self.gateway = self._make_gateway()
            self.devices.append(RemoteServiceLink(
                "backend", self.gateway_endpoint().url, self.gateway.health,
                simulated=self.hub.backend is not None))
        self.monitor = DeviceMonitor(self.devices, self.config.monitor)
        if monitor:
            self._start_metrics()
            if wait_first_poll:
                await self.monitor.poll_once()
            self.monitor.start()
            self.start_uploader()
            if self.metrics is not None:
                self._gauges_task = asyncio.get_running_loop().create_task(
                    self._outbox_gauges(), name="outbox-gauges")
            # checks begin once the visits' catalog is loaded (visit_runner)
            self.catalog_updates.start()

    def _start_metrics(self) -> None:
        """The fleet's view: device states as the monitor sees them, visits, the outbox."""
        if self.config.metrics_port is None or self.monitor is None:
            return
        from kiosk.appliance.metrics import KioskMetrics

        self.metrics = KioskMetrics(self.config.kiosk_id)
        kinds = {d.name: d.kind.value for d in self.devices}
        metrics = self.metrics
        self.catalog_updates.outcome_listeners.append(metrics.catalog_checked)
        self.catalog_updates.listeners.append(lambda _c, version: metrics.catalog_serving(version))
        self.monitor.subscribe(lambda name, status: metrics.device_status(
            name, kinds.get(name, ""), status))
        self.metrics_port = self.metrics.serve(self.config.metrics_port)

    def update_outbox_gauges(self) -> None:
        if self.outbox is not None and self.metrics is not None:
            st = self.outbox.status()
            self.metrics.outbox(st.pending, st.dead, st.oldest_pending_age_s,
                                damaged=st.alarm is not None)

    async def _outbox_gauges(self, every_s: float = 5.0) -> None:
        while True:
            self.update_outbox_gauges()
            await asyncio.sleep(every_s)

    def visit_ended(self, result: FlowResult, seconds: float) -> None:
        """Every visit, however it ended: statistics (no person) and metrics."""
        self.stats.record(result.service, result.outcome, seconds, result.ratings,
                          offers=None if result.offers_consent is None else OffersCount(
                              result.offers_consent, len(result.offers_shown),
                              len(result.offers_applied)),
                          rating_code=result.rating_code, rated_later=result.rated_later)
        if self.metrics is not None:
            self.metrics.visit_ended(result.service, result.outcome, result.timings)
        self.release_memory_soon()
        self._release_models_after_rest()

    def release_memory_soon(self, after_s: float = 2.0) -> None:
        """Once the front end has let go of the visit's result (or the visits are loaded),
        drop the module sources PySide's import hook left in the line cache
        (kiosk/appliance/source_lines.py) and return the memory freed to the system
        (kiosk/appliance/native_memory.py), off the loop."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return

        def trim() -> None:
            self._trims.discard(handle)
            if not self._stopping:
                from kiosk.appliance.native_memory import release_free_memory
                from kiosk.appliance.source_lines import forget_source_lines

                # (it pops entries as linecache.checkcache does: a reader of the same file at
                # that instant is the standard library's own race, not a new one)
                forget_source_lines()
                loop.run_in_executor(None, release_free_memory)
        handle = loop.call_later(after_s, trim)
        self._trims.add(handle)

    def _release_models_after_rest(self) -> None:
        """`face.release_models_after_s` after this visit's end (a later visit's end sets the
        time again), let the QR decoder's worker and the face models (if still held:
        `face.hold_models`) go unless a visit runs, then trim."""
        rest_s = self.config.face.release_models_after_s
        if self._models_release is not None:
            self._models_release.cancel()
            self._models_release = None
        if rest_s <= 0:
            return

        def release() -> None:
            self._models_release = None
            runner = self._visit_runner
            if self._stopping or runner is None or runner.visit_under_way:
                return  # a visit runs: its end sets the time again
            runner.release_face_models()
            if self._qr_reader is not None:  # started again by the next code shown
                asyncio.get_running_loop().run_in_executor(None, self._qr_reader.close)
            self.release_memory_soon(0.0)
        try:
            self._models_release = asyncio.get_running_loop().call_later(rest_s, release)
        except RuntimeError:
            return

    def credential_refused(self, reason: str) -> None:
        """A credential refused at identification (expired, unreadable...): counted by reason,
        never by person."""
        try:
            self.stats.record_refusal(reason)
        except OSError as exc:  # statistics must never stop a citizen
            log.error("refusal not counted", error=type(exc).__name__)

    def checked_in(self, why: str) -> None:
        """A check-in (预约签到) ended: how (on_time, early, late, or the refusal's code),
        never who."""
        try:
            self.stats.record_check_in(why)
        except OSError as exc:  # statistics must never stop a citizen
            log.error("check-in not counted", error=type(exc).__name__)

    def card_rated(self, level: int) -> None:
        """卡片评: an anonymous rating given (its level: nothing else is known)."""
        try:
            self.stats.record_card_rating(level)
        except OSError as exc:  # statistics must never stop a citizen
            log.error("anonymous rating not counted", error=type(exc).__name__)

    def gateway_endpoint(self) -> GatewayEndpoint:
        """Where the gateway is and how this kiosk proves itself to it: the configured one, or
        the simulated backend this kiosk's hub started (its port and its authority)."""
        if self.hub is not None and self.hub.backend_endpoint is not None:
            return self.hub.backend_endpoint
        c = self.config
        return GatewayEndpoint(c.backend_url, c.backend_ca_bundle, c.backend_client_cert,
                               c.backend_client_key)

    def _make_gateway(self) -> GatewayClient:
        from kiosk.services.gateway import GatewayClient

        c = self.config
        e = self.gateway_endpoint()
        return GatewayClient(e.url, c.kiosk_id, timeout_s=c.backend_timeout_s,
                             max_answer_bytes=c.backend_max_answer_bytes,
                             ca_bundle=e.ca_bundle, client_cert=e.client_cert,
                             client_key=e.client_key)

    def start_uploader(self) -> None:
        """The outbox's single uploader: whatever a previous run left unsent goes out now."""
        from kiosk.services.outbox import Outbox, Uploader, UploaderSupervisor

        c = self.config
        self.outbox = Outbox.open(c.data_dir, self.credentials)
        if self.gateway is None:
            self.gateway = self._make_gateway()
        self.uploader = Uploader(self.outbox, self.gateway, max_attempts=c.outbox_max_attempts)
        state_file = c.data_dir / "uploader.json"
        state_file.unlink(missing_ok=True)  # restarts are counted per run of the kiosk
        self.uploader_supervisor = UploaderSupervisor(self.uploader, state_file=state_file)
        if self.metrics is not None:
            self.uploader_supervisor.on_restart = self.metrics.uploader_restarted
        self._uploader_task = asyncio.get_running_loop().create_task(
            self.uploader_supervisor.run(), name="outbox-uploader")
        self.start_payments()

    def start_payments(self) -> None:
        """The payment orders: whatever a crash or a power cut left unfinished is settled
        now, in the background (closed, completed or refunded; said in the admin menu), then
        swept every so often."""
        from kiosk.services.payment_orders import OrderBook
        from kiosk.services.payment_platform import PaymentPlatformClient
        from kiosk.services.payment_settlement import OrderSettler

        assert self.outbox is not None
        assert self.gateway is not None
        self.orders = OrderBook(self.outbox)
        self.settler = OrderSettler(self.orders, PaymentPlatformClient(self.gateway),
                                    self.outbox, day_of=self.clock.day_of)
        self._settler_task = asyncio.get_running_loop().create_task(
            self.settler.run(), name="payment-settler")

    async def stop(self) -> None:
        """Every step runs even when one before it failed — what lives outside this process
        (the simulators' children, the simulated printer's CUPS queue, the QR decoder's
        worker) must not stay behind; the first failure is raised at the end."""
        self._stopping = True
        failures: list[Exception] = []
        for step in (self._stop_services, self._stop_hub, self._close_qr_reader,
                     self._end_tasks):
            try:
                await step()
            except Exception as exc:
                failures.append(exc)
        if failures:
            raise failures[0]

    async def _stop_hub(self) -> None:
        if self.hub is not None:
            await self.hub.stop()

    async def _close_qr_reader(self) -> None:
        if self._qr_reader is not None:
            await asyncio.to_thread(self._qr_reader.close)

    @staticmethod
    async def _end_tasks() -> None:
        """Whatever else still runs on this loop (a visit cut short) ends here, not mid-air."""
        others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        for t in others:
            t.cancel()
        await asyncio.gather(*others, return_exceptions=True)

    async def _stop_services(self) -> None:
        for handle in self._trims:
            handle.cancel()
        self._trims.clear()
        if self._models_release is not None:
            self._models_release.cancel()
        await self.catalog_updates.stop()
        if self._gauges_task is not None:
            self._gauges_task.cancel()
        if self.metrics is not None:
            self.metrics.close()
        if self._settler_task is not None:
            self._settler_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._settler_task
        if self.settler is not None:
            await self.settler.aclose()
        if self._uploader_task is not None:
            self._uploader_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._uploader_task
        if self.uploader is not None:
            await self.uploader.aclose()
        if self.gateway is not None:
            await self.gateway.aclose()
        if self.outbox is not None:
            self.outbox.close()
        if self.monitor is not None:
            await self.monitor.stop()

    def visit_runner(self) -> VisitRunner:
        """The touch UI's visits, wired to this kiosk's devices, backend and outbox."""
        from kiosk.devices.camera.base import Camera
        from kiosk.devices.idcard.reader import SamReader
        from kiosk.devices.printers.document_printer import CupsDocumentPrinter
        from kiosk.devices.printers.receipt_printer import EscposReceiptPrinter
        from kiosk.devices.smartcard.pcsc_reader import PcscReader
        from kiosk.documents.issuer import issuer_for
        from kiosk.documents.reprint_store import ReprintStore
        from kiosk.domain.rate_limit import RateLimit
        from kiosk.face.engine import FaceEngine, forget_shared_face_engines, shared_face_engine
        from kiosk.flows.card_rating import WINDOW_S as CARD_WINDOW_S
        from kiosk.flows.card_rating import CardRatings
        from kiosk.flows.identify import IdentitySources
        from kiosk.flows.ports import FlowPorts
        from kiosk.flows.visit import VisitRunner

        c = self.config
        assert self.outbox is not None
        assert self.gateway is not None
        assert self.uploader is not None
        assert self.settler is not None
        by_kind = {d.kind.value: d for d in self.devices}
        camera = by_kind.get("camera")
        idcard = by_kind.get("idcard")
        smartcard = by_kind.get("smartcard")
        receipt = by_kind.get("receipt_printer")
        document = by_kind.get("document_printer")
        def face_engine() -> FaceEngine:
            return shared_face_engine(c.face.detector_model, c.face.recognizer_model)
        loaded = self.catalog_updates.load_at_start()
        if self.metrics is not None:
            self.metrics.catalog_serving(loaded.version)
        ports = FlowPorts(
            catalog=loaded.catalog, gateway=self.gateway, outbox=self.outbox,
            uploader=self.uploader, reprints=ReprintStore(
                c.data_dir / "reprints", key=self.credentials.secret("reprint.key")),
            kiosk_id=c.kiosk_id, submit_wait_s=c.submit_wait_s,
            still_there_grace_s=c.timeouts.idle_warning_s, print_deadline_s=c.timeouts.print_s,
            offers_limit=c.offers.shown if c.offers.enabled else 0,
            rating_later=c.ratings.later,
            camera=camera if isinstance(camera, Camera) else None,
            issuer=issuer_for(c.data_dir, c.kiosk_id, self.credentials.secret("documents.key")),
            document_printer=document if isinstance(document, CupsDocumentPrinter) else None,
            receipt_printer=receipt if isinstance(receipt, EscposReceiptPrinter) else None,
            clock=self.clock, orders=self.orders,
            payments=self.settler.platform, settler=self.settler,
            qr_decoder=self._qr_credentials().decode)
        sources = IdentitySources(
            idcard=idcard if isinstance(idcard, SamReader) else None,
            smartcard_reader=(smartcard.reader_name or smartcard.reader_prefix)
            if isinstance(smartcard, PcscReader) else None,
            camera=camera if isinstance(camera, Camera) else None,
            qr=self._qr_credentials(),
            idcard_poll_s=c.devices.idcard.poll_interval_s if c.devices.idcard else 0.3,
            clock=self.clock)
        runner = VisitRunner(ports, sources, face_engine,
                             forget_face_engine=forget_shared_face_engines,
                             match_threshold=c.face.match_threshold,
                             photo_detect_score=c.face.id_photo_detect_score,
                             face_config=c.face, face_check_s=c.timeouts.face_check_s,
                             on_result=self.visit_ended,
                             on_refused=self.credential_refused,
                             on_check_in=self.checked_in)
        if c.ratings.card:  # 卡片评 from the home screen, limited on this kiosk
            runner.card_ratings = CardRatings(
                ports, RateLimit(c.ratings.card_per_10_minutes, CARD_WINDOW_S,
                                 c.ratings.card_gap_s),
                tuple(c.ratings.counters), on_rated=self.card_rated)
        # a province's update: visits that start after it run on it (kiosk/flows/visit.py)
        self.catalog_updates.listeners.append(lambda catalog, _v: runner.offer_catalog(catalog))
        self._visit_runner = runner
        return runner

    def _qr_credentials(self) -> QrCredentialReader:
        from kiosk.devices.camera.qr import QrCredentialReader

        if self._qr_reader is None:
            self._qr_reader = QrCredentialReader(self.config.qr.pattern, self.config.qr.max_length)
        return self._qr_reader

    def services(self, recent_logs: Callable[[], list[str]] = list) -> KioskServices:
        """The typed view of this core that front ends and the admin actions receive."""
        from kiosk.admin.actions import KioskServices

        uploader = self.uploader

        async def drain() -> None:
            if uploader is not None:
                await uploader.drain_once()

        monitor = self.monitor
        return KioskServices(
            config=self.config, credentials=self.credentials, devices=tuple(self.devices),
            device_states=(monitor.snapshot if monitor is not None else dict),
            outbox=self.outbox, drain_outbox=drain if uploader is not None else None,
            recent_logs=recent_logs, clock=self.clock,
            uploader_restarts=lambda: self.uploader_supervisor.restarts
            if self.uploader_supervisor is not None else 0,
            catalog_status=self.catalog_updates.status, check_catalog=self._check_catalog,
            orders=self.orders, payments_at_start=self._payments_at_start,
            reconcile=self._reconcile if self.orders is not None else None)

    async def _check_catalog(self) -> dict[str, Any] | None:
        """A catalog check now (staff's): its outcome, None without a repository."""
        outcome = await self.catalog_updates.check_now()
        return outcome.as_json() if outcome is not None else None

    def _payments_at_start(self) -> str:
        report = self.settler.last_start if self.settler is not None else None
        return "" if report is None else report.words()

    async def _reconcile(self, day: date) -> Reconciliation:
        from kiosk.services.reconciliation import reconcile

        assert self.orders is not None
        assert self.settler is not None
        return await reconcile(self.orders, self.settler.platform, day)

    async def open_devices(self) -> dict[str, str]:
        """Open every device now (a core started without its monitor, as `kiosk admin` does);
        returns the ones that would not open, with the reason. Those stay closed."""
        from kiosk.devices.errors import DeviceError

        failed: dict[str, str] = {}
        for device in self.devices:
            if device.is_open:
                continue
            try:
                await device.open()
            except DeviceError as exc:
                failed[device.name] = str(exc) or exc.code
        return failed

    def help_call(self) -> HelpCall:
        """One "call staff" conversation with the hall (the touch UI starts one per press)."""
        from kiosk.services.help_call import HelpCall

        if self.gateway is None:
            raise RuntimeError("the core has not started its gateway client")
        c = self.config.help
        return HelpCall(self.gateway, answer_s=c.answer_s, counter=c.counter)

    def video_call(self, request_id: str, frames: LatestFrame) -> VideoCall:
        """The video call for an accepted video help request (远程帮办); `frames` is where the
        front end puts the (covered) screen."""
        from kiosk.services.video_call import VideoCall  # WebRTC loads on the first call

        if self.gateway is None:
            raise RuntimeError("the core has not started its gateway client")
        v = self.config.help.video
        height = round(v.width * 9 / 16 / 2) * 2
        return VideoCall(self.gateway, request_id, frames, fps=v.fps, size=(v.width, height),
                         microphone_source=v.microphone, speaker=v.speaker,
                         connect_s=v.connect_s, idle_end_s=v.idle_end_s,
                         max_bitrate_bps=v.max_bitrate_kbps * 1000)

    def remote_help(self, state: HelpState, mode: str,
                    frames: LatestFrame | None = None) -> RemoteHelp:
        """The session on a request a staff member took (video: asked first, then the call;
        text: the lines)."""
        from kiosk.services.call_events import StaffOnCall
        from kiosk.services.remote_help import RemoteHelp

        if self.gateway is None:
            raise RuntimeError("the core has not started its gateway client")
        v = self.config.help.video
        request_id = state.request_id
        make_video = (lambda: self.video_call(request_id, frames)) \
            if mode == "video" and frames is not None else None
        return RemoteHelp(self.gateway, request_id, mode,
                          state.staff or StaffOnCall("", ""), consent_s=v.consent_s,
                          max_call_s=v.max_call_s, make_video=make_video)

    def device(self, name: str) -> Device:
        for d in self.devices:
            if d.name == name:
                return d
        raise KeyError(name)


class CoreThread:
    """An asyncio loop running forever in a daemon thread."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, name="kiosk-core", daemon=True)

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.loop.run_forever()

    def start(self) -> None:
        self._thread.start()

    def submit(self, coro: Coroutine[Any, Any, T]) -> concurrent.futures.Future[T]:
        return asyncio.run_coroutine_threadsafe(coro, self.loop)

    def stop(self, timeout_s: float = 5.0) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(timeout_s)

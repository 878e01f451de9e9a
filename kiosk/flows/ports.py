"""What the flow engine works with, fixed for the life of the kiosk: the catalog, the backend,
the outbox, the printers, the signing keys and the timing settings. Nothing here changes
during a visit; what does (the citizen's verifier, the elder-mode patience) lives in the
visit's context (kiosk/flows/context.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from kiosk.devices.camera.base import Frame
from kiosk.devices.printers.document_printer import CupsDocumentPrinter
from kiosk.devices.printers.receipt_printer import EscposReceiptPrinter
from kiosk.documents.issuer import CertificateIssuer
from kiosk.documents.reprint_store import ReprintStore
from kiosk.domain.clock import KioskClock
from kiosk.face.check import FrameSource
from kiosk.flows.catalog import Catalog
from kiosk.services.gateway import GatewayClient
from kiosk.services.outbox import Outbox, Uploader
from kiosk.services.payment_orders import OrderBook
from kiosk.services.payment_platform import PaymentPlatformClient
from kiosk.services.payment_settlement import OrderSettler


@dataclass(frozen=True)
class FlowPorts:
    catalog: Catalog
    gateway: GatewayClient
    outbox: Outbox
    uploader: Uploader
    reprints: ReprintStore
    kiosk_id: str
    camera: FrameSource | None = None
    issuer: CertificateIssuer | None = None
    document_printer: CupsDocumentPrinter | None = None
    receipt_printer: EscposReceiptPrinter | None = None
    progress_url: str = "https://progress.example.gov.cn/c/"
    # WCAG 2.2.1: before a wait runs out, warn and give at least 20 s to extend
    still_there_grace_s: float = 30.0
    max_extensions: int = 3
    # how long the submit step waits for the backend's case numbers before it tells the
    # citizen "submitted, uploading automatically" (the upload goes on in the background)
    submit_wait_s: float = 8.0
    print_deadline_s: float = 120.0  # a print job not done by then is cancelled (timeouts.print_s)
    # 政策找人: how many offers a citizen is shown at most; 0: the kiosk does not ask (offers)
    offers_limit: int = 0
    # 扫码评: a rating code on every receipt whose cases the backend has acknowledged
    rating_later: bool = False
    # every date a visit judges or prints: today and now where the kiosk stands
    clock: KioskClock = field(default_factory=KioskClock)
    # 缴费: the durable orders, the platform (through the gateway), who settles what a visit
    # leaves unfinished, and the QR decoder a payment code shown to the camera goes through
    orders: OrderBook | None = None
    payments: PaymentPlatformClient | None = None
    settler: OrderSettler | None = None
    qr_decoder: Callable[[Frame], str | None] | None = None
    payment_poll_s: int = 10  # one long-polled query at most this long
    payment_late_s: int = 1  # after closing: how long to listen for a payment still landing

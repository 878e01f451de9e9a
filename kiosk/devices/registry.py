"""Builds device adapters from config (Odoo IoT-box style registry of (kind, adapter) → factory).

A simulated device is the *real* adapter pointed at a simulator: the receipt printer factory
gets the simulator's loopback port, the document printer a cups-pdf queue, the PC/SC reader
vpcd's virtual reader. There is no second code path for simulation.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from kiosk.config import (
    CameraConfig,
    DevicesConfig,
    DocumentPrinterConfig,
    HeadphonesConfig,
    IdCardReaderConfig,
    KeypadConfig,
    ReceiptPrinterConfig,
    SmartCardConfig,
)
from kiosk.devices.base import Device, DeviceKind
from kiosk.devices.camera.opencv_camera import OpenCvCamera
from kiosk.devices.camera.sim import SimulatedCamera
from kiosk.devices.errors import DeviceUnavailable
from kiosk.devices.headphones.jack import ConfiguredHeadphones, EvdevHeadphoneJack
from kiosk.devices.headphones.sim import SimulatedHeadphoneJack
from kiosk.devices.idcard.photo import (
    PhotoDecodeError,
    PhotoDecoder,
    SimulatedPhotoDecoder,
    VendorWltDecoder,
)
from kiosk.devices.idcard.reader import SamReader
from kiosk.devices.keypad.input_device import InputDeviceKeypad
from kiosk.devices.keypad.sim import SimulatedKeypad
from kiosk.devices.printers.document_printer import CupsDocumentPrinter
from kiosk.devices.printers.receipt_printer import EscposReceiptPrinter
from kiosk.devices.printers.receipt_transport import SerialTransport, TcpTransport
from kiosk.devices.smartcard.pcsc_reader import PcscReader


class SimulatorEndpoints(Protocol):
    """Where the running simulators can be reached (see kiosk.sim.hub)."""

    def receipt_printer_address(self) -> tuple[str, int]: ...

    def idcard_port(self) -> str: ...

    def document_printer_queue(self) -> str: ...


Factory = Callable[[str, Any, SimulatorEndpoints | None], Device]
_FACTORIES: dict[tuple[DeviceKind, str], Factory] = {}


def register(kind: DeviceKind, adapter: str) -> Callable[[Factory], Factory]:
    def deco(factory: Factory) -> Factory:
        _FACTORIES[(kind, adapter)] = factory
        return factory

    return deco


def adapters_for(kind: DeviceKind) -> list[str]:
    return sorted(a for k, a in _FACTORIES if k == kind)


@register(DeviceKind.IDCARD, "sam-serial")
def _sam_serial(name: str, cfg: IdCardReaderConfig, _s: SimulatorEndpoints | None) -> Device:
    decoder: PhotoDecoder | None = None
    if cfg.photo_decoder_library:
        try:
            decoder = VendorWltDecoder(cfg.photo_decoder_library)
        except PhotoDecodeError as exc:
            # The identity still reads without the photo; the face check then needs another
            # reference (remote verification) and staff see why in the log.
            from kiosk.logging import get_logger

            get_logger(__name__).warning("photo decoder unavailable", reason=str(exc))
    return SamReader(name, cfg.port, cfg.baud, adapter="sam-serial", photo_decoder=decoder)


@register(DeviceKind.IDCARD, "simulated")
def _sam_sim(name: str, cfg: IdCardReaderConfig, sims: SimulatorEndpoints | None) -> Device:
    if sims is None:
        raise DeviceUnavailable("the ID card reader simulator is not running")
    return SamReader(name, sims.idcard_port(), cfg.baud, adapter="simulated",
                     photo_decoder=SimulatedPhotoDecoder(), simulated=True)


@register(DeviceKind.RECEIPT_PRINTER, "escpos-network")
def _receipt_network(name: str, cfg: ReceiptPrinterConfig, _s: SimulatorEndpoints | None) -> Device:
    transport = TcpTransport(cfg.host, cfg.port, cfg.timeout_s)
    return EscposReceiptPrinter(name, transport, adapter="escpos-network",
                                paper_width_mm=cfg.paper_width_mm, timeout_s=cfg.timeout_s)


@register(DeviceKind.RECEIPT_PRINTER, "escpos-serial")
def _receipt_serial(name: str, cfg: ReceiptPrinterConfig, _s: SimulatorEndpoints | None) -> Device:
    transport = SerialTransport(cfg.device, cfg.baud, cfg.timeout_s)
    return EscposReceiptPrinter(name, transport, adapter="escpos-serial",
                                paper_width_mm=cfg.paper_width_mm, timeout_s=cfg.timeout_s)


@register(DeviceKind.RECEIPT_PRINTER, "simulated")
def _receipt_sim(name: str, cfg: ReceiptPrinterConfig, sims: SimulatorEndpoints | None) -> Device:
    if sims is None:
        raise DeviceUnavailable("the receipt printer simulator is not running")
    host, port = sims.receipt_printer_address()
    transport = TcpTransport(host, port, cfg.timeout_s)
    return EscposReceiptPrinter(name, transport, adapter="simulated",
                                paper_width_mm=cfg.paper_width_mm, timeout_s=cfg.timeout_s,
                                simulated=True)


@register(DeviceKind.DOCUMENT_PRINTER, "cups")
def _cups(name: str, cfg: DocumentPrinterConfig, _s: SimulatorEndpoints | None) -> Device:
    return CupsDocumentPrinter(name, cfg.queue, adapter="cups", timeout_s=cfg.timeout_s)


@register(DeviceKind.DOCUMENT_PRINTER, "simulated")
def _cups_pdf(name: str, cfg: DocumentPrinterConfig, sims: SimulatorEndpoints | None) -> Device:
    queue = sims.document_printer_queue() if sims is not None else cfg.queue
    return CupsDocumentPrinter(name, queue, adapter="simulated", timeout_s=cfg.timeout_s,
                               simulated=True)


@register(DeviceKind.SMARTCARD, "pcsc")
def _pcsc(name: str, cfg: SmartCardConfig, _s: SimulatorEndpoints | None) -> Device:
    return PcscReader(name, cfg.reader, adapter="pcsc", timeout_s=cfg.timeout_s)


@register(DeviceKind.SMARTCARD, "simulated")
def _vpcd(name: str, cfg: SmartCardConfig, _s: SimulatorEndpoints | None) -> Device:
    return PcscReader(name, cfg.reader, adapter="simulated", timeout_s=cfg.timeout_s,
                      simulated=True)


@register(DeviceKind.CAMERA, "opencv")
def _opencv_camera(name: str, cfg: CameraConfig, _s: SimulatorEndpoints | None) -> Device:
    return OpenCvCamera(name, cfg.source, cfg.width, cfg.height, cfg.fps)


@register(DeviceKind.CAMERA, "simulated")
def _sim_camera(name: str, cfg: CameraConfig, _s: SimulatorEndpoints | None) -> Device:
    return SimulatedCamera(name, min(cfg.fps, 20))


@register(DeviceKind.KEYPAD, "evdev")
def _keypad(name: str, cfg: KeypadConfig, _s: SimulatorEndpoints | None) -> Device:
    return InputDeviceKeypad(name, cfg.device)


@register(DeviceKind.KEYPAD, "simulated")
def _sim_keypad(name: str, _cfg: KeypadConfig, _s: SimulatorEndpoints | None) -> Device:
    return SimulatedKeypad(name)


@register(DeviceKind.HEADPHONES, "evdev")
def _jack(name: str, cfg: HeadphonesConfig, _s: SimulatorEndpoints | None) -> Device:
    return EvdevHeadphoneJack(name, cfg.device)


@register(DeviceKind.HEADPHONES, "fixed")
def _fixed_jack(name: str, cfg: HeadphonesConfig, _s: SimulatorEndpoints | None) -> Device:
    return ConfiguredHeadphones(name, cfg.inserted)


@register(DeviceKind.HEADPHONES, "simulated")
def _sim_jack(name: str, _cfg: HeadphonesConfig, _s: SimulatorEndpoints | None) -> Device:
    return SimulatedHeadphoneJack(name)


class UnknownAdapter(LookupError):
    pass


def build_device(config: DevicesConfig, kind: DeviceKind,
                 sims: SimulatorEndpoints | None) -> Device | None:
    """The adapter for one configured device kind (None when that device is not configured)."""
    cfg = getattr(config, kind.value)
    if cfg is None:
        return None
    factory = _FACTORIES.get((kind, cfg.adapter))
    if factory is None:
        known = ", ".join(adapters_for(kind))
        raise UnknownAdapter(
            f"devices.{kind.value}.adapter: unknown adapter {cfg.adapter!r} (known: {known})"
        )
    return factory(kind.value, cfg, sims)


def build_devices(config: DevicesConfig, sims: SimulatorEndpoints | None) -> list[Device]:
    """One adapter per configured device, in a stable order."""
    devices = (build_device(config, DeviceKind(name), sims)
               for name in type(config).model_fields)
    return [d for d in devices if d is not None]

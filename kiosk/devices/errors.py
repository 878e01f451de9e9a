"""Typed device errors. Every adapter raises only these (wrapping what its library raised)."""

from __future__ import annotations

from kiosk.domain.errors import Advice, KioskError


class DeviceError(KioskError):
    code = "device_error"
    advice = Advice.CALL_STAFF


class DeviceUnavailable(DeviceError):
    """The device is not there: unplugged, path missing, daemon down, queue missing."""

    code = "device_unavailable"


class DeviceTimeout(DeviceError):
    """The device did not answer within its bounded wait."""

    code = "device_timeout"
    advice = Advice.RETRY


class DeviceProtocolError(DeviceError):
    """The device answered with bytes that break its protocol (bad checksum, length, status)."""

    code = "device_protocol"
    advice = Advice.RETRY


class CardError(DeviceError):
    advice = Advice.PLACE_CARD_AGAIN


class CardRemoved(CardError):
    code = "card_removed"


class CardReadFailed(CardError):
    code = "card_read_failed"


class PrinterError(DeviceError):
    code = "printer_offline"
    advice = Advice.CALL_STAFF


class PaperOut(PrinterError):
    code = "paper_out"


class CoverOpen(PrinterError):
    code = "cover_open"


class PrinterOffline(PrinterError):
    code = "printer_offline"


class PrintJobFailed(PrinterError):
    code = "print_failed"


class SamError(DeviceError):
    """The reader's security module refused or failed (self-test, authorisation)."""

    code = "sam_error"
    advice = Advice.CALL_STAFF


class CardTextUnreadable(CardError):
    """A card field holds a character that cannot be read whole (half a surrogate pair): the
    name or address cannot be known exactly, so a counter takes over."""

    code = "card_text_unreadable"
    advice = Advice.TAKE_TICKET


class InconsistentCardData(CardError):
    """The card was read, but its data contradict each other (reported, never accepted)."""

    code = "card_inconsistent"
    advice = Advice.CALL_STAFF

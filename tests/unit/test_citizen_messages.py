"""Every error a citizen can meet has words and a next step, in every UI language."""

from __future__ import annotations

import pytest

from kiosk.devices import errors as device_errors
from kiosk.devices.camera.qr import QrRejected
from kiosk.devices.smartcard.card_reading import MrzNeeded
from kiosk.devices.smartcard.passport import DocumentNotVerified, NotAPassport, WrongAccessKey
from kiosk.devices.smartcard.social_security import NeedsPsam, NotASocialSecurityCard
from kiosk.domain.citizen_messages import known_codes, message_for
from kiosk.domain.errors import KioskError
from kiosk.domain.id_plausibility import ImplausibleIdNumber
from kiosk.flows.passport_entry import PassportSetAside
from kiosk.flows.qr_identity import QrIdentifyFailed
from kiosk.services import errors as gateway_errors


def all_error_classes() -> list[type[KioskError]]:
    found = [c for module in (device_errors, gateway_errors) for c in vars(module).values()
             if isinstance(c, type) and issubclass(c, KioskError)]
    return [*found, WrongAccessKey, DocumentNotVerified, NotAPassport, NeedsPsam,
            NotASocialSecurityCard, MrzNeeded, QrRejected, QrIdentifyFailed, ImplausibleIdNumber,
            PassportSetAside]


@pytest.mark.parametrize("cls", all_error_classes(), ids=lambda c: c.__name__)
@pytest.mark.parametrize("locale", ["zh-Hans", "zh-Hant", "en"])
def test_every_device_error_has_plain_words(cls: type[KioskError], locale: str) -> None:
    if cls is KioskError or cls.code in ("device_error", "error"):
        pytest.skip("abstract base")
    assert cls.code in known_codes(), f"{cls.__name__} ({cls.code}) has no citizen message"
    msg = message_for(cls("technical detail"), locale)
    assert msg.text
    assert msg.next_step
    assert "technical detail" not in msg.text

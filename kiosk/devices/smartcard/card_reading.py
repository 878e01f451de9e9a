"""Reading whatever card is in a PC/SC reader, as one async call for the flows and the CLI.

The card decides the path: an e-passport application answers the eMRTD AID; otherwise the
social security application is tried. A passport needs the MRZ access key; without one the
caller gets `MrzNeeded` and asks the citizen for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from cryptography import x509

from kiosk.devices.base import run_blocking
from kiosk.devices.errors import CardReadFailed
from kiosk.devices.smartcard.apdu import Command
from kiosk.devices.smartcard.card_identity import (
    identity_from_passport,
    identity_from_social_security,
)
from kiosk.devices.smartcard.icao.mrz import BacKey
from kiosk.devices.smartcard.passport import EMRTD_AID, PassportRead, read_passport
from kiosk.devices.smartcard.pcsc_channel import PcscChannel
from kiosk.devices.smartcard.social_security import SocialSecurityRead, read_social_security
from kiosk.domain.errors import Advice
from kiosk.domain.identity import Identity


class MrzNeeded(CardReadFailed):
    code = "mrz_needed"
    advice = Advice.RETRY


@dataclass(frozen=True, repr=False)
class CardResult:
    identity: Identity
    passport: PassportRead | None = None
    social_security: SocialSecurityRead | None = None

    def __repr__(self) -> str:
        return f"CardResult({self.identity.credential.value}, <redacted>)"


def read_card_blocking(reader: str, key: BacKey | None,
                       trust: list[x509.Certificate] | None = None,
                       today: date | None = None) -> CardResult:
    channel = PcscChannel(reader)
    channel.connect()
    try:
        probe = channel.transmit(Command(0x00, 0xA4, 0x04, 0x0C, EMRTD_AID))
        if probe.ok:
            if key is None:
                raise MrzNeeded("this is an e-passport: its MRZ data are needed to open it")
            p = read_passport(channel, key, trust=trust, today=today)
            return CardResult(identity_from_passport(p, reader), passport=p)
        s = read_social_security(channel)
        return CardResult(identity_from_social_security(s, reader), social_security=s)
    finally:
        channel.close()


async def read_card(reader: str, key: BacKey | None = None,
                    trust: list[x509.Certificate] | None = None,
                    timeout_s: float = 20.0, today: date | None = None) -> CardResult:
    """The card in `reader`; `today` is the kiosk's day (an MRZ's two-digit years)."""
    return await run_blocking(timeout_s, read_card_blocking, reader, key, trust, today)

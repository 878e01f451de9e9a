"""Basic Access Control: the terminal's side of mutual authentication, and the session keys.

Both sides use these functions: the reader (`terminal_*`) and the virtual passport (`chip_*`),
so a byte fixed here is fixed for both.
"""

from __future__ import annotations

import hmac
import os
from dataclasses import dataclass

from kiosk.devices.smartcard.icao.crypto import (
    ENC,
    MAC,
    decrypt,
    derive_key,
    encrypt,
    pad,
    retail_mac,
)
from kiosk.devices.smartcard.icao.mrz import BacKey


class BacError(ValueError):
    """Mutual authentication failed (wrong MRZ data, or a card that is not who it says)."""


@dataclass(frozen=True)
class DocumentKeys:
    enc: bytes
    mac: bytes

    @classmethod
    def from_seed(cls, seed: bytes) -> DocumentKeys:
        return cls(derive_key(seed, ENC), derive_key(seed, MAC))

    @classmethod
    def from_mrz(cls, key: BacKey) -> DocumentKeys:
        return cls.from_seed(key.key_seed())


@dataclass
class SessionKeys:
    enc: bytes
    mac: bytes
    ssc: int  # send sequence counter, 8 bytes big-endian on the wire

    def next_ssc(self) -> bytes:
        self.ssc = (self.ssc + 1) % (1 << 64)
        return self.ssc.to_bytes(8, "big")


def session_from(k_ifd: bytes, k_ic: bytes, rnd_ic: bytes, rnd_ifd: bytes) -> SessionKeys:
    seed = bytes(a ^ b for a, b in zip(k_ifd, k_ic, strict=True))
    keys = DocumentKeys.from_seed(seed)
    ssc = int.from_bytes(rnd_ic[-4:] + rnd_ifd[-4:], "big")
    return SessionKeys(keys.enc, keys.mac, ssc)


@dataclass(frozen=True)
class TerminalChallenge:
    rnd_ifd: bytes
    k_ifd: bytes
    cmd_data: bytes  # E.IFD ‖ M.IFD, the EXTERNAL AUTHENTICATE data


def terminal_authenticate(keys: DocumentKeys, rnd_ic: bytes, *, rnd_ifd: bytes | None = None,
                          k_ifd: bytes | None = None) -> TerminalChallenge:
    rnd_ifd = rnd_ifd if rnd_ifd is not None else os.urandom(8)
    k_ifd = k_ifd if k_ifd is not None else os.urandom(16)
    e_ifd = encrypt(keys.enc, rnd_ifd + rnd_ic + k_ifd)
    m_ifd = retail_mac(keys.mac, pad(e_ifd))
    return TerminalChallenge(rnd_ifd, k_ifd, e_ifd + m_ifd)


def terminal_finish(keys: DocumentKeys, challenge: TerminalChallenge, rnd_ic: bytes,
                    answer: bytes) -> SessionKeys:
    """Check the chip's answer (E.IC ‖ M.IC) and derive the session keys."""
    if len(answer) != 40:
        raise BacError(f"the chip answered {len(answer)} bytes, not 40")
    e_ic, m_ic = answer[:32], answer[32:]
    if not hmac.compare_digest(retail_mac(keys.mac, pad(e_ic)), m_ic):
        raise BacError("the chip's MAC does not match")
    r = decrypt(keys.enc, e_ic)
    if r[:8] != rnd_ic or r[8:16] != challenge.rnd_ifd:
        raise BacError("the chip's nonces do not match")
    return session_from(challenge.k_ifd, r[16:32], rnd_ic, challenge.rnd_ifd)


def chip_answer(keys: DocumentKeys, rnd_ic: bytes, cmd_data: bytes, *,
                k_ic: bytes | None = None) -> tuple[bytes, SessionKeys]:
    """The chip's side: check EXTERNAL AUTHENTICATE data, answer E.IC ‖ M.IC, session keys.

    Raises BacError when the terminal's MAC or nonce is wrong (wrong MRZ data).
    """
    if len(cmd_data) != 40:
        raise BacError("EXTERNAL AUTHENTICATE carries 40 bytes")
    e_ifd, m_ifd = cmd_data[:32], cmd_data[32:]
    if not hmac.compare_digest(retail_mac(keys.mac, pad(e_ifd)), m_ifd):
        raise BacError("terminal MAC wrong")
    s = decrypt(keys.enc, e_ifd)
    rnd_ifd, rnd_ic_echo, k_ifd = s[:8], s[8:16], s[16:32]
    if rnd_ic_echo != rnd_ic:
        raise BacError("terminal did not echo our challenge")
    k_ic = k_ic if k_ic is not None else os.urandom(16)
    e_ic = encrypt(keys.enc, rnd_ic + rnd_ifd + k_ic)
    m_ic = retail_mac(keys.mac, pad(e_ic))
    return e_ic + m_ic, session_from(k_ifd, k_ic, rnd_ic, rnd_ifd)

"""The cryptography of BAC and its secure messaging: key derivation with DES parity, 3DES-CBC
with a zero IV, ISO/IEC 9797-1 padding method 2 and MAC algorithm 3 (retail MAC)."""

from __future__ import annotations

import hashlib
import threading

from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES
from cryptography.hazmat.primitives.ciphers import Cipher, modes

ENC, MAC = 1, 2
_ZERO_IV = bytes(8)


def with_parity(key: bytes) -> bytes:
    """Set odd DES parity on every byte."""
    out = bytearray()
    for b in key:
        high7 = b & 0xFE
        out.append(high7 | (bin(high7).count("1") % 2 == 0))
    return bytes(out)


def derive_key(seed: bytes, counter: int) -> bytes:
    """K = SHA-1(seed ‖ counter)[:16] with DES parity (counter 1: encryption, 2: MAC)."""
    digest = hashlib.sha1(seed + counter.to_bytes(4, "big")).digest()  # noqa: S324 (ICAO)
    return with_parity(digest[:16])


def pad(data: bytes) -> bytes:
    """ISO/IEC 9797-1 padding method 2: 0x80 then zeros to a multiple of 8."""
    data = data + b"\x80"
    return data + bytes(-len(data) % 8)


def unpad(data: bytes) -> bytes:
    stripped = data.rstrip(b"\x00")
    if not stripped.endswith(b"\x80"):
        raise ValueError("bad padding")
    return stripped[:-1]


def _k24(key: bytes) -> bytes:
    """A 24-byte 3DES key from a 2-key (16) or single DES (8) key: the same cipher."""
    if len(key) == 8:
        return key * 3
    if len(key) == 16:
        return key + key[:8]
    return key


def _xor(a: bytes, b: bytes) -> bytes:
    return (int.from_bytes(a, "big") ^ int.from_bytes(b, "big")).to_bytes(len(a), "big")


class _KeyContexts:
    """Cipher contexts for one 16-byte key, made once and reused for every message.

    Setting up a context (the key schedule) costs far more than encrypting a few blocks, and
    secure messaging needs several per APDU. A CBC context carries its chain on from the last
    block it produced, so each new message XORs its first block with that state to start from
    a zero IV again; CBC decryption is one ECB call and one XOR with the shifted ciphertext.
    """

    def __init__(self, key: bytes) -> None:
        k = _k24(key)
        self.cbc = Cipher(TripleDES(k), modes.CBC(_ZERO_IV)).encryptor()
        self.cbc_state = _ZERO_IV
        self.ecb_dec = Cipher(TripleDES(k), modes.ECB()).decryptor()  # noqa: S305 (CBC by hand)
        ka = key[:8]
        self.mac_cbc = Cipher(TripleDES(ka * 3), modes.CBC(_ZERO_IV)).encryptor()
        self.mac_state = _ZERO_IV
        self.mac_final = Cipher(TripleDES(_k24(key[:16])), modes.ECB()).encryptor()  # noqa: S305

    def encrypt(self, data: bytes) -> bytes:
        if not data:
            return b""
        out: bytes = self.cbc.update(_xor(data[:8], self.cbc_state) + data[8:])
        self.cbc_state = out[-8:]
        return out

    def decrypt(self, data: bytes) -> bytes:
        if not data:
            return b""
        plain: bytes = self.ecb_dec.update(data)
        return _xor(plain, _ZERO_IV + data[:-8])

    def retail_mac(self, data: bytes) -> bytes:
        """MAC algorithm 3: single-DES CBC with Ka over all but the last block, then the last
        block through 3DES-EDE (Ka, Kb, Ka) — the same as E_Ka(D_Kb(CBC_Ka(data)))."""
        head, last = data[:-8], data[-8:]
        h = _ZERO_IV
        if head:
            out = self.mac_cbc.update(_xor(head[:8], self.mac_state) + head[8:])
            self.mac_state = h = out[-8:]
        mac: bytes = self.mac_final.update(_xor(h, last))
        return mac


_local = threading.local()


def _contexts(key: bytes) -> _KeyContexts:
    cache: dict[bytes, _KeyContexts] | None = getattr(_local, "cache", None)
    if cache is None:
        cache = _local.cache = {}
    ctx = cache.get(key)
    if ctx is None:
        if len(cache) >= 16:
            cache.clear()
        ctx = cache[key] = _KeyContexts(key)
    return ctx


def encrypt(key: bytes, data: bytes) -> bytes:
    """3DES-CBC, IV zero; `data` already a multiple of 8 bytes."""
    if len(data) % 8:
        raise ValueError("3DES-CBC input must be a multiple of 8 bytes")
    return _contexts(key).encrypt(data)


def decrypt(key: bytes, data: bytes) -> bytes:
    if len(data) % 8:
        raise ValueError("3DES-CBC input must be a multiple of 8 bytes")
    return _contexts(key).decrypt(data)


def retail_mac(key: bytes, data: bytes) -> bytes:
    """ISO/IEC 9797-1 MAC algorithm 3 over `data`, which must already be padded."""
    if len(data) % 8 or not data:
        raise ValueError("retail MAC input must be padded to 8 bytes")
    return _contexts(key).retail_mac(data)

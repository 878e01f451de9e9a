"""BAC secure messaging (ICAO 9303-11): wrapping commands and unwrapping responses, both ways.

Command: CLA | 0x0C; DO'87' = 01 ‖ 3DES(KSenc, pad(data)); DO'97' = Le; DO'8E' = MAC over
pad(SSC ‖ pad(header) ‖ DO'87' ‖ DO'97') with SSC incremented first. Response: DO'87',
DO'99' (status), DO'8E' MAC over pad(SSC ‖ DO'87' ‖ DO'99'), SSC incremented again.
Every response's MAC is checked; a mismatch raises `SecureMessagingError`.
"""

from __future__ import annotations

import hmac

from kiosk.devices.smartcard import tlv
from kiosk.devices.smartcard.apdu import Command, Response
from kiosk.devices.smartcard.icao.bac import SessionKeys
from kiosk.devices.smartcard.icao.crypto import decrypt, encrypt, pad, retail_mac, unpad


class SecureMessagingError(ValueError):
    pass


def _do87(keys: SessionKeys, data: bytes) -> bytes:
    return tlv.encode(0x87, b"\x01" + encrypt(keys.enc, pad(data)))


def _le_bytes(le: int) -> bytes:
    return bytes([0 if le == 256 else le]) if le <= 256 else (le % 65536).to_bytes(2, "big")


def wrap_command(keys: SessionKeys, cmd: Command) -> Command:
    cla = cmd.cla | 0x0C
    header = bytes([cla, cmd.ins, cmd.p1, cmd.p2])
    do87 = _do87(keys, cmd.data) if cmd.data else b""
    do97 = tlv.encode(0x97, _le_bytes(cmd.le)) if cmd.le is not None else b""
    m = pad(header) + do87 + do97
    ssc = keys.next_ssc()
    cc = retail_mac(keys.mac, pad(ssc + m))
    return Command(cla, cmd.ins, cmd.p1, cmd.p2, do87 + do97 + tlv.encode(0x8E, cc), 256)


def _split_objects(data: bytes) -> tuple[dict[int, bytes], int]:
    """The data objects of a protected response, and where DO'8E' starts (the MAC covers
    every byte before it, exactly as received)."""
    objects: dict[int, bytes] = {}
    mac_at = -1
    pos = 0
    n = len(data)
    while pos < n:
        tag = data[pos]
        if pos + 1 >= n:
            raise SecureMessagingError("response data objects cut short")
        length = data[pos + 1]
        head = 2
        if length == 0x81:
            length, head = data[pos + 2], 3
        elif length == 0x82:
            length, head = int.from_bytes(data[pos + 2 : pos + 4], "big"), 4
        elif length > 0x80:
            raise SecureMessagingError("unsupported length in a response data object")
        if tag == 0x8E:
            mac_at = pos
        objects[tag] = data[pos + head : pos + head + length]
        pos += head + length
    if pos != n:
        raise SecureMessagingError("response data objects cut short")
    return objects, mac_at


def unwrap_response(keys: SessionKeys, response: Response) -> Response:
    try:
        objects, mac_at = _split_objects(response.data)
    except IndexError:
        raise SecureMessagingError("response data objects cut short") from None
    if 0x8E not in objects:
        if response.sw in (0x6987, 0x6988):
            raise SecureMessagingError(f"the card rejected our secure messaging "
                                       f"({response.sw:04X})")
        raise SecureMessagingError(f"no MAC in the response (SW {response.sw:04X})")
    if 0x99 not in objects:
        raise SecureMessagingError("no status object in the response")
    ssc = keys.next_ssc()
    if not hmac.compare_digest(retail_mac(keys.mac, pad(ssc + response.data[:mac_at])),
                               objects[0x8E]):
        raise SecureMessagingError("response MAC check failed")
    data = b""
    if 0x87 in objects:
        body = objects[0x87]
        if not body or body[0] != 0x01:
            raise SecureMessagingError("unexpected padding indicator")
        try:
            data = unpad(decrypt(keys.enc, body[1:]))
        except ValueError:
            raise SecureMessagingError("encrypted data has bad padding") from None
    sw = objects[0x99]
    return Response(data, sw[0], sw[1])


# --- the chip's side (virtual passport) -----------------------------------------------------

def unwrap_command(keys: SessionKeys, cmd: Command) -> Command:
    """Check and decrypt a protected command. Raises SecureMessagingError (answer 6988)."""
    objects = {t.tag: t.value for t in tlv.iter_tlv(cmd.data)}
    if 0x8E not in objects:
        raise SecureMessagingError("no MAC")
    header = bytes([cmd.cla, cmd.ins, cmd.p1, cmd.p2])
    m = pad(header)
    if 0x87 in objects:
        m += tlv.encode(0x87, objects[0x87])
    if 0x97 in objects:
        m += tlv.encode(0x97, objects[0x97])
    ssc = keys.next_ssc()
    if not hmac.compare_digest(retail_mac(keys.mac, pad(ssc + m)), objects[0x8E]):
        raise SecureMessagingError("command MAC check failed")
    data = b""
    if 0x87 in objects:
        data = unpad(decrypt(keys.enc, objects[0x87][1:]))
    le = None
    if 0x97 in objects:
        raw = objects[0x97]
        le = int.from_bytes(raw, "big") or (256 if len(raw) == 1 else 65536)
    return Command(cmd.cla & ~0x0C & 0xFF, cmd.ins, cmd.p1, cmd.p2, data, le)


def wrap_response(keys: SessionKeys, response: Response) -> Response:
    do87 = _do87(keys, response.data) if response.data else b""
    do99 = tlv.encode(0x99, bytes([response.sw1, response.sw2]))
    ssc = keys.next_ssc()
    cc = retail_mac(keys.mac, pad(ssc + do87 + do99))
    return Response(do87 + do99 + tlv.encode(0x8E, cc), response.sw1, response.sw2)

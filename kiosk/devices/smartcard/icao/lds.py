"""LDS files of an e-passport: EF.COM (which data groups exist), DG1 (the MRZ), DG2 (the face
image inside an ISO/IEC 19794-5 record). Builders are used by the virtual passport."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.devices.smartcard import tlv

FID_COM, FID_DG1, FID_DG2, FID_SOD = 0x011E, 0x0101, 0x0102, 0x011D
DG_TAGS = {0x61: 1, 0x75: 2, 0x63: 3, 0x76: 4, 0x65: 5, 0x66: 6, 0x67: 7, 0x6B: 11, 0x6C: 12,
           0x6E: 14, 0x6F: 15}
_FAC = b"FAC\x00"
_JPEG = b"\xff\xd8\xff"
_JP2 = (b"\x00\x00\x00\x0cjP  ", b"\xff\x4f\xff\x51")


class LdsError(ValueError):
    pass


def parse_com(data: bytes) -> list[int]:
    """Data group numbers listed in EF.COM."""
    try:
        com, _ = tlv.parse_one(data)
        tags = com.find(0x5C)
    except tlv.TlvError as exc:
        raise LdsError(f"EF.COM: {exc}") from None
    if com.tag != 0x60 or tags is None:
        raise LdsError("EF.COM has no tag list")
    return [DG_TAGS[t] for t in tags.value if t in DG_TAGS]


def build_com(groups: list[int]) -> bytes:
    by_number = {v: k for k, v in DG_TAGS.items()}
    body = (tlv.encode(0x5F01, b"0107") + tlv.encode(0x5F36, b"040000")
            + tlv.encode(0x5C, bytes(by_number[g] for g in groups)))
    return tlv.encode(0x60, body)


def parse_dg1(data: bytes) -> str:
    try:
        dg1, _ = tlv.parse_one(data)
        mrz = dg1.find(0x5F1F)
    except tlv.TlvError as exc:
        raise LdsError(f"DG1: {exc}") from None
    if dg1.tag != 0x61 or mrz is None:
        raise LdsError("DG1 holds no MRZ")
    return mrz.value.decode("ascii", errors="replace")


def build_dg1(mrz: str) -> bytes:
    return tlv.encode(0x61, tlv.encode(0x5F1F, mrz.encode("ascii")))


@dataclass(frozen=True, repr=False)
class FaceImage:
    format: str  # "jpeg" | "jpeg2000"
    data: bytes
    width: int
    height: int
    __personal__ = True

    def __repr__(self) -> str:
        return f"FaceImage({self.format}, {self.width}x{self.height}, <redacted>)"


def _image_format(data: bytes) -> str | None:
    if data.startswith(_JPEG):
        return "jpeg"
    if data.startswith(_JP2):
        return "jpeg2000"
    return None


def parse_dg2(data: bytes) -> FaceImage:
    try:
        dg2, _ = tlv.parse_one(data)
        block = dg2.find(0x5F2E) or dg2.find(0x7F2E)
    except tlv.TlvError as exc:
        raise LdsError(f"DG2: {exc}") from None
    if dg2.tag != 0x75 or block is None:
        raise LdsError("DG2 holds no biometric data block")
    bdb = block.value
    width = height = 0
    image = b""
    if bdb.startswith(_FAC) and len(bdb) >= 46:
        points = int.from_bytes(bdb[18:20], "big")  # after the 4-byte record length
        info = 14 + 20 + 8 * points
        if len(bdb) > info + 12:
            width = int.from_bytes(bdb[info + 2 : info + 4], "big")
            height = int.from_bytes(bdb[info + 4 : info + 6], "big")
            image = bdb[info + 12 :]
    if _image_format(image) is None:  # not where the record says: look for the image itself
        starts = [i for i in (bdb.find(_JPEG), bdb.find(_JP2[0]), bdb.find(_JP2[1])) if i >= 0]
        if not starts:
            raise LdsError("DG2 holds no JPEG or JPEG 2000 image")
        image = bdb[min(starts) :]
    fmt = _image_format(image)
    assert fmt is not None
    return FaceImage(fmt, image, width, height)


def build_dg2(image: bytes, width: int, height: int, *, jpeg2000: bool = False) -> bytes:
    info = (bytes([1, 1 if jpeg2000 else 0]) + width.to_bytes(2, "big")
            + height.to_bytes(2, "big") + bytes([1, 2]) + bytes(2) + bytes(2))
    facial = (bytes(2)  # feature points
              + bytes([0, 0, 0]) + bytes(3) + bytes(2) + bytes(3) + bytes(3))
    record = facial + info + image
    record = (len(record) + 4).to_bytes(4, "big") + record
    header = _FAC + b"010\x00" + (14 + len(record)).to_bytes(4, "big") + (1).to_bytes(2, "big")
    bdb = header + record
    bht = (tlv.encode(0x80, b"\x01\x01") + tlv.encode(0x81, b"\x02")
           + tlv.encode(0x87, b"\x01\x01") + tlv.encode(0x88, b"\x00\x08"))
    instance = tlv.encode(0x7F60, tlv.encode(0xA1, bht) + tlv.encode(0x5F2E, bdb))
    return tlv.encode(0x75, tlv.encode(0x7F61, tlv.encode(0x02, b"\x01") + instance))

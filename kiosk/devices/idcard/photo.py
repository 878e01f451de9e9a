"""The ID card photo: 1024 bytes of the vendors' WLT wavelet format, which only a vendor
library decodes (to a 102×126 colour bitmap). No open decoder is known.

`PhotoDecoder` is the port. `VendorWltDecoder` binds a vendor shared library through ctypes
with the common calling convention ``int unpack(char *wlt, char *bmp, int save)``: it fills a
38862-byte BMP (54-byte header + 126 rows of 308 bytes) and returns 1 on success.
`SimulatedPhotoDecoder` maps the sample cards' photo bytes to packaged sample images.
A reader without a decoder still yields the identity, with the photo unavailable.
"""

from __future__ import annotations

import ctypes
import io
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Protocol

from PIL import Image

from kiosk.devices.idcard.sim.card import SIM_WLT_MAGIC

PHOTO_WIDTH, PHOTO_HEIGHT = 102, 126
BMP_SIZE = 54 + 308 * 126  # 38862


class PhotoDecodeError(RuntimeError):
    pass


@dataclass(frozen=True, repr=False)
class DecodedPhoto:
    """RGB pixels, row-major, top row first. Personal data: never logged or written."""

    width: int
    height: int
    rgb: bytes
    __personal__ = True

    def __repr__(self) -> str:
        return f"DecodedPhoto({self.width}x{self.height}, <redacted>)"

    def to_image(self) -> Image.Image:
        return Image.frombytes("RGB", (self.width, self.height), self.rgb)


class PhotoDecoder(Protocol):
    def decode(self, wlt: bytes) -> DecodedPhoto | None:
        """The photo, or None when this decoder does not know these bytes."""


def _from_bmp(bmp: bytes) -> DecodedPhoto:
    try:
        with Image.open(io.BytesIO(bmp)) as img:
            rgb = img.convert("RGB")
    except Exception as exc:  # Pillow raises several types for a bad image
        raise PhotoDecodeError(f"the decoder's bitmap is not readable: {exc}") from None
    return DecodedPhoto(rgb.width, rgb.height, rgb.tobytes())


class VendorWltDecoder:
    def __init__(self, library: Path | str, symbol: str = "unpack") -> None:
        try:
            self._lib = ctypes.CDLL(str(library))
        except OSError as exc:
            raise PhotoDecodeError(f"cannot load the photo decoder library {library}: {exc}") \
                from None
        try:
            fn = getattr(self._lib, symbol)
        except AttributeError:
            raise PhotoDecodeError(f"{library} has no function {symbol!r}") from None
        fn.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_int]
        fn.restype = ctypes.c_int
        self._unpack = fn

    def decode(self, wlt: bytes) -> DecodedPhoto | None:
        if len(wlt) != 1024:
            raise PhotoDecodeError(f"a WLT photo has 1024 bytes, not {len(wlt)}")
        src = ctypes.create_string_buffer(wlt, 1024)
        dst = ctypes.create_string_buffer(BMP_SIZE)
        rc = self._unpack(src, dst, 0)
        if rc != 1:
            raise PhotoDecodeError(f"the vendor decoder returned {rc}")
        return _from_bmp(dst.raw)


class SimulatedPhotoDecoder:
    """Decodes the simulator deck's photo markers to the packaged sample photos."""

    def decode(self, wlt: bytes) -> DecodedPhoto | None:
        if not wlt.startswith(SIM_WLT_MAGIC) or len(wlt) <= len(SIM_WLT_MAGIC):
            return None
        index = wlt[len(SIM_WLT_MAGIC)]
        ref = resources.files("kiosk.sim").joinpath(f"photos/photo-{index}.png")
        if not ref.is_file():
            return None
        with Image.open(io.BytesIO(ref.read_bytes())) as img:
            rgb = img.convert("RGB")
        return DecodedPhoto(rgb.width, rgb.height, rgb.tobytes())

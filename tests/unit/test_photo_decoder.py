"""The ctypes binding to a vendor WLT library, tested against a real shared library compiled
here with the vendors' calling convention: int unpack(char *wlt, char *bmp, int save)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from kiosk.devices.idcard.photo import (
    PhotoDecodeError,
    SimulatedPhotoDecoder,
    VendorWltDecoder,
)
from kiosk.devices.idcard.sim.card import sim_wlt

C_SOURCE = r"""
#include <string.h>
#include <stdint.h>
/* Writes a 102x126 24-bit BMP whose pixels are the colour in wlt[0..2] (B, G, R order on
   disk), with the top row coloured wlt[3..5]. Returns 1, or -2 when wlt[0] is 0xFF. */
int unpack(char *wlt, char *bmp, int save) {
    (void)save;
    unsigned char *w = (unsigned char *)wlt, *b = (unsigned char *)bmp;
    if (w[0] == 0xFF) return -2;
    const int W = 102, H = 126, row = 308, size = 54 + row * H;
    memset(b, 0, size);
    b[0] = 'B'; b[1] = 'M';
    b[2] = size & 0xFF; b[3] = (size >> 8) & 0xFF; b[4] = (size >> 16) & 0xFF;
    b[10] = 54; b[14] = 40;
    b[18] = W; b[22] = H; b[26] = 1; b[28] = 24;
    for (int y = 0; y < H; y++) {           /* bottom-up rows */
        unsigned char *p = b + 54 + y * row;
        const unsigned char *c = (y == H - 1) ? w + 3 : w;
        for (int x = 0; x < W; x++) { p[3*x] = c[2]; p[3*x+1] = c[1]; p[3*x+2] = c[0]; }
    }
    return 1;
}
"""


@pytest.fixture(scope="module")
def vendor_lib(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("gcc") is None:
        pytest.fail("gcc is needed to build the test decoder (scripts/setup.sh installs it)")
    d = tmp_path_factory.mktemp("wlt")
    src = d / "wlt.c"
    src.write_text(C_SOURCE)
    lib = d / "libwlt-test.so"
    subprocess.run(["gcc", "-shared", "-fPIC", "-O1", "-o", str(lib), str(src)], check=True)
    return lib


def wlt(r: int, g: int, b: int, top: tuple[int, int, int] = (1, 2, 3)) -> bytes:
    return bytes([r, g, b, *top]) + bytes(1018)


def test_vendor_library_decodes_to_a_102_by_126_image(vendor_lib: Path) -> None:
    photo = VendorWltDecoder(vendor_lib).decode(wlt(200, 100, 50))
    assert photo is not None
    assert (photo.width, photo.height) == (102, 126)
    img = photo.to_image()
    assert img.getpixel((50, 60)) == (200, 100, 50)
    assert img.getpixel((0, 0)) == (1, 2, 3)  # top row first: the BMP's row order is undone
    assert "200" not in repr(photo)


def test_vendor_error_code_is_reported(vendor_lib: Path) -> None:
    with pytest.raises(PhotoDecodeError, match="returned -2"):
        VendorWltDecoder(vendor_lib).decode(wlt(0xFF, 0, 0))


def test_wrong_photo_size_is_refused(vendor_lib: Path) -> None:
    with pytest.raises(PhotoDecodeError, match="1024 bytes, not 10"):
        VendorWltDecoder(vendor_lib).decode(bytes(10))


def test_missing_library_and_symbol(tmp_path: Path, vendor_lib: Path) -> None:
    with pytest.raises(PhotoDecodeError, match="cannot load"):
        VendorWltDecoder(tmp_path / "nope.so")
    with pytest.raises(PhotoDecodeError, match="no function 'decode_wlt'"):
        VendorWltDecoder(vendor_lib, symbol="decode_wlt")


def test_simulated_decoder_knows_only_the_sample_photos() -> None:
    dec = SimulatedPhotoDecoder()
    photo = dec.decode(sim_wlt(1))
    assert photo is not None
    assert (photo.width, photo.height) == (102, 126)
    assert dec.decode(sim_wlt(0)) is None
    assert dec.decode(bytes(1024)) is None

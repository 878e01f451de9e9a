"""Reading what a receipt printer printed: the Chinese lines are rasters (GS v 0), so a line is
checked by drawing the expected text the way the kiosk draws it and comparing the bits."""

from __future__ import annotations

import numpy as np

from kiosk.devices.printers.escpos_stream import Raster, Receipt
from kiosk.documents.fonts import render_line
from kiosk.documents.receipt import DOTS


def drawn(text: str, *, bold: bool = False, align: str = "center", size: int = 24,
          paper_width_mm: int = 80) -> bytes:
    """The raster bytes a receipt line of `text` becomes (1 = black)."""
    image = render_line(text, DOTS[paper_width_mm], size, align=align, bold=bold)
    return np.packbits(~np.array(image, dtype=bool), axis=1).tobytes()


def rasters(receipt: Receipt) -> set[bytes]:
    return {item.data for item in receipt.items if isinstance(item, Raster)}

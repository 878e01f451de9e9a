"""What a receipt printer printed, read back line by line for a scenario's expectations: text
the printer draws itself is there as text; every other line (Chinese) is a raster, so a line is
found by drawing the expected text the way the kiosk draws it (kiosk/documents/receipt.py) and
comparing the bits."""

from __future__ import annotations

import itertools

import numpy as np

from kiosk.devices.printers.escpos_stream import Raster, Receipt, TextLine
from kiosk.documents.receipt import DOTS, Text, line_image


def _drawn(text: str, width_mm: int, *, large: bool, align: str, bold: bool) -> bytes:
    image = line_image(Text(text, align, bold=bold, large=large), DOTS[width_mm])
    return np.packbits(~np.array(image, dtype=bool), axis=1).tobytes()


def receipt_shows(receipt: Receipt, text: str, paper_width_mm: int = 80) -> bool:
    """Whether `receipt` has a line that reads exactly `text` (in any of the receipt's sizes,
    alignments and weights)."""
    if any(isinstance(i, TextLine) and i.text == text for i in receipt.items):
        return True
    rasters = {i.data for i in receipt.items if isinstance(i, Raster)}
    return any(_drawn(text, paper_width_mm, large=large, align=align, bold=bold) in rasters
               for large, align, bold in itertools.product(
                   (False, True), ("left", "center"), (False, True)))

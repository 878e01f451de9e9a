"""QR codes drawn for the screen: a QML image provider (`image://qr/<text, percent-encoded>`)
for the payment order's QR code (主扫). Drawn with the `qrcode` library the receipts use, in
memory only; the last code is kept for the redraws of its screen."""

from __future__ import annotations

from urllib.parse import unquote

import qrcode
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtQuick import QQuickImageProvider

MAX_TEXT = 1024  # an order's address; anything longer is not drawn


class QrImages(QQuickImageProvider):
    def __init__(self) -> None:
        super().__init__(QQuickImageProvider.ImageType.Image)
        self._last: tuple[str, QImage] | None = None

    def requestImage(self, id_: str, size: QSize, requested: QSize) -> QImage:
        text = unquote(id_)
        if not text or len(text) > MAX_TEXT:
            blank = QImage(1, 1, QImage.Format.Format_Grayscale8)
            blank.fill(255)
            return blank
        if self._last is None or self._last[0] != text:
            code = qrcode.QRCode(border=2, box_size=1,
                                 error_correction=qrcode.constants.ERROR_CORRECT_M)
            code.add_data(text)
            code.make(fit=True)
            matrix = code.get_matrix()
            n = len(matrix)
            image = QImage(n, n, QImage.Format.Format_Grayscale8)
            for y, row in enumerate(matrix):
                for x, dark in enumerate(row):
                    image.setPixel(x, y, 0 if dark else 0xFFFFFFFF)
            self._last = (text, image)
        image = self._last[1]
        size.setWidth(image.width())
        size.setHeight(image.height())
        return image

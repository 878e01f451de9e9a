"""The QR decoder's worker process: reads grey frames from stdin, answers each with the content
of the QR code it shows (or none) on stdout, and ends at the end of its input. See
`kiosk.devices.camera.qr_decoder` for why it is a process of its own.

The pipe protocol, both ways little-endian:
    request  "QF" · height u16 · width u16 · height×width grey bytes
    reply    length i32 (-1: no code) · that many bytes of the code's raw content

This module stays lean (zxing-cpp and the standard library only): it is what the worker
imports, and every module it loads is resident memory for the whole day.
"""

from __future__ import annotations

import os
import struct
import sys

REQUEST = struct.Struct("<2sHH")
REPLY = struct.Struct("<i")
MAGIC = b"QF"
NO_CODE = -1
MAX_SIDE = 8192


def read_qr_bytes(grey: memoryview) -> bytes | None:
    """The raw content of the first QR code in a grey image (height × width bytes), or None."""
    import zxingcpp

    only_qr = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    found = zxingcpp.read_barcodes(grey, formats=only_qr)
    return bytes(found[0].bytes) if found else None


def _read_exact(fd: int, n: int) -> bytes | None:
    chunks: list[bytes] = []
    got = 0
    while got < n:
        chunk = os.read(fd, min(n - got, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def serve(fd_in: int, fd_out: int) -> int:
    while True:
        header = _read_exact(fd_in, REQUEST.size)
        if header is None:
            return 0
        magic, h, w = REQUEST.unpack(header)
        if magic != MAGIC or not (0 < h <= MAX_SIDE and 0 < w <= MAX_SIDE):
            return 2  # out of step with the kiosk: it restarts this worker
        body = _read_exact(fd_in, h * w)
        if body is None:
            return 0
        try:
            content = read_qr_bytes(memoryview(body).cast("B", (h, w)))
        except Exception:  # a frame the decoder refuses is a frame without a code
            content = None
        reply = REPLY.pack(NO_CODE) if content is None else REPLY.pack(len(content)) + content
        os.write(fd_out, reply)


def main() -> int:
    return serve(sys.stdin.fileno(), sys.stdout.fileno())


if __name__ == "__main__":
    sys.exit(main())

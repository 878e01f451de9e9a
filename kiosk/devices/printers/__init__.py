"""Printers: the thermal receipt printer (ESC/POS, driven directly) and the A4 document
printer (CUPS), each with its simulator."""

import os
import tempfile
from pathlib import Path

# python-escpos parses its printer-capabilities database on import and, unless told where,
# caches the result in a fresh temporary folder each time (slow, and litter in /tmp): give
# it one stable cache folder per machine (per boot under systemd's PrivateTmp).
_cache = Path(tempfile.gettempdir()) / "yiban-kiosk-escpos"
_cache.mkdir(exist_ok=True)
os.environ.setdefault("ESCPOS_CAPABILITIES_PICKLE_DIR", str(_cache))

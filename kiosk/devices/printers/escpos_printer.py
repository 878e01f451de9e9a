"""python-escpos's `Dummy` printer (it renders ESC/POS bytes; the kiosk sends them itself),
imported without the empty folder escpos leaves behind.

`escpos.capabilities` evaluates `mkdtemp()` as the default of its cache-folder lookup even
when the folder is configured (ESCPOS_CAPABILITIES_PICKLE_DIR, set by this package), so every
process that imports it leaves an empty `tmpXXXXXXXX` folder in /tmp: on a test machine,
thousands. It is imported here with the temporary folder pointed at a scratch folder of its
own; the empty folders named as `mkdtemp()` names them by default are then removed (another
thread making a temporary file or a named folder in that instant keeps it).
"""

from __future__ import annotations

import contextlib
import os
import tempfile

_scratch = tempfile.mkdtemp(prefix="yiban-kiosk-escpos-import-")
_saved, tempfile.tempdir = tempfile.tempdir, _scratch
try:
    from escpos.printer import Dummy
finally:
    tempfile.tempdir = _saved
    for _entry in os.scandir(_scratch):
        if _entry.name.startswith(tempfile.gettempprefix()):
            with contextlib.suppress(OSError):  # not empty: not escpos's
                os.rmdir(_entry.path)
    with contextlib.suppress(OSError):
        os.rmdir(_scratch)

__all__ = ["Dummy"]

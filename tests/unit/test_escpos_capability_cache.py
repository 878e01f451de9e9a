"""The receipt printer loads even when python-escpos's capability cache was left half written
(another process writing it at that moment, or a power cut in the middle), and the cache is
only read from a folder no other user can write (it is unpickled)."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import time
from pathlib import Path

import pytest

IMPORT_PRINTER = """
import os
from kiosk.devices.printers.receipt_printer import EscposReceiptPrinter
from escpos.capabilities import CAPABILITIES
print(os.environ["ESCPOS_CAPABILITIES_PICKLE_DIR"], len(CAPABILITIES["profiles"]))
"""


def _import_printer(tmp: Path) -> list[str]:
    env = {k: v for k, v in os.environ.items() if k != "ESCPOS_CAPABILITIES_PICKLE_DIR"}
    env["TMPDIR"] = str(tmp)
    done = subprocess.run([sys.executable, "-c", IMPORT_PRINTER], capture_output=True,
                          text=True, timeout=60, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.split()


def test_a_half_written_cache_does_not_stop_the_receipt_printer(tmp_path: Path) -> None:
    folder = tmp_path / f"yiban-kiosk-escpos-{os.getuid()}"
    folder.mkdir(mode=0o700)
    cache = folder / f"{platform.python_version()}.capabilities.pickle"
    cache.write_bytes(b"\x80\x02}q\x00(X")  # the first bytes of a pickle, then nothing
    later = time.time() + 3600  # newer than the database: escpos alone would trust it
    os.utime(cache, (later, later))

    used, profiles = _import_printer(tmp_path)

    assert used == str(folder)
    assert int(profiles) > 10
    assert not list(folder.glob("*.partial"))


def test_a_cache_folder_owned_by_another_user_is_not_used(tmp_path: Path) -> None:
    if os.getuid() != 0:
        pytest.skip("giving a folder to another user needs root")
    folder = tmp_path / "yiban-kiosk-escpos-0"
    folder.mkdir(mode=0o700)
    planted = folder / f"{platform.python_version()}.capabilities.pickle"
    planted.write_bytes(b"not a pickle anyone should load")
    os.chown(planted, 65534, 65534)
    os.chown(folder, 65534, 65534)

    used, profiles = _import_printer(tmp_path)

    assert used != str(folder)
    assert Path(used).parent == tmp_path
    assert int(profiles) > 10
    assert planted.read_bytes() == b"not a pickle anyone should load"


def test_an_own_cache_folder_others_can_write_is_not_used(tmp_path: Path) -> None:
    folder = tmp_path / f"yiban-kiosk-escpos-{os.getuid()}"
    folder.mkdir()
    folder.chmod(0o777)

    used, profiles = _import_printer(tmp_path)

    assert used != str(folder)
    assert Path(used).parent == tmp_path
    assert int(profiles) > 10

"""Printers: the thermal receipt printer (ESC/POS, driven directly) and the A4 document
printer (CUPS), each with its simulator."""

import importlib.resources
import json
import os
import pickle
import platform
import stat
import tempfile
from pathlib import Path


def _private_cache_folder() -> Path:
    """One stable folder per user (per boot under systemd's PrivateTmp), or a fresh one when
    the stable name is taken by someone else: the cache is unpickled, so a folder another
    user can write would let them run code in the kiosk."""
    folder = Path(tempfile.gettempdir()) / f"yiban-kiosk-escpos-{os.getuid()}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        info = folder.lstat()
        if (
            stat.S_ISDIR(info.st_mode)
            and info.st_uid == os.getuid()
            and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
        ):
            return folder
    except OSError:
        pass
    return Path(tempfile.mkdtemp(prefix="yiban-kiosk-escpos-"))


def _write_capability_cache(folder: Path) -> None:
    """python-escpos caches its parsed printer database by truncating and rewriting the file
    in place: a second process importing it at that moment reads half a file and cannot load
    the receipt printer (two test workers did), and so does every start after a power cut in
    the middle of that write. Write the cache here, whole and atomically, from the package's
    database (JSON: about 2 ms; escpos itself parses it as YAML, which is what its cache
    saves), so escpos only ever finds a complete, current file and only reads it."""
    source = importlib.resources.files("escpos") / "capabilities.json"
    capabilities = json.loads(source.read_text(encoding="utf-8"))
    target = folder / f"{platform.python_version()}.capabilities.pickle"
    partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
    partial.write_bytes(pickle.dumps(capabilities, protocol=2))
    os.replace(partial, target)


if "ESCPOS_CAPABILITIES_PICKLE_DIR" not in os.environ:
    _cache = _private_cache_folder()
    _write_capability_cache(_cache)
    os.environ["ESCPOS_CAPABILITIES_PICKLE_DIR"] = str(_cache)

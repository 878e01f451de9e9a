"""Reading a file someone else wrote (a catalog, a root of trust, a Pinyin map) without
trusting its size: at most a limit's worth of bytes, or one plain line saying why not."""

from __future__ import annotations

from pathlib import Path


class FileRefused(Exception):
    """The file could not be read, or is larger than its limit; the message names the path."""


def read_bounded(path: Path, max_bytes: int) -> bytes:
    """All of `path` when it holds at most `max_bytes`; FileRefused otherwise (never more than
    `max_bytes` + 1 bytes are read)."""
    try:
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise FileRefused(f"{path}: cannot read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        size = f"{max_bytes // 2**20} MB" if max_bytes >= 2**20 else f"{max_bytes // 1024} KB"
        raise FileRefused(f"{path}:1: larger than {size}")
    return data

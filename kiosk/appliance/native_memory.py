"""How the kiosk keeps glibc's malloc from holding memory it no longer uses.

Arenas: glibc's malloc gives each thread that allocates under contention an arena of its own (up to
8 per core); a kiosk process has a dozen threads (Qt, the core loop, simulators, worker pools,
the face models), and memory freed in one arena is not reused by another. Measured here: 100
headless visits in one process grew RSS by 18.8 MB with the default and by 2.4 MB with two
arenas. The systemd unit and
run-kiosk set MALLOC_ARENA_MAX=2 before the process starts; every `kiosk` command also sets it
at start (mallopt), unless MALLOC_ARENA_MAX says otherwise.

Large blocks are left to glibc's own, rising mmap threshold. Fixing it at 128 KiB (as the kiosk
did for a while) made every camera frame and DNN buffer a fresh mapping, its pages faulted in
and zeroed at each use: the face check ran 1.5–2× slower (face_track_ms 5.0 → 2.9 ms,
face_verify_ms 38 → 30 ms measured side by side) to save about 10 MB. The hot paths reuse their
large buffers instead (the face check scales every frame into one tracking buffer), and the
trim below returns what a visit freed.

Trimming: memory a visit freed (frames, PDFs, JSON answers, model buffers) stays in malloc's free
lists, scattered between pages still in use, and RSS keeps it. `release_free_memory` asks glibc
to hand free pages back to the system (malloc_trim); the kiosk calls it when a visit has ended,
a quiet moment when nothing waits on the few milliseconds it takes."""

from __future__ import annotations

import ctypes
import ctypes.util
import os

_M_ARENA_MAX = -8  # mallopt parameter number (glibc malloc.h)


def _libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        return ctypes.CDLL(name)
    except OSError:
        return None


def _mallopt(param: int, value: int) -> bool:
    mallopt = getattr(_libc(), "mallopt", None)
    if mallopt is None:
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return bool(mallopt(param, value))


def limit_malloc_arenas(count: int = 2) -> bool:
    """Limit glibc to `count` malloc arenas from now on; False where that cannot be done (not
    glibc) or the environment already chose."""
    if "MALLOC_ARENA_MAX" in os.environ:
        return False
    return _mallopt(_M_ARENA_MAX, count)


def tune_malloc() -> None:
    """What every kiosk process does first, before its threads start: two arenas."""
    limit_malloc_arenas()


def release_free_memory() -> bool:
    """Return malloc's free pages to the system (glibc malloc_trim); False where there is no
    such call (not glibc) or nothing could be returned."""
    trim = getattr(_libc(), "malloc_trim", None)
    if trim is None:
        return False
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return bool(trim(0))

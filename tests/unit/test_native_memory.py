"""Memory a visit freed goes back to the system: after many small blocks are freed with a few
kept between them (the shape a day of visits leaves), malloc holds the pages until
`release_free_memory` trims them."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
from kiosk.appliance.native_memory import release_free_memory
def anon_mb():
    for line in open("/proc/self/status"):
        if line.startswith("RssAnon:"):
            return int(line.split()[1]) // 1024
blocks = [bytes(1000) for _ in range(120_000)]
kept = blocks[::64]            # a few survivors on most pages: the heap cannot shrink by itself
del blocks
before = anon_mb()
released = release_free_memory()
print(before, anon_mb(), released, len(kept))
"""


def test_freed_pages_go_back_to_the_system() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                         timeout=60, env={"MALLOC_ARENA_MAX": "2", "PATH": "/usr/bin:/bin"},
                         check=True).stdout.split()
    before, after, released = int(out[0]), int(out[1]), out[2] == "True"
    assert released
    assert before - after > 60, f"RssAnon {before} MB → {after} MB"

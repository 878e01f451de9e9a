"""A short long day: 30 visits through the real QML in one process (kiosk/bench/_ui_soak.py, the
`ui_soak` benchmark with 500): every visit ends as the citizen's path says, the process never
aborts, and memory, Python objects, threads and file descriptors stay flat. A failed visit's
log line names where it failed (file, line, function; no values)."""

from __future__ import annotations

import json
import os

import pytest

from tests import background_soak


@pytest.mark.timeout(600)
@pytest.mark.usefixtures("cupsd_running")
def test_thirty_visits_in_one_process(request: pytest.FixtureRequest) -> None:
    # started with the run, beside the other tests (tests/background_soak.py)
    r = background_soak.collect(background_soak.run_id(request.config), timeout_s=580)
    assert r.returncode == 0, f"the kiosk process ended with {r.returncode}: {r.stderr[-2000:]}"
    result = json.loads(r.stdout.strip().splitlines()[-1])
    failed_lines = [line for line in r.stderr.splitlines() if "visit failed" in line]
    assert result["failures"] == [], (result["failures"], failed_lines)
    assert result["ended"] == {"done": 24, "card_pulled": 3, "declined": 3}
    first, last = result["first"], result["last"]
    assert last["rss_mb"] - first["rss_mb"] < 30
    assert last["python_objects"] < first["python_objects"] * 1.05
    # threads stay flat: the loop's default pool grows as work overlaps, within its bound
    # (two more of its workers once failed a run that started none of its own)
    assert last["threads"] - last["pool_threads"] <= first["threads"] - first["pool_threads"] + 1
    assert last["pool_threads"] <= min(32, (os.cpu_count() or 1) + 4)
    assert last["fds"] <= first["fds"] + 2
    assert last["qobjects"] <= first["qobjects"] + 20

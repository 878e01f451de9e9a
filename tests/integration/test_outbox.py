"""Nothing lost, nothing doubled: the outbox against the simulated backend under faults."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from kiosk.services.outbox import Outbox, Uploader
from kiosk.sim.backend import BackendServer
from kiosk.sim.citizens import card

CITIZEN = card("liu-yan").record


def application(item: str = "WFZZM") -> dict:
    return {"kiosk_id": "SIM-0001", "service_code": item, "item_codes": [item],
            "applicant": {"name": CITIZEN.name, "id_number": CITIZEN.id_number,
                          "credential": "idcard"},
            "form": {"address": CITIZEN.address, "phone": "13912345678"},
            "materials": [], "decision": "approved"}


def cases(backend: BackendServer) -> list[dict]:
    with backend.client() as c:
        return c.get("/sim/cases").json()["cases"]


def faults(backend: BackendServer, **kw) -> None:
    with backend.client() as c:
        c.post("/sim/faults", json=kw)


def uploader(outbox: Outbox, backend: BackendServer, timeout_s: float = 5.0) -> Uploader:
    return Uploader(outbox, backend.gateway("SIM-0001", timeout_s=timeout_s),
                    backoff_initial_s=0.0)


def test_no_personal_data_in_the_database_file(tmp_path: Path) -> None:
    outbox = Outbox.open(tmp_path)
    outbox.put("application", application(), service="WFZZM")
    outbox.close()
    for f in tmp_path.glob("outbox.sqlite3*"):
        raw = f.read_bytes()
        for secret in (CITIZEN.name, CITIZEN.id_number, CITIZEN.address or "", "13912345678"):
            assert secret.encode() not in raw, (f.name, secret)
            assert secret.encode("utf-16-le") not in raw
    key = tmp_path / "keys" / "outbox.key"
    assert oct(key.stat().st_mode & 0o777) == "0o600"


async def test_drained_items_are_acknowledged_and_purged(tmp_path: Path, backend) -> None:
    outbox = Outbox.open(tmp_path)
    item = outbox.put("application", application(), service="WFZZM")
    assert await uploader(outbox, backend).drain_once() == 1
    assert outbox.state(item) == "sent"
    assert len(outbox.case_numbers(item)) == 1
    row = sqlite3.connect(tmp_path / "outbox.sqlite3").execute(
        "SELECT payload, service FROM outbox WHERE id = ?", (item,)).fetchone()
    assert row == (None, "WFZZM")  # the personal payload is gone, the case facts stay
    assert len(cases(backend)) == 1


KILL_SCRIPT = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from kiosk.services.outbox import Outbox
    outbox = Outbox.open(Path(sys.argv[1]))
    outbox.put("application", {"kiosk_id": "K", "service_code": "WFZZM",
               "item_codes": ["WFZZM"], "applicant": {"name": "n",
               "id_number": "11010519491231002X", "credential": "idcard"}, "form": {},
               "materials": []}, service="WFZZM")
    print("stored", flush=True)
    time.sleep(60)
""")


async def test_killed_between_write_and_upload_then_restarted(tmp_path: Path, backend) -> None:
    proc = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT, str(tmp_path)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "stored"
    os.kill(proc.pid, signal.SIGKILL)  # the power is cut
    proc.wait(10)
    outbox = Outbox.open(tmp_path)  # the kiosk starts again
    assert outbox.status().pending == 1
    up = uploader(outbox, backend)
    assert await up.drain_once() == 1
    assert await up.drain_once() == 0
    assert len(cases(backend)) == 1


async def test_killed_during_the_upload(tmp_path: Path, backend) -> None:
    outbox = Outbox.open(tmp_path)
    outbox.put("application", application(), service="WFZZM")
    outbox.close()
    faults(backend, slow_s=1.5)
    tls = backend.kiosk_files(tmp_path / "tls", "K")
    script = textwrap.dedent(f"""
        import asyncio, sys
        from pathlib import Path
        from kiosk.services.gateway import GatewayClient
        from kiosk.services.outbox import Outbox, Uploader
        ob = Outbox.open(Path({str(tmp_path)!r}))
        print("uploading", flush=True)
        gateway = GatewayClient({backend.url!r}, "K", ca_bundle=Path({str(tls.ca)!r}),
                                client_cert=Path({str(tls.cert)!r}),
                                client_key=Path({str(tls.key)!r}))
        asyncio.run(Uploader(ob, gateway).drain_once())
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "uploading"
    import asyncio

    await asyncio.sleep(0.8)  # the request is on its way
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    await asyncio.sleep(1.2)  # the backend finishes whatever it received
    faults(backend, slow_s=0)
    outbox = Outbox.open(tmp_path)
    await uploader(outbox, backend).drain_once()
    assert outbox.status().pending == 0
    assert len(cases(backend)) == 1  # exactly one case, whatever the kill interrupted


async def test_connection_dropped_after_the_backend_processed(tmp_path: Path, backend) -> None:
    outbox = Outbox.open(tmp_path)
    item = outbox.put("application", application(), service="WFZZM")
    faults(backend, drop_after_commit=1)
    up = uploader(outbox, backend)
    assert await up.drain_once() == 0
    assert outbox.state(item) == "pending"
    assert len(cases(backend)) == 1  # processed, but the answer was lost
    assert await up.drain_once() == 1  # the retry carries the same key
    assert len(cases(backend)) == 1
    assert outbox.case_numbers(item) == [cases(backend)[0]["case_number"]]


async def test_backend_down_for_the_whole_run_then_up(tmp_path: Path, backend) -> None:
    outbox = Outbox.open(tmp_path)
    for i in range(3):
        outbox.put("application", application(f"ITEM{i}"), service=f"ITEM{i}")
    faults(backend, down=True)
    up = uploader(outbox, backend)
    for _ in range(3):
        assert await up.drain_once() == 0
    status = outbox.status()
    assert (status.pending, status.dead) == (3, 0)  # outages never kill an application
    faults(backend, down=False)
    while await up.drain_once():
        pass
    assert outbox.status().sent == 3
    assert len(cases(backend)) == 3


async def test_a_corrupted_row_is_set_aside_and_the_rest_uploads(tmp_path: Path,
                                                                backend) -> None:
    outbox = Outbox.open(tmp_path)
    bad = outbox.put("application", application("BAD"), service="BAD")
    good = outbox.put("application", application("GOOD"), service="GOOD")
    db = sqlite3.connect(tmp_path / "outbox.sqlite3", isolation_level=None)
    blob = bytearray(db.execute("SELECT payload FROM outbox WHERE id = ?", (bad,)).fetchone()[0])
    blob[20] ^= 0xFF
    db.execute("UPDATE outbox SET payload = ? WHERE id = ?", (bytes(blob), bad))
    await uploader(outbox, backend).drain_once()
    assert outbox.state(bad) == "dead"
    assert outbox.state(good) == "sent"
    status = outbox.status()
    assert status.dead_letters[0]["id"] == bad
    assert "cannot be decrypted" in status.dead_letters[0]["error"]


async def test_permanent_refusals_end_as_a_dead_letter(tmp_path: Path, backend) -> None:
    outbox = Outbox.open(tmp_path, max_permanent_failures=3)
    item = outbox.put("application", {**application(), "item_codes": []}, service="X")
    up = uploader(outbox, backend)
    for _ in range(3):
        await up.drain_once()
    assert outbox.state(item) == "dead"
    assert "invalid_request" in outbox.status().dead_letters[0]["error"]


def test_outbox_status_cli_shows_no_personal_data(tmp_path: Path) -> None:
    outbox = Outbox.open(tmp_path / "data")
    outbox.put("application", application(), service="WFZZM")
    outbox.close()
    cfg = tmp_path / "k.toml"
    cfg.write_text(f'data_dir = "{tmp_path / "data"}"\n')
    r = subprocess.run([sys.executable, "-m", "kiosk", "outbox", "status", "--config", str(cfg),
                        "--json"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert (out["pending"], out["sent"], out["dead"]) == (1, 0, 0)
    assert out["oldest_pending_age_s"] >= 0
    assert CITIZEN.name not in r.stdout
    assert CITIZEN.id_number not in r.stdout

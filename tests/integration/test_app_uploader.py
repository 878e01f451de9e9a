"""`kiosk run` resumes uploading what a previous run left in the outbox."""

from __future__ import annotations

import asyncio
from pathlib import Path

from kiosk.app import KioskCore
from kiosk.config import load_config, packaged_config
from kiosk.services.outbox import Outbox
from kiosk.sim.backend import BackendServer


async def test_a_restart_resumes_the_upload(tmp_path: Path) -> None:
    backend = BackendServer()
    backend.start()
    try:
        left = Outbox.open(tmp_path)  # a previous run stored this, then the power went
        item = left.put("application", {
            "kiosk_id": "K", "service_code": "WFZZM", "item_codes": ["WFZZM"],
            "applicant": {"name": "张伟", "id_number": "11010519491231002X",
                          "credential": "idcard"}, "form": {}, "materials": []},
            service="WFZZM")
        left.close()
        # a kiosk as the province sets it up: https, its certificate, the gateway's authority
        tls = backend.kiosk_files(tmp_path / "tls", "SIM-0001")
        config = load_config(packaged_config("simulated"), simulate=False, data_dir=tmp_path,
                             backend_url=backend.url, backend_ca_bundle=tls.ca,
                             backend_client_cert=tls.cert, backend_client_key=tls.key)
        core = KioskCore(config)
        await core.start(wait_first_poll=False)
        try:
            assert core.outbox is not None
            for _ in range(100):
                if core.outbox.state(item) == "sent":
                    break
                await asyncio.sleep(0.05)
            assert core.outbox.state(item) == "sent"
        finally:
            await core.stop()
        with backend.client() as c:
            cases = c.get("/sim/cases").json()["cases"]
        assert len(cases) == 1
    finally:
        backend.stop()

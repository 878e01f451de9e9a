"""The flow engine's ports for a headless visit against a simulated backend: the shipped
catalog with the criminal-record item's face check off (no camera here), an outbox in the
test's folder and its uploader. The caller closes the outbox and the gateway."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from kiosk.documents.reprint_store import ReprintStore
from kiosk.flows.catalog import load_catalog
from kiosk.flows.ports import FlowPorts
from kiosk.services.outbox import Outbox, Uploader
from kiosk.sim.backend import BackendServer


def headless_ports(backend: BackendServer, folder: Path, **extra: Any) -> FlowPorts:
    catalog = load_catalog()
    svc = catalog.services["criminal-record-certificate"]
    catalog.services[svc.id] = svc.model_copy(update={"face_check": "none"})
    outbox = Outbox.open(folder)
    gateway = backend.gateway("T")
    return FlowPorts(catalog=catalog, gateway=gateway, outbox=outbox,
                     uploader=Uploader(outbox, gateway, backoff_initial_s=0),
                     reprints=ReprintStore(folder / "r", key=os.urandom(32)), kiosk_id="T",
                     **extra)

"""The backend as a device: on the strip's list of devices, polled by the monitor; and a second
simulated kiosk whose backend port is taken starts its own backend elsewhere, says so at
warning level, and its visits reach that backend."""

from __future__ import annotations

import asyncio
import socket
from pathlib import Path

import pytest

from kiosk.app import KioskCore
from kiosk.config import load_config, packaged_config
from kiosk.devices.base import DeviceState
from kiosk.sim.backend import BackendServer


async def wait_state(core: KioskCore, name: str, state: DeviceState) -> None:
    assert core.monitor is not None
    for _ in range(100):
        status = core.monitor.snapshot().get(name)
        if status is not None and status.state is state:
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"{name} never became {state}: {core.monitor.snapshot().get(name)}")


@pytest.mark.usefixtures("cupsd_running")
async def test_a_taken_backend_port_moves_the_simulated_backend(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with socket.socket() as squatter:  # someone else holds the configured port
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        taken = squatter.getsockname()[1]
        config = load_config(packaged_config("simulated"), simulate=True,
                             data_dir=tmp_path / "data",
                             backend_url=f"https://127.0.0.1:{taken}")
        core = KioskCore(config)
        await core.start(wait_first_poll=True)
        try:
            assert core.hub is not None
            assert core.hub.backend_url != config.backend_url
            assert "simulated backend port taken" in caplog.text
            assert any(r.levelname == "WARNING" and "port taken" in r.getMessage()
                       for r in caplog.records)
            assert core.gateway is not None
            assert await core.gateway.health()  # the kiosk talks to the backend it started
            names = [d.name for d in core.devices]
            assert "backend" in names
            await wait_state(core, "backend", DeviceState.OK)
        finally:
            await core.stop()


async def test_an_unreachable_backend_is_a_device_that_is_lost(tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead = s.getsockname()[1]  # nobody listens once the socket is closed
    config = load_config(packaged_config("simulated"), simulate=False,
                         data_dir=tmp_path / "data", backend_url=f"https://127.0.0.1:{dead}",
                         monitor={"poll_interval_s": 0.05, "missed_polls_before_lost": 2,
                                  "retry_initial_s": 0.05, "retry_max_s": 0.1})
    core = KioskCore(config)
    await core.start(wait_first_poll=False)
    try:
        await wait_state(core, "backend", DeviceState.UNAVAILABLE)
        assert core.monitor is not None
        assert core.monitor.snapshot()["backend"].code == "backend_unreachable"
    finally:
        await core.stop()


def test_two_simulated_backends_started_at_once_never_share_a_port() -> None:
    """Two kiosks starting together (the test suite's soak beside another test; two kiosks
    on one demo machine): the second must learn at once that the port is taken — it used to
    bind it too and fail later, unseen, in its server thread, leaving that kiosk with no
    backend and every service paused."""
    first = BackendServer(port=0)
    try:
        with pytest.raises(OSError, match="in use"):
            BackendServer(port=first.port)
        first.start()
        with first.client() as client:
            assert client.get("/v1/health").status_code == 200
    finally:
        first.stop()

"""The composition root: reads the config and wires simulators, devices and their monitor into
the UI-agnostic core, which the Qt front end (`kiosk.ui.shell`) and the headless commands start.

`CoreThread` runs the core's asyncio loop in its own thread beside Qt's event loop: PySide6's
QtAsyncio (6.12) implements no sockets, servers, subprocesses or file-descriptor readers, which the
gateway, the simulators and the serial drivers need, so the core keeps a full asyncio loop and
talks to the UI through queued Qt signals and `submit`.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import threading
from collections.abc import Coroutine
from typing import Any, TypeVar

from kiosk.config import KioskSettings
from kiosk.devices.base import Device
from kiosk.devices.monitor import DeviceMonitor
from kiosk.devices.registry import build_devices
from kiosk.services.gateway import GatewayClient
from kiosk.services.outbox import Outbox, Uploader
from kiosk.sim.hub import SimulatorHub

T = TypeVar("T")


class KioskCore:
    def __init__(self, config: KioskSettings) -> None:
        self.config = config
        self.hub: SimulatorHub | None = None
        self.devices: list[Device] = []
        self.monitor: DeviceMonitor | None = None
        self.outbox: Outbox | None = None
        self.gateway: GatewayClient | None = None
        self._uploader_task: asyncio.Task[None] | None = None

    async def start(self, *, monitor: bool = True, wait_first_poll: bool = True) -> None:
        """Start simulators (in simulate mode), build the devices and start polling them.

        With `wait_first_poll` False the first poll runs in the background, so a slow device
        never delays the first frame; statuses show "checking" until it answers.
        """
        # Any device configured with the "simulated" adapter gets its simulator, whether or
        # not the whole kiosk runs in simulate mode (which only adds the on-screen banner).
        self.hub = SimulatorHub(self.config)
        await self.hub.start()
        self.devices = build_devices(self.config.devices, self.hub)
        self.monitor = DeviceMonitor(self.devices, self.config.monitor)
        if monitor:
            if wait_first_poll:
                await self.monitor.poll_once()
            self.monitor.start()
            self._start_uploader()

    def _start_uploader(self) -> None:
        """The outbox's single uploader: whatever a previous run left unsent goes out now."""
        c = self.config
        self.outbox = Outbox.open(c.data_dir)
        self.gateway = GatewayClient(c.backend_url, c.kiosk_id, timeout_s=c.backend_timeout_s,
                                     ca_bundle=c.backend_ca_bundle,
                                     client_cert=c.backend_client_cert,
                                     client_key=c.backend_client_key)
        uploader = Uploader(self.outbox, self.gateway)
        self._uploader_task = asyncio.get_running_loop().create_task(uploader.run(),
                                                                     name="outbox-uploader")

    async def stop(self) -> None:
        if self._uploader_task is not None:
            self._uploader_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._uploader_task
        if self.gateway is not None:
            await self.gateway.aclose()
        if self.outbox is not None:
            self.outbox.close()
        if self.monitor is not None:
            await self.monitor.stop()
        if self.hub is not None:
            await self.hub.stop()

    def device(self, name: str) -> Device:
        for d in self.devices:
            if d.name == name:
                return d
        raise KeyError(name)


class CoreThread:
    """An asyncio loop running forever in a daemon thread."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, name="kiosk-core", daemon=True)

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.loop.run_forever()

    def start(self) -> None:
        self._thread.start()

    def submit(self, coro: Coroutine[Any, Any, T]) -> concurrent.futures.Future[T]:
        return asyncio.run_coroutine_threadsafe(coro, self.loop)

    def stop(self, timeout_s: float = 5.0) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(timeout_s)

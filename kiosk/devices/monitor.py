"""Hot-plug: poll every device's health, report a loss only after several missed polls,
retry a lost device with exponential backoff, and report it back when it answers again.

The monitor owns each device's status value; listeners get `(name, status)` on every change.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kiosk.config import MonitorConfig
from kiosk.devices.base import Device, DeviceStatus
from kiosk.devices.errors import DeviceError
from kiosk.events import EventId
from kiosk.logging import get_logger

log = get_logger(__name__)

StatusListener = Callable[[str, DeviceStatus], None]


@dataclass
class _Tracked:
    device: Device
    status: DeviceStatus
    missed: int = 0
    lost: bool = False
    retry_delay_s: float = 0.0
    next_retry_at: float = 0.0
    last_error: str | None = None


class DeviceMonitor:
    def __init__(
        self,
        devices: Sequence[Device],
        config: MonitorConfig,
        *,
        clock: Callable[[], float] = time.monotonic,
        probe_timeout_s: float = 10.0,
    ) -> None:
        self._config = config
        self._clock = clock
        self._probe_timeout_s = probe_timeout_s
        self._tracked = {d.name: _Tracked(d, DeviceStatus.unknown()) for d in devices}
        self._listeners: list[StatusListener] = []
        self._task: asyncio.Task[None] | None = None

    @property
    def devices(self) -> list[Device]:
        return [t.device for t in self._tracked.values()]

    def subscribe(self, listener: StatusListener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: StatusListener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def snapshot(self) -> dict[str, DeviceStatus]:
        return {name: t.status for name, t in self._tracked.items()}

    def last_error(self, name: str) -> str | None:
        return self._tracked[name].last_error

    async def poll_once(self) -> None:
        await asyncio.gather(*(self._poll(t) for t in self._tracked.values()))

    async def run(self) -> None:
        """Poll forever at the configured interval (cancel the task to stop)."""
        while True:
            started = self._clock()
            await self.poll_once()
            elapsed = self._clock() - started
            await asyncio.sleep(max(0.05, self._config.poll_interval_s - elapsed))

    def start(self) -> asyncio.Task[None]:
        self._task = asyncio.get_running_loop().create_task(self.run(), name="device-monitor")
        return self._task

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        for t in self._tracked.values():
            if t.device.is_open:
                await t.device.close()
                log.info("device closed", event_id=EventId.DEVICE_CLOSED, device=t.device.name)

    async def _poll(self, t: _Tracked) -> None:
        now = self._clock()
        if t.lost and now < t.next_retry_at:
            return
        device = t.device
        try:
            if not device.is_open:
                await asyncio.wait_for(device.open(), self._probe_timeout_s)
                log.info("device opened", event_id=EventId.DEVICE_OPENED, device=device.name,
                         adapter=device.adapter)
            status = await asyncio.wait_for(device.probe(), self._probe_timeout_s)
        except (DeviceError, TimeoutError) as exc:
            await self._missed(t, exc)
            return
        if t.lost:
            log.info("device back", event_id=EventId.DEVICE_RECONNECTED, device=device.name)
        t.missed = 0
        t.lost = False
        t.retry_delay_s = 0.0
        t.last_error = None
        self._set(t, status)

    async def _missed(self, t: _Tracked, exc: BaseException) -> None:
        device = t.device
        code = exc.code if isinstance(exc, DeviceError) else "device_timeout"
        t.missed += 1
        t.last_error = f"{code}: {exc}"
        if device.is_open:
            await device.close()
        cfg = self._config
        if t.lost:
            t.retry_delay_s = min(cfg.retry_max_s, max(cfg.retry_initial_s, t.retry_delay_s * 2))
            t.next_retry_at = self._clock() + t.retry_delay_s
            log.debug("device still missing", event_id=EventId.DEVICE_RETRY, device=device.name,
                      next_retry_s=t.retry_delay_s)
        elif t.missed >= cfg.missed_polls_before_lost:
            t.lost = True
            t.retry_delay_s = cfg.retry_initial_s
            t.next_retry_at = self._clock() + t.retry_delay_s
            log.warning("device lost", event_id=EventId.DEVICE_LOST, device=device.name,
                        error_code=code, reason=str(exc), missed_polls=t.missed)
            self._set(t, DeviceStatus.unavailable(code, reason=str(exc)))
        else:
            log.info("device missed a poll", event_id=EventId.DEVICE_POLL_MISSED,
                     device=device.name, error_code=code, missed_polls=t.missed)

    def _set(self, t: _Tracked, status: DeviceStatus) -> None:
        if status == t.status:
            return
        before, t.status = t.status, status
        # listeners hear every change (a camera's frame rate, a jack's plug); the log only a
        # change of state or code: a frame rate moving 19.9 → 20.1 is not an event of the day
        if (before.state, before.code) != (status.state, status.code):
            log.info("device status", event_id=EventId.DEVICE_STATUS_CHANGED,
                     device=t.device.name, state=status.state.value, status_code=status.code)
        for listener in list(self._listeners):
            listener(t.device.name, status)


async def probe_now(device: Device, timeout_s: float = 10.0) -> tuple[DeviceStatus, str | None]:
    """Open, probe and close one device at once (for `kiosk devices` and `kiosk doctor`).

    Returns the status and, when unreachable, the reason in one line.
    """
    try:
        await asyncio.wait_for(device.open(), timeout_s)
        status = await asyncio.wait_for(device.probe(), timeout_s)
        return status, None
    except (DeviceError, TimeoutError) as exc:
        code = exc.code if isinstance(exc, DeviceError) else "device_timeout"
        reason = str(exc) or code
        return DeviceStatus.unavailable(code, reason=reason), reason
    finally:
        if device.is_open:
            await device.close()

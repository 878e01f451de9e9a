"""The hot-plug logic with a scripted device and a manual clock."""

from __future__ import annotations

from kiosk.config import MonitorConfig
from kiosk.devices.base import Device, DeviceKind, DeviceState, DeviceStatus
from kiosk.devices.errors import DeviceUnavailable
from kiosk.devices.monitor import DeviceMonitor, probe_now


class ScriptedDevice(Device):
    """A device whose presence the test switches; counts how often it is asked."""

    kind = DeviceKind.RECEIPT_PRINTER

    def __init__(self) -> None:
        super().__init__("printer", "scripted")
        self.present = True
        self.opens = 0
        self.probes = 0

    async def _open(self) -> None:
        self.opens += 1
        if not self.present:
            raise DeviceUnavailable("unplugged")

    async def _close(self) -> None:
        pass

    async def probe(self) -> DeviceStatus:
        self.probes += 1
        if not self.present:
            raise DeviceUnavailable("no answer")
        return DeviceStatus.ok(paper="ok")


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


CFG = MonitorConfig(poll_interval_s=1, missed_polls_before_lost=3, retry_initial_s=2,
                    retry_max_s=8)


async def test_one_missed_poll_is_not_a_loss() -> None:
    dev, clock = ScriptedDevice(), Clock()
    mon = DeviceMonitor([dev], CFG, clock=clock)
    changes: list[tuple[str, DeviceStatus]] = []
    mon.subscribe(lambda n, s: changes.append((n, s)))
    await mon.poll_once()
    assert mon.snapshot()["printer"].state is DeviceState.OK
    dev.present = False
    for _ in range(2):
        clock.now += 1
        await mon.poll_once()
    assert mon.snapshot()["printer"].state is DeviceState.OK
    dev.present = True
    clock.now += 1
    await mon.poll_once()
    assert [s.state for _, s in changes] == [DeviceState.OK]


async def test_lost_after_missed_polls_then_back_with_backoff() -> None:
    dev, clock = ScriptedDevice(), Clock()
    mon = DeviceMonitor([dev], CFG, clock=clock)
    changes: list[DeviceStatus] = []
    mon.subscribe(lambda _n, s: changes.append(s))
    await mon.poll_once()
    dev.present = False
    for _ in range(3):
        clock.now += 1
        await mon.poll_once()
    status = mon.snapshot()["printer"]
    assert status.state is DeviceState.UNAVAILABLE
    assert status.code == "device_unavailable"
    assert not status.connected
    assert mon.last_error("printer") is not None

    # retried with backoff: 2 s, then 4 s, then 8 s (capped), not on every poll
    attempts_before = dev.opens
    clock.now += 1
    await mon.poll_once()
    assert dev.opens == attempts_before  # too early
    clock.now += 1.01
    await mon.poll_once()
    assert dev.opens == attempts_before + 1
    clock.now += 2
    await mon.poll_once()
    assert dev.opens == attempts_before + 1  # next retry is 4 s later
    clock.now += 2.01
    await mon.poll_once()
    assert dev.opens == attempts_before + 2

    dev.present = True
    clock.now += 8.01
    await mon.poll_once()
    assert mon.snapshot()["printer"].state is DeviceState.OK
    assert [s.state for s in changes] == [DeviceState.OK, DeviceState.UNAVAILABLE, DeviceState.OK]


async def test_probe_now_reports_unreachable_as_a_value() -> None:
    dev = ScriptedDevice()
    dev.present = False
    status, reason = await probe_now(dev)
    assert status.state is DeviceState.UNAVAILABLE
    assert reason == "unplugged"
    assert not dev.is_open


class MeasuringDevice(ScriptedDevice):
    """A device whose status carries a measurement that moves at every poll (a frame rate)."""

    async def probe(self) -> DeviceStatus:
        self.probes += 1
        return DeviceStatus.ok(fps=19.5 + self.probes % 3 / 2)


async def test_a_moving_measurement_reaches_listeners_but_not_the_log(caplog) -> None:
    dev, clock = MeasuringDevice(), Clock()
    mon = DeviceMonitor([dev], CFG, clock=clock)
    changes: list[DeviceStatus] = []
    mon.subscribe(lambda _n, s: changes.append(s))
    for _ in range(4):
        await mon.poll_once()
        clock.now += 1
    assert len({s.detail["fps"] for s in changes}) > 1          # the admin page sees it move
    logged = [r for r in caplog.records if "device status" in r.getMessage()]
    assert len(logged) == 1                                      # the journal: once, "ok"

"""View models the QML reads: kiosk identity, the device-status list, and the idle state.

QML holds no business logic: it shows these properties and calls these slots. Device status
arrives from the core thread; `DeviceStatusModel.apply` is invoked through a queued signal so
it always runs on the Qt thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    Property,
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)

from kiosk import __version__
from kiosk.admin.device_words import StaffView, staff_view
from kiosk.config import KioskSettings
from kiosk.devices.base import DeviceStatus
from kiosk.domain.clock import KioskClock
from kiosk.logging import get_logger

log = get_logger(__name__)

_ROLES = {
    Qt.ItemDataRole.UserRole + 1: b"name",
    Qt.ItemDataRole.UserRole + 2: b"kind",
    Qt.ItemDataRole.UserRole + 3: b"state",
    Qt.ItemDataRole.UserRole + 4: b"code",
    Qt.ItemDataRole.UserRole + 5: b"connected",
    Qt.ItemDataRole.UserRole + 6: b"simulated",
    Qt.ItemDataRole.UserRole + 7: b"detail",
    Qt.ItemDataRole.UserRole + 8: b"staffLine",  # the admin page's words (kiosk.admin.device_words)
    Qt.ItemDataRole.UserRole + 9: b"paper",
    Qt.ItemDataRole.UserRole + 10: b"cover",
}


def _staff_roles(view: StaffView) -> dict[str, str]:
    return {"staffLine": view.line, "paper": view.paper_state, "cover": view.cover_state}


class DeviceStatusModel(QAbstractListModel):
    """One row per configured device: name, kind, state, code, connected, simulated."""

    statusReceived = Signal(str, object)  # name, DeviceStatus (frozen: safe across threads)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []
        self.statusReceived.connect(self._apply, Qt.ConnectionType.QueuedConnection)

    def set_devices(self, devices: list[tuple[str, str, bool]]) -> None:
        """(name, kind, simulated) for every configured device, before any status is known."""
        self.beginResetModel()
        self._rows = [
            {"name": n, "kind": k, "state": "unknown", "code": "", "connected": False,
             "simulated": s, "detail": "",
             **_staff_roles(staff_view(k, DeviceStatus.unknown(), simulated=s))}
            for n, k, s in devices
        ]
        self.endResetModel()

    def apply(self, name: str, status: DeviceStatus) -> None:
        """Thread-safe: schedule the update on the Qt thread."""
        self.statusReceived.emit(name, status)

    @Slot(str, object)
    def _apply(self, name: str, status: DeviceStatus) -> None:
        for i, row in enumerate(self._rows):
            if row["name"] == name:
                detail = " ".join(f"{k} {v}" for k, v in status.detail.items()
                                  if isinstance(v, int | float | str) and k != "reader_name")
                row.update(state=status.state.value, code=status.code or "",
                           connected=status.connected, detail=detail[:120],
                           **_staff_roles(staff_view(row["kind"], status,
                                                     simulated=row["simulated"])))
                idx = self.index(i, 0)
                self.dataChanged.emit(idx, idx)
                return

    def row(self, name: str) -> dict[str, Any]:
        return next(dict(r) for r in self._rows if r["name"] == name)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        key = _ROLES.get(role)
        return None if key is None else self._rows[index.row()][key.decode()]

    def roleNames(self) -> dict[int, QByteArray]:
        return {r: QByteArray(n) for r, n in _ROLES.items()}


class KioskBridge(QObject):
    """Static facts about this kiosk, the idle/attract state, and the visit and simulator
    view models (`visit`, `sim`)."""

    attractChanged = Signal()
    screenShownAt = Signal(str)  # a screen finished loading (benchmarks, tests)

    def __init__(self, config: KioskSettings, devices: DeviceStatusModel,
                 visit: QObject | None = None, sim: QObject | None = None,
                 admin: QObject | None = None, help_bridge: QObject | None = None,
                 clock: KioskClock | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock or KioskClock(config.time_zone)
        self._help = help_bridge
        self._config = config
        self._devices = devices
        self._visit = visit
        self._sim = sim
        self._admin = admin
        self._attract = False

    @Property(QObject, constant=True)
    def visit(self) -> QObject | None:
        return self._visit

    @Property(QObject, constant=True)
    def sim(self) -> QObject | None:
        return self._sim

    @Property(QObject, constant=True)
    def admin(self) -> QObject | None:
        return self._admin

    @Property(QObject, constant=True)
    def help(self) -> QObject | None:
        return self._help

    @Property(bool, constant=True)
    def simulatorPanel(self) -> bool:
        # a trainer's tool: only on simulated devices, and only when switched on
        return bool(self._config.simulate and self._config.ui.simulator_panel
                    and self._sim is not None)

    @Property(str, constant=True)
    def readerPosition(self) -> str:
        return self._config.ui.reader_position

    @Property(str, constant=True)
    def printerPosition(self) -> str:
        return self._config.ui.printer_position

    @Property(float, constant=True)
    def screenDpi(self) -> float:
        return float(self._config.ui.screen_dpi)

    @Slot(str)
    def screenShown(self, name: str) -> None:
        self.screenShownAt.emit(name)

    @Property(str, constant=True)
    def kioskId(self) -> str:
        return self._config.kiosk_id

    @Property(str, constant=True)
    def siteName(self) -> str:
        return self._config.site

    @Property(str, constant=True)
    def version(self) -> str:
        return __version__

    @Property(bool, constant=True)
    def simulated(self) -> bool:
        return self._config.simulate

    @Property(QObject, constant=True)
    def devices(self) -> DeviceStatusModel:
        return self._devices

    def _get_attract(self) -> bool:
        return self._attract

    def set_attract(self, value: bool) -> None:
        if value != self._attract:
            self._attract = value
            self.attractChanged.emit()

    attract = Property(bool, _get_attract, notify=attractChanged)

    @Slot(result="QVariantMap")
    def clockFace(self) -> dict[str, Any]:
        """The home screen's clock: time, date and weekday (0 Sunday .. 6 Saturday) where the
        kiosk stands."""
        now = self._clock.now()
        return {"time": f"{now:%H:%M}", "date": f"{now:%Y-%m-%d}",
                "weekday": now.isoweekday() % 7}

    @Slot(str)
    def notice(self, what: str) -> None:
        """QML reports a tap on something not built yet (logged, no personal data)."""
        log.info("ui notice", what=what)

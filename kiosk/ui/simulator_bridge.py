"""The trainer's simulator panel (only with --simulate and ui.simulator_panel): place or lift a
sample ID card, insert a social security card, show an e-ID code, put the owner or someone else
in front of the camera, run the receipt printer out of paper. Every action goes through the
simulators' own control channels, so the kiosk sees it exactly as it would see hardware."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.app import CoreThread, KioskCore
from kiosk.devices.headphones.sim import SimulatedHeadphoneJack
from kiosk.devices.keypad.sim import SimulatedKeypad
from kiosk.devices.printers.escpos_status import Paper
from kiosk.logging import get_logger
from kiosk.sim.citizens import DECK, card, eid_code

if TYPE_CHECKING:  # the simulated camera (OpenCV) comes with the core, after the first frame
    from kiosk.devices.camera.sim import SimulatedCamera

log = get_logger(__name__)

_OWNER = {1: "genuine", 2: "impostor"}  # the packaged photo that shows each owner (its scene)
_OTHER = {1: "impostor", 2: "genuine"}


class SimulatorBridge(QObject):
    changed = Signal()

    def __init__(self, core: KioskCore, thread: CoreThread,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._core = core
        self._thread = thread
        self._card = "zhang-wei"

    def _camera(self) -> SimulatedCamera | None:
        from kiosk.devices.camera.sim import SimulatedCamera

        for d in self._core.devices:
            if isinstance(d, SimulatedCamera):
                return d
        return None

    def _control(self, proc: Any, **command: Any) -> None:
        if proc is None:
            log.warning("simulator not running", command=next(iter(command), ""))
            return
        self._thread.submit(proc.control(**command))

    def _get_cards(self) -> list[dict[str, str]]:
        # sample cards by their ids: names on the panel would look like a citizen's data
        return [{"id": c.card_id, "label": c.card_id} for c in DECK[:6]]

    cards = Property(list, _get_cards, constant=True)

    @Slot(str)
    def placeCard(self, card_id: str) -> None:
        self._card = card_id
        hub = self._core.hub
        self._control(hub.idcard if hub else None, place=card_id)
        self.face("genuine")

    @Slot()
    def liftCard(self) -> None:
        hub = self._core.hub
        self._control(hub.idcard if hub else None, remove=True)

    @Slot(bool)
    def plugKeypad(self, plugged: bool) -> None:
        """Plug the simulated keypad in or pull it out (the strip shows it at the next poll)."""
        for d in self._core.devices:
            if isinstance(d, SimulatedKeypad):
                d.plugged = plugged

    @Slot(bool)
    def plugHeadphones(self, inserted: bool) -> None:
        """Put headphones into the simulated jack or pull them out (seen at the next poll)."""
        for d in self._core.devices:
            if isinstance(d, SimulatedHeadphoneJack):
                d.inserted = inserted

    @Slot()
    def insertSsc(self) -> None:
        hub = self._core.hub
        self._control(hub.smartcard if hub else None, insert="ssc")

    @Slot()
    def showQr(self) -> None:
        from kiosk.devices.camera.sim import Scene

        camera = self._camera()
        if camera is not None:
            camera.set_scene(Scene.QR, qr_text=eid_code(self._card))

    @Slot(str)
    def face(self, kind: str) -> None:
        camera = self._camera()
        if camera is None:
            return
        from kiosk.devices.camera.sim import Scene

        index = card(self._card).photo_index
        scene = {"genuine": _OWNER.get(index, "genuine"),
                 "impostor": _OTHER.get(index, "impostor")}.get(kind, "no_face")
        camera.set_scene(Scene(scene))

    def hear(self, direction: str) -> None:
        """The simulated person follows the on-screen head-turn prompt."""
        camera = self._camera()
        if camera is not None:
            camera.hear(direction)

    @Slot(bool)
    def paper(self, ok: bool) -> None:
        hub = self._core.hub
        if hub is not None and hub.receipt is not None:
            hub.receipt.set_paper(Paper.OK if ok else Paper.OUT)

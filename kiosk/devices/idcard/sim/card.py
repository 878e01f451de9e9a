"""A card the simulated reader can lay: its record and its stand-in WLT photo.

A simulated card's 1024 photo bytes start with a marker and a sample-image index; the
simulated photo decoder (`kiosk.devices.idcard.photo.SimulatedPhotoDecoder`) turns that index
into a packaged image. Real WLT bytes need the vendor's decoder.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.domain.identity import IdCardRecord

SIM_WLT_MAGIC = b"SIMWLT1"
WLT_SIZE = 1024


def sim_wlt(photo_index: int) -> bytes:
    """The 1024 'WLT' photo bytes of a sample card: a marker the simulated decoder maps to a
    packaged image (photo_index 0 means no sample image)."""
    head = SIM_WLT_MAGIC + bytes([photo_index])
    return head + bytes((i * 7 + photo_index) & 0xFF for i in range(WLT_SIZE - len(head)))


@dataclass(frozen=True)
class SampleCard:
    card_id: str
    record: IdCardRecord
    photo_index: int = 0  # 1 and 2 have face photos (kiosk/sim/photos)

    @property
    def wlt(self) -> bytes:
        return sim_wlt(self.photo_index)

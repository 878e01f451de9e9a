"""Who is asking the simulated backend: a kiosk, known by the client certificate it presented
(mutual TLS), a staff member, known by the session they signed in with, or neither. The
server's identity layer (kiosk/sim/backend.py) sets it on each request; the contract check
(kiosk/sim/contract_check.py) and the help desk decide with it."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.sim.staff_directory import StaffMember


@dataclass(frozen=True)
class Caller:
    kiosk_id: str | None = None
    staff: StaffMember | None = None

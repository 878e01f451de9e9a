"""The two things staff may ask of the machine itself: reboot it, or stop the kiosk and leave
the screen to the maintenance console.

Both go through `systemctl`, which asks systemd and logind over D-Bus. The kiosk service has
no capability and no new privileges (a sudo line would be useless under NoNewPrivileges=), so
the right to do exactly these two things comes from the polkit rule the install script puts
in /etc/polkit-1/rules.d (systemd/50-yiban-kiosk.rules): the user `kiosk` may reboot, and may
stop kiosk.service; nothing else. Over SSH, root needs no rule.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from typing import Protocol

from kiosk.domain.errors import KioskError

KIOSK_UNIT = "kiosk.service"


class MachineControlError(KioskError):
    code = "machine_control"


class MachineControl(Protocol):
    def reboot(self) -> None: ...

    def stop_kiosk(self) -> None: ...


@dataclass(frozen=True)
class SystemctlControl:
    """The machine through `systemctl`. Both calls return once systemd has the job: the
    kiosk asking to stop itself must not wait for its own end."""

    unit: str = KIOSK_UNIT
    timeout_s: float = 20.0

    def reboot(self) -> None:
        self._systemctl("reboot", "--no-block")

    def stop_kiosk(self) -> None:
        self._systemctl("stop", "--no-block", self.unit)

    def _systemctl(self, *args: str) -> None:
        program = shutil.which("systemctl")
        if program is None:
            raise MachineControlError("systemctl is not installed on this machine")
        try:
            done = subprocess.run([program, *args], capture_output=True, text=True,
                                  timeout=self.timeout_s, check=False)
        except subprocess.TimeoutExpired:
            raise MachineControlError(f"systemctl {args[0]} did not answer in "
                                      f"{self.timeout_s:g} s") from None
        if done.returncode != 0:
            why = (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1]
            raise MachineControlError(f"systemctl {args[0]} refused: {why}")

"""Starts the simulators a configuration asks for, and tells the registry where they are.

- receipt printer: an ESC/POS sink on loopback TCP, in this process;
- document printer: a cups-pdf queue in the local cupsd (created here when we may);
- smart card: vpcd's virtual reader in pcscd (started by the run script, not by the app).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from kiosk.config import KioskSettings
from kiosk.devices.printers.receipt_simulator import ReceiptPrinterSimulator
from kiosk.logging import get_logger

log = get_logger(__name__)

CUPS_PDF_PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")


class SimulatorHub:
    def __init__(self, config: KioskSettings) -> None:
        self.config = config
        self.receipt: ReceiptPrinterSimulator | None = None

    async def start(self) -> None:
        devices = self.config.devices
        if devices.receipt_printer is not None and devices.receipt_printer.adapter == "simulated":
            self.receipt = ReceiptPrinterSimulator()
            await self.receipt.start()
        if devices.document_printer is not None and devices.document_printer.adapter == "simulated":
            ensure_cups_pdf_queue(devices.document_printer.queue,
                                  self.config.data_dir / "printed")

    async def stop(self) -> None:
        if self.receipt is not None:
            await self.receipt.stop()

    def receipt_printer_address(self) -> tuple[str, int]:
        if self.receipt is None or not self.receipt.port:
            raise RuntimeError("receipt printer simulator not started")
        return self.receipt.host, self.receipt.port


def ensure_cups_pdf_queue(queue: str, out_dir: Path) -> bool:
    """Create the cups-pdf queue `queue` writing PDFs to `out_dir`, if it is missing.

    Needs root and a running cupsd; where either is missing the document printer simply shows
    as unavailable (queue_missing) and the kiosk runs on.
    """
    lpstat = shutil.which("lpstat")
    lpadmin = shutil.which("lpadmin") or "/usr/sbin/lpadmin"
    if lpstat is None or not Path(lpadmin).exists():
        return False
    probe = subprocess.run([lpstat, "-p", queue], capture_output=True, text=True, timeout=5)
    if probe.returncode == 0:
        return True
    if os.geteuid() != 0:
        return False
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        out_dir.chmod(0o755)
        Path(f"/etc/cups/cups-pdf-{queue}.conf").write_text(
            f"Out {out_dir}\nAnonDirName {out_dir}\nUserUMask 0022\nLabel 2\n"
        )
        subprocess.run(
            [lpadmin, "-p", queue, "-v", f"cups-pdf:/{queue}", "-P", str(CUPS_PDF_PPD), "-E"],
            check=True, capture_output=True, timeout=10,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("cannot create the cups-pdf queue", queue=queue, reason=str(exc))
        return False
    return True

"""The admin actions without Qt: what staff get from the touch menu and over SSH, against the
simulated devices (the ESC/POS simulator on TCP, cups-pdf through cupsd), with their audit
records."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from kiosk.admin.actions import MaintenanceActions
from kiosk.app import KioskCore
from kiosk.config import KioskSettings
from kiosk.documents.reprint_store import ReprintStore
from kiosk.events import EventId
from tests.receipt_lines import drawn, rasters

pytestmark = pytest.mark.usefixtures("cupsd_running")


@pytest.fixture
async def core(sim_config: KioskSettings) -> AsyncIterator[KioskCore]:
    kiosk = KioskCore(sim_config)
    await kiosk.start(monitor=False)
    await kiosk.open_devices()   # as `kiosk admin` does: no monitor, the devices opened once
    yield kiosk
    await kiosk.stop()


def _audit(config: KioskSettings) -> list[dict[str, object]]:
    path = config.data_dir / "admin" / "audit.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


async def test_a_test_ticket_comes_out_of_the_receipt_printer(core: KioskCore) -> None:
    assert core.hub is not None
    assert core.hub.receipt is not None
    printer = core.hub.receipt
    before = printer.printed
    result = await MaintenanceActions(core.services()).print_test_ticket("tech-7")
    assert result.ok, result.words
    assert printer.printed == before + 1
    lines = rasters(printer.since(before)[0])     # Chinese lines are drawn as rasters
    assert drawn("易办自助终端 测试凭条", bold=True) in lines
    assert drawn(f"终端：{core.config.kiosk_id}", align="left") in lines
    entry = _audit(core.config)[-1]
    assert entry["event_id"] == int(EventId.ADMIN_DEVICE_TEST)
    assert entry["staff_id"] == "tech-7"
    assert entry["via"] == "touch"


async def test_a_reprint_prints_the_kept_copies_and_an_unknown_case_says_so(
        core: KioskCore) -> None:
    assert core.hub is not None
    assert core.hub.receipt is not None
    store = ReprintStore(core.config.data_dir / "reprints",
                         key=core.credentials.secret("reprint.key"))
    receipt = b"\x1b@reprinted receipt\n\x1dV\x00"
    store.put("WFZZM-20261203-0001", "receipt", receipt)
    actions = MaintenanceActions(core.services())
    before = core.hub.receipt.printed

    done = await actions.reprint("tech-7", "WFZZM-20261203-0001", via="ssh")
    assert done.ok
    assert "回执" in done.words
    assert "证明" not in done.words
    assert core.hub.receipt.printed == before + 1
    assert "reprinted receipt" in core.hub.receipt.since(before)[0].text

    missing = await actions.reprint("tech-7", "NO-SUCH-CASE", via="ssh")
    assert not missing.ok
    assert "NO-SUCH-CASE" in missing.words
    assert [e["case_number"] for e in _audit(core.config)[-2:]] == [
        "WFZZM-20261203-0001", "NO-SUCH-CASE"]


async def test_an_export_holds_the_log_the_audit_and_the_readiness(core: KioskCore,
                                                                  tmp_path: Path) -> None:
    lines = ['{"event":"kiosk started","event_id":1001}']
    actions = MaintenanceActions(core.services(lambda: lines))
    stick = tmp_path / "stick"
    stick.mkdir()
    result = await actions.export("tech-7", into=stick, via="ssh")
    assert result.ok, result.words
    (folder,) = stick.iterdir()
    assert folder.name.startswith(f"kiosk-{core.config.kiosk_id}-")
    assert (folder / "logs.jsonl").read_text(encoding="utf-8").splitlines() == lines
    audit = [json.loads(x) for x in (folder / "audit.jsonl").read_text().splitlines()]
    assert audit[-1]["action"] == "export"
    assert audit[-1]["via"] == "ssh"
    readiness = json.loads((folder / "readiness.json").read_text(encoding="utf-8"))
    assert readiness["kiosk_id"] == core.config.kiosk_id
    assert set(readiness["devices"]) == {d.name for d in core.devices}


async def test_an_export_to_a_folder_that_cannot_be_written_says_so(core: KioskCore,
                                                                   tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the stick should be")
    result = await MaintenanceActions(core.services()).export("tech-7", into=blocked)
    assert not result.ok
    assert "导出失败" in result.words


def _kiosk(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    config = data_dir.parent / "kiosk.toml"
    packaged = Path(__file__).resolve().parents[2] / "kiosk" / "defaults" / "simulated.toml"
    # a top-level key goes before the first [table]
    config.write_text(f'data_dir = "{data_dir}"\n' + packaged.read_text(encoding="utf-8"),
                      encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "kiosk", *args, "--config", str(config),
                           "--simulate", "--staff", "ops-1"], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                          check=False)


def test_over_ssh_a_test_ticket_prints_and_an_unknown_reprint_answers_no(
        tmp_path: Path) -> None:
    data = tmp_path / "data"
    printed = _kiosk("admin", "test-print", "receipt", data_dir=data)
    assert printed.returncode == 0, printed.stderr
    assert "测试凭条已打印" in printed.stdout
    missing = _kiosk("admin", "reprint", "NO-SUCH-CASE", data_dir=data)
    assert missing.returncode == 1, missing.stderr
    assert "NO-SUCH-CASE" in missing.stdout
    audit = [json.loads(x) for x in (data / "admin" / "audit.jsonl").read_text().splitlines()]
    assert [(e["action"], e["staff_id"], e["via"]) for e in audit] == [
        ("test-receipt", "ops-1", "ssh"), ("reprint", "ops-1", "ssh")]

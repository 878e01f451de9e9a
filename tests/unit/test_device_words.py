"""The admin page's device rows speak the staff's language: what, how, and the useful facts —
no Python values, no empty labels, no citizen's data."""

from __future__ import annotations

import pytest

from kiosk.admin.device_words import staff_view
from kiosk.devices.base import DeviceState, DeviceStatus


def test_an_id_card_reader_reads_as_the_staff_say_it() -> None:
    status = DeviceStatus.ok(port="/dev/ttyUSB0", baud=115200, sam_id="05.01-20261123")
    expected = "身份证阅读器 · 正常 · 串口 /dev/ttyUSB0，115200 波特"
    assert staff_view("idcard", status).line == expected


def test_a_receipt_printer_with_low_paper_has_its_indicators() -> None:
    status = DeviceStatus(DeviceState.WARNING, "paper_low", {
        "transport": "tcp://10.0.0.9:9100", "paper": "near_end", "cover_open": False,
        "paper_width_mm": 80})
    view = staff_view("receipt_printer", status)
    assert view.line == "凭条打印机 · 需要注意 · 纸将用尽 · 网络 10.0.0.9:9100，80 毫米纸"
    assert (view.paper_state, view.cover_state) == ("low", "closed")


def test_a_smart_card_reader_says_whether_a_card_is_in_but_not_its_atr() -> None:
    status = DeviceStatus.ok(reader="Virtual PCD 00 00", card_present=False,
                             atr="3B 88 80 01 00 00 00 00")
    line = staff_view("smartcard", status, simulated=True).line
    assert line == "社保卡/护照读卡器 · 正常 · 读卡器 Virtual PCD 00 00，无卡（模拟设备）"


@pytest.mark.parametrize(("detail", "expected"), [
    ({"width": 1280, "height": 720, "fps": 0.0}, "摄像头 · 正常 · 画面 1280×720"),
    ({"width": 1280, "height": 720, "fps": 29.7}, "摄像头 · 正常 · 画面 1280×720，29.7 帧/秒"),
])
def test_a_camera_shows_its_rate_only_once_measured(detail: dict[str, float],
                                                    expected: str) -> None:
    assert staff_view("camera", DeviceStatus(DeviceState.OK, None, detail)).line == expected


def test_a_document_printer_translates_cups_reasons_and_drops_empty_ones() -> None:
    ok = DeviceStatus.ok(queue="kiosk-a4", state="idle", accepting=True, device_uri="usb://x",
                         reasons="")
    assert staff_view("document_printer", ok).line == "文件打印机 · 正常 · 队列 kiosk-a4"
    jammed = DeviceStatus(DeviceState.ERROR, "paper_out", {
        "queue": "kiosk-a4", "reasons": "media-empty-error,media-jam-error"})
    assert staff_view("document_printer", jammed).line == \
        "文件打印机 · 故障 · 缺纸 · 队列 kiosk-a4，卡纸"


def test_a_lost_device_says_why_without_stale_facts() -> None:
    lost = DeviceStatus.unavailable("device_unavailable", reason="[Errno 2] /dev/ttyUSB0")
    assert staff_view("idcard", lost).line == "身份证阅读器 · 未连接 · 设备无响应或未插好"


def test_no_row_shows_a_python_value() -> None:
    for kind, detail in [("receipt_printer", {"transport": "tcp://h:1", "paper": "ok",
                                              "cover_open": True, "paper_width_mm": 58}),
                         ("smartcard", {"reader": "R", "card_present": True})]:
        line = staff_view(kind, DeviceStatus.ok(**detail)).line
        assert not any(word in line for word in ("True", "False", "None", "0.0"))

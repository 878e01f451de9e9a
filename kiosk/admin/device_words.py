"""A device's status in the words maintenance staff read on the admin menu's device page:
"身份证阅读器 · 正常 · 串口 /dev/ttyUSB0，115200 波特" — what it is, how it is, and the one or
two facts that help at the kiosk with a screwdriver. Never Python values (`True`, `0.0`), never
empty labels, nothing about a citizen (no card number, no ATR).

Paper and cover get their own small indicators (`paper_state`, `cover_state`), shown as icons.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from kiosk.devices.base import DetailValue, DeviceState, DeviceStatus

KIND_WORDS = {
    "idcard": "身份证阅读器",
    "smartcard": "社保卡/护照读卡器",
    "receipt_printer": "凭条打印机",
    "document_printer": "文件打印机",
    "camera": "摄像头",
    "backend": "政务服务系统",
    "keypad": "按键盘",
    "headphones": "耳机插孔",
}
STATE_WORDS = {
    DeviceState.OK: "正常",
    DeviceState.WARNING: "需要注意",
    DeviceState.ERROR: "故障",
    DeviceState.UNAVAILABLE: "未连接",
    DeviceState.UNKNOWN: "检测中",
}
CODE_WORDS = {
    "paper_low": "纸将用尽",
    "paper_out": "缺纸",
    "cover_open": "盖板打开",
    "offline": "打印机脱机",
    "printer_offline": "打印机脱机",
    "queue_stopped": "打印队列已停止",
    "not_accepting": "打印队列不接收作业",
    "queue_missing": "打印队列不存在",
    "reader_missing": "找不到读卡器",
    "sam_error": "安全模块（SAM）故障",
    "device_unavailable": "设备无响应或未插好",
    "device_timeout": "设备响应超时",
    "device_protocol": "设备应答有误",
    "device_error": "设备报错",
    "backend_unreachable": "连接不上",
    "not_probed": "尚未检测",
}
CUPS_REASON_WORDS = {
    "media-empty": "缺纸",
    "media-needed": "缺纸",
    "media-low": "纸将用尽",
    "media-jam": "卡纸",
    "door-open": "机盖打开",
    "cover-open": "机盖打开",
    "toner-low": "墨粉将用尽",
    "toner-empty": "墨粉用尽",
    "marker-supply-low": "耗材将用尽",
    "offline": "打印机脱机",
    "paused": "已暂停",
    "connecting-to-device": "正在连接打印机",
}

Indicator = Literal["ok", "low", "out", "open", "closed", ""]
_PAPER: dict[str, Indicator] = {"ok": "ok", "near_end": "low", "out": "out"}


@dataclass(frozen=True)
class StaffView:
    line: str
    paper_state: Indicator = ""  # receipt printer: ok | low | out; other devices: ""
    cover_state: Indicator = ""  # receipt printer: closed | open


def _text(value: DetailValue) -> str:
    return "" if value is None else str(value)


def _transport_words(description: str) -> str:
    """tcp://10.0.0.9:9100 → 网络 10.0.0.9:9100; /dev/ttyS0@19200 → 串口 /dev/ttyS0，19200 波特."""
    if description.startswith("tcp://"):
        return "网络 " + description.removeprefix("tcp://")
    device, _, baud = description.partition("@")
    return f"串口 {device}，{baud} 波特" if baud else f"串口 {device}"


def _facts(kind: str, d: Mapping[str, DetailValue]) -> list[str]:
    if kind == "idcard" and d.get("port"):
        return [f"串口 {d['port']}，{d.get('baud', '')} 波特".rstrip("， ")]
    if kind == "smartcard":
        facts = [f"读卡器 {d['reader']}"] if d.get("reader") else []
        if "card_present" in d:
            facts.append("已插卡" if d["card_present"] else "无卡")
        return facts
    if kind == "receipt_printer":
        facts = [_transport_words(_text(d["transport"]))] if d.get("transport") else []
        if d.get("paper_width_mm"):
            facts.append(f"{d['paper_width_mm']} 毫米纸")
        return facts
    if kind == "document_printer":
        facts = [f"队列 {d['queue']}"] if d.get("queue") else []
        reasons = [r for r in _text(d.get("reasons")).split(",") if r]
        words = []
        for r in reasons:
            base = r.removesuffix("-report").removesuffix("-warning").removesuffix("-error")
            word = CUPS_REASON_WORDS.get(base)
            if word and word not in words:
                words.append(word)
        return facts + words
    if kind == "camera":
        facts = []
        if d.get("width") and d.get("height"):
            facts.append(f"画面 {d['width']}×{d['height']}")
        fps = d.get("fps")
        if isinstance(fps, int | float) and fps > 0:  # 0 right after opening: not measured
            facts.append(f"{fps:g} 帧/秒")
        return facts
    if kind == "keypad":
        return [f for f in (_text(d.get("keypad")), f"设备 {d['node']}" if d.get("node") else "")
                if f]
    if kind == "headphones":
        plugged = "已插入耳机" if d.get("inserted") is True else "未插耳机"
        if d.get("configured") is True:
            return [plugged, "无插孔检测，按配置设定"]
        jack = _text(d.get("jack"))
        return [plugged, *([f"插孔 {jack}"] if jack else [])]
    if kind == "backend" and d.get("url"):
        return [f"地址 {urlsplit(_text(d['url'])).netloc or d['url']}"]
    return []


def staff_view(kind: str, status: DeviceStatus, *, simulated: bool = False) -> StaffView:
    """The admin page's row for one device."""
    parts = [KIND_WORDS.get(kind, kind), STATE_WORDS.get(status.state, status.state.value)]
    if status.code and status.code in CODE_WORDS and status.state is not DeviceState.OK:
        parts.append(CODE_WORDS[status.code])
    elif status.code and status.state not in (DeviceState.OK, DeviceState.UNKNOWN):
        parts.append(status.code.replace("_", " "))
    facts = [f for f in (_facts(kind, status.detail) if status.connected else [])
             if f not in parts]
    line = " · ".join(parts)
    if facts:
        line += " · " + "，".join(facts)
    if simulated:
        line += "（模拟设备）"
    paper: Indicator = ""
    cover: Indicator = ""
    if kind == "receipt_printer" and status.connected:
        paper = _PAPER.get(_text(status.detail.get("paper")), "")
        cover = "open" if status.detail.get("cover_open") else "closed"
    return StaffView(line, paper, cover)

"""The thermal receipt and the queue ticket (取号) as abstract documents, rendered to ESC/POS
bytes for the printer and to PNG for previews.

ESC/POS: ASCII lines go as printer text; any line with other characters (Chinese, rare name
characters, full-width punctuation) is drawn with the embedded CJK font chain and sent as a
raster image (GS v 0), because printers' built-in fonts lack many characters and
python-escpos sends only basic-range Han as raw GB 18030. QR codes use the printer's native
QR command (the payload is an ASCII URL). python-escpos builds the bytes; our receipt-printer
port sends them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

import qrcode
from escpos.printer import Dummy
from PIL import Image

from kiosk.documents.fonts import render_line, stack
from kiosk.domain.clock import printed_time

DOTS = {58: 384, 80: 576}  # printable dots per line at 203 dpi
COLUMNS = {58: 32, 80: 48}


@dataclass(frozen=True)
class Text:
    text: str
    align: str = "left"
    bold: bool = False
    large: bool = False


@dataclass(frozen=True)
class Qr:
    data: str
    module: int = 6


@dataclass(frozen=True)
class Rule:
    pass


Item = Text | Qr | Rule


@dataclass(frozen=True)
class ReceiptDocument:
    items: list[Item] = field(default_factory=list)
    paper_width_mm: int = 80


def case_receipt(*, service: str, case_numbers: list[str], when: datetime, kiosk_id: str,
                 holder_masked: str, outcome: str, next_steps: list[str], progress_url: str,
                 offers: Sequence[tuple[str, str]] = (), rating_url: str = "",
                 rating_until: str = "", paper_width_mm: int = 80) -> ReceiptDocument:
    """The receipt of a visit: its cases, the policies (免申即享) applied for in it, each as
    (title, case number), and — where the platform gave one — the code to rate the visit
    later on the phone (扫码评) with the time it runs out."""
    rating: list[Item] = []
    if rating_url:
        rating = [Rule(), Qr(rating_url), Text("手机扫码评价本次服务", "center", bold=True),
                  Text(f"{rating_until} 前有效", "center")]
    applied: list[Item] = []
    if offers:
        applied = [Rule(), Text("免申即享 已申请的政策", bold=True)]
        for title, case in offers:
            applied += [Text(f"{title}（已受理，待审核）"), Text(f"受理编号：{case}")]
    items: list[Item] = [
        Text("易办自助终端 办事回执", "center", bold=True, large=True),
        Rule(),
        Text(f"事项：{service}"),
        *[Text(f"受理编号：{n}") for n in case_numbers],
        Text(f"申请人：{holder_masked}"),
        Text(f"办理结果：{outcome}", bold=True),
        Text(f"时间：{printed_time(when)}"),
        Text(f"终端：{kiosk_id}"),
        *applied,
        Rule(),
        *[Text(step) for step in next_steps],
        Qr(progress_url),
        Text("扫码查询办理进度", "center"),
        *rating,
        Text("请妥善保管本回执", "center"),
    ]
    return ReceiptDocument(items, paper_width_mm)


def queue_ticket(*, number: str, service: str, waiting: int, when: datetime, kiosk_id: str,
                 group: str = "", counters: list[str] | None = None, booked: str = "",
                 priority: bool = False, paper_width_mm: int = 80) -> ReceiptDocument:
    """A queue ticket (取号): the number, where to wait, how many are before it. No personal
    data. A checked-in booking's (预约签到) says the booked time, and whether it is called
    first (an on-time arrival)."""
    items: list[Item] = [
        Text("易办政务服务 预约签到" if booked else "易办政务服务 排队取号", "center", bold=True),
        Rule(),
        Text(number, "center", bold=True, large=True),
    ]
    if booked:
        items.append(Text("预约优先叫号" if priority else "按现场取号排队", "center", bold=True))
    items.append(Text(f"业务：{service}", "center"))
    if booked:
        items.append(Text(f"预约时间：{booked}", "center"))
    if counters:
        items.append(Text(f"请到：{'、'.join(counters)}" + (f"（{group}）" if group else ""),
                          "center"))
    items += [
        Text(f"您前面还有 {waiting} 人", "center"),
        Text(f"{printed_time(when)}  {kiosk_id}", "center"),
        Text("请留意叫号，过号请重新取号", "center"),
    ]
    return ReceiptDocument(items, paper_width_mm)


def receipt_texts(doc: ReceiptDocument) -> list[str]:
    """Every line of text on the receipt (for the glyph check before printing)."""
    return [item.text for item in doc.items if isinstance(item, Text)]


def _is_printer_text(text: str) -> bool:
    return all(0x20 <= ord(c) < 0x7F for c in text)


def line_image(item: Text, width: int) -> Image.Image:
    """A line of text as the printer gets it: a 1-bit image as wide as the paper's dots."""
    size = 44 if item.large else 24
    return render_line(item.text, width, size, align=item.align, bold=item.bold)


def to_escpos(doc: ReceiptDocument) -> bytes:
    width = DOTS[doc.paper_width_mm]
    p = Dummy()
    p.profile.profile_data["media"]["width"]["pixels"] = width  # paper width for centring
    p.hw("INIT")
    for item in doc.items:
        if isinstance(item, Rule):
            p.set(align="left", bold=False, normal_textsize=True)
            p.text("-" * COLUMNS[doc.paper_width_mm] + "\n")
        elif isinstance(item, Qr):
            p.set(align="center")
            p.qr(item.data, native=True, size=item.module)
        elif _is_printer_text(item.text):
            p.set(align=item.align, bold=item.bold, double_height=item.large,
                  double_width=item.large, normal_textsize=not item.large)
            p.text(item.text + "\n")
        else:
            p.image(line_image(item, width), impl="bitImageRaster", center=False)
    p.set(normal_textsize=True, align="left", bold=False)
    p.cut()
    data: bytes = p.output
    return data


def to_png(doc: ReceiptDocument) -> Image.Image:
    """A preview of the receipt as the printer would lay it out."""
    width = DOTS[doc.paper_width_mm]
    parts: list[Image.Image] = []
    for item in doc.items:
        if isinstance(item, Rule):
            img = Image.new("1", (width, 12), 1)
            img.paste(0, (0, 5, width, 7))
            parts.append(img)
        elif isinstance(item, Qr):
            qr = qrcode.make(item.data, box_size=item.module, border=2).convert("1")
            canvas = Image.new("1", (width, qr.height), 1)
            canvas.paste(qr, ((width - qr.width) // 2, 0))
            parts.append(canvas)
        else:
            parts.append(line_image(item, width))
    return stack(parts, width)

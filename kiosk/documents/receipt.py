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
from PIL import Image

from kiosk.devices.printers.escpos_printer import Dummy
from kiosk.documents.fonts import line_width, render_line, stack
from kiosk.domain.clock import printed_time
from kiosk.domain.money import yuan

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


@dataclass(frozen=True)
class EReceiptNumbers:
    """A fiscal e-receipt (财政电子票据) as printed: its numbers and where it is checked."""

    code: str  # 票据代码, 8 digits
    number: str  # 票据号码, 10 digits
    check_code: str  # 校验码
    verify_url: str


@dataclass(frozen=True)
class PaidOnReceipt:
    """What a receipt says of a payment: what, how much, to whom, the order, the
    platform's transaction and the fiscal e-receipt (None while it is being issued)."""

    item_name: str
    amount_fen: int
    payee: str
    order_no: str
    transaction_id: str
    period: str = ""
    paid_for: tuple[str, ...] = ()  # the members a contribution is for, masked
    e_receipt: EReceiptNumbers | None = None


def _payment_lines(paid: PaidOnReceipt) -> list[Item]:
    items: list[Item] = [
        Text(f"缴费项目：{paid.item_name}" + (f"（{paid.period}）" if paid.period else "")),
        Text(f"缴费金额：{yuan(paid.amount_fen)}元", bold=True),
    ]
    if paid.paid_for:
        items.append(Text(f"缴费对象：{'、'.join(paid.paid_for)}"))
    items += [Text(f"收款单位：{paid.payee}"), Text(f"订单号：{paid.order_no}"),
              Text(f"支付流水号：{paid.transaction_id}")]
    if paid.e_receipt is None:
        items.append(Text("财政电子票据：开具中，可凭订单号查询"))
    else:
        r = paid.e_receipt
        items += [Text(f"财政电子票据代码：{r.code}"), Text(f"票据号码：{r.number}"),
                  Text(f"校验码：{r.check_code}")]
    return items


def case_receipt(*, service: str, case_numbers: list[str], when: datetime, kiosk_id: str,
                 holder_masked: str, outcome: str, next_steps: list[str], progress_url: str,
                 offers: Sequence[tuple[str, str]] = (), rating_url: str = "",
                 rating_until: str = "", paper_width_mm: int = 80,
                 paid: PaidOnReceipt | None = None) -> ReceiptDocument:
    """The receipt of a visit: its cases; with `paid`, its payment too (the e-receipt's
    QR code links to its verification); the policies (免申即享) applied for in it, each as
    (title, case number); and — where the platform gave one — the code to rate the visit
    later on the phone (扫码评) with the time it runs out. `progress_url` "" prints no
    progress code."""
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
        *(_payment_lines(paid) if paid is not None else []),
        Text(f"时间：{printed_time(when)}"),
        Text(f"终端：{kiosk_id}"),
        *applied,
        Rule(),
        *[Text(step) for step in next_steps],
    ]
    if paid is not None and paid.e_receipt is not None:
        items += [Qr(paid.e_receipt.verify_url), Text("扫码查验财政电子票据", "center")]
    if progress_url:
        items += [Qr(progress_url), Text("扫码查询办理进度", "center")]
    items += rating
    items.append(Text("请妥善保管本回执", "center"))
    return ReceiptDocument(items, paper_width_mm)


def refund_slip(*, service: str, order_no: str, amount_fen: int, refund_no: str, why: str,
                when: datetime, kiosk_id: str, paper_width_mm: int = 80) -> ReceiptDocument:
    """退款告知单: a payment is being returned (the service could not be done, or the money
    arrived after the order was closed). No personal data."""
    items: list[Item] = [
        Text("易办自助终端 退款告知单", "center", bold=True, large=True),
        Rule(),
        Text(f"事项：{service}"),
        Text(f"订单号：{order_no}"),
        Text(f"已支付金额：{yuan(amount_fen)}元"),
        Text(f"退款金额：{yuan(amount_fen)}元", bold=True),
        Text(f"退款单号：{refund_no}"),
        Text(f"原因：{why}"),
        Text(f"时间：{printed_time(when)}"),
        Text(f"终端：{kiosk_id}"),
        Rule(),
        Text("款项将原路退回您的付款账户，"),
        Text("一般1至7个工作日到账。"),
        Text("如未收到，请凭本单到服务台咨询。"),
        Text("请妥善保管本告知单", "center"),
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


def _wrapped(text: str, width: int, size: int) -> list[str]:
    """`text` in lines that fit `width` pixels (a long order number or item name on 58 mm
    paper goes on the next line instead of off the edge)."""
    lines: list[str] = []
    line = ""
    for ch in text:
        if line and line_width(line + ch, size) > width:
            lines.append(line)
            line = ch.lstrip()
        else:
            line += ch
    return [*lines, line] if line or not lines else lines


def line_image(item: Text, width: int) -> Image.Image:
    """A line of text as the printer gets it: a 1-bit image as wide as the paper's dots
    (a line too long for the paper goes on as many as it needs)."""
    size = 44 if item.large else 24
    parts = [render_line(line, width, size, align=item.align, bold=item.bold)
             for line in _wrapped(item.text, width, size)]
    return parts[0] if len(parts) == 1 else stack(parts, width, margin=0)


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

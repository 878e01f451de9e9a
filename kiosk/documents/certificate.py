"""The A4 certificate: layout (reportlab) and what goes on it.

On the page: title, document number, holder block, body text from the service definition, the
purpose line (仅供…使用), issuing body and date with its seal, the verification QR code, and a
visible diagonal watermark (kiosk id, print time, purpose). The CJK font is embedded as a
subset, so the page prints and displays the same everywhere. The QR payload is also stored in
the PDF's metadata (Keywords) so `kiosk verify FILE.pdf` can find it without an image decoder.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass, field
from datetime import date, datetime

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from kiosk.documents.fonts import draw_text, paragraph_markup, register_cjk_font, text_width
from kiosk.domain.clock import printed_time

SEAL_RED = HexColor("#C8102E")
TEXT = HexColor("#111111")
MUTED = HexColor("#555555")
WATERMARK = Color(0.55, 0.55, 0.55, alpha=0.16)


@dataclass(frozen=True)
class CertificateContent:
    title: str
    document_number: str
    service_code: str
    issuer: str
    holder_fields: list[tuple[str, str]]  # (label, value), e.g. ("姓名", "张伟")
    body: list[str]
    purpose: str
    issue_date: date
    kiosk_id: str
    printed_at: datetime
    seal_caption: str = "证明专用章"
    footer: str = "本证明由易办自助终端打印，可扫描二维码离线核验真伪。"
    extra: dict[str, str] = field(default_factory=dict)


def _chinese_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _watermark_text(content: CertificateContent) -> str:
    return f"{content.kiosk_id} {printed_time(content.printed_at)} 仅供{content.purpose}使用"


def _printed_line(content: CertificateContent) -> str:
    return f"打印终端 {content.kiosk_id} · {printed_time(content.printed_at, seconds=True)}"


def certificate_texts(content: CertificateContent) -> list[str]:
    """Every text the page draws, for the check that each character has a glyph before
    anything prints (kiosk/documents/fonts.py: missing_glyphs)."""
    return [content.title, f"编号：{content.document_number}",
            *(f"{label}：{value}" for label, value in content.holder_fields), *content.body,
            f"本证明仅供{content.purpose}使用。", content.issuer,
            _chinese_date(content.issue_date), content.seal_caption, content.footer,
            _watermark_text(content), _printed_line(content)]


def _seal(c: Canvas, cx: float, cy: float, radius: float, issuer: str, caption: str,
          font: str) -> None:
    c.saveState()
    c.setStrokeColor(SEAL_RED)
    c.setFillColor(SEAL_RED)
    c.setStrokeAlpha(0.8)  # ink: the date and name under the seal stay legible
    c.setFillAlpha(0.8)
    c.setLineWidth(2.2)
    c.circle(cx, cy, radius, stroke=1, fill=0)
    # five-pointed star
    r_out, r_in = radius * 0.28, radius * 0.11
    path = c.beginPath()
    for i in range(10):
        r = r_out if i % 2 == 0 else r_in
        a = math.pi / 2 + i * math.pi / 5
        x, y = cx + r * math.cos(a), cy + r * math.sin(a)
        if i == 0:
            path.moveTo(x, y)
        else:
            path.lineTo(x, y)
    path.close()
    c.drawPath(path, stroke=0, fill=1)
    # issuer name along the upper arc, reading left to right
    size = radius * 0.2
    c.setFont(font, size)
    n = len(issuer)
    span = min(math.radians(250), math.radians(22) * n)
    for i, ch in enumerate(issuer):
        a = math.pi / 2 + span / 2 - (span * (i + 0.5) / n)
        x, y = cx + (radius - size * 1.05) * math.cos(a), cy + (radius - size * 1.05) * math.sin(a)
        c.saveState()
        c.translate(x, y)
        c.rotate(math.degrees(a) - 90)
        c.drawCentredString(0, -size * 0.35, ch)
        c.restoreState()
    c.setFont(font, size * 0.9)
    c.drawCentredString(cx, cy - radius * 0.55, caption)
    c.restoreState()


def _watermark(c: Canvas, text: str) -> None:
    width, height = A4
    size = 14
    c.saveState()
    c.setFillColor(WATERMARK)
    c.translate(width / 2, height / 2)
    c.rotate(32)
    step_x, step_y = text_width(text, size) + 18 * mm, 26 * mm
    cols = int(width * 1.6 / step_x) + 2
    for row in range(-7, 8):
        for col in range(-cols, cols + 1):
            draw_text(c, col * step_x + (row % 2) * step_x / 2, row * step_y, text, size,
                      "center")
    c.restoreState()


def qr_modules(payload: str) -> list[list[bool]]:
    """The QR code's modules (dark True), error correction M, without the quiet zone: encoded
    once, by zxing-cpp (the same library reads codes at the camera)."""
    import numpy as np
    import zxingcpp

    code = zxingcpp.create_barcode(payload, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    image = np.asarray(code.to_image(scale=1, add_quiet_zones=False))
    modules: list[list[bool]] = (image < 128).tolist()
    return modules


def draw_qr(c: Canvas, payload: str, x: float, y: float, size: float) -> None:
    """The code as one filled path: each row's runs of dark modules one rectangle (a few
    hundred, where a shape per module made thousands)."""
    modules = qr_modules(payload)
    n = len(modules)
    step = size / n
    path = c.beginPath()
    for row, line in enumerate(modules):
        top = y + size - (row + 1) * step
        col = 0
        while col < n:
            if not line[col]:
                col += 1
                continue
            start = col
            while col < n and line[col]:
                col += 1
            path.rect(x + start * step, top, (col - start) * step, step)
    c.saveState()
    c.setFillColor(HexColor("#000000"))
    c.drawPath(path, stroke=0, fill=1)
    c.restoreState()


def render_certificate(content: CertificateContent, qr_payload: str, *,
                       marks: bool = True) -> bytes:
    """One A4 page as PDF bytes (not yet digitally signed). `marks` False leaves out the seal
    and the QR code: the page's floor, for the benchmark beside it."""
    font = register_cjk_font()
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, pageCompression=1)
    c.setTitle(f"{content.title} {content.document_number}")
    c.setAuthor(content.issuer)
    c.setCreator("Yiban Kiosk")
    c.setKeywords(qr_payload)
    width, height = A4
    margin = 22 * mm

    _watermark(c, _watermark_text(content))

    # border
    c.setStrokeColor(HexColor("#8A6D3B"))
    c.setLineWidth(1.2)
    c.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)

    y = height - 40 * mm
    c.setFillColor(TEXT)
    draw_text(c, width / 2, y, content.title, 26, "center")
    y -= 12 * mm
    c.setFillColor(MUTED)
    draw_text(c, width - margin, y, f"编号：{content.document_number}", 11, "right")
    y -= 12 * mm

    c.setFillColor(TEXT)
    for label, value in content.holder_fields:
        draw_text(c, margin + 6 * mm, y, f"{label}：", 13)
        draw_text(c, margin + 38 * mm, y, value, 13)
        y -= 8.5 * mm
    y -= 4 * mm

    style = ParagraphStyle("body", fontName=font, fontSize=13.5, leading=24,
                           firstLineIndent=27, wordWrap="CJK", textColor=TEXT)
    frame_width = width - 2 * margin - 12 * mm
    for text in [*content.body, f"本证明仅供{content.purpose}使用。"]:
        p = Paragraph(paragraph_markup(text), style)
        _w, h = p.wrap(frame_width, y)
        p.drawOn(c, margin + 6 * mm, y - h)
        y -= h + 4 * mm

    # issuer, date and seal
    sy = 88 * mm
    draw_text(c, width - margin - 8 * mm, sy + 8 * mm, content.issuer, 13, "right")
    draw_text(c, width - margin - 8 * mm, sy, _chinese_date(content.issue_date), 13, "right")
    if marks:
        _seal(c, width - margin - 34 * mm, sy + 6 * mm, 21 * mm, content.issuer,
              content.seal_caption, font)

    # verification QR, on a white backing with a quiet zone (the watermark must not show
    # through its light modules, or scanners fail)
    size = 34 * mm
    c.setFillColor(HexColor("#FFFFFF"))
    c.rect(margin + 1 * mm, 37 * mm + 2.5 * mm, size + 6 * mm, size + 6 * mm, stroke=0, fill=1)
    if marks:
        draw_qr(c, qr_payload, margin + 4 * mm, 40 * mm, size)
    c.setFont(font, 9.5)
    c.setFillColor(MUTED)
    c.drawString(margin + 4 * mm, 36 * mm, "扫码核验 Scan to verify")

    draw_text(c, width / 2, 20 * mm, content.footer, 9, "center")
    draw_text(c, width / 2, 15.5 * mm, _printed_line(content), 9, "center")
    c.showPage()
    c.save()
    return buf.getvalue()

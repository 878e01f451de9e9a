"""Drawing text into PDFs with the shared CJK font chain (kiosk.fonts): each font of the chain
is registered with reportlab (embedded as a subset), and text is drawn run by run so rare
characters come from a font that has them."""

from __future__ import annotations

import functools
import html

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from kiosk.fonts import PRIMARY, available, runs

CJK_FONT = PRIMARY.name


@functools.cache
def register_cjk_font() -> str:
    """Register every available font of the chain with reportlab once; returns the primary."""
    for f in available():
        pdfmetrics.registerFont(TTFont(f.name, str(f.path), subfontIndex=f.index))
    return CJK_FONT


def paragraph_markup(text: str) -> str:
    """reportlab Paragraph markup for `text` with <font> switches where a fallback is needed."""
    parts = []
    for f, chunk in runs(text):
        esc = html.escape(chunk, quote=False)
        parts.append(esc if f.name == CJK_FONT else f'<font name="{f.name}">{esc}</font>')
    return "".join(parts)


def text_width(text: str, size: float) -> float:
    return float(sum(pdfmetrics.stringWidth(chunk, f.name, size) for f, chunk in runs(text)))


def draw_text(c: Canvas, x: float, y: float, text: str, size: float,
              align: str = "left") -> None:
    """Draw `text` at (x, y) switching fonts per run; align left, center or right."""
    if align != "left":
        w = text_width(text, size)
        x -= w / 2 if align == "center" else w
    for f, chunk in runs(text):
        c.setFont(f.name, size)
        c.drawString(x, y, chunk)
        x += pdfmetrics.stringWidth(chunk, f.name, size)

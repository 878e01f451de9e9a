"""Drawing text into PDFs with the shared CJK font chain (kiosk.fonts): each font of the chain
is registered with reportlab (embedded as a subset), and text is drawn run by run so rare
characters come from a font that has them."""

from __future__ import annotations

import functools
import html

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from kiosk.fonts import PRIMARY, FontFile, available, runs

CJK_FONT = PRIMARY.name


@functools.cache
def _registered(f: FontFile) -> str:
    """Register `f` with reportlab, once, when a text first needs it (a fallback font's
    tables take tens of megabytes: most certificates never need one)."""
    pdfmetrics.registerFont(TTFont(f.name, str(f.path), subfontIndex=f.index))
    return f.name


def register_cjk_font() -> str:
    """Register the primary font of the chain; returns its name."""
    available()  # FontMissing, in words, when the primary font is not installed
    return _registered(PRIMARY)


def _runs(text: str) -> list[tuple[FontFile, str]]:
    out = runs(text)
    for f, _chunk in out:
        _registered(f)
    return out


def paragraph_markup(text: str) -> str:
    """reportlab Paragraph markup for `text` with <font> switches where a fallback is needed."""
    parts = []
    for f, chunk in _runs(text):
        esc = html.escape(chunk, quote=False)
        parts.append(esc if f.name == CJK_FONT else f'<font name="{f.name}">{esc}</font>')
    return "".join(parts)


def text_width(text: str, size: float) -> float:
    return float(sum(pdfmetrics.stringWidth(chunk, f.name, size) for f, chunk in _runs(text)))


def draw_text(c: Canvas, x: float, y: float, text: str, size: float,
              align: str = "left") -> None:
    """Draw `text` at (x, y) switching fonts per run; align left, center or right."""
    if align != "left":
        w = text_width(text, size)
        x -= w / 2 if align == "center" else w
    for f, chunk in _runs(text):
        c.setFont(f.name, size)
        c.drawString(x, y, chunk)
        x += pdfmetrics.stringWidth(chunk, f.name, size)

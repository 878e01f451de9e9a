"""The CJK font chain shared by everything that draws text outside Qt (PDF certificates,
receipt rasters, the receipt printer simulator's preview), with per-character fallback.

No single free TrueType font covers every character in citizens' names: WenQuanYi Micro Hei
(common text) → WenQuanYi Zen Hei (CJK Extension A, e.g. 䶮) → HanaMin A / B (Extension B,
e.g. 𠮷). Qt does its own fallback through fontconfig.

For PDFs each font of the chain is registered with reportlab (embedded as a subset) and text
is drawn run by run, so rare characters come from a font that has them; for receipt rasters
and previews lines are drawn with PIL the same way.

A PDF's text layer (what copy, search, pdftotext, screen readers and archives read) comes
from each subset's ToUnicode map. reportlab (4.5, and 5.1 still) writes a code point there as
four hex digits, so a character outside the BMP (𠈌, U+2020C) came out cut to 16 bits (U+2020,
"†"). `to_unicode_cmap` writes each destination in UTF-16BE as the PDF reference asks —
a surrogate pair beyond the BMP — and replaces reportlab's function for every subset.

`missing_glyphs` says which characters no font of the chain has: the print step asks it
before anything is drawn, so a character that would print as a blank box never reaches paper.
"""

from __future__ import annotations

import functools
import html
import mmap
import os
from collections.abc import Container
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from PIL import Image, ImageDraw, ImageFont
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont, TTFontFile
from reportlab.pdfgen.canvas import Canvas


@dataclass(frozen=True)
class FontFile:
    name: str
    path: Path
    index: int = 0


CHAIN = (
    FontFile("WQYMicroHei", Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")),
    FontFile("WQYZenHei", Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")),
    FontFile("HanaMinA", Path("/usr/share/fonts/truetype/hanazono/HanaMinA.ttf")),
    FontFile("HanaMinB", Path("/usr/share/fonts/truetype/hanazono/HanaMinB.ttf")),
)
PRIMARY = CHAIN[0]


class FontMissing(RuntimeError):
    pass


def available() -> list[FontFile]:
    fonts = [f for f in CHAIN if f.path.exists()]
    if not fonts or fonts[0] != PRIMARY:
        raise FontMissing("the WenQuanYi Micro Hei font is not installed (Debian package "
                          "fonts-wqy-microhei; scripts/setup.sh installs it)")
    return fonts


class _MappedFontFile:
    """A font file as reportlab reads it (`.name`, `.read()`), mapped rather than copied into
    the heap: reportlab keeps the whole file it read for the process's life (5 MB for Micro
    Hei, 16 MB for Zen Hei), though it only ever touches a few tables and the glyphs it
    embeds. Mapped, those pages are the page cache's, shared and given back under pressure."""

    def __init__(self, path: Path) -> None:
        self.name = str(path)

    def read(self) -> mmap.mmap | bytes:
        with open(self.name, "rb") as file:
            if os.fstat(file.fileno()).st_size == 0:
                return b""  # (an empty file cannot be mapped: reportlab says it is no font)
            return mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)


@functools.cache
def coverage(f: FontFile) -> Container[int]:
    """The code points `f` has glyphs for. The primary font's are those reportlab parsed when
    it registered it (not a second parse and a copy). A fallback font is parsed on first need
    and only its code points kept (HanaMin covers some 100,000 characters: registered, its
    tables take tens of megabytes): read only when a text holds a character the fonts before
    it lack — for most certificates, never."""
    if f == PRIMARY:
        register_cjk_font()
        face = pdfmetrics.getFont(f.name).face  # type: ignore[attr-defined]
        return cast(Container[int], face.charToGlyph)
    return frozenset(TTFontFile(_MappedFontFile(f.path), subfontIndex=f.index).charToGlyph)


@functools.lru_cache(maxsize=4096)
def font_for(ch: str) -> FontFile:
    cp = ord(ch)
    for f in available():
        if cp in coverage(f):
            return f
    return PRIMARY


def runs(text: str) -> list[tuple[FontFile, str]]:
    """[(font, text)] covering `text`, each run in a font that has its characters."""
    out: list[tuple[FontFile, str]] = []
    for ch in text:
        f = PRIMARY if ch.isspace() else font_for(ch)
        if out and out[-1][0] == f:
            out[-1] = (f, out[-1][1] + ch)
        else:
            out.append((f, ch))
    return out


def missing_glyphs(text: str) -> list[str]:
    """Characters of `text` that no font of the chain has."""
    return [ch for ch in text if not ch.isspace()
            and not any(ord(ch) in coverage(f) for f in available())]


@functools.lru_cache(maxsize=64)
def _pil_font(f: FontFile, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(f.path), size, index=f.index)


def line_width(text: str, size: int) -> float:
    """How wide `text` is drawn at `size` pixels, each character in the font that has it."""
    return float(sum(_pil_font(f, size).getlength(chunk) for f, chunk in runs(text)))


def render_line(text: str, width: int, size: int, *, align: str = "left",
                bold: bool = False) -> Image.Image:
    """One line of text as a 1-bit image `width` pixels wide (black on white)."""
    pieces = [(_pil_font(f, size), chunk) for f, chunk in runs(text)]
    total = sum(font.getlength(chunk) for font, chunk in pieces)
    height = int(size * 1.3)
    img = Image.new("1", (width, height), 1)
    draw = ImageDraw.Draw(img)
    x = 0.0 if align == "left" else (width - total) / (2 if align == "center" else 1)
    x = max(0.0, x)
    for font, chunk in pieces:
        draw.text((x, int(size * 0.12)), chunk, font=font, fill=0,
                  stroke_width=1 if bold else 0, stroke_fill=0)
        x += font.getlength(chunk)
    return img


def stack(parts: list[Image.Image], width: int, margin: int = 20) -> Image.Image:
    """Parts (1-bit images) one under another on a white strip `width` pixels wide."""
    page = Image.new("1", (width, sum(p.height for p in parts) + 2 * margin), 1)
    y = margin
    for part in parts:
        page.paste(part, (0, y))
        y += part.height
    return page


# --- PDFs (reportlab) ----------------------------------------------------------------------
CJK_FONT = PRIMARY.name


def _utf16_hex(code_point: int) -> str:
    return chr(code_point).encode("utf-16-be", "surrogatepass").hex().upper()


def to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """The ToUnicode CMap of one font subset (≤ 256 glyphs, one-byte codes): code i maps to
    the character `subset[i]`, written in UTF-16BE (PDF 32000-1 §9.10.3), so a character
    beyond the BMP is one surrogate pair."""
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        "/CIDSystemInfo", f"<< /Registry ({fontname})", f"/Ordering ({fontname})",
        "/Supplement 0", ">> def", f"/CMapName /{fontname} def", "/CMapType 2 def",
        "1 begincodespacerange", f"<00> <{len(subset) - 1:02X}>", "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{_utf16_hex(cp)}>" for i, cp in enumerate(subset)),
        "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end",
    ])


# reportlab builds every subset's map through this module-level name (TTFont.addObjects)
ttfonts.makeToUnicodeCMap = to_unicode_cmap


@functools.cache
def _registered(f: FontFile) -> str:
    """Register `f` with reportlab, once, when a text first needs it (a fallback font's
    tables take tens of megabytes: most certificates never need one)."""
    pdfmetrics.registerFont(TTFont(f.name, _MappedFontFile(f.path), subfontIndex=f.index))
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

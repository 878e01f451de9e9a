"""Names outside the sample deck's comfort: 䶮 (CJK Extension A), 𠈌 (Extension B, beyond the
BMP: a surrogate pair on the card) and a middle-dot name — counted, masked and drawn as whole
characters; a character no font has is found before anything prints."""

from __future__ import annotations

import subprocess
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pytest

from kiosk.devices.errors import CardTextUnreadable
from kiosk.devices.idcard.sim.reader import SamReaderSimulator
from kiosk.devices.smartcard.sim.social_security_card import name_records
from kiosk.devices.smartcard.social_security import holder_name
from kiosk.documents.certificate import CertificateContent, render_certificate
from kiosk.documents.fonts import PRIMARY, font_for, missing_glyphs, render_line
from kiosk.domain.masking import mask_name, mask_text
from kiosk.sim.citizens import DECK
from kiosk.sim.idcard_process import handle

NAMES = ("王𠈌", "刘䶮", "阿卜杜拉·买买提")


def test_masking_counts_characters_not_code_units() -> None:
    assert mask_name("王𠈌") == "王*"
    assert mask_name("𠈌王") == "𠈌*"
    assert mask_text("王𠈌") == "王*"
    assert mask_name("阿卜杜拉·买买提") == "阿*******"


@pytest.mark.parametrize("name", NAMES)
def test_the_certificates_text_layer_gives_back_the_exact_name(name: str) -> None:
    """pdftotext (copy, search, screen readers, archives) reads what the page shows: 𠈌 was
    cut to 16 bits in the PDF's ToUnicode map and came back as 王†."""
    content = CertificateContent(
        title="无犯罪记录证明", document_number="WFZ-1", service_code="WFZZM",
        issuer="易办市公安局",
        holder_fields=[("姓名", name)], body=[f"兹证明{name}无犯罪记录。"], purpose="求职",
        issue_date=date(2026, 12, 7), kiosk_id="K", printed_at=datetime(2026, 12, 7, 20, 58))
    pdf = render_certificate(content, "YB1.TEST")
    lines = subprocess.run(["pdftotext", "-raw", "-", "-"], input=pdf, capture_output=True,
                           check=True).stdout.decode().splitlines()
    assert f"姓名： {name}" in lines
    assert f"兹证明{name}无犯罪记录。" in lines


def test_a_rare_character_on_the_receipt_is_drawn_from_a_font_that_has_it() -> None:
    assert font_for("𠈌") != PRIMARY
    ink = ~np.array(render_line("𠈌", 100, 24), dtype=bool)
    blank_box = ~np.array(render_line("\U000F0000", 100, 24), dtype=bool)  # a glyph no font has
    assert ink.sum() > 40
    assert not np.array_equal(ink, blank_box)


def test_a_character_no_font_has_is_found_before_printing() -> None:
    assert missing_glyphs("".join(NAMES)) == []
    assert missing_glyphs("王𰻝") == ["𰻝"]  # biáng (Extension G): in none of the kiosk's fonts


def test_the_simulator_refuses_a_card_that_does_not_fit_when_it_is_laid() -> None:
    sim = SamReaderSimulator(DECK)  # not started: laying a card needs no pty
    too_long = {"name": "欧阳" + "明" * 12 + "𠈌", "sex": "male", "birth": "1990-01-01",
                "address": "易办市", "id_number": None, "region": "110105",
                "authority": "易办市公安局", "valid_from": "2016-01-01", "valid_to": "长期",
                "nation": "01"}
    answer = handle(sim, {"place_card": too_long})
    assert answer == {"ok": False,
                      "error": "the name takes 16 UTF-16 units; the card's field holds 15"}
    assert sim.card is None


# --- the social security card's name: GB 18030, not GBK ------------------------------------

@pytest.mark.parametrize(("raw", "name"), [
    ("c1f5 fe9f", "刘䶮"),            # 䶮: two bytes in GB 18030, none in GBK
    ("cdf5 9532b730", "王𠈌"),         # 𠈌: four bytes
    ("b0a2 b2b7 b6c5 c0ad a1a4 c2f2 c2f2 cce1", "阿卜杜拉·买买提"),
])
def test_the_social_security_name_is_gb18030(raw: str, name: str) -> None:
    field = bytes.fromhex(raw.replace(" ", ""))
    assert holder_name(field + bytes(30 - len(field))) == name
    assert name_records(name)[0x09] == field + bytes(30 - len(field))


def test_a_long_name_goes_on_in_the_extension_between_whole_characters() -> None:
    name = "欧阳" + "明" * 12 + "𠈌王"  # 28 bytes, then 𠈌 (4) would not fit in 30
    records = name_records(name)
    assert records[0x09].rstrip(b"\0").decode("gb18030") == "欧阳" + "明" * 12
    assert holder_name(records[0x09], records[0x4E]) == name


def test_a_name_that_is_not_gb18030_is_not_guessed() -> None:
    with pytest.raises(CardTextUnreadable):
        holder_name(b"\xc1\xf5\x81\x20")  # a lead byte without its partner


@pytest.mark.parametrize("content", [b"", b"not a font at all"])
def test_a_broken_font_file_is_refused_as_no_font(content: bytes, tmp_path: Path) -> None:
    """The fonts are read from a mapping: a file emptied or overwritten by mistake is still
    refused in reportlab's words (not by the mapping's own error)."""
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    from kiosk.documents.fonts import _MappedFontFile

    broken = tmp_path / "broken.ttf"
    broken.write_bytes(content)
    with pytest.raises(TTFError):
        TTFont("Broken", _MappedFontFile(broken))

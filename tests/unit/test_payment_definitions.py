"""Payment in the service definitions (缴费): what is paid, to whom, how much — a fixed fee, a
tier chosen on the form, or the backend's quote — and when; a definition that gets it wrong
stops the catalog naming the file, the line and the field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk.domain.money import yuan, yuan_words
from kiosk.flows.catalog import CATALOG_DIR, CatalogError, load_catalog

PENSION = (CATALOG_DIR / "resident-pension-contribution.yaml").read_text(encoding="utf-8")
LICENCE = (CATALOG_DIR / "driving-licence-replacement.yaml").read_text(encoding="utf-8")


def test_the_shipped_payment_items_load_with_their_amounts() -> None:
    c = load_catalog()
    medical = c.services["resident-medical-insurance-contribution"].payment
    pension = c.services["resident-pension-contribution"].payment
    licence = c.services["driving-licence-replacement"].payment
    assert medical is not None
    assert pension is not None
    assert licence is not None
    assert medical.when == "is_the_service"
    assert medical.amount.quote == "resident_medical_insurance"
    assert pension.amount.tiers is not None
    assert pension.amount.tiers.fen["一档"] == 20000  # fen: 200.00 yuan
    assert (licence.when, licence.amount.fen) == ("before_submit", 1000)
    assert c.services["criminal-record-certificate"].payment is None


def test_fen_become_yuan_only_for_people() -> None:
    assert [yuan(f) for f in (40000, 1000, 5, 99, 100, 123456)] == [
        "400.00", "10.00", "0.05", "0.99", "1.00", "1234.56"]
    assert yuan_words(120000, "zh-Hans") == "1200.00元"
    assert yuan_words(1000, "en") == "CNY 10.00"


def catalog_with(tmp_path: Path, name: str, text: str) -> Path:
    d = tmp_path / "catalog"
    d.mkdir(exist_ok=True)
    (d / name).write_text(text, encoding="utf-8")
    return d


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


CASES = [
    ("two amounts", LICENCE,
     lambda t: t.replace("amount: {fen: 1000}", "amount: {fen: 1000, quote: "
                         "resident_medical_insurance}"),
     "amount: {fen", "payment.amount: an amount is exactly one of fen"),
    ("no amount", LICENCE, lambda t: t.replace("amount: {fen: 1000}", "amount: {}"),
     "amount: {}", "payment.amount: an amount is exactly one of fen"),
    ("yuan, not fen", LICENCE, lambda t: t.replace("amount: {fen: 1000}", "amount: {fen: 10.5}"),
     "amount: {fen", "payment.amount.fen: Input should be a valid integer"),
    ("a quoted string", LICENCE, lambda t: t.replace("amount: {fen: 1000}",
                                                     'amount: {fen: "1000"}'),
     "amount: {fen", "payment.amount.fen: Input should be a valid integer"),
    ("free is not a fee", LICENCE, lambda t: t.replace("amount: {fen: 1000}", "amount: {fen: 0}"),
     "amount: {fen", "payment.amount.fen: Input should be greater than 0"),
    ("unknown quote", LICENCE, lambda t: t.replace("amount: {fen: 1000}",
                                                   "amount: {quote: water_bill}"),
     "amount: {quote", "payment.amount.quote: must be one of 'resident_medical_insurance' "
     "(got 'water_bill')"),
    ("when", LICENCE, lambda t: t.replace("when: before_submit", "when: after_printing"),
     "when: after_printing", "payment.when: must be one of 'before_submit' or 'is_the_service'"),
    ("payee untranslated", LICENCE,
     lambda t: t.replace(", zh-Hant: 易辦市公安局交通警察支隊, en: Yiban City Traffic Police}",
                         "}"),
     "payee:", "payment.payee: missing translation(s): en, zh-Hant"),
    ("tier without an amount", PENSION, lambda t: t.replace(", 六档: 500000}", "}"),
     "  when: is_the_service", "payment: amount.tiers.fen: every option of 'tier' has an amount, "
     "and only those (no amount: 六档)"),
    ("tier field not a choice", PENSION, lambda t: t.replace("field: tier", "field: name"),
     "  when: is_the_service", "payment: amount.tiers.field: 'name' is not a choice field"),
    ("the payment is the service, reviewed", PENSION,
     lambda t: t.replace("approval: instant", "approval: review"),
     "  when: is_the_service", "payment: when: a payment that is the service is recorded when "
     "it is paid: approval must be instant"),
]


@pytest.mark.parametrize(("why", "good", "mangle", "line_needle", "message"), CASES,
                         ids=[c[0] for c in CASES])
def test_a_payment_definition_that_is_wrong_names_file_line_and_field(
        tmp_path: Path, why: str, good: str, mangle, line_needle: str, message: str) -> None:
    text = mangle(good)
    assert text != good, why
    d = catalog_with(tmp_path, "item.yaml", text)
    with pytest.raises(CatalogError) as exc:
        load_catalog(d)
    msg = str(exc.value)
    assert msg.startswith(f"{d / 'item.yaml'}:{line_of(text, line_needle)}: "), msg
    assert message in msg, msg


def test_a_bundle_cannot_hold_a_payment_item(tmp_path: Path) -> None:
    d = tmp_path / "catalog"
    shutil.copytree(CATALOG_DIR, d)
    text = (d / "newborn.yaml").read_text().replace("newborn-ssc-application]",
                                                    "resident-pension-contribution]")
    (d / "newborn.yaml").write_text(text)
    with pytest.raises(CatalogError) as exc:
        load_catalog(d)
    assert str(exc.value) == (f"{d / 'newborn.yaml'}:{line_of(text, 'items:')}: items[2]: "
                              "'resident-pension-contribution' takes a payment, which a bundle "
                              "cannot hold")

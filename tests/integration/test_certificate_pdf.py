"""The signed certificate, checked by content: extracted text, the QR decoded from the
rendered page, the PDF signature, and `kiosk verify`."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import cv2
import pytest

from kiosk.credentials import Credentials
from kiosk.documents.certificate import CertificateContent
from kiosk.documents.issuer import CertificateIssuer, keys_for, verify_certificate_pdf
from kiosk.documents.qr_payload import verify_payload

NAME, ID = "刘䶮", "440106199007011535"


def content() -> CertificateContent:
    return CertificateContent(
        title="无犯罪记录证明", document_number="WFZ-2026-000123", service_code="WFZZM",
        issuer="易办市公安局天河分局",
        holder_fields=[("姓名", NAME), ("性别", "男"), ("公民身份号码", ID)],
        body=[f"经查询，{NAME}（公民身份号码：{ID}）自2008年1月1日至2026年11月23日期间，"
              "在我辖区内未发现有犯罪记录。"],
        purpose="办理出国签证", issue_date=date(2026, 11, 23), kiosk_id="SIM-0001",
        printed_at=datetime(2026, 11, 23, 9, 30))


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("kiosk-data")


@pytest.fixture(scope="module")
def issued(data_dir: Path, artifacts: Path):
    # the development credentials `kiosk verify` reads too: plain files in <data_dir>/keys
    keys = keys_for(data_dir, "SIM-0001",
                    Credentials("plain", data_dir / "keys").secret("documents.key"))
    cert = CertificateIssuer(keys, "https://verify.example.gov.cn/c/").issue(content(), NAME)
    (artifacts / "certificate.pdf").write_bytes(cert.pdf)
    return keys, cert


def test_text_of_the_pdf_has_every_field(issued, tmp_path: Path) -> None:
    _keys, cert = issued
    pdf = tmp_path / "c.pdf"
    pdf.write_bytes(cert.pdf)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    for expected in ("无犯罪记录证明", "WFZ-2026-000123", NAME, ID, "易办市公安局天河分局",
                     "2026年11月23日", "本证明仅供办理出国签证使用", "SIM-0001"):
        assert expected in text, expected
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert "WenQuanYiMicroHei" in fonts
    assert "WenQuanYiZenHei" in fonts  # the fallback for 䶮, embedded too
    for line in fonts.splitlines():
        if "WenQuanYi" in line:
            assert " yes yes " in line  # embedded, subset


def test_qr_on_the_page_decodes_and_verifies(issued, tmp_path: Path, artifacts: Path) -> None:
    keys, cert = issued
    pdf = tmp_path / "c.pdf"
    pdf.write_bytes(cert.pdf)
    subprocess.run(["pdftoppm", "-r", "200", "-png", "-singlefile", str(pdf),
                    str(tmp_path / "page")], check=True)
    page = cv2.imread(str(tmp_path / "page.png"))
    cv2.imwrite(str(artifacts / "certificate-page.png"), page)
    h, w = page.shape[:2]
    corner = page[int(h * 0.7):, : int(w * 0.4)]  # what a phone pointed at the code sees
    texts = {cv2.QRCodeDetector().detectAndDecode(corner)[0],
             cv2.QRCodeDetectorAruco().detectAndDecode(corner)[0]}
    assert cert.qr_payload in texts
    assert verify_payload(cert.qr_payload, keys.trusted_qr_keys()).valid


def test_pdf_signature_valid_then_broken_by_an_edit(issued) -> None:
    keys, cert = issued
    assert verify_certificate_pdf(cert.pdf, keys).valid
    tampered = cert.pdf.replace(b"WFZ-2026-000123", b"WFZ-2026-000124", 1)
    assert tampered != cert.pdf
    verdict = verify_certificate_pdf(tampered, keys)
    assert not verdict.valid
    assert "modified" in verdict.reason or "signature" in verdict.reason


def run_verify(data_dir: Path, *args: str):
    cfg = data_dir / "kiosk.toml"
    cfg.write_text(f'kiosk_id = "SIM-0001"\ndata_dir = "{data_dir}"\n')
    return subprocess.run([sys.executable, "-m", "kiosk", "verify", "--config", str(cfg),
                           *args], capture_output=True, text=True, timeout=60)


def test_kiosk_verify_cli(issued, data_dir: Path, tmp_path: Path) -> None:
    _keys, cert = issued
    pdf = tmp_path / "c.pdf"
    pdf.write_bytes(cert.pdf)
    r = run_verify(data_dir, str(pdf), "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["result"] == "VALID"
    assert out["holder"] == "刘*"
    r = run_verify(data_dir, "--qr", cert.qr_payload)
    assert r.returncode == 0
    assert r.stdout.startswith("VALID")
    altered = cert.qr_payload.replace("WFZ-2026-000123", "WFZ-2026-000124")
    r = run_verify(data_dir, "--qr", altered)
    assert r.returncode == 1
    assert r.stdout.startswith("INVALID: bad signature")
    bad_pdf = tmp_path / "bad.pdf"
    bad_pdf.write_bytes(cert.pdf.replace(b"/Creator", b"/Creatox", 1))
    r = run_verify(data_dir, str(bad_pdf))
    assert r.returncode == 1
    assert r.stdout.startswith("INVALID")

"""`kiosk idcard decode`, `kiosk idcard read` and `kiosk sim idcard`, as staff run them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.devices.idcard.sam_frame import encode_response
from kiosk.devices.idcard.text_block import encode_text_block
from kiosk.sim.citizens import card


def kiosk(*args: str, timeout: float = 60):
    return subprocess.run([sys.executable, "-m", "kiosk", *args], capture_output=True,
                          text=True, timeout=timeout)


def read_frame(card_id: str) -> bytes:
    c = card(card_id)
    text = encode_text_block(c.record)
    return encode_response(0x90, b"\x01\x00\x04\x00" + text + c.wlt)


def test_decode_a_captured_frame_masked_by_default() -> None:
    r = kiosk("idcard", "decode", "--hex", read_frame("zhang-wei").hex(" "), "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    rec = card("zhang-wei").record
    assert out["card_type"] == "resident"
    assert out["masked"] is True
    assert rec.name not in r.stdout
    assert rec.id_number not in r.stdout
    assert out["id_number"].startswith(rec.id_number[:4])
    assert out["nation"] == {"code": "01", "name": "汉"}
    assert out["photo"]["present"] is True


def test_decode_reveal_every_layout(tmp_path: Path) -> None:
    expected = {
        "li-xiuying": ("resident", {"valid_to": "long-term", "sex": "female"}),
        "chan-tai-man": ("hmt_residence", {"pass_number": "H12345678", "issue_count": 2}),
        "john-smith": ("foreign_permanent", {"english_name": "SMITH, JOHN WILLIAM",
                                             "nationality": "USA"}),
        "maximilian": ("foreign_permanent", {"nationality": "DEU", "card_version": "2023"}),
    }
    for card_id, (card_type, fields) in expected.items():
        block = tmp_path / f"{card_id}.bin"
        block.write_bytes(encode_text_block(card(card_id).record))  # a bare 256-byte block
        r = kiosk("idcard", "decode", str(block), "--json", "--reveal")
        assert r.returncode == 0, r.stderr
        out = json.loads(r.stdout)
        assert out["card_type"] == card_type
        assert out["name"] == card(card_id).record.name
        assert out["birth"] == card(card_id).record.birth.isoformat()
        for k, v in fields.items():
            assert out[k] == v, (card_id, k)


@pytest.mark.parametrize(
    ("mangle", "message"),
    [
        (lambda f: f[:-1] + bytes([f[-1] ^ 1]), "bad frame: checksum"),
        (lambda f: f[:700], "incomplete frame"),
        (lambda f: encode_response(0x41), "SW3 41: card read failed (card lifted?)"),
        (lambda f: encode_response(0x33), "SW3 33: SAM authentication failed"),
    ],
)
def test_decode_refuses_bad_frames_in_one_line(mangle, message: str) -> None:
    r = kiosk("idcard", "decode", "--hex", mangle(read_frame("wang-zhe")).hex())
    assert r.returncode == 1
    assert r.stderr.strip().splitlines() == [f"kiosk: {message}"] or message in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert r.stdout == ""


def test_decode_refuses_an_undocumented_card_type() -> None:
    block = bytearray(encode_text_block(card("wang-zhe").record))
    block[248:250] = "Q".encode("utf-16-le")
    r = kiosk("idcard", "decode", "--hex", block.hex())
    assert r.returncode == 1
    assert "undocumented card type mark 'Q'" in r.stderr


def test_decode_bad_hex_is_a_usage_error() -> None:
    r = kiosk("idcard", "decode", "--hex", "AA AA ZZ")
    assert r.returncode == 2
    assert "not hexadecimal" in r.stderr


def test_read_from_the_simulator_process() -> None:
    sim = subprocess.Popen([sys.executable, "-m", "kiosk", "sim", "idcard", "--card", "liu-yan"],
                           stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert sim.stdout is not None
        assert sim.stdin is not None
        port = json.loads(sim.stdout.readline())["port"]
        r = kiosk("idcard", "read", "--port", port, "--json", "--reveal")
        assert r.returncode == 0, r.stderr
        out = json.loads(r.stdout)
        assert out["name"] == "刘䶮"
        assert out["reader"]["sam_id"]
        # lifted: the reader answers "no card" until it is placed again
        sim.stdin.write(json.dumps({"remove": True}) + "\n")
        sim.stdin.flush()
        assert json.loads(sim.stdout.readline()) == {"ok": True}
        r = kiosk("idcard", "read", "--port", port)
        assert r.returncode == 1
        assert "no card on the reader" in r.stderr
        sim.stdin.write('{"place": "nobody"}\n')
        sim.stdin.flush()
        reply = json.loads(sim.stdout.readline())
        assert reply["ok"] is False
        assert "nobody" in reply["error"]
    finally:
        if sim.stdin:
            sim.stdin.close()
        sim.wait(10)
    assert sim.returncode == 0  # it ends when its control channel closes


def test_read_from_a_missing_port() -> None:
    r = kiosk("idcard", "read", "--port", "/dev/no-such-reader")
    assert r.returncode == 4
    assert "/dev/no-such-reader" in r.stderr
    assert "Traceback" not in r.stderr

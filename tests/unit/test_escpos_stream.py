from __future__ import annotations

from escpos.printer import Dummy
from hypothesis import given, settings
from hypothesis import strategies as hst

from kiosk.devices.printers.escpos_stream import (
    Cut,
    EscposStreamParser,
    QrCode,
    StatusRequest,
    TextLine,
)


def sample_bytes() -> bytes:
    p = Dummy()
    p.hw("INIT")
    p.set(align="center", bold=True, double_height=True, double_width=True)
    p.text("YIBAN KIOSK\n")
    p.set(normal_textsize=True, align="left")
    p._raw("受理编号：2026-0001\n".encode("gb18030"))
    p.qr("https://verify.example/c/ABC123", native=True, size=6)
    p.cut()
    return b"\x10\x04\x04" + p.output


def parse_in_chunks(data: bytes, cuts: list[int]):
    parser = EscposStreamParser()
    events = []
    last = 0
    for c in sorted(set(cuts)):
        events += parser.feed(data[last:c])
        last = c
    events += parser.feed(data[last:])
    return events


def test_parses_what_python_escpos_sends() -> None:
    events = EscposStreamParser().feed(sample_bytes())
    assert isinstance(events[0], StatusRequest)
    assert events[0].n == 4
    cuts = [e for e in events if isinstance(e, Cut)]
    assert len(cuts) == 1
    receipt = cuts[0].receipt
    lines = [i for i in receipt.items if isinstance(i, TextLine)]
    assert lines[0].text == "YIBAN KIOSK"
    assert lines[0].align == "center"
    assert lines[0].bold
    assert lines[0].double_width
    assert lines[1].text == "受理编号：2026-0001"
    assert lines[1].align == "left"
    qrs = [i for i in receipt.items if isinstance(i, QrCode)]
    assert [q.data for q in qrs] == [b"https://verify.example/c/ABC123"]
    assert qrs[0].module_size == 6


@settings(max_examples=200, deadline=None)
@given(hst.lists(hst.integers(min_value=0, max_value=len(sample_bytes())), max_size=30))
def test_any_chunking_gives_the_same_receipt(cuts: list[int]) -> None:
    data = sample_bytes()
    whole = EscposStreamParser().feed(data)
    pieces = parse_in_chunks(data, cuts)
    assert [type(e) for e in pieces] == [type(e) for e in whole]
    assert pieces[-1].receipt == whole[-1].receipt  # type: ignore[union-attr]


@settings(max_examples=300, deadline=None)
@given(hst.binary(max_size=2000))
def test_arbitrary_bytes_never_crash(data: bytes) -> None:
    parser = EscposStreamParser()
    parser.feed(data)
    parser.feed(b"\n")

from __future__ import annotations

import itertools

import pytest

from kiosk.devices.printers import escpos_status as st


@pytest.mark.parametrize(
    ("paper", "cover", "offline"),
    list(itertools.product(list(st.Paper), [False, True], [False, True])),
)
def test_status_round_trip(paper: st.Paper, cover: bool, offline: bool) -> None:
    c = st.PrinterCondition(paper=paper, cover_open=cover, offline=offline)
    decoded = st.decode(st.encode_printer_status(c), st.encode_offline_cause(c),
                        st.encode_paper(c))
    assert decoded.paper is paper
    assert decoded.cover_open is cover
    # a printer with paper out or cover open reports itself offline as well
    assert decoded.offline is (offline or cover or paper is st.Paper.OUT)


def test_known_bytes() -> None:
    assert st.encode_paper(st.PrinterCondition()) == 0x12
    assert st.encode_paper(st.PrinterCondition(paper=st.Paper.NEAR_END)) == 0x1E
    assert st.encode_paper(st.PrinterCondition(paper=st.Paper.OUT)) == 0x7E
    assert st.encode_offline_cause(st.PrinterCondition(cover_open=True)) == 0x16


def test_garbage_is_not_a_status() -> None:
    with pytest.raises(ValueError, match="0xFF"):
        st.decode(0x12, 0x12, 0xFF)

"""The real SamReader (pyserial) against the reader simulator over a pty at 115200 baud."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest

from kiosk.devices.base import ReaderBack, ReaderUnavailable
from kiosk.devices.errors import (
    CardReadFailed,
    CardRemoved,
    CardTextUnreadable,
    InconsistentCardData,
    SamError,
)
from kiosk.devices.idcard.photo import SimulatedPhotoDecoder
from kiosk.devices.idcard.reader import (
    CardLifted,
    CardPlaced,
    CardReadError,
    SamReader,
    watch_cards,
)
from kiosk.devices.idcard.sim.reader import SamReaderSimulator
from kiosk.domain.identity import CardType
from kiosk.sim.citizens import DECK, SampleCard, card


@pytest.fixture
def sim():
    s = SamReaderSimulator(DECK, pace=True)  # bytes at the speed of a 115200-baud line
    s.start()
    yield s
    s.stop()


@pytest.fixture
async def reader(sim: SamReaderSimulator):
    r = SamReader("idcard", sim.port, 115200, adapter="sam-serial",
                  photo_decoder=SimulatedPhotoDecoder())
    await r.open()
    yield r
    await r.close()


@pytest.mark.parametrize("sample", DECK, ids=lambda c: c.card_id)
async def test_every_sample_card_reads_exactly(sim, reader, sample: SampleCard) -> None:
    sim.place(sample.card_id)
    result = await reader.read_card()
    assert result is not None
    assert result.record == sample.record
    assert result.wlt == sample.wlt
    assert (result.photo is not None) == (sample.photo_index > 0)


async def test_reads_at_115200_with_real_pacing() -> None:
    sim = SamReaderSimulator(DECK, pace=True)
    sim.start()
    try:
        sim.place("li-xiuying")
        r = SamReader("idcard", sim.port, 115200, adapter="sam-serial")
        await r.open()
        try:
            result = await r.read_card()
        finally:
            await r.close()
    finally:
        sim.stop()
    assert result is not None
    assert result.record.valid_to is None  # long-term card
    assert result.duration_s >= 1359 * 10 / 115200  # it cannot beat the wire


async def test_no_card_is_none_and_status_is_ok(sim, reader) -> None:
    assert await reader.read_card() is None
    status = await reader.probe()
    assert status.connected
    assert status.detail["sam_id"] == "0501000020261123000000010000002A"


async def test_after_a_read_the_same_card_is_not_read_again(sim, reader) -> None:
    sim.place("zhang-wei")
    assert await reader.read_card() is not None
    assert await reader.read_card() is None  # find says 80 until lifted and placed again
    assert await reader.card_in_field()
    sim.remove()
    assert not await reader.card_in_field()


async def test_card_lifted_mid_read_never_gives_a_partial_record(sim, reader) -> None:
    sim.place("wang-zhe")
    sim.inject("lift_mid_read", at=600)
    with pytest.raises(CardRemoved):
        await reader.read_card()


async def test_a_cut_rare_character_sends_the_citizen_to_a_counter_in_plain_words(
        sim, reader) -> None:
    from kiosk.domain.citizen_messages import message_for

    sim.place("liu-yan")
    sim.inject("cut_character")  # the name field ends in half of a surrogate pair
    with pytest.raises(CardTextUnreadable) as refused:
        await reader.read_card()
    words = message_for(refused.value)
    assert "生僻字" in words.text
    assert "取号" in words.next_step  # not "the card could not be read": a counter takes over


async def test_one_bad_checksum_is_retried(sim, reader) -> None:
    sim.place("chen-kun")
    sim.inject("bad_checksum")
    result = await reader.read_card()
    assert result is not None
    assert result.record.name == "陈堃"


async def test_persistent_bad_checksums_fail_plainly(sim, reader) -> None:
    sim.place("chen-kun")
    sim.inject("bad_checksum", times=20)
    with pytest.raises((CardReadFailed, CardRemoved)):
        await reader.read_card()


async def test_dusty_card_read_failure_then_success(sim, reader) -> None:
    sim.place("tashi")
    sim.inject("read_failed", code=0x40)
    result = await reader.read_card()
    assert result is not None
    assert result.record.nation == "藏"


async def test_sam_error_is_a_staff_matter(sim, reader) -> None:
    sim.place("tashi")
    sim.inject("sam_error", code=0x60)
    with pytest.raises(SamError) as exc:
        await reader.read_card()
    assert "60" in str(exc.value)
    assert exc.value.advice.value == "call_staff"


async def test_line_noise_is_skipped(sim, reader) -> None:
    sim.place("ayguli")
    sim.inject("noise", times=3, size=57)
    result = await reader.read_card()
    assert result is not None
    assert result.record.name == "阿依古丽·买买提"
    assert reader.discarded_bytes >= 57


async def test_slow_reader_within_its_timeout(sim, reader) -> None:
    sim.place("zhao-shen")
    sim.inject("slow", delay_s=0.1)
    assert await reader.read_card() is not None


async def test_silent_reader_times_out_then_recovers(sim, reader) -> None:
    sim.place("zhao-shen")
    sim.inject("silent")
    result = await reader.read_card()
    assert result is not None


async def test_inconsistent_card_is_reported_not_accepted() -> None:
    good = card("zhang-wei")
    from dataclasses import replace

    bad = SampleCard("forged", replace(good.record, id_number=good.record.id_number[:17] + (
        "1" if good.record.id_number[17] != "1" else "2")))
    sim = SamReaderSimulator(deck=(bad,), pace=False)
    sim.start()
    try:
        sim.place("forged")
        r = SamReader("idcard", sim.port, 115200, adapter="sam-serial")
        await r.open()
        try:
            with pytest.raises(InconsistentCardData, match="check character"):
                await r.read_card()
        finally:
            await r.close()
    finally:
        sim.stop()


async def test_watcher_events_and_replug(tmp_path: Path) -> None:
    """One event per placement and removal; the reader vanishes and comes back on the same
    stable name (a symlink, as udev gives a real reader)."""
    link = tmp_path / "kiosk-idcard"
    sim = SamReaderSimulator(DECK, pace=False)
    os.symlink(sim.start(), link)
    reader = SamReader("idcard", str(link), 115200, adapter="sam-serial", timeout_scale=0.5)
    events = watch_cards(reader, poll_interval_s=0.02, retry_max_s=0.1)

    async def next_event():
        return await asyncio.wait_for(anext(events), 10)

    sim2 = None
    try:
        sim.place("john-smith")
        ev = await next_event()
        assert isinstance(ev, CardPlaced)
        assert ev.read.record.card_type is CardType.FOREIGN_PERMANENT
        sim.remove()
        assert isinstance(await next_event(), CardLifted)

        sim.place("wang-zhe")
        sim.inject("lift_mid_read")
        assert isinstance(await next_event(), CardReadError)
        sim.place("wang-zhe")
        assert isinstance(await next_event(), CardPlaced)  # placed again: read

        sim.stop()  # the USB cable is pulled
        ev = await next_event()
        assert isinstance(ev, (ReaderUnavailable, CardLifted))
        if isinstance(ev, CardLifted):
            assert isinstance(await next_event(), ReaderUnavailable)
        sim2 = SamReaderSimulator(DECK, pace=False)
        port2 = sim2.start()
        link.unlink()
        os.symlink(port2, link)
        assert isinstance(await next_event(), ReaderBack)
        sim2.place("li-xiuying")
        ev = await next_event()
        assert isinstance(ev, CardPlaced)
        assert ev.read.record.name == "李秀英"
    finally:
        await events.aclose()
        await reader.close()
        if sim2 is not None:
            sim2.stop()

"""Smart cards on the real stack: pcscd (started by the fixture) + vsmartcard-vpcd + our
virtual cards, read through pyscard exactly as from a USB reader."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from dataclasses import replace

import cv2
import numpy as np
import pytest

from kiosk.devices.base import ReaderBack, ReaderUnavailable
from kiosk.devices.errors import CardRemoved, DeviceProtocolError, DeviceUnavailable
from kiosk.devices.smartcard.apdu import Command
from kiosk.devices.smartcard.card_reading import MrzNeeded, read_card
from kiosk.devices.smartcard.icao.mrz import BacKey
from kiosk.devices.smartcard.passport import DocumentNotVerified, WrongAccessKey
from kiosk.devices.smartcard.pcsc_channel import PcscChannel, wait_for_card
from kiosk.devices.smartcard.pcsc_reader import (
    CardInserted,
    CardWithdrawn,
    PcscReader,
    watch_reader,
)
from kiosk.devices.smartcard.sim.passport_card import SAMPLE_PASSPORT, VirtualPassport
from kiosk.devices.smartcard.sim.social_security_card import (
    RARE_NAME_SSC,
    SAMPLE_SSC,
    SocialSecurityProfile,
    VirtualSocialSecurityCard,
)
from kiosk.devices.smartcard.sim.vpcd_link import VpcdLink
from kiosk.devices.smartcard.social_security import NeedsPsam
from kiosk.domain.identity import Credential, Sex
from kiosk.face.engine import shared_face_engine
from kiosk.flows.passport_entry import MrzEntry

# pcscd's two virtual readers both, and pcscd itself restarted: alone, after the others
pytestmark = [pytest.mark.daemon, pytest.mark.serial]


def daemons_running() -> bool:
    return subprocess.run(["pgrep", "-x", "pcscd"], capture_output=True).returncode == 0
READER0, READER1 = "Virtual PCD 00 00", "Virtual PCD 00 01"


@pytest.fixture
def insert(pcscd_running):
    links: list[tuple[VpcdLink, str]] = []

    def _insert(card, port: int = 35963) -> VpcdLink:
        reader = READER0 if port == 35963 else READER1
        assert wait_for_card(reader, 5, present=False), "a card from before is still seen"
        link = VpcdLink(card, port)
        link.insert()
        links.append((link, reader))
        assert wait_for_card(reader, 5), "pcscd never saw the virtual card"
        return link

    yield _insert
    for link, reader in links:
        link.remove()
        if pcscd_running.proc is not None or daemons_running():
            wait_for_card(reader, 5, present=False)


async def test_passport_good_read(insert) -> None:
    card = VirtualPassport()
    insert(card)
    result = await read_card(READER0, SAMPLE_PASSPORT.access_key, trust=[card.issuer.csca])
    ident = result.identity
    assert ident.credential is Credential.PASSPORT
    assert ident.name == "ZHANG WEI"
    assert ident.document_number == "E12345678"
    assert ident.sex is Sex.MALE
    assert ident.birth is not None
    assert ident.birth.isoformat() == "1985-03-12"
    assert ident.verified
    assert result.passport is not None
    assert result.passport.sod.chain == "trusted"
    # the DG2 photo decodes to an image the face check can use
    assert ident.photo is not None
    image = cv2.imdecode(np.frombuffer(ident.photo, np.uint8), cv2.IMREAD_COLOR)
    assert image.shape[:2] == (420, 330)
    assert len(ident.photo) > 15_000


async def test_wrong_mrz_data_is_a_plain_refusal(insert) -> None:
    insert(VirtualPassport())
    with pytest.raises(WrongAccessKey) as exc:
        await read_card(READER0, BacKey("E12345678", "850312", "340316"))
    assert exc.value.code == "mrz_mismatch"


async def test_passport_without_mrz_asks_for_it(insert) -> None:
    insert(VirtualPassport())
    with pytest.raises(MrzNeeded):
        await read_card(READER0, None)


async def test_reading_before_authentication_is_refused(insert) -> None:
    insert(VirtualPassport())
    ch = PcscChannel(READER0)
    ch.connect()
    try:
        assert ch.transmit(Command(0x00, 0xA4, 0x04, 0x0C,
                                   bytes.fromhex("A0000002471001"))).ok
        r = ch.transmit(Command(0x00, 0xA4, 0x02, 0x0C, bytes.fromhex("0101")))
        assert r.sw == 0x6982
        r = ch.transmit(Command(0x00, 0xB0, 0x00, 0x00, le=4))
        assert r.sw == 0x6982
    finally:
        ch.close()


async def test_card_pulled_mid_read(insert) -> None:
    link = insert(VirtualPassport())
    link.pull_after = 40  # well into DG2
    with pytest.raises(CardRemoved):
        await read_card(READER0, SAMPLE_PASSPORT.access_key)


async def test_tampered_photo_is_not_verified(insert) -> None:
    insert(VirtualPassport(tamper_dg2=True))
    with pytest.raises(DocumentNotVerified, match="data group 2 altered"):
        await read_card(READER0, SAMPLE_PASSPORT.access_key)


async def test_tampered_response_mac_is_caught(insert) -> None:
    insert(VirtualPassport(tamper_mac=True))
    with pytest.raises(DeviceProtocolError, match="MAC"):
        await read_card(READER0, SAMPLE_PASSPORT.access_key)


@pytest.mark.parametrize("profile", [
    SAMPLE_SSC, replace(RARE_NAME_SSC, name="刘䶮" + "明" * 12 + "𠈌")], ids=["wang-zhe", "rare"])
async def test_social_security_card(insert, profile: SocialSecurityProfile) -> None:
    """GB 18030 names: 䶮 (GBK read 刘䶮 as 刘��), and 𠈌 (four bytes), which no longer fits
    the 30 bytes of the name and runs on into the name extension (tag 4E)."""
    insert(VirtualSocialSecurityCard(profile), port=35964)
    result = await read_card(READER1)
    ident = result.identity
    assert ident.credential is Credential.SOCIAL_SECURITY
    assert ident.name == profile.name
    assert ident.id_number == profile.ssn
    assert ident.document_number == profile.card_number
    assert ident.sex is (Sex.FEMALE if profile.sex == "2" else Sex.MALE)
    assert result.social_security is not None
    assert result.social_security.nation == "汉"
    assert result.social_security.spec_version == "3.00"


async def test_social_security_card_needing_a_psam_says_so(insert) -> None:
    insert(VirtualSocialSecurityCard(needs_psam=True), port=35964)
    with pytest.raises(NeedsPsam) as exc:
        await read_card(READER1)
    assert exc.value.code == "needs_psam"


async def test_insert_and_remove_events(insert) -> None:
    reader = PcscReader("smartcard", READER1, adapter="pcsc")
    events = watch_reader(reader, poll_interval_s=0.05)
    try:
        link = insert(VirtualSocialSecurityCard(), port=35964)
        ev = await asyncio.wait_for(anext(events), 10)
        assert isinstance(ev, CardInserted)
        assert ev.atr == VirtualSocialSecurityCard.atr
        link.remove()
        ev = await asyncio.wait_for(anext(events), 10)
        assert isinstance(ev, CardWithdrawn)
    finally:
        await events.aclose()
        await reader.close()


async def test_reader_disappears_and_comes_back(pcscd_running, insert) -> None:
    insert(VirtualPassport())
    reader = PcscReader("smartcard", READER0, adapter="pcsc")
    events = watch_reader(reader, poll_interval_s=0.05, retry_max_s=0.2)
    try:
        assert isinstance(await asyncio.wait_for(anext(events), 10), CardInserted)
        ch = PcscChannel(READER0)
        ch.connect()
        pcscd_running.stop()  # pcscd (and with it the reader) goes away mid-session
        with pytest.raises((DeviceUnavailable, CardRemoved)):
            ch.transmit(Command(0x00, 0x84, 0x00, 0x00, le=8))
        ch.close()
        seen = [await asyncio.wait_for(anext(events), 10) for _ in range(2)]
        assert isinstance(seen[-1], ReaderUnavailable)
        with pytest.raises(DeviceUnavailable):
            await read_card(READER0, SAMPLE_PASSPORT.access_key, timeout_s=5)
        pcscd_running.start()
        assert isinstance(await asyncio.wait_for(anext(events), 15), ReaderBack)
    finally:
        await events.aclose()
        await reader.close()
        pcscd_running.start()


def test_card_read_cli_with_the_simulator_process(pcscd_running) -> None:
    sim = subprocess.Popen([sys.executable, "-m", "kiosk", "sim", "smartcard", "--insert",
                            "passport"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert sim.stdout is not None
        assert json.loads(sim.stdout.readline())["reader"] == READER0
        assert wait_for_card(READER0, 5)
        r = subprocess.run([sys.executable, "-m", "kiosk", "card", "read", "--reader", READER0,
                            "--mrz", "E12345678:850312:340315", "--json", "--reveal"],
                           capture_output=True, text=True, timeout=60)
        assert r.returncode == 0, r.stderr
        out = json.loads(r.stdout)
        assert out["credential"] == "passport"
        assert (out["surname"], out["given_names"]) == ("ZHANG", "WEI")
        assert out["nationality"] == "CHN"
        assert (out["birth"], out["expiry"]) == ("1985-03-12", "2034-03-15")
        assert out["photo"] == {"present": True, "format": "jpeg"}
        assert out["sod_verified"] is True
        bad = subprocess.run([sys.executable, "-m", "kiosk", "card", "read", "--reader",
                              READER0, "--mrz", "E12345678:850312:340316"],
                             capture_output=True, text=True, timeout=60)
        assert bad.returncode == 1
        assert bad.stderr.strip().splitlines() == [
            "kiosk: mrz_mismatch: the document number, birth date or expiry date do not open "
            "this document"]
    finally:
        if sim.stdin:
            sim.stdin.close()
        sim.wait(10)


class PassportTyper:
    """The person at the kiosk, typing the passport's bottom line: the entries given, in turn
    (what the kiosk said about each is kept)."""

    def __init__(self, *entries: MrzEntry) -> None:
        self.entries = list(entries)
        self.told: list[str] = []
        self.refused: list[str] = []

    async def passport_mrz(self, problem: str) -> MrzEntry | None:
        self.told.append(problem)
        return self.entries.pop(0) if self.entries else None

    def identify_problem(self, text: str, next_step: str) -> None:
        self.told.append(text)

    def step(self, name: str) -> None: pass
    def progress(self, message: str) -> None: pass
    def deadline(self, seconds: float) -> None: pass

    async def still_there(self, grace_s: float) -> bool:
        return True


async def test_three_wrong_passport_entries_send_the_citizen_to_a_counter(insert,
                                                                          tmp_path) -> None:
    """Two typing mistakes the check digits show (said at once, naming the field, without
    trying the chip), then data the chip refuses: the visit ends referred at identification,
    and the queue offers a ticket."""
    from kiosk.documents.reprint_store import ReprintStore
    from kiosk.flows.catalog import load_catalog
    from kiosk.flows.identify import IdentitySources
    from kiosk.flows.outcome import EndReason, Outcome, Step, ticket_reason
    from kiosk.flows.ports import FlowPorts
    from kiosk.flows.visit import VisitRunner
    from kiosk.services.outbox import Outbox, Uploader
    from kiosk.sim.backend import BackendServer

    good = MrzEntry.of(SAMPLE_PASSPORT.access_key)
    typo = replace(good, birth_check=str((int(good.birth_check) + 1) % 10))
    short = replace(good, expiry=good.expiry[:5])
    other = MrzEntry.of(BacKey("E12345679", good.birth, good.expiry))  # right digits, wrong data
    insert(VirtualPassport())
    backend = BackendServer()
    backend.start()
    outbox = Outbox.open(tmp_path)
    try:
        gateway = backend.gateway("T")
        ports = FlowPorts(catalog=load_catalog(), gateway=gateway, outbox=outbox,
                          uploader=Uploader(outbox, gateway),
                          reprints=ReprintStore(tmp_path, key=bytes(32)), kiosk_id="T")
        refused: list[str] = []
        runner = VisitRunner(ports, IdentitySources(smartcard_reader=READER0),
                             shared_face_engine,  # loaded as the visit starts, not used
                             match_threshold=0.5, photo_detect_score=0.5,
                             on_refused=refused.append)
        citizen = PassportTyper(typo, short, other)
        result = await runner.run("criminal-record-certificate", citizen)  # type: ignore[arg-type]
        assert citizen.told[0] == ""
        assert citizen.told[1].startswith("出生日期和它后面的校验位对不上")
        assert citizen.told[1].endswith("（还可以再试2次）")
        assert citizen.told[2].startswith("有效期请填6位数字")
        assert citizen.told[2].endswith("（还可以再试1次）")
        assert (result.outcome, result.end, result.at) == \
            (Outcome.REFERRED, EndReason.REFUSED, Step.IDENTIFY)
        assert result.reason == "护照信息3次未能核对成功，请到窗口由工作人员办理"
        assert refused == ["mrz_tries_exhausted"]
        assert ticket_reason(result) == "referred"
        ticket = await runner.take_ticket(result, "zh-Hans", "k" * 16)
        assert ticket.number.startswith("A")
    finally:
        outbox.close()
        backend.stop()

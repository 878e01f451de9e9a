"""The simulated hall's help desk on its own (kiosk/sim/help_desk.py): requests no kiosk follows
any more go, a kiosk has one open request at a time, a staff member's sign-out ends what they
held, and a line is one line of plain characters."""

from __future__ import annotations

import pytest

from kiosk.services.gateway_answers import HelpLine
from kiosk.sim.caller import Caller
from kiosk.sim.help_desk import HelpDesk, Refused, plain_line
from kiosk.sim.staff_directory import StaffMember

WANG = StaffMember("wangfang", "王芳", "3号窗口")
BODY = {"screen": "home", "mode": "video", "waiting_s": 0}


def test_a_request_its_kiosk_stopped_following_is_gone() -> None:
    desk = HelpDesk(unpolled_s=0.0)  # (30 s on the hall: a kiosk asks every 2 s)
    made = desk.create("K-1", BODY)
    assert desk.open_requests() == []  # the kiosk crashed: no one is sent to it
    with pytest.raises(Refused) as no:
        desk.accept(made["id"], WANG)
    assert no.value.status == 404


def test_a_kiosk_has_one_open_request_its_last() -> None:
    desk = HelpDesk()
    first = desk.create("K-1", BODY)
    desk.create("K-2", BODY)
    second = desk.create("K-1", BODY)
    assert [(r["kiosk_id"], r["position"]) for r in desk.open_requests()] == [("K-2", 0),
                                                                              ("K-1", 1)]
    assert second["id"] != first["id"]


def test_signing_out_ends_the_staff_members_calls() -> None:
    desk = HelpDesk()
    made = desk.create("K-1", BODY)
    desk.accept(made["id"], WANG)
    desk.staff_gone("wangfang")
    assert desk.call(made["id"], Caller(kiosk_id="K-1"))["status"] == "ended"


@pytest.mark.parametrize("text", ["好的\u2028我：我同意", "请点\u202e下一步", "hello\n",
                                  "a\u200bb", "\ufeff"])
def test_a_line_that_could_pass_for_two_or_reorder_is_refused(text: str) -> None:
    assert not plain_line(text)
    desk = HelpDesk()
    made = desk.create("K-1", {**BODY, "mode": "text"})
    desk.accept(made["id"], WANG)
    with pytest.raises(Refused) as no:
        desk.say(made["id"], Caller(staff=WANG), text)
    assert no.value.status == 422
    # and a kiosk reading such a line from another hall shows its characters only
    shown = HelpLine.model_validate({"seq": 1, "sender": "staff", "text": text + "x"}).text
    assert all(ch not in shown for ch in "\u2028\u202e\n\u200b\ufeff")


def test_markup_is_a_plain_line() -> None:
    assert plain_line("请点<b>下一步</b>")

from __future__ import annotations

import pytest

from kiosk.devices.camera.qr import QrCredentialReader, QrRejected
from kiosk.face.liveness import ChallengeState, HeadTurnChallenge, Turn


def run(challenge: HeadTurnChallenge, yaws: list[float], dt: float = 0.1) -> ChallengeState:
    state = challenge.state
    for i, yaw in enumerate(yaws):
        state = challenge.observe(yaw, i * dt)
    return state


def test_turn_right_on_request_passes() -> None:
    c = HeadTurnChallenge(Turn.RIGHT, threshold=0.12, timeout_s=5)
    assert run(c, [0.05, 0.06, 0.04, 0.06, 0.12, 0.2]) is ChallengeState.PASSED
    assert c.baseline == pytest.approx(0.05)


def test_turn_left_relative_to_a_turned_baseline_passes() -> None:
    c = HeadTurnChallenge(Turn.LEFT, threshold=0.12, timeout_s=5)
    assert run(c, [-0.2, -0.21, -0.2, -0.28, -0.35]) is ChallengeState.PASSED


def test_static_face_times_out() -> None:
    c = HeadTurnChallenge(Turn.LEFT, threshold=0.12, timeout_s=2)
    jitter = [0.01, -0.01, 0.0, 0.02, -0.02] * 10
    assert run(c, jitter) is ChallengeState.TIMED_OUT


def test_turning_the_wrong_way_times_out() -> None:
    c = HeadTurnChallenge(Turn.LEFT, threshold=0.12, timeout_s=2)
    assert run(c, [0.0, 0.0, 0.0] + [0.3] * 40) is ChallengeState.TIMED_OUT


def test_no_face_for_too_long_times_out() -> None:
    c = HeadTurnChallenge(Turn.RIGHT, timeout_s=1)
    c.observe(0.0, 0.0)
    assert c.tick(0.5) is ChallengeState.BASELINE
    assert c.tick(1.5) is ChallengeState.TIMED_OUT


READER = QrCredentialReader(r"^EID1\.[A-Za-z0-9_-]{16,200}$", max_length=512)


def test_a_good_code_is_accepted() -> None:
    code = "EID1.abcdefghij_KLMNOP-0123456789"
    assert READER.validate(code) == code


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("EID1." + "a" * 600, "more than 512"),
        ("EID1.abcdefghijklmnop\x00", "control characters"),
        ("EID1.abcdefghijklmnop\u202e", "not an identity code"),
        ("https://evil.example/EID1.abcdefghijklmnop", "web address"),
        ("www.example.com", "web address"),
        ("\ufffd\ufffd binary", "binary"),
        ("hello", "not an identity code"),
    ],
)
def test_hostile_codes_are_refused_with_a_reason(text: str, why: str) -> None:
    with pytest.raises(QrRejected, match=why) as exc:
        READER.validate(text)
    assert exc.value.code == "qr_rejected"

"""Scenario files are checked against a typed schema: every shipped one loads, and a wrong value
stops the run with `file:line: field: problem` — never a traceback, never a silent misreading."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.scenarios.rig import Scenario, ScenarioError

SHIPPED = sorted((Path(__file__).resolve().parents[2] / "kiosk" / "scenarios" / "shipped")
                 .glob("*.yaml"))
GOOD = """service: criminal-record-certificate
citizen:
  credential: idcard
  card: zhang-wei
  face: genuine
answers: {purpose: 求职就业}
sign_commitment: true
rating: {level: 5}
faults:
  backend: {down: false}
expect: {outcome: approved, printed: [certificate, receipt], cases: 1}
"""


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_shipped_scenario_loads(path: Path) -> None:
    assert Scenario.load(path).spec.service


def test_a_good_file_keeps_its_meaning(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(GOOD, encoding="utf-8")
    s = Scenario.load(path)
    assert s.spec.sign_commitment is True
    assert s.spec.faults.backend is not None
    assert s.spec.faults.backend.down is False
    assert s.data["expect"] == {"outcome": "approved", "printed": ["certificate", "receipt"],
                                "cases": 1}


@pytest.mark.parametrize(("old", "new", "where"), [
    ("sign_commitment: true", 'sign_commitment: "no"', r"s\.yaml:7: sign_commitment: .*'no'"),
    ("{down: false}", '{down: "false"}', r"s\.yaml:10: faults\.backend\.down: "),
    ("rating: {level: 5}", "rating: {level: -1}",
     r"s\.yaml:8: rating\.level: .*greater than or equal to 1"),
    ("rating: {level: 5}", "rating: {level: 1}", r"s\.yaml:8: rating: .*need reasons"),
    ("rating: {level: 5}", 'rating: {level: "5"}', r"s\.yaml:8: rating\.level: "),
    ("face: genuine", "face: twin", r"s\.yaml:5: citizen\.face: must be one of"),
    ("credential: idcard", "credential: passport-card", r"s\.yaml:3: citizen\.credential: "),
    ("cases: 1", "cases: many", r"s\.yaml:11: expect\.cases: "),
    ("outcome: approved", "outcome: yes", r"s\.yaml:11: expect\.outcome: "),
    ("answers: {purpose: 求职就业}", "answers: [求职就业]", r"s\.yaml:6: answers: "),
    ("  face: genuine", "  face: genuine\n  colour: blue",
     r"s\.yaml:6: citizen\.colour: unknown key"),
    ("card: zhang-wei", "card: {name: 周新人, sex: 3, birth: 1992-05-06}",
     r"s\.yaml:4: citizen\.card\.sex: "),
    ("card: zhang-wei", "card: {name: 周新人, birth: 1992-13-06}",
     r"s\.yaml:4: '1992-13-06' is not a valid value"),
    ("card: zhang-wei", "card: {name: 周新人, birth: 1992-05-06, photo: person-3}",
     r"s\.yaml:4: citizen\.card\.photo: must be one of"),
    ("card: zhang-wei", "card: nobody", r"s\.yaml:4: citizen\.card: no sample card 'nobody'"),
    ("  face: genuine", "  face: genuine\n  pull_card_at: rating",
     r"s\.yaml:6: citizen\.pull_card_at: "),
    ("sign_commitment: true", "sign_commitment: true\nrecords: {criminal_record: "
     "{has_record: 'no'}}", r"s\.yaml:8: records\.criminal_record\.has_record: "),
    ("sign_commitment: true", "sign_commitment: true\nkeys: {premises: tianhe lu}",
     r"s\.yaml:1: .*keys: says how answers are typed, for drive: keys"),
    ("sign_commitment: true", "sign_commitment: true\ndrive: keys\nkeys: {premises: 天河路}",
     r"s\.yaml:9: keys\.premises: words on a keyboard: .*not 天河路"),
    ("sign_commitment: true", "sign_commitment: true\ndrive: mouse",
     r"s\.yaml:8: drive: must be one of"),
    ("sign_commitment: true", "sign_commitment: true\nat: 2026-02-28T09:30:00",
     r"s\.yaml:8: at: .*UTC offset"),
    ("sign_commitment: true", "sign_commitment: true\nat: tomorrow",
     r"s\.yaml:8: at: "),
])
def test_a_wrong_value_names_file_line_and_field(tmp_path: Path, old: str, new: str,
                                                  where: str) -> None:
    assert old in GOOD
    path = tmp_path / "s.yaml"
    path.write_text(GOOD.replace(old, new), encoding="utf-8")
    with pytest.raises(ScenarioError, match=where):
        Scenario.load(path)


@pytest.mark.parametrize("sex", ["男", "女", "1", "2", "male", "female", 1, 2])
def test_inline_cards_take_the_cards_own_spellings(tmp_path: Path, sex: object) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(GOOD.replace("card: zhang-wei",
                                 f"card: {{name: 周新人, sex: {sex!r}, birth: '19920506', "
                                 "valid_to: 长期}"), encoding="utf-8")
    card = Scenario.load(path).spec.citizen.card
    assert not isinstance(card, str)
    assert card.sex == ("female" if str(sex) in ("女", "2", "female") else "male")
    assert str(card.birth) == "1992-05-06"
    assert card.valid_to == "长期"


def test_a_passport_is_typed_on_its_entry_screen_by_keys(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(GOOD.replace("credential: idcard", "credential: passport") +
                    "drive: keys\n", encoding="utf-8")
    s = Scenario.load(path)
    assert (s.spec.citizen.credential, s.spec.drive) == ("passport", "keys")


def test_keys_words_are_pinyin_or_typed_as_they_are(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(GOOD + "drive: keys\nkeys: {premises: tianhe lu3 385 hao}\n",
                    encoding="utf-8")
    s = Scenario.load(path)
    assert s.spec.drive == "keys"
    assert s.spec.keys == {"premises": "tianhe lu3 385 hao"}


def test_relative_dates_count_from_the_scenarios_moment(tmp_path: Path) -> None:
    """`at:` sets the kiosk's clock for the visit; `today-1` is the day before that moment
    in Beijing (23:30 UTC on 27 February is already the 28th there)."""
    path = tmp_path / "s.yaml"
    path.write_text(GOOD.replace("card: zhang-wei", "card: {name: 周新人, birth: 20080229, "
                                 "valid_to: today-1}") + "at: 2026-02-27T23:30:00+00:00\n",
                    encoding="utf-8")
    s = Scenario.load(path)
    assert s.spec.at is not None
    assert s.spec.at.isoformat() == "2026-02-27T23:30:00+00:00"
    assert not isinstance(s.spec.citizen.card, str)
    assert str(s.spec.citizen.card.valid_to) == "2026-02-27"


def test_an_inline_name_is_measured_in_the_cards_units(tmp_path: Path) -> None:
    """The card's name field holds 15 UTF-16 units: 15 common characters fit, 14 and 𠈌
    (two units) do not, and the file says why instead of the simulator failing later."""
    path = tmp_path / "s.yaml"
    fits = "欧阳" + "明" * 11 + "𠈌"  # 15 units
    path.write_text(GOOD.replace("card: zhang-wei", f"card: {{name: {fits}, birth: 19920506}}"),
                    encoding="utf-8")
    card = Scenario.load(path).spec.citizen.card
    assert not isinstance(card, str)
    assert card.name == fits
    path.write_text(GOOD.replace("card: zhang-wei", f"card: {{name: 欧{fits}, birth: 19920506}}"),
                    encoding="utf-8")
    with pytest.raises(ScenarioError, match=r"citizen\.card\.name: .*takes 16 UTF-16 units"):
        Scenario.load(path)

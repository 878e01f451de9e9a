"""Service definitions: the shipped catalog loads; every broken definition gets a precise
message naming the file, the line and the field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk.flows.catalog import CATALOG_DIR, CatalogError, load_catalog
from kiosk.flows.rules import Verdict


def test_the_shipped_catalog_loads_completely() -> None:
    c = load_catalog()
    assert {"criminal-record-certificate", "social-insurance-certificate",
            "public-place-health-permit", "individual-business-registration"} <= set(c.services)
    assert c.bundles["open-restaurant"].items == [
        "individual-business-registration", "food-business-licence",
        "public-place-health-permit"]
    assert len(c.bundles["newborn"].items) == 3
    assert c.find("我要开饭店").id == "open-restaurant"
    assert "open-restaurant" in c.search("饭店")
    # a bundle is found by its items' words too ("health permit" is the permit item's)
    assert "open-restaurant" in c.search("health permit")
    assert [i.id for i in c.items_of("open-restaurant")] == c.bundles["open-restaurant"].items
    assert [i.id for i in c.items_of("criminal-record-certificate")] == [
        "criminal-record-certificate"]
    assert c.guide is not None
    for s in c.services.values():
        for f in s.fields:
            assert f.example  # every field carries an example


def test_guide_leads_from_a_question_to_the_bundle() -> None:
    guide = load_catalog().guide
    assert guide is not None
    shop = next(a for a in guide.answers if a.label["zh-Hans"] == "我想开店").next
    restaurant = next(a for a in shop.answers if a.label["zh-Hans"] == "我想开饭店").next
    assert restaurant.service == "open-restaurant"


def facts(**over):
    base = {"identity": {"age": 40, "name": "张伟"}, "form": {}, "licenses": [],
            "records": {"criminal_record": {"has_record": False}}, "commitment_blocked": False}
    base.update(over)
    return base


def test_shipped_rules_pass_fail_and_refer_to_staff() -> None:
    rules = {r.rule_id: r for r in load_catalog().rules["criminal-record-certificate"]}
    assert rules["adult"].evaluate(facts()).verdict is Verdict.PASS
    assert rules["adult"].evaluate(facts(identity={"age": 16})).verdict is Verdict.FAIL
    assert rules["no_record"].evaluate(
        facts(records={"criminal_record": {"has_record": True}})).verdict is Verdict.FAIL
    # missing data is neither true nor false: staff decide
    assert rules["no_record"].evaluate(facts(records={})).verdict is Verdict.ERROR
    assert rules["adult"].evaluate(facts(identity={"age": "forty"})).verdict is Verdict.ERROR
    permit = {r.rule_id: r for r in load_catalog().rules["public-place-health-permit"]}
    assert permit["has_business_licence"].evaluate(
        facts(licenses=["business_licence"])).verdict is Verdict.PASS
    assert "commitment_not_eligible" not in permit  # not an eligibility rule: its own field
    block = load_catalog().commitment_blocks["public-place-health-permit"]
    assert block.evaluate(facts(commitment_blocked=True)).verdict is Verdict.PASS


GOOD = (CATALOG_DIR / "criminal-record-certificate.yaml").read_text(encoding="utf-8")


def broken(tmp_path: Path, name: str, text: str) -> Path:
    d = tmp_path / "catalog"
    d.mkdir(exist_ok=True)
    (d / name).write_text(text, encoding="utf-8")
    return d


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


CASES = [
    ("unknown key",
     lambda t: t.replace("face_check: required", "face_check: required\ncolour: red"),
     "colour", "colour: unknown key"),
    ("missing example", lambda t: t.replace('    example: 办理出国签证\n', ''),
     "- id: purpose", "fields[2].example: Field required"),
    ("bad approval", lambda t: t.replace("approval: instant", "approval: sometimes"),
     "approval: sometimes", "approval: must be one of 'instant' or 'review'"),
    ("missing translation",
     lambda t: t.replace("zh-Hant: 無犯罪記錄證明, en: Certificate of No Criminal Record}",
                         "}", 1),
     "titles:", "titles: missing translation(s): en, zh-Hant"),
    ("bad regex", lambda t: t.replace('pattern: "^1[3-9][0-9]{9}$"', 'pattern: "^1[3-9"'),
     "pattern:", "fields[3].validate.pattern: not a valid regular expression"),
    ("bad rule", lambda t: t.replace("expr: identity.age >= 18", "expr: identity.age >="),
     "expr: identity.age >=", "rules[0].expr: rule 'adult': not a valid CEL expression"),
    ("unnamed option",
     lambda t: t.replace(
         '      入学: {zh-Hans: 入学, zh-Hant: 入學, en: "School enrolment"}\n', ''),
     "- id: purpose", "fields[2]: option_labels must name every option in zh-Hans, "
     "zh-Hant and en (missing: 入学)"),
    ("unknown placeholder", lambda t: t.replace("{name}（证件号码", "{nmae}（证件号码"),
     "- template: certificate",
     "documents: document text uses {nmae}, which is not a field"),
]


@pytest.mark.parametrize(("why", "mangle", "line_needle", "message"), CASES,
                         ids=[c[0] for c in CASES])
def test_broken_definitions_name_file_line_and_field(tmp_path: Path, why, mangle, line_needle,
                                                     message) -> None:
    text = mangle(GOOD)
    assert text != GOOD, why
    d = broken(tmp_path, "item.yaml", text)
    with pytest.raises(CatalogError) as exc:
        load_catalog(d)
    msg = str(exc.value)
    assert msg.startswith(f"{d / 'item.yaml'}:{line_of(text, line_needle)}: "), msg
    assert message in msg, msg


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    d = broken(tmp_path, "item.yaml", "id: x\ntitles: {zh-Hans: a\n")
    with pytest.raises(CatalogError, match=r"item\.yaml:\d+: not valid YAML"):
        load_catalog(d)


def test_a_bundle_naming_a_missing_item(tmp_path: Path) -> None:
    d = tmp_path / "catalog"
    shutil.copytree(CATALOG_DIR, d)
    text = (d / "newborn.yaml").read_text().replace("newborn-ssc-application]",
                                                    "newborn-passport]")
    (d / "newborn.yaml").write_text(text)
    with pytest.raises(CatalogError) as exc:
        load_catalog(d)
    assert str(exc.value) == (f"{d / 'newborn.yaml'}:{line_of(text, 'items:')}: items[2]: "
                              "no service 'newborn-passport' in the catalog")


@pytest.mark.parametrize(("need", "field", "problem"), [
    ("{item: public-place-health-permit, license: business_licence, "
     "from: public-place-health-permit}", "from", "does not come before"),
    ("{item: individual-business-registration, license: business_licence, "
     "from: food-business-licence}", "from", "does not come before"),
    ("{item: public-place-health-permit, license: business_licence, from: no-such-item}",
     "from", "'no-such-item' is not an item of this bundle"),
    ("{item: criminal-record-certificate, license: business_licence, "
     "from: individual-business-registration}", "item", "is not an item of this bundle"),
    ("{item: public-place-health-permit, license: marriage_certificate, "
     "from: individual-business-registration}", "license", "pulls no licence"),
])
def test_a_bundle_dependency_must_name_an_earlier_item_and_a_pulled_licence(
        tmp_path: Path, need: str, field: str, problem: str) -> None:
    import shutil

    d = tmp_path / "catalog"
    shutil.copytree(CATALOG_DIR, d)
    bundle = (d / "open-restaurant.yaml").read_text(encoding="utf-8")
    start = bundle.index("needs:")
    text = bundle[:start] + "needs:\n  - " + need + "\n"
    (d / "open-restaurant.yaml").write_text(text, encoding="utf-8")
    line = len(text.splitlines())
    with pytest.raises(CatalogError,
                       match=rf"open-restaurant\.yaml:{line}: needs\[0\]\.{field}: .*{problem}"):
        load_catalog(d)


def test_a_next_version_reuses_only_the_very_same_files(tmp_path: Path) -> None:
    """A province's next version, loaded beside the one in service: an unchanged item is taken
    as it was loaded; a changed one is parsed and validated again, its error named as ever;
    the checks across files run over the whole new catalog."""
    first = load_catalog()
    folder = tmp_path / "next"
    shutil.copytree(CATALOG_DIR, folder)
    item = folder / "social-insurance-certificate.yaml"
    item.write_text(item.read_text(encoding="utf-8").replace("approval: instant",
                                                             "approval: at once"), "utf-8")
    with pytest.raises(CatalogError, match=r"social-insurance-certificate\.yaml:\d+: approval"):
        load_catalog(folder, reuse=first)
    item.write_bytes((CATALOG_DIR / item.name).read_bytes())
    changed = folder / "criminal-record-certificate.yaml"
    changed.write_text(GOOD.replace("申请人须年满18周岁", "申请人须年满十八周岁"), "utf-8")
    second = load_catalog(folder, reuse=first)
    assert second.services["social-insurance-certificate"] is \
        first.services["social-insurance-certificate"]
    assert second.rules["criminal-record-certificate"] is not \
        first.rules["criminal-record-certificate"]
    adult = second.rules["criminal-record-certificate"][0]
    assert adult.message["zh-Hans"] == "申请人须年满十八周岁"
    (folder / "food-business-licence.yaml").unlink()  # the restaurant bundle names it
    with pytest.raises(CatalogError, match=r"open-restaurant\.yaml:\d+: items\[1\]: no service"):
        load_catalog(folder, reuse=second)

"""Search finds what people type among a province's thousands of items: Pinyin in full, initials
and both mixed, the hall's own words, titles in any language, characters with some left out —
ranked by how well each item matches. One 3,000-item catalog (the shipped items and generated
ones with titles of their own) is built once for the module; its speed is a benchmark
(`search_ms`), not a test."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.bench.province_catalog import generated_items, province_catalog, shipped_count
from kiosk.flows.catalog import CATALOG_DIR, CatalogError, load_catalog
from kiosk.flows.catalog_search import CatalogSearch, SearchItem
from kiosk.flows.pinyin_map import PINYIN_FILE, needs_pinyin, read_pinyin_map

ITEMS = 3000


@pytest.fixture(scope="module")
def catalog():
    c = province_catalog(ITEMS - shipped_count())
    assert len(c.services) == ITEMS
    return c


def titles(catalog, query: str, n: int = 3) -> list[str]:
    return [catalog.find(i).titles["zh-Hans"] for i in catalog.search(query)[:n]]


@pytest.mark.parametrize("typed", ["wfzjl", "wufanzui", "wufzjl", "WuFanZui", "wfz",
                                   "wu'fan'zui"])  # as the on-screen keyboard spells it
def test_pinyin_in_full_initials_or_mixed_finds_the_item(catalog, typed: str) -> None:
    assert titles(catalog, typed, 1) == ["无犯罪记录证明"]


@pytest.mark.parametrize(("typed", "first"), [
    ("无犯罪证明", "无犯罪记录证明"),  # words left out of the title
    ("社保证明", "社会保险参保缴费证明"),  # the hall's word for it
    ("上户口", "新生儿入户"),
    ("开餐馆", "我要开饭店"),
])
def test_the_halls_words_find_what_the_catalog_calls_otherwise(catalog, typed: str,
                                                               first: str) -> None:
    assert titles(catalog, typed, 1) == [first]


def test_a_bundle_is_found_by_what_it_holds(catalog) -> None:
    assert titles(catalog, "上户口", 2) == ["新生儿入户", "新生儿出生一件事"]
    assert "open-restaurant" in catalog.search("health permit")[:3]


def test_every_language_finds_a_generated_item(catalog) -> None:
    item = next(i for n, i in enumerate(generated_items(ITEMS - shipped_count())) if n == 1234)
    for title in item.titles.values():
        assert catalog.search(title)[0] == item.id, title
    initials = "".join(s[0] for s in catalog.pinyin[item.titles["zh-Hans"]])
    assert item.id in catalog.search(initials)


def test_ranked_by_how_well_they_match() -> None:
    items = [SearchItem("subsequence", ["证件说明"], []), SearchItem("keyword", ["其他"], ["证明"]),
             SearchItem("inside", ["无犯罪记录证明"], []), SearchItem("prefix", ["证明开具"], []),
             SearchItem("exact", ["证明"], []), SearchItem("none", ["护照"], [])]
    pinyin = {"证件说明": ("zheng", "jian", "shuo", "ming"), "其他": ("qi", "ta"),
              "证明": ("zheng", "ming"), "无犯罪记录证明": ("wu", "fan", "zui", "ji", "lu",
                                                     "zheng", "ming"),
              "证明开具": ("zheng", "ming", "kai", "ju"), "护照": ("hu", "zhao")}
    search = CatalogSearch(items, pinyin)
    assert search.find("证明") == ["exact", "prefix", "inside", "keyword", "subsequence"]
    # Pinyin: from the title's first syllable before a later one; a keyword's last
    assert search.find("zm") == ["exact", "prefix", "inside", "keyword"]
    assert search.find("") == []


def test_the_shipped_catalog_carries_the_pinyin_of_every_title_and_keyword() -> None:
    """So a kiosk never loads pypinyin's dictionary (some 55 MB) for the shipped catalog."""
    shipped = read_pinyin_map(CATALOG_DIR / PINYIN_FILE)
    missing = [t for t in load_catalog().searchable_texts()
               if needs_pinyin(t) and t not in shipped]
    assert not missing, "run: python -m kiosk.flows.pinyin_map kiosk/flows/catalog"


@pytest.mark.parametrize(("name", "text", "message"), [
    ("search-words.yaml", "synonyms:\n  - [社保]\n",
     "search-words.yaml:2: synonyms[0]: List should have at least 2 items"),
    ("pinyin.json", '{"无犯罪": "Wu-Fan"}', "pinyin.json: '无犯罪': not Pinyin syllables"),
])
def test_broken_search_files_are_refused_naming_the_file(tmp_path: Path, name: str, text: str,
                                                         message: str) -> None:
    folder = tmp_path / "catalog"
    folder.mkdir()
    for p in CATALOG_DIR.iterdir():
        (folder / p.name).write_bytes(p.read_bytes())
    (folder / name).write_text(text, encoding="utf-8")
    with pytest.raises(CatalogError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_catalog(folder)

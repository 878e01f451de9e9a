"""Finding a service item among thousands by what people type: its title or a keyword in any of
the three languages, Pinyin (full "wufanzui", initials "wfzjl", or both mixed "wufzjl"), the
hall's own words (无犯罪证明, 社保证明, 上户口: `search-words.yaml`), or the title's characters
with some left out (无犯罪证明 → 无犯罪记录证明) — ranked by how well each item matches.

Ranks, best first (a hall word standing in for what was typed costs a few points):

| how it matches | score |
|---|---|
| the title, exactly | 100 |
| the title begins with it (characters, or Pinyin from the first syllable) | 90–92 |
| inside the title; a keyword exactly | 80–84 |
| Pinyin from a later syllable of the title; inside a keyword | 70 |
| a keyword's Pinyin | 62 |
| the title's characters in order, some left out | 50–60 (fewer left out: higher) |

Ties go to the shorter title, then to the catalog's order. The index is built once per catalog
(when it loads) and a search is one pass over it with cheap tests first (one substring test
rules out nearly every item): 3,000 items answer within the `search_ms` budget.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

MAX_RESULTS = 100
_SEP = "\x1f"  # between the texts of one item: no query holds it
_LATIN = re.compile(r"^[a-z0-9 ']+$")  # an input method's Pinyin: wu'fan'zui
SYNONYM_COST = 6
MAX_VARIANTS = 24


@dataclass(frozen=True)
class SearchItem:
    """One service or bundle as search sees it."""

    id: str
    titles: Sequence[str]  # zh-Hans first, then zh-Hant, en
    keywords: Sequence[str]  # its own, then (for a bundle) its items'


@dataclass(frozen=True)
class _Entry:
    id: str
    order: int
    title: str  # zh-Hans, lowercased
    titles: str  # every title, lowercased, joined
    keywords: tuple[str, ...]  # lowercased
    keyword_text: str  # joined
    py_title: str  # "'wu'fan'zui'ji'lu'zheng'ming"
    py_full: str  # "wufanzuijiluzhengming"
    py_initials: str  # "wfzjlzm"
    py_keywords: str  # "'wu'fan'zui|'fan'zui'ji'lu" (each keyword's syllables)


class CatalogSearch:
    def __init__(self, items: Iterable[SearchItem], pinyin: Mapping[str, Sequence[str]],
                 synonyms: Iterable[Sequence[str]] = ()) -> None:
        self._entries = [self._entry(i, item, pinyin) for i, item in enumerate(items)]
        self._groups = [tuple(w.lower() for w in group) for group in synonyms]

    @staticmethod
    def _entry(order: int, item: SearchItem, pinyin: Mapping[str, Sequence[str]]) -> _Entry:
        title = item.titles[0]
        syllables = list(pinyin.get(title, ()))
        keywords = tuple(k.lower() for k in item.keywords)
        py_keywords = "|".join("'" + "'".join(pinyin[k]) for k in item.keywords if k in pinyin)
        return _Entry(
            id=item.id, order=order, title=title.lower(),
            titles=_SEP.join(t.lower() for t in item.titles),
            keywords=keywords, keyword_text=_SEP.join(keywords),
            py_title="'" + "'".join(syllables) if syllables else "",
            py_full="".join(syllables), py_initials="".join(s[0] for s in syllables),
            py_keywords=py_keywords)

    def find(self, text: str, limit: int = MAX_RESULTS) -> list[str]:
        """The ids of the items that match `text`, best first (at most `limit`)."""
        query = " ".join(text.lower().split())
        if not query:
            return []
        if _LATIN.match(query) and query.replace("'", "").strip():
            scored = self._latin(query)
        else:
            scored = self._characters(query)
        scored.sort(key=lambda s: (-s[0], len(s[1].title), s[1].order))
        return [entry.id for _, entry in scored[:limit]]

    # --- characters (Chinese, or anything that is not plain letters) --------------------------
    def _variants(self, query: str) -> list[tuple[str, int]]:
        """The query as typed, then with each hall word in it replaced by the others of its
        group (one replacement deep)."""
        out = [(query, 0)]
        seen = {query}
        for group in self._groups:
            for word in group:
                if word not in query:
                    continue
                for other in group:
                    variant = query.replace(word, other)
                    if variant not in seen and len(out) < MAX_VARIANTS:
                        seen.add(variant)
                        out.append((variant, SYNONYM_COST))
        return out

    def _characters(self, query: str) -> list[tuple[float, _Entry]]:
        variants = self._variants(query)
        ordered = [(v, cost, re.compile(".*?".join(map(re.escape, v)))) for v, cost in variants]
        scored = []
        for e in self._entries:
            best = 0.0
            for v, cost, in_order in ordered:
                score = _score_characters(e, v, in_order) - cost
                best = max(best, score)
            if best > 0:
                scored.append((best, e))
        return scored

    # --- letters: Pinyin and English --------------------------------------------------------
    def _latin(self, query: str) -> list[tuple[float, _Entry]]:
        letters = query.replace(" ", "").replace("'", "")
        # each typed letter either goes on in the same syllable or begins the next one
        steps = "".join(re.escape(c) + "(?:[a-z0-9]*')?" for c in letters[:-1])
        syllables = re.compile("'" + steps + re.escape(letters[-1]))
        first = "'" + letters[0]
        scored = []
        for e in self._entries:
            score = 0.0
            if e.py_title and first in e.py_title:
                if e.py_full.startswith(letters) or e.py_initials.startswith(letters):
                    score = 92
                else:
                    found = syllables.search(e.py_title)
                    if found is not None:
                        score = 90 if found.start() == 0 else 70
            if score < 62 and e.py_keywords and first in e.py_keywords and \
                    syllables.search(e.py_keywords):
                score = 62
            if score < 84 and query in e.titles:
                score = max(score, _score_words(e.titles, query, 84))
            if score < 70 and query in e.keyword_text:
                score = max(score, 80 if query in e.keywords else 70)
            if score > 0:
                scored.append((score, e))
        return scored


def _score_characters(e: _Entry, v: str, in_order: re.Pattern[str]) -> float:
    if v in e.titles:
        if v == e.title:
            return 100
        if e.title.startswith(v):
            return 92
        return 84
    if v in e.keyword_text:
        return 80 if v in e.keywords else 70
    if len(v) >= 2 and v[0] in e.title and in_order.search(e.title):
        left_out = len(e.title) - len(v)
        return max(50.0, 60 - left_out)
    return 0


def _score_words(text: str, query: str, best: float) -> float:
    """English: a title that begins with the query, or a word that does, ranks higher than
    letters found inside a word."""
    for title in text.split(_SEP):
        if title.startswith(query):
            return best + 4
    if re.search(r"\b" + re.escape(query), text):
        return best
    return best - 14

"""The Pinyin of the catalog's titles and keywords, for the search box: citizens type "wfzjl" or
"wufanzui" for 无犯罪记录证明.

The Pinyin is worked out where the catalog is made — `kiosk catalog publish` writes it as
`pinyin.json` beside the YAML files (and the shipped catalog carries one) — with pypinyin and
its phrase dictionary, which reads a character by its word (银行 yin hang, 行政 xing zheng).
The dictionary costs some 55 MB of memory, so a kiosk does not hold it: it reads the file. A
text the file lacks (a catalog edited by hand) is worked out on the kiosk, once, at load.

`pinyin.json`: {"无犯罪记录证明": "wu fan zui ji lu zheng ming", …} — each text that holds a
Chinese character, its syllables lowercased, ü written v, other runs of letters and digits
kept as they are. `python -m kiosk.flows.pinyin_map DIR` writes it for a catalog folder.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from kiosk.domain.bounded_file import FileRefused, read_bounded

PINYIN_FILE = "pinyin.json"
MAX_BYTES = 8 * 1024 * 1024
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_SYLLABLES = re.compile(r"^[a-z0-9]{1,16}( [a-z0-9]{1,16}){0,199}$")
_WORDS = re.compile(r"[a-z0-9]+")


class PinyinMapInvalid(ValueError):
    """pinyin.json is not what the kiosk reads; the message names the file."""


def needs_pinyin(text: str) -> bool:
    return _CJK.search(text) is not None


def transliterate(texts: Iterable[str]) -> dict[str, str]:
    """Each text holding Chinese characters → its syllables, space-separated (pypinyin, with
    its phrase dictionary: loaded here, on first use)."""
    from pypinyin import Style, lazy_pinyin

    out: dict[str, str] = {}
    for text in texts:
        if text in out or not needs_pinyin(text):
            continue
        parts = lazy_pinyin(text, style=Style.NORMAL, errors="default", v_to_u=False)
        words = [w for part in parts for w in _WORDS.findall(part.lower().replace("ü", "v"))]
        out[text] = " ".join(words)
    return out


def encode(mapping: dict[str, str]) -> bytes:
    return json.dumps(dict(sorted(mapping.items())), ensure_ascii=False, indent=0) \
        .encode("utf-8") + b"\n"


def read_pinyin_map(path: Path) -> dict[str, tuple[str, ...]]:
    """`path` read and checked: text → syllables. PinyinMapInvalid on anything else."""
    try:
        raw = read_bounded(path, MAX_BYTES)
    except FileRefused as exc:
        raise PinyinMapInvalid(str(exc)) from None
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise PinyinMapInvalid(f"{path}:1: not JSON: {exc}") from None
    if not isinstance(doc, dict):
        raise PinyinMapInvalid(f"{path}:1: not a JSON object of text → Pinyin")
    out: dict[str, tuple[str, ...]] = {}
    for text, syllables in doc.items():
        if not isinstance(syllables, str) or not _SYLLABLES.match(syllables):
            raise PinyinMapInvalid(f"{path}: {text[:40]!r}: not Pinyin syllables "
                                   "(lowercase letters and digits, one space apart)")
        out[text] = tuple(syllables.split(" "))
    return out


def write_for(directory: Path, texts: Iterable[str]) -> Path:
    path = directory / PINYIN_FILE
    path.write_bytes(encode(transliterate(texts)))
    return path


def main(argv: list[str] | None = None) -> int:
    """Write DIR/pinyin.json for the catalog in DIR (every title and keyword)."""
    from kiosk.flows.catalog import CatalogError, load_catalog

    args = argv if argv is not None else sys.argv[1:]
    if len(args) != 1:
        print("usage: python -m kiosk.flows.pinyin_map CATALOG_DIR", file=sys.stderr)
        return 2
    directory = Path(args[0])
    try:
        catalog = load_catalog(directory)
    except CatalogError as exc:
        print(f"pinyin_map: {exc}", file=sys.stderr)
        return 2
    path = write_for(directory, catalog.searchable_texts())
    print(f"wrote {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

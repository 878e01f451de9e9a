"""Loading the service catalog: every YAML file in a folder, validated by the typed schema,
rules compiled, bundles and the guide tree checked against the items that exist.

Every problem raises `CatalogError` naming the file, the line and the field, in one line:
    catalog/criminal-record.yaml:14: fields[2].example: Field required
"""

from __future__ import annotations

import gc
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from kiosk.events import EventId
from kiosk.flows.catalog_search import CatalogSearch, SearchItem
from kiosk.flows.pinyin_map import (
    PINYIN_FILE,
    PinyinMapInvalid,
    needs_pinyin,
    read_pinyin_map,
    transliterate,
)
from kiosk.flows.rules import CompiledRule, RuleSyntaxError
from kiosk.flows.schema import Bundle, GuideNode, SearchWords, ServiceDefinition
from kiosk.flows.yaml_source import (
    YamlDocument,
    YamlRefused,
    describe_invalid,
    format_location,
    load_yaml,
    parse_yaml_bytes,
    read_yaml_bytes,
)
from kiosk.logging import get_logger

log = get_logger(__name__)
CATALOG_DIR = Path(__file__).parent / "catalog"
GUIDE_FILE = "guide.yaml"  # 智能导办's question tree
SEARCH_WORDS_FILE = "search-words.yaml"  # 大厅用语: the hall's words for items


class CatalogError(ValueError):
    pass


def catalog_files(directory: Path) -> list[Path]:
    """The files that make up the catalog in `directory`, as `load_catalog` reads them: every
    service item and bundle, the guide and the hall's words (`*.yaml`), and the titles' Pinyin
    (`pinyin.json`). What a province publishes, and what a kiosk downloads, is this list."""
    found = [p for p in directory.glob("*.yaml") if p.is_file()]
    if (directory / PINYIN_FILE).is_file():
        found.append(directory / PINYIN_FILE)
    return sorted(found)


def _load_yaml(path: Path) -> YamlDocument:
    try:
        doc = load_yaml(path)
    except YamlRefused as exc:
        raise CatalogError(str(exc)) from None
    if not isinstance(doc.data, dict):
        raise CatalogError(f"{path}:1: a definition is a YAML mapping")
    return doc


def _read(path: Path) -> bytes:
    try:
        return read_yaml_bytes(path)
    except YamlRefused as exc:
        raise CatalogError(str(exc)) from None


def _parse(raw: bytes, path: Path) -> YamlDocument:
    try:
        doc = parse_yaml_bytes(raw, path)
    except YamlRefused as exc:
        raise CatalogError(str(exc)) from None
    if not isinstance(doc.data, dict):
        raise CatalogError(f"{path}:1: a definition is a YAML mapping")
    return doc


@dataclass(frozen=True)
class LoadedItem:
    """A service item's file as it was loaded: its bytes' SHA-256, the validated definition
    and its compiled rules. A later load of the same bytes (a province's next version, most
    of whose files have not changed) takes these instead of parsing and compiling again."""

    sha256: str
    service: ServiceDefinition
    rules: list[CompiledRule]
    commitment_block: CompiledRule | None


def _validate(doc: YamlDocument, model: Any) -> Any:
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        raise CatalogError(describe_invalid(doc, exc)) from None


@dataclass
class Catalog:
    services: dict[str, ServiceDefinition] = field(default_factory=dict)
    bundles: dict[str, Bundle] = field(default_factory=dict)
    rules: dict[str, list[CompiledRule]] = field(default_factory=dict)
    # per service: the commitment's not-eligible rule (true: this citizen may not commit)
    commitment_blocks: dict[str, CompiledRule] = field(default_factory=dict)
    guide: GuideNode | None = None
    search_words: SearchWords | None = None
    # text → Pinyin syllables (pinyin.json; what it lacks is worked out when search is built)
    pinyin: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    # file name → what it loaded to (see LoadedItem)
    loaded_items: dict[str, LoadedItem] = field(default_factory=dict, repr=False,
                                                compare=False)
    _search: CatalogSearch | None = field(default=None, repr=False, compare=False)

    def find(self, key: str) -> ServiceDefinition | Bundle:
        """By id, or by exact zh-Hans title."""
        if key in self.services:
            return self.services[key]
        if key in self.bundles:
            return self.bundles[key]
        everything: list[ServiceDefinition | Bundle] = [*self.services.values(),
                                                         *self.bundles.values()]
        for item in everything:
            if item.titles["zh-Hans"] == key:
                return item
        raise KeyError(f"no service or bundle {key!r}")

    def items_of(self, key: str) -> list[ServiceDefinition]:
        """The service items behind `key`: the item itself, or a bundle's items."""
        item = self.find(key)
        return [self.services[i] for i in item.items] if isinstance(item, Bundle) else [item]

    def search(self, text: str) -> list[str]:
        """Ids of the services and bundles that match `text` — title or keyword in any
        language, Pinyin, the hall's words — best first (kiosk/flows/catalog_search.py)."""
        return self.search_index().find(text)

    def search_items(self) -> list[SearchItem]:
        """Every service and bundle as search sees it: a bundle is found by its items' titles
        and keywords too."""
        out = [SearchItem(s.id, list(s.titles.values()), s.keywords)
               for s in self.services.values()]
        for b in self.bundles.values():
            inner = [self.services[i] for i in b.items if i in self.services]
            words = [*b.keywords, *(k for s in inner for k in s.keywords),
                     *(s.titles["zh-Hans"] for s in inner)]
            out.append(SearchItem(b.id, list(b.titles.values()), list(dict.fromkeys(words))))
        return out

    def searchable_texts(self) -> list[str]:
        """Every title and keyword (what pinyin.json covers)."""
        return list(dict.fromkeys(t for item in self.search_items()
                                  for t in (*item.titles, *item.keywords)))

    def search_index(self) -> CatalogSearch:
        """Built once: the catalog does not change once loaded."""
        if self._search is None:
            missing = [t for t in self.searchable_texts()
                       if t not in self.pinyin and needs_pinyin(t)]
            if missing:  # a catalog without a complete pinyin.json: worked out here, once
                log.info("catalog pinyin worked out on the kiosk", texts=len(missing))
                self.pinyin.update({t: tuple(p.split()) for t, p in
                                    transliterate(missing).items()})
            self._search = CatalogSearch(
                self.search_items(), self.pinyin,
                self.search_words.synonyms if self.search_words else ())
        return self._search


def load_catalog(directory: Path = CATALOG_DIR, *, reuse: Catalog | None = None) -> Catalog:
    """Every service item, bundle and the guide in `directory`, validated; CatalogError on the
    first problem.

    `reuse`: a catalog loaded before (the one a kiosk serves, when the next version comes). A
    service item whose file has the very same bytes is taken from it, already validated and
    its rules compiled, by the same loader; every other file is parsed and validated, and the
    checks across files (bundles, the guide) run over the whole new catalog as ever.

    The cyclic garbage collector is paused meanwhile: loading creates many long-lived objects
    and no cycles, and the collector rescanning the growing heap tripled the time of a
    province-sized catalog. Afterwards the catalog (it lives as long as the process) is moved
    out of the collector's sight with gc.freeze(), so neither the first collection after the
    load (0.6 s for 3,000 items, paid by the first citizen's search) nor any later full
    collection of the day scans it again."""
    paused = gc.isenabled()
    gc.disable()
    try:
        catalog = _load_catalog(directory, reuse.loaded_items if reuse is not None else {})
    finally:
        if paused:
            gc.enable()
    gc.freeze()
    return catalog


def _load_catalog(directory: Path, known: dict[str, LoadedItem]) -> Catalog:
    catalog = Catalog()
    files = sorted(p for p in directory.glob("*.yaml")
                   if p.name not in (GUIDE_FILE, SEARCH_WORDS_FILE))
    if not files:
        raise CatalogError(f"{directory}: no service definitions (*.yaml)")
    bundle_sources: dict[str, YamlDocument] = {}
    for path in files:
        raw = _read(path)
        digest = hashlib.sha256(raw).hexdigest()
        same = known.get(path.name)
        if same is not None and same.sha256 == digest and same.service.id not in \
                catalog.services:  # the very bytes loaded before: loaded as they were
            _add(catalog, path.name, same)
            continue
        doc = _parse(raw, path)
        if doc.data.get("bundle") is True:
            b: Bundle = _validate(doc, Bundle)
            catalog.bundles[b.id] = b
            bundle_sources[b.id] = doc
            continue
        s: ServiceDefinition = _validate(doc, ServiceDefinition)
        if s.id in catalog.services:
            raise CatalogError(f"{path}:{doc.line_of(('id',))}: id: {s.id!r} is defined twice")
        compiled = []
        for i, rule in enumerate(s.rules):
            try:
                compiled.append(CompiledRule(rule.id, rule.expr,
                                             {str(k): v for k, v in rule.message.items()}))
            except RuleSyntaxError as exc:
                raise CatalogError(f"{path}:{doc.line_of(('rules', i, 'expr'))}: "
                                   f"rules[{i}].expr: {exc}") from None
        block = None
        if s.commitment and s.commitment.not_eligible_rule:
            try:
                block = CompiledRule("commitment_not_eligible", s.commitment.not_eligible_rule,
                                     {})
            except RuleSyntaxError as exc:
                raise CatalogError(f"{path}:{doc.line_of(('commitment',))}: "
                                   f"commitment.not_eligible_rule: {exc}") from None
        _add(catalog, path.name, LoadedItem(digest, s, compiled, block))
    for bid, b in catalog.bundles.items():
        bdoc = bundle_sources[bid]
        for i, item in enumerate(b.items):
            if item not in catalog.services:
                raise CatalogError(f"{bdoc.path}:{bdoc.line_of(('items', i))}: items[{i}]: no "
                                   f"service {item!r} in the catalog")
            if catalog.services[item].payment is not None:
                # one order per visit, for one item: a bundle's fees are not summed (yet)
                raise CatalogError(f"{bdoc.path}:{bdoc.line_of(('items', i))}: items[{i}]: "
                                   f"{item!r} takes a payment, which a bundle cannot hold")
        _check_needs(bdoc, b, catalog)
    guide = directory / GUIDE_FILE
    if guide.exists():
        gdoc = _load_yaml(guide)
        catalog.guide = _validate(gdoc, GuideNode)
        _check_guide(gdoc, catalog.guide, catalog, ())
    words = directory / SEARCH_WORDS_FILE
    if words.exists():
        catalog.search_words = _validate(_load_yaml(words), SearchWords)
    if (directory / PINYIN_FILE).exists():
        try:
            catalog.pinyin = read_pinyin_map(directory / PINYIN_FILE)
        except PinyinMapInvalid as exc:
            raise CatalogError(str(exc)) from None
    catalog.search_index()  # built now, so the first citizen's search is as quick as any
    log.info("catalog loaded", event_id=EventId.CATALOG_LOADED, services=len(catalog.services),
             bundles=len(catalog.bundles))
    return catalog


def _add(catalog: Catalog, file_name: str, item: LoadedItem) -> None:
    s = item.service
    catalog.services[s.id] = s
    catalog.rules[s.id] = item.rules
    if item.commitment_block is not None:
        catalog.commitment_blocks[s.id] = item.commitment_block
    catalog.loaded_items[file_name] = item


def _check_needs(doc: YamlDocument, b: Bundle, catalog: Catalog) -> None:
    """Every dependency names an item of the bundle, fed by an earlier one, with a licence
    type the dependent item pulls."""
    for i, need in enumerate(b.needs):
        def where(key: str, i: int = i) -> str:
            return f"{doc.path}:{doc.line_of(('needs', i, key))}: needs[{i}].{key}"
        if need.item not in b.items:
            raise CatalogError(f"{where('item')}: {need.item!r} is not an item of this bundle")
        if need.from_ not in b.items:
            raise CatalogError(f"{where('from')}: {need.from_!r} is not an item of this bundle")
        if b.items.index(need.from_) >= b.items.index(need.item):
            raise CatalogError(f"{where('from')}: {need.from_!r} does not come before "
                               f"{need.item!r} in items")
        pulled = {lp.type for lp in catalog.services[need.item].pulls.licenses}
        if need.license not in pulled:
            pulls = ", ".join(sorted(pulled)) or "none"
            raise CatalogError(f"{where('license')}: {need.item!r} pulls no licence "
                               f"{need.license!r} (it pulls: {pulls})")


def _check_guide(doc: YamlDocument, g: GuideNode, catalog: Catalog,
                 loc: tuple[Any, ...]) -> None:
    if g.service is not None and g.service not in catalog.services and \
            g.service not in catalog.bundles:
        raise CatalogError(f"{doc.path}:{doc.line_of((*loc, 'service'))}: "
                           f"{format_location((*loc, 'service'))}: no service {g.service!r}")
    for i, a in enumerate(g.answers):
        _check_guide(doc, a.next, catalog, (*loc, "answers", i, "next"))

"""Loading the service catalog: every YAML file in a folder, validated by the typed schema,
rules compiled, bundles and the guide tree checked against the items that exist.

Every problem raises `CatalogError` naming the file, the line and the field, in one line:
    catalog/criminal-record.yaml:14: fields[2].example: Field required
"""

from __future__ import annotations

import gc
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from kiosk.events import EventId
from kiosk.flows.rules import CompiledRule, RuleSyntaxError
from kiosk.flows.schema import Bundle, GuideNode, ServiceDefinition
from kiosk.flows.yaml_source import (
    YamlDocument,
    YamlRefused,
    describe_invalid,
    format_location,
    load_yaml,
)
from kiosk.logging import get_logger

log = get_logger(__name__)
CATALOG_DIR = Path(__file__).parent / "catalog"


class CatalogError(ValueError):
    pass


def _load_yaml(path: Path) -> YamlDocument:
    try:
        doc = load_yaml(path)
    except YamlRefused as exc:
        raise CatalogError(str(exc)) from None
    if not isinstance(doc.data, dict):
        raise CatalogError(f"{path}:1: a definition is a YAML mapping")
    return doc


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
    _index: list[tuple[str, str]] | None = field(default=None, repr=False, compare=False)

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
        """Ids whose title or keywords (a bundle's: its items' too) contain `text`, in any
        language."""
        t = text.strip().lower()
        if not t:
            return []
        return [item_id for item_id, words in self._search_index() if t in words]

    def _search_index(self) -> list[tuple[str, str]]:
        """(id, every searchable word lowercased, joined by a separator no query holds),
        built once: the catalog does not change once loaded."""
        if self._index is None:
            everything: list[ServiceDefinition | Bundle] = [*self.services.values(),
                                                             *self.bundles.values()]
            self._index = [
                (item.id, "\x1f".join(w.lower() for w in (
                    *item.titles.values(), *item.keywords,
                    *(k for s in self.items_of(item.id) for k in s.keywords))))
                for item in everything]
        return self._index


def load_catalog(directory: Path = CATALOG_DIR) -> Catalog:
    """Every service item, bundle and the guide in `directory`, validated; CatalogError on the
    first problem.

    The cyclic garbage collector is paused meanwhile: loading creates many long-lived objects
    and no cycles, and the collector rescanning the growing heap tripled the time of a
    province-sized catalog. Afterwards the catalog (it lives as long as the process) is moved
    out of the collector's sight with gc.freeze(), so neither the first collection after the
    load (0.6 s for 3,000 items, paid by the first citizen's search) nor any later full
    collection of the day scans it again."""
    paused = gc.isenabled()
    gc.disable()
    try:
        catalog = _load_catalog(directory)
    finally:
        if paused:
            gc.enable()
    gc.freeze()
    return catalog


def _load_catalog(directory: Path) -> Catalog:
    catalog = Catalog()
    files = sorted(p for p in directory.glob("*.yaml") if p.name != "guide.yaml")
    if not files:
        raise CatalogError(f"{directory}: no service definitions (*.yaml)")
    bundle_sources: dict[str, YamlDocument] = {}
    for path in files:
        doc = _load_yaml(path)
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
        if s.commitment and s.commitment.not_eligible_rule:
            try:
                catalog.commitment_blocks[s.id] = CompiledRule(
                    "commitment_not_eligible", s.commitment.not_eligible_rule, {})
            except RuleSyntaxError as exc:
                raise CatalogError(f"{path}:{doc.line_of(('commitment',))}: "
                                   f"commitment.not_eligible_rule: {exc}") from None
        catalog.services[s.id] = s
        catalog.rules[s.id] = compiled
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
    guide = directory / "guide.yaml"
    if guide.exists():
        gdoc = _load_yaml(guide)
        catalog.guide = _validate(gdoc, GuideNode)
        _check_guide(gdoc, catalog.guide, catalog, ())
    catalog._search_index()  # built now, so the first citizen's search is as quick as any
    log.info("catalog loaded", event_id=EventId.CATALOG_LOADED, services=len(catalog.services),
             bundles=len(catalog.bundles))
    return catalog


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

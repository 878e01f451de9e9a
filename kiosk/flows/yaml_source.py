"""The one way the kiosk reads a YAML file (service items, bundles, the guide tree, scenarios).

YAML files are input a person wrote, so they are treated as untrusted:
- a size cap (read at most that many bytes, then refuse),
- parsed once, by libyaml's C parser when PyYAML has it (keeping each node's line for error
  messages), then turned into plain data by PyYAML's safe constructor from that same tree,
- anchors and aliases refused (a few KB of nested aliases would otherwise expand to gigabytes:
  the "billion laughs"), and the number of nodes and the nesting depth capped.

Problems raise `YamlRefused` with `file:line: reason`; callers wrap it in their own error.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from yaml.constructor import SafeConstructor

from kiosk.domain.bounded_file import FileRefused, read_bounded

_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_DEFAULT_TAGS = {yaml.ScalarNode: _STR, yaml.SequenceNode: _SEQ, yaml.MappingNode: _MAP}


class _PlainTags(yaml.resolver.BaseResolver):
    """Every node gets its kind's plain tag, at the cost of one dict lookup: the composer asks
    for a tag for every node, and PyYAML's resolvers answer in Python with path bookkeeping.
    Plain scalars that may be something else than text are typed in _build by the safe
    resolver, exactly as safe_load would."""

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        return _DEFAULT_TAGS[kind]


# libyaml's parser (PyYAML re-exports it only inside yaml.cyaml), None without libyaml
_C_PARSER: Any = getattr(getattr(yaml, "cyaml", None), "CParser", None)
if _C_PARSER is not None:  # libyaml's parser and composer in C
    class _Loader(_C_PARSER, yaml.constructor.BaseConstructor, _PlainTags):  # type: ignore[misc]
        def __init__(self, stream: str) -> None:
            _C_PARSER.__init__(self, stream)
            yaml.constructor.BaseConstructor.__init__(self)
            _PlainTags.__init__(self)
    _LOADER: Any = _Loader
else:  # PyYAML built without libyaml: the same, in Python
    _LOADER = yaml.BaseLoader
_RESOLVER = yaml.resolver.Resolver()
# first characters of the plain scalars the safe resolver may read as non-strings
# ("" included: an empty plain scalar is null)
_MAYBE_TYPED = frozenset(["", *"-+.0123456789~<=nNtTfFyYoO"])

MAX_BYTES = 512 * 1024
MAX_NODES = 50_000
MAX_DEPTH = 64


class YamlRefused(ValueError):
    """The file is not YAML the kiosk will read; the message names file and line."""


@dataclass(frozen=True)
class YamlDocument:
    path: Path
    data: Any
    node: yaml.Node

    def line_of(self, loc: tuple[Any, ...]) -> int:
        """The 1-based line of the node at `loc` (as deep as it exists)."""
        node = self.node
        for key in loc:
            if isinstance(node, yaml.MappingNode):
                found = next((v for k, v in node.value if getattr(k, "value", None) == key),
                             None)
                if found is None:
                    break
                node = found
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and \
                    0 <= key < len(node.value):
                node = node.value[key]
            else:
                break
        return int(node.start_mark.line) + 1


def _build(path: Path, root: yaml.Node, max_nodes: int, max_depth: int) -> Any:
    """Plain data from the node tree, refusing aliases (a node reached twice), too many nodes
    and too deep a tree on the way. Recursion is bounded by `max_depth`. Strings, mappings and
    sequences (nearly everything) are built here directly; other scalars (numbers, booleans,
    null, dates) by PyYAML's safe constructor."""
    return _Builder(path, max_nodes, max_depth).value_of(root, 1, root.start_mark.line)


class _Builder:
    """One file's build. A class rather than a function calling itself through its closure:
    such a function is a reference cycle, which kept each file's node tree and constructor
    alive until the next garbage collection — and `load_catalog` freezes what it leaves for
    the life of the kiosk (30 MB for a 3,000-item catalog)."""

    def __init__(self, path: Path, max_nodes: int, max_depth: int) -> None:
        self.path = path
        self.max_nodes = max_nodes
        self.max_depth = max_depth
        self.scalars = SafeConstructor()
        self.seen: set[int] = set()

    def refuse(self, node: yaml.Node, why: str) -> YamlRefused:
        return YamlRefused(f"{self.path}:{node.start_mark.line + 1}: {why}")

    def value_of(self, node: yaml.Node, depth: int, used_at: int) -> Any:
        key = id(node)
        seen = self.seen
        if key in seen:  # the same node twice: an alias (reported where it is used)
            raise YamlRefused(f"{self.path}:{used_at + 1}: anchors and aliases (& and *) are "
                              "not allowed")
        seen.add(key)
        if len(seen) > self.max_nodes:
            raise self.refuse(node, f"more than {self.max_nodes} values in one file")
        if depth > self.max_depth:
            raise self.refuse(node, f"nested deeper than {self.max_depth} levels")
        tag = node.tag
        if tag == _STR:
            text: str = node.value
            if getattr(node, "style", None) or text[:1] not in _MAYBE_TYPED:
                return text  # quoted (style ' or "), or plain text that cannot be typed
            resolve: Any = _RESOLVER.resolve  # plain: typed as safe_load would
            node.tag = resolve(yaml.ScalarNode, text, (True, False))
            if node.tag == _STR:
                return text
        elif tag == _MAP:
            out: dict[Any, Any] = {}
            for k, v in node.value:
                name = self.value_of(k, depth + 1, k.start_mark.line)
                value = self.value_of(v, depth + 1, k.start_mark.line)
                try:
                    out[name] = value
                except TypeError:
                    raise self.refuse(k, "a key must be a plain value") from None
            return out
        elif tag == _SEQ:
            return [self.value_of(v, depth + 1, v.start_mark.line) for v in node.value]
        elif isinstance(node, yaml.MappingNode | yaml.SequenceNode):
            raise self.refuse(node, f"tag {tag} is not allowed")
        try:
            return self.scalars.construct_object(node)
        except yaml.YAMLError as exc:
            raise self.refuse(node, str(getattr(exc, "problem", None) or exc)) from None
        except (ValueError, OverflowError) as exc:  # 1992-13-06 looks like a date, is none
            raise self.refuse(node, f"{node.value[:40]!r} is not a valid value: {exc}") \
                from None


def parse_yaml(text: str, path: Path, *, max_nodes: int = MAX_NODES,
               max_depth: int = MAX_DEPTH) -> YamlDocument:
    if "\x00" in text:
        raise YamlRefused(f"{path}:1: the file holds NUL characters: not a text file")
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise YamlRefused(f"{path}:{line}: not valid YAML: {problem}") from None
    except RecursionError:
        raise YamlRefused(f"{path}:1: nested too deeply") from None
    if node is None:
        raise YamlRefused(f"{path}:1: the file is empty")
    return YamlDocument(path, _build(path, node, max_nodes, max_depth), node)


def read_yaml_bytes(path: Path, *, max_bytes: int = MAX_BYTES) -> bytes:
    """The file's bytes, at most `max_bytes` of them; YamlRefused otherwise."""
    try:
        return read_bounded(path, max_bytes)
    except FileRefused as exc:
        raise YamlRefused(str(exc)) from None


def parse_yaml_bytes(raw: bytes, path: Path, *, max_nodes: int = MAX_NODES,
                     max_depth: int = MAX_DEPTH) -> YamlDocument:
    """`raw` (the bytes of `path`) decoded and parsed under the caps."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        raise YamlRefused(f"{path}:{line}: not UTF-8 text") from None
    return parse_yaml(text, path, max_nodes=max_nodes, max_depth=max_depth)


def load_yaml(path: Path, *, max_bytes: int = MAX_BYTES, max_nodes: int = MAX_NODES,
              max_depth: int = MAX_DEPTH) -> YamlDocument:
    """Read and parse `path` under the caps; YamlRefused on any problem."""
    return parse_yaml_bytes(read_yaml_bytes(path, max_bytes=max_bytes), path,
                            max_nodes=max_nodes, max_depth=max_depth)


def format_location(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(document)"


def describe_invalid(doc: YamlDocument, exc: ValidationError) -> str:
    """The schema error of `doc` in one line: `file:line: field: problem`. Of several, the one
    deepest in the document: for a value that may be a text or a mapping, a mapping with a bad
    field is reported at that field, not as "not a text"."""
    errors = exc.errors()
    err = max(errors, key=lambda e: len(e["loc"]))
    # drop pydantic's own location parts: private names and union/tag branch labels
    loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and (
        p.startswith("_") or p.startswith(("function-", "literal[", "lax-or-strict"))
        or p in ("str", "int", "float", "bool", "date", "InlineCard"))))
    msg = str(err["msg"])
    if err["type"] == "extra_forbidden":
        msg = "unknown key"
    elif err["type"] == "literal_error":
        msg = f"must be one of {err.get('ctx', {}).get('expected', '?')}"
    got = err.get("input")
    if err["type"] != "extra_forbidden" and isinstance(got, str | int | float | bool) and \
            len(repr(got)) < 60:
        msg += f" (got {got!r})"
    msg = msg.removeprefix("Value error, ")
    return f"{doc.path}:{doc.line_of(loc)}: {format_location(loc)}: {msg}"

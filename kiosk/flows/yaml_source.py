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
from yaml.constructor import SafeConstructor

# The C composer without implicit typing (every scalar comes out tagged as a string, with no
# call back into Python per scalar); plain scalars that may be something else are typed in
# _build by the safe resolver, exactly as safe_load would.
_LOADER: Any = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
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


_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


def _build(path: Path, root: yaml.Node, max_nodes: int, max_depth: int) -> Any:
    """Plain data from the node tree, refusing aliases (a node reached twice), too many nodes
    and too deep a tree on the way. Iterative, so depth cannot exhaust the Python stack.
    Strings, mappings and sequences (nearly everything) are built here directly; other
    scalars (numbers, booleans, null, dates) by PyYAML's safe constructor."""
    scalars = SafeConstructor()
    seen: set[int] = set()
    # (node, depth, the line where it is used — an alias's node starts at its anchor —,
    #  the container to put the value in, and the key or index there)
    holder: list[Any] = [None]
    stack: list[tuple[yaml.Node, int, int, Any, Any]] = [
        (root, 1, root.start_mark.line, holder, 0)]
    while stack:
        node, depth, used_at, into, slot = stack.pop()
        if id(node) in seen:
            raise YamlRefused(f"{path}:{used_at + 1}: anchors and aliases "
                              "(& and *) are not allowed")
        seen.add(id(node))
        if len(seen) > max_nodes:
            raise YamlRefused(f"{path}:{node.start_mark.line + 1}: more than {max_nodes} "
                              "values in one file")
        if depth > max_depth:
            raise YamlRefused(f"{path}:{node.start_mark.line + 1}: nested deeper than "
                              f"{max_depth} levels")
        value: Any
        # children pushed last-first, so the walk goes in document order: the second use of
        # a node (the alias) is the one reported
        if isinstance(node, yaml.MappingNode):
            if node.tag != _MAP:
                raise YamlRefused(f"{path}:{node.start_mark.line + 1}: tag {node.tag} is not "
                                  "allowed")
            value = {}
            keys: list[Any] = [None] * len(node.value)
            for i in range(len(node.value) - 1, -1, -1):
                k, v = node.value[i]
                stack.append((v, depth + 1, k.start_mark.line, value, ("value", i, keys)))
                stack.append((k, depth + 1, k.start_mark.line, keys, i))
        elif isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ:
                raise YamlRefused(f"{path}:{node.start_mark.line + 1}: tag {node.tag} is not "
                                  "allowed")
            value = [None] * len(node.value)
            for i in range(len(node.value) - 1, -1, -1):
                v = node.value[i]
                stack.append((v, depth + 1, v.start_mark.line, value, i))
        elif node.tag == _STR and (getattr(node, "style", None) or
                                   node.value[:1] not in _MAYBE_TYPED):
            value = node.value  # quoted (style ' or "), or plain text that cannot be typed
        else:
            if node.tag == _STR and not getattr(node, "style", None):  # plain: typed as
                resolve: Any = _RESOLVER.resolve                       # safe_load would
                node.tag = resolve(yaml.ScalarNode, node.value, (True, False))
            try:
                value = scalars.construct_object(node)
            except yaml.YAMLError as exc:
                raise YamlRefused(f"{path}:{node.start_mark.line + 1}: "
                                  f"{getattr(exc, 'problem', None) or exc}") from None
        if isinstance(slot, tuple):  # a mapping's value: its key was built just before
            _tag, index, keys_of = slot
            key = keys_of[index]
            try:
                into[key] = value
            except TypeError:
                raise YamlRefused(f"{path}:{used_at + 1}: a key must be a plain value") \
                    from None
        else:
            into[slot] = value
    return holder[0]


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


def load_yaml(path: Path, *, max_bytes: int = MAX_BYTES, max_nodes: int = MAX_NODES,
              max_depth: int = MAX_DEPTH) -> YamlDocument:
    """Read and parse `path` under the caps; YamlRefused on any problem."""
    try:
        with path.open("rb") as fh:
            raw = fh.read(max_bytes + 1)
    except OSError as exc:
        raise YamlRefused(f"{path}: cannot read: {exc.strerror or exc}") from None
    if len(raw) > max_bytes:
        raise YamlRefused(f"{path}:1: larger than {max_bytes // 1024} KB")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        raise YamlRefused(f"{path}:{line}: not UTF-8 text") from None
    return parse_yaml(text, path, max_nodes=max_nodes, max_depth=max_depth)

"""BER-TLV (ISO/IEC 8825-1) as used by ICAO 9303 data groups and card records.

Card data is untrusted: nesting is bounded (MAX_DEPTH, far beyond any real data group) and
walked without recursion, so a chip that answers a TLV nested a thousand deep gets a
`TlvError`, not a RecursionError."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

MAX_DEPTH = 16


class TlvError(ValueError):
    pass


@dataclass(frozen=True)
class Tlv:
    tag: int
    value: bytes
    constructed: bool

    def children(self) -> list[Tlv]:
        if not self.constructed:
            raise TlvError(f"tag {self.tag:X} is primitive")
        return list(iter_tlv(self.value))

    def find(self, tag: int) -> Tlv | None:
        """The first descendant (or self) with `tag`, depth first. TlvError when the data
        nests deeper than MAX_DEPTH on the way."""
        stack: list[tuple[Tlv, int]] = [(self, 0)]
        while stack:
            node, depth = stack.pop()
            if node.tag == tag:
                return node
            if node.constructed:
                if depth >= MAX_DEPTH:
                    raise TlvError(f"nested deeper than {MAX_DEPTH} levels")
                stack.extend((child, depth + 1) for child in reversed(list(iter_tlv(node.value))))
        return None


def read_tag(data: bytes, pos: int) -> tuple[int, bool, int]:
    """(tag, constructed, next position)."""
    if pos >= len(data):
        raise TlvError("tag expected, data ended")
    first = data[pos]
    constructed = bool(first & 0x20)
    tag = first
    pos += 1
    if first & 0x1F == 0x1F:
        while True:
            if pos >= len(data):
                raise TlvError("multi-byte tag cut short")
            b = data[pos]
            tag = (tag << 8) | b
            pos += 1
            if not b & 0x80:
                break
            if tag > 0xFFFFFF:
                raise TlvError("tag longer than 3 bytes")
    return tag, constructed, pos


def read_length(data: bytes, pos: int) -> tuple[int, int]:
    if pos >= len(data):
        raise TlvError("length expected, data ended")
    first = data[pos]
    pos += 1
    if first < 0x80:
        return first, pos
    n = first & 0x7F
    if n == 0 or n > 4:
        raise TlvError(f"unsupported length form 0x{first:02X}")
    if pos + n > len(data):
        raise TlvError("length bytes cut short")
    return int.from_bytes(data[pos : pos + n], "big"), pos + n


def parse_one(data: bytes, pos: int = 0) -> tuple[Tlv, int]:
    tag, constructed, pos = read_tag(data, pos)
    length, pos = read_length(data, pos)
    end = pos + length
    if end > len(data):
        raise TlvError(f"tag {tag:X} says {length} bytes, only {len(data) - pos} present")
    return Tlv(tag, data[pos:end], constructed), end


def iter_tlv(data: bytes) -> Iterator[Tlv]:
    pos = 0
    while pos < len(data):
        if data[pos] in (0x00, 0xFF):  # padding between objects
            pos += 1
            continue
        item, pos = parse_one(data, pos)
        yield item


def encode_length(n: int) -> bytes:
    if n < 0x80:
        return bytes([n])
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(raw)]) + raw


def encode(tag: int, value: bytes) -> bytes:
    t = tag.to_bytes((tag.bit_length() + 7) // 8 or 1, "big")
    return t + encode_length(len(value)) + value


def total_length(header: bytes) -> int | None:
    """Size of a whole TLV object from its first bytes, or None if more are needed."""
    try:
        _tag, _c, pos = read_tag(header, 0)
        length, pos = read_length(header, pos)
    except TlvError:
        return None
    return pos + length

"""The masking rules, the only ones: what of a personal string may be shown.

- `mask_text`, on screens, to staff and in machine output: a quarter of the characters kept at
  each end, the rest starred (110105********002X, 张*, 欧**明).
- `mask_name`, on printed documents and in their QR code (the holder field a verifier sees):
  the first character kept, every other one starred (张*, 欧阳**).
"""

from __future__ import annotations


def mask_text(value: str) -> str:
    if len(value) <= 1:
        return "*"
    if len(value) <= 3:
        return value[0] + "*" * (len(value) - 1)
    keep = max(1, len(value) // 4)
    return value[:keep] + "*" * (len(value) - 2 * keep) + value[-keep:]


def mask_name(name: str) -> str:
    return name[:1] + "*" * max(1, len(name) - 1) if name else "*"

"""Masking personal strings for display to staff and in machine output: a quarter of the
characters kept at each end, the rest starred (110105********002X, 张*, 欧**明)."""

from __future__ import annotations


def mask_text(value: str) -> str:
    if len(value) <= 1:
        return "*"
    if len(value) <= 3:
        return value[0] + "*" * (len(value) - 1)
    keep = max(1, len(value) // 4)
    return value[:keep] + "*" * (len(value) - 2 * keep) + value[-keep:]

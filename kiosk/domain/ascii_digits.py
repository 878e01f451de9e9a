"""ASCII digits, and only those, where a format means digits.

`str.isdigit()`, `str.isdecimal()`, `int()` and the regex class `\\d` all accept digits of
other scripts (full-width ０-９, Arabic-Indic ٠-٩, superscripts for isdigit, ...). A decoder
that uses them lets `１１０１０５…` through as an ID number, or makes two texts verify as one
signed QR payload. Decoders use these instead.
"""

from __future__ import annotations


def is_ascii_digits(text: str) -> bool:
    """True when `text` is one or more of the characters 0-9."""
    return bool(text) and text.isascii() and text.isdigit()


def ascii_int(text: str) -> int:
    """`text` as a number when it is ASCII digits; ValueError otherwise."""
    if not is_ascii_digits(text):
        raise ValueError("not ASCII digits")
    return int(text)

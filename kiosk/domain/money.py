"""Money: amounts are whole fen (分, 1/100 yuan) everywhere in code, in the contract, in the
outbox and in the statements; yuan appear only where a person reads them (the screen, the
paper). Never a float: 0.1 + 0.2 is not 0.3, and a contribution is not "about" 400 yuan.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StrictInt

# the largest single payment a kiosk takes: 999,999.99 yuan (far above any fee or
# contribution; a larger figure is a mistake in a definition or an answer)
MAX_FEN = 99_999_999

Fen = Annotated[StrictInt, Field(gt=0, le=MAX_FEN)]


def yuan(fen: int) -> str:
    """`fen` as yuan with two decimals, as the screen and the receipt show it: 40000 → 400.00,
    5 → 0.05. Thousands are not grouped (counters' receipts do not group them either)."""
    if fen < 0:
        return "-" + yuan(-fen)
    return f"{fen // 100}.{fen % 100:02d}"


def yuan_words(fen: int, lang: str) -> str:
    """The amount as a person says it: 400.00元 / 400.00 元 / CNY 400.00."""
    if lang == "en":
        return f"CNY {yuan(fen)}"
    return f"{yuan(fen)}元"

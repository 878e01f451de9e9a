"""免申即享 / 政策找人: a policy the platform found a citizen entitled to, and which of them a
kiosk shows. Pure data and rules, no I/O.

The platform decides who is entitled; the kiosk decides how much of it a citizen at a touch
screen is asked to read: never more than a few, the most valuable first, those that can be
applied for right here before those that need a counter elsewhere when they are worth the same.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# a screen of offers: more than this is a list nobody reads standing at a kiosk
MOST_SHOWN = 3


@dataclass(frozen=True)
class Offer:
    id: str
    title: str  # 高龄津贴
    gives: str  # what it gives, in the citizen's words
    needs: tuple[str, ...]  # what applying needs
    apply_here: bool  # one tap at the kiosk applies
    where: str  # where to apply when not here
    item_code: str  # the service item an application is for
    value_yuan_per_year: int  # for the order shown
    commitment: str | None = None  # 告知承诺 to sign before applying, where the policy needs one


def most_valuable(offers: Iterable[Offer], limit: int = MOST_SHOWN) -> list[Offer]:
    """The offers a citizen is shown: each policy once, the most valuable first (those that
    can be applied for here before the others at the same value), at most `limit`."""
    seen: set[str] = set()
    unique: list[Offer] = []
    for offer in offers:
        if offer.id not in seen:
            seen.add(offer.id)
            unique.append(offer)
    unique.sort(key=lambda o: (-o.value_yuan_per_year, not o.apply_here, o.id))
    return unique[:max(0, limit)]

"""A person's age in whole years on a given day, as the civil code counts periods.

A year of age is complete on the anniversary of the birth (the kiosk's rule everywhere: a
citizen is 18 on their 18th birthday, in the kiosk's zone). For a birth on 29 February the
anniversary in a common year is 28 February: the civil code (民法典 第二百零二条) ends a period
counted in years on the corresponding day of the final month, "and where that month has no
corresponding day, on the month's last day" (没有对应日的，月末日为期间的最后一日). So a
citizen born on 29 February 2008 is 18 on 28 February 2026, not only on 1 March.
"""

from __future__ import annotations

import calendar
from datetime import date


def anniversary(birth: date, year: int) -> date:
    """The day in `year` on which a year of age is complete: the birth's month and day, or the
    month's last day where that month is shorter (29 February in a common year)."""
    last = calendar.monthrange(year, birth.month)[1]
    return date(year, birth.month, min(birth.day, last))


def age_on(birth: date, today: date) -> int:
    """Whole years of age on `today` (0 before the first anniversary; negative for a birth
    after `today`, which a plausible credential never has)."""
    years = today.year - birth.year
    return years if today >= anniversary(birth, today.year) else years - 1

"""Who is old enough and not implausibly old: one rule for the sign-up form and imports."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

#: The oldest and youngest age at which a person can take part in any programme.
OLDEST_AGE = 110
YOUNGEST_AGE = 8


def birth_year_bounds(today: dt.date | None = None) -> tuple[int, int]:
    """The earliest and latest plausible year of birth of a participant, today."""
    year = (today or timezone.localdate()).year
    return year - OLDEST_AGE, year - YOUNGEST_AGE

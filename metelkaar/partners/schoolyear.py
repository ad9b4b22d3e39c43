"""The Dutch school year: 1 August to 31 July.

A mentor programme's term follows the school year, so a match started in
October ends on 31 July (:func:`school_year_end`), and "sessions this school
year" count from 1 August (:func:`school_year_start`).
"""

from __future__ import annotations

import datetime as dt


def school_year_start(day: dt.date) -> dt.date:
    """1 August of the school year that ``day`` falls in.

    >>> school_year_start(dt.date(2026, 11, 26))
    datetime.date(2026, 8, 1)
    >>> school_year_start(dt.date(2027, 7, 31))
    datetime.date(2026, 8, 1)
    """
    year = day.year if day.month >= 8 else day.year - 1
    return dt.date(year, 8, 1)


def school_year_end(day: dt.date) -> dt.date:
    """31 July that ends the school year ``day`` falls in.

    >>> school_year_end(dt.date(2026, 10, 1))
    datetime.date(2027, 7, 31)
    >>> school_year_end(dt.date(2027, 3, 15))
    datetime.date(2027, 7, 31)
    >>> school_year_end(dt.date(2027, 8, 1))
    datetime.date(2028, 7, 31)
    """
    return dt.date(school_year_start(day).year + 1, 7, 31)

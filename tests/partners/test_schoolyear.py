"""The school year runs from 1 August to 31 July; a mentor match's term ends on 31 July."""

import datetime as dt

import pytest

from metelkaar.partners.schoolyear import school_year_end, school_year_start


@pytest.mark.parametrize(("day", "end"), [
    (dt.date(2026, 8, 1), dt.date(2027, 7, 31)),
    (dt.date(2026, 9, 1), dt.date(2027, 7, 31)),
    (dt.date(2026, 12, 31), dt.date(2027, 7, 31)),
    (dt.date(2027, 1, 1), dt.date(2027, 7, 31)),
    (dt.date(2027, 7, 31), dt.date(2027, 7, 31)),
    (dt.date(2028, 2, 29), dt.date(2028, 7, 31)),
])
def test_school_year_end_is_the_next_31_july(day, end):
    assert school_year_end(day) == end


def test_school_year_start_is_the_last_1_august():
    assert school_year_start(dt.date(2027, 7, 31)) == dt.date(2026, 8, 1)
    assert school_year_start(dt.date(2027, 8, 1)) == dt.date(2027, 8, 1)


def test_every_day_lies_inside_its_school_year():
    day = dt.date(2026, 1, 1)
    while day < dt.date(2028, 1, 1):
        assert school_year_start(day) <= day <= school_year_end(day)
        assert (school_year_end(day) - school_year_start(day)).days in (364, 365)
        day += dt.timedelta(days=13)

"""The Dutch the product speaks: informal "je" throughout, lower-case months, no ISO dates.

Participants and staff are addressed with "je" everywhere. Only the pages for
outside organisations (a school asking for a bridge person, a partner school's
progress page) keep the formal "u" their contacts expect.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import polib
import pytest
from django.utils import translation
from django.utils.formats import date_format

ROOT = Path(__file__).resolve().parents[1]
FORMAL_FOR_ORGANISATIONS = {"bridges", "partners"}
INFORMAL = sorted(
    p for p in ROOT.glob("metelkaar/*/locale/nl/LC_MESSAGES/django.po")
    if p.parts[-5] not in FORMAL_FOR_ORGANISATIONS
)
FORMAL = re.compile(r"\b(u|U|uw|Uw|uzelf)\b")


@pytest.mark.parametrize("po_path", INFORMAL, ids=lambda p: p.parts[-5])
def test_the_dutch_says_je_not_u(po_path):
    formal = [
        entry.msgstr or entry.msgstr_plural[0]
        for entry in polib.pofile(str(po_path)).translated_entries()
        if any(FORMAL.search(text) for text in [entry.msgstr, *entry.msgstr_plural.values()])
    ]
    assert formal == []


def test_dutch_months_are_lower_case_in_the_formats_pages_use():
    day = datetime.date(2026, 9, 1)
    with translation.override("nl"):
        for fmt in ("j F", "j F Y", "D j F", "l j F Y"):
            text = date_format(day, fmt)
            assert "september" in text and "September" not in text, (fmt, text)


TEMPLATES = sorted(ROOT.glob("metelkaar/*/templates/**/*.html"))


def test_no_page_shows_an_iso_date_or_a_capitalised_short_month():
    """``|date:"Y-m-d"`` shows ISO dates to people; Django's "M" capitalises ("1 Sep")."""
    shown = re.compile(r"""\|date:["'][^"']*(Y-m-d|\bM\b)[^"']*["']""")
    found = {str(p.relative_to(ROOT)): shown.findall(p.read_text())
             for p in TEMPLATES if shown.search(p.read_text())}
    assert found == {}


@pytest.mark.django_db
@pytest.mark.parametrize(("count", "want"), [(1, "Maar 1 contact in"), (3, "Maar 3 contacten in")])
def test_a_signal_counts_in_proper_dutch(count, want, programme):
    from metelkaar.matches.models import Signal
    from metelkaar.matches.signal_text import signal_reason

    signal = Signal(rule="below_norm", params={"count": count, "norm": 2})
    with translation.override("nl"):
        assert signal_reason(signal).startswith(want)

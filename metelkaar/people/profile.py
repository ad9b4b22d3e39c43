"""Turn a stored profile into labelled, translated rows for display."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from metelkaar.people import vocabulary as v
from metelkaar.people.models import Gender, Person


@dataclass(frozen=True)
class Tag:
    code: str
    label: str
    icon: str = ""


def _tags(codes: list[str], tags) -> list[Tag]:
    known = {code: (label, icon) for code, label, icon in tags}
    return [Tag(code, str(known[code][0]), known[code][1]) for code in codes if code in known]


def availability_grid(slots: list[str]) -> list[tuple[str, list[tuple[str, bool]]]]:
    """Rows of (weekday label, [(part label, available)]) for a table."""
    chosen = set(slots)
    return [
        (
            str(day_label),
            [(str(part_label), f"{day}-{part}" in chosen) for part, part_label in v.DAY_PARTS],
        )
        for day, day_label in v.WEEKDAYS
    ]


def profile_display(person: Person) -> dict:
    levels = dict(v.LANGUAGE_LEVELS)
    gender = (
        person.gender_self_described
        if person.gender == Gender.SELF
        else (person.get_gender_display() if person.gender else "")
    )
    return {
        "gender": gender,
        "languages": [
            (str(v.LANGUAGE_LABELS.get(code, code)), str(levels.get(int(level), level)))
            for code, level in sorted(person.languages.items(), key=lambda kv: -int(kv[1]))
        ],
        "interests": _tags(person.interests, v.INTERESTS),
        "offers": _tags(person.offers, v.HELP_TAGS),
        "needs": _tags(person.needs, v.HELP_TAGS),
        "availability": availability_grid(person.availability),
        "buddy_gender": [
            str(dict(Gender.choices).get(g, g)) for g in person.pref_buddy_gender if g
        ],
        "age_range": (person.pref_age_min, person.pref_age_max)
        if person.pref_age_min or person.pref_age_max
        else None,
        "max_km": person.max_km,
        "no_preference": _("No preference"),
    }

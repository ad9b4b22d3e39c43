"""Approximate location of a person from a Dutch postcode.

Only the four digits of a postcode (PC4) are used to find the neighbourhood of
the organisation that covers it; the person gets that neighbourhood's centre as
location. A home address is never stored or looked up, and nothing leaves the
machine (no geocoding service).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from metelkaar.people.models import Neighbourhood, Organisation

POSTCODE_RE = re.compile(r"^\s*([1-9][0-9]{3})\s*([A-Za-z]{2})\s*$")
# Letter pairs that PostNL does not hand out.
_UNUSED_LETTERS = {"SA", "SD", "SS"}


@dataclass(frozen=True)
class Location:
    """The neighbourhood (if known) and its centre; all may be ``None``."""

    neighbourhood: Neighbourhood | None = None
    latitude: float | None = None
    longitude: float | None = None


def postcode_normalise(value: str) -> str | None:
    """Return a Dutch postcode as ``"1234 AB"``, or ``None`` when it is not one.

    >>> postcode_normalise(" 1094ab ")
    '1094 AB'
    >>> postcode_normalise("0123 AB") is None
    True
    """
    match = POSTCODE_RE.match(value or "")
    if not match:
        return None
    digits, letters = match.group(1), match.group(2).upper()
    if letters in _UNUSED_LETTERS:
        return None
    return f"{digits} {letters}"


def postcode_pc4(postcode: str) -> str | None:
    """The four-digit area of a postcode, or ``None`` when it is not a postcode."""
    normalised = postcode_normalise(postcode)
    return normalised[:4] if normalised else None


def neighbourhood_for_postcode(
    *, organisation: Organisation, postcode: str
) -> Neighbourhood | None:
    """The organisation's neighbourhood whose postcode areas contain the PC4 area.

    The few neighbourhoods of one organisation are filtered in Python because
    JSON containment is not available on every supported database.
    """
    pc4 = postcode_pc4(postcode)
    if pc4 is None:
        return None
    for neighbourhood in Neighbourhood.objects.filter(organisation=organisation).order_by("pk"):
        areas = neighbourhood.postcode_areas or []
        if isinstance(areas, list) and pc4 in {str(area).strip() for area in areas}:
            return neighbourhood
    return None


def location_for_postcode(*, organisation: Organisation, postcode: str) -> Location:
    """Approximate location: the centre of the neighbourhood that covers the postcode."""
    neighbourhood = neighbourhood_for_postcode(organisation=organisation, postcode=postcode)
    if neighbourhood is None:
        return Location()
    return Location(neighbourhood, neighbourhood.latitude, neighbourhood.longitude)


#: The example postcode of an organisation without neighbourhoods.
FALLBACK_EXAMPLE = "1234 AB"


def organisation_postcode_areas(organisation: Organisation) -> set[str]:
    """Every PC4 area the organisation's neighbourhoods cover (empty: no area set)."""
    areas: set[str] = set()
    for value in Neighbourhood.objects.filter(organisation=organisation).values_list(
            "postcode_areas", flat=True):
        if isinstance(value, list):
            areas.update(str(area).strip() for area in value)
    return areas


def postcode_outside_area(*, organisation: Organisation, postcode: str) -> bool:
    """True when the organisation has an area and the postcode is not in it."""
    pc4 = postcode_pc4(postcode)
    areas = organisation_postcode_areas(organisation)
    return bool(pc4 and areas and pc4 not in areas)


def example_postcode(organisation: Organisation | None) -> str:
    """A postcode inside the organisation's area, for the examples of a form."""
    areas = sorted(a for a in organisation_postcode_areas(organisation) if POSTCODE_RE.match(
        f"{a} AB")) if organisation is not None else []
    return f"{areas[0]} AB" if areas else FALLBACK_EXAMPLE

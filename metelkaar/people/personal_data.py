"""Personal data held by the people app, declared for export, erasure and the record.

See :mod:`metelkaar.privacy.registry`. Erasure keeps the person row (so
enrolments, matches and contact moments still count in reports) but
overwrites everything that identifies the person.
"""

from __future__ import annotations

import uuid

from django.db.models import QuerySet

from metelkaar.people.models import (
    Consent,
    Household,
    Membership,
    Neighbourhood,
    Organisation,
    Person,
    SensitiveProfile,
    User,
)
from metelkaar.people.names import name_key
from metelkaar.privacy import vocabulary as v
from metelkaar.privacy.registry import (
    COACH,
    COORDINATOR,
    ORG_ADMIN,
    PARTICIPANT,
    PARTNER,
    Erase,
    PersonalData,
    exempt,
    register,
)

ERASED_NAME = "[erased]"

PERSON_ANONYMISED = {
    "first_name": ERASED_NAME, "last_name": "", "email": "", "phone": "", "gender": "",
    "gender_self_described": "", "postcode": "", "latitude": None, "longitude": None,
    "languages": {}, "interests": [], "offers": [], "needs": [], "availability": [],
    "status_level": None, "pref_buddy_gender": [], "pref_age_min": None, "pref_age_max": None,
    "max_km": None, "about": "", "household": None,
    "name_key": name_key(ERASED_NAME),  # the search key held the name too (update() skips save())
}


def _erase_users(rows: QuerySet, person) -> int:
    """Delete the participant's account; a staff account is only unlinked."""
    staff = Membership.objects.filter(user__in=rows).values_list("user_id", flat=True)
    Person.objects.filter(pk=person.pk).update(user=None)
    deleted, _per_model = rows.exclude(pk__in=list(staff)).delete()
    return deleted


def _erase_person(rows: QuerySet, person) -> int:
    """Overwrite the profile and give the row a new public id, so old links go nowhere."""
    for row in rows:
        Person.objects.filter(pk=row.pk).update(**PERSON_ANONYMISED, public_id=uuid.uuid4())
    return len(rows)


def _erase_households(rows: QuerySet, person) -> int:
    """Rename a household whose name carries the person's name (or that is left empty)."""
    names = [n.lower() for n in (person.first_name, person.last_name) if len(n) > 1]
    touched = 0
    for household in rows:
        others = household.members.exclude(pk=person.pk).exclude(first_name=ERASED_NAME)
        if any(n in household.name.lower() for n in names) or not others.exists():
            Household.objects.filter(pk=household.pk).update(
                name=f"Household {str(household.public_id)[:8]}", children_birth_years=[]
            )
            touched += 1
    return touched


register(PersonalData(
    User, v.ACCOUNT, v.P_ACCOUNT, ("email", "full_name", "language", "date_joined"),
    Erase.DELETE, person_paths=("person",), on_erase=_erase_users,
    seen_by=(PARTICIPANT, COORDINATOR, ORG_ADMIN),
))
register(PersonalData(
    SensitiveProfile, v.SENSITIVE, v.P_SENSITIVE,
    ("origin", "refugee_status", "sexual_orientation", "updated_at"),
    Erase.DELETE, person_paths=("person",), special_category=True,
    seen_by=(PARTICIPANT, COORDINATOR), retention=v.R_SENSITIVE,
))
register(PersonalData(
    Consent, v.CONSENTS, v.P_EVIDENCE,
    ("purpose", "text_version", "given_by", "given_at", "withdrawn_at"),
    Erase.DELETE, person_paths=("person",), retention=v.R_CONSENT,
    seen_by=(PARTICIPANT, COORDINATOR, ORG_ADMIN),
))
register(PersonalData(
    Household, v.HOUSEHOLD, v.P_MATCHING, ("name", "children_birth_years", "created_at"),
    Erase.ANONYMISE, person_paths=("members",), on_erase=_erase_households,
    seen_by=(PARTICIPANT, PARTNER, COACH, COORDINATOR, ORG_ADMIN),
))
register(PersonalData(
    Person, v.PROFILE, v.P_MATCHING,
    ("first_name", "last_name", "email", "phone", "birth_year", "gender",
     "gender_self_described", "postcode", "neighbourhood", "household", "preferred_language",
     "languages", "interests", "offers", "needs", "availability", "status_level",
     "pref_buddy_gender", "pref_age_min", "pref_age_max", "max_km", "about", "created_at"),
    Erase.ANONYMISE, person_paths=("",), anonymise=PERSON_ANONYMISED, on_erase=_erase_person,
    seen_by=(PARTICIPANT, PARTNER, COACH, COORDINATOR, ORG_ADMIN),
))

exempt(Organisation, "the name of a welfare organisation, not of a person")
exempt(Neighbourhood, "the name and postcode areas of a neighbourhood, not of a person")

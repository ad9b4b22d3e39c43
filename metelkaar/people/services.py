"""Writes of people, their consents and their sensitive profile.

Special-category data (origin, residence status, sexual orientation) lives in
:class:`SensitiveProfile` and exists only while the person has an active
``sensitive_data`` consent: :func:`sensitive_profile_set` refuses without one
and :func:`consent_withdraw` deletes the data together with the consent.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from metelkaar.people.geo import location_for_postcode, postcode_normalise
from metelkaar.people.models import Consent, Organisation, Person, SensitiveProfile

# The profile fields a sign-up (or a later profile edit) may write.
PROFILE_FIELDS = (
    "first_name", "last_name", "email", "phone", "birth_year", "gender",
    "gender_self_described", "postcode", "languages", "interests", "offers", "needs",
    "availability", "pref_buddy_gender", "pref_age_min", "pref_age_max", "max_km",
    "preferred_language", "about",
)


class ConsentMissingError(Exception):
    """A write needs a consent that the person has not given (or has withdrawn)."""


def _apply_profile(person: Person, profile: dict[str, Any]) -> None:
    unknown = set(profile) - set(PROFILE_FIELDS)
    if unknown:
        raise ValueError(f"Unknown profile fields: {sorted(unknown)}")
    for name, value in profile.items():
        setattr(person, name, value)
    if person.email:
        person.email = person.email.strip().lower()
    person.postcode = postcode_normalise(person.postcode) or ""
    location = location_for_postcode(organisation=person.organisation, postcode=person.postcode)
    person.neighbourhood = location.neighbourhood
    person.latitude, person.longitude = location.latitude, location.longitude


def person_create(*, organisation: Organisation, profile: dict[str, Any]) -> Person:
    """Create a person from profile fields; location comes from the postcode area only."""
    person = Person(organisation=organisation)
    _apply_profile(person, profile)
    person.full_clean(exclude=["user", "household", "neighbourhood"], validate_unique=False)
    person.save()
    return person


def person_profile_update(*, person: Person, profile: dict[str, Any]) -> Person:
    """Overwrite the given profile fields of a person (and recompute the location)."""
    _apply_profile(person, profile)
    person.full_clean(exclude=["user", "household", "neighbourhood"], validate_unique=False)
    person.save()
    return person


def consent_active(*, person: Person, purpose: str) -> Consent | None:
    return Consent.objects.filter(person=person, purpose=purpose, withdrawn_at__isnull=True).first()


def consent_give(*, person: Person, purpose: str, given_by: str = "") -> Consent:
    """Record a consent; an already active consent for the purpose is kept as it is."""
    if purpose not in Consent.Purpose.values:
        raise ValueError(f"Unknown consent purpose {purpose!r}")
    with transaction.atomic():
        existing = consent_active(person=person, purpose=purpose)
        if existing is not None:
            return existing
        return Consent.objects.create(
            person=person, purpose=purpose, given_by=given_by[:200], given_at=timezone.now()
        )


def consent_withdraw(*, consent: Consent, by=None) -> Consent:
    """Withdraw a consent (the row is kept as evidence).

    Withdrawing the ``sensitive_data`` consent deletes the sensitive profile in
    the same transaction: that data may not outlive the consent.
    """
    now = timezone.now()
    with transaction.atomic():
        changed = Consent.objects.filter(pk=consent.pk, withdrawn_at__isnull=True).update(
            withdrawn_at=now
        )
        if changed != 1:
            raise ConsentMissingError(_("This consent has already been withdrawn."))
        if consent.purpose == Consent.Purpose.SENSITIVE_DATA:
            SensitiveProfile.objects.filter(person_id=consent.person_id).delete()
    consent.withdrawn_at = now
    return consent


def sensitive_profile_set(
    *, person: Person, origin: str = "", refugee_status: str = "", sexual_orientation: str = ""
) -> SensitiveProfile:
    """Store special-category data, only under an active ``sensitive_data`` consent."""
    with transaction.atomic():
        consent = (
            Consent.objects.select_for_update()
            .filter(
                person=person,
                purpose=Consent.Purpose.SENSITIVE_DATA,
                withdrawn_at__isnull=True,
            )
            .first()
        )
        if consent is None:
            raise ConsentMissingError(
                _("Sensitive data can only be saved with the person's consent.")
            )
        profile, _created = SensitiveProfile.objects.update_or_create(
            person=person,
            defaults={
                "consent": consent,
                "origin": origin[:100],
                "refugee_status": refugee_status[:30],
                "sexual_orientation": sexual_orientation[:50],
            },
        )
    return profile


def person_set_language(*, user, language: str) -> None:
    """Store the language a signed-in user chose: on their person, and on the account
    when staff pages have it (staff pages and staff e-mails use the account's)."""
    from django.conf import settings

    person = getattr(user, "person", None)
    if person is not None and person.preferred_language != language:
        person.preferred_language = language
        person.save(update_fields=["preferred_language"])
    if language in settings.STAFF_LANGUAGES and user.language != language:
        user.language = language
        user.save(update_fields=["language"])


def person_language_update(*, person: Person, language: str) -> Person:
    """A coordinator sets the language a person reads (at intake, after a phone call)."""
    person.preferred_language = language
    person.full_clean(exclude=["user", "household", "neighbourhood"], validate_unique=False)
    person.save(update_fields=["preferred_language"])
    return person
